"""Deterministic synthetic records at town or province scale, for demos and benchmarks.

``generate("province")`` builds a province (13 districts, ~100 communes and wards, ~3.000
cells, ~100.000 members) with five years (2020–2024) of member events, inspections,
supervisions, discipline, petitions, dialogues and monthly indicator values; ``"town"`` builds
one town of 15 communes and wards (~4.500 members). The same scale always gives the same
records (a seeded ``random.Random``), so benchmark figures are comparable between runs.

Rows are written with ``bulk_create`` in batches; organisation paths are set level by level
(``Organisation.save`` would cost three queries a unit).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from django.db import transaction

from capuy.errors import InputError
from capuy.indicators.catalogue import ensure_computed_indicators
from capuy.indicators.models import Indicator, IndicatorValue, Target, ValidationRule
from capuy.members.models import Affiliation, Member, MemberEvent, MemberRating, OrganisationRating
from capuy.orgs.models import Organisation
from capuy.oversight.models import (
    AssetVerification,
    DisciplineDecision,
    Oversight,
    OversightSubject,
)
from capuy.petitions.models import Petition, PetitionCase, Reception
from capuy.text import shift_months

__all__ = ["SCALES", "Scale", "generate"]

T = TypeVar("T")
START, END = dt.date(2020, 1, 1), dt.date(2024, 12, 31)
BATCH = 2000


@dataclass(frozen=True)
class Scale:
    districts: int
    communes_per_district: int
    cells_per_commune: int
    members_per_cell: int


SCALES = {
    "town": Scale(districts=1, communes_per_district=15, cells_per_commune=10, members_per_cell=30),
    "province": Scale(
        districts=13, communes_per_district=8, cells_per_commune=29, members_per_cell=33
    ),
}

_SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Huỳnh",
    "Võ",
    "Phan",
    "Trương",
    "Bùi",
    "Đặng",
    "Đỗ",
    "Ngô",
    "Hồ",
    "Dương",
    "Đinh",
]
_MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Hữu", "Đức", "Thu", "Xuân"]
_GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Hà",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phúc",
    "Quang",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trung",
    "Tuấn",
    "Vân",
]
_PLACES = ["Phổ", "Bình", "Nghĩa", "Tịnh", "Đức", "Hành", "Sơn", "Ba", "Trà", "Minh"]
_TOWN_PLACES = ["An", "Châu", "Hòa", "Minh", "Ninh", "Quang", "Thạnh", "Thuận", "Văn", "Vinh"]


def _batches(rows: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    batch: list[T] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _months() -> list[tuple[dt.date, dt.date]]:
    out = []
    for year in range(START.year, END.year + 1):
        for month in range(1, 13):
            first = dt.date(year, month, 1)
            out.append((first, shift_months(first, 1) - dt.timedelta(days=1)))
    return out


class _Generator:
    def __init__(
        self,
        scale: Scale,
        seed: int,
        advance: Callable[[str, int], None],
        *,
        quiet: tuple[dt.date, dt.date] | None = None,
        recent_share: float = 0.16,
    ) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        self.advance = advance
        self.quiet = quiet  # member events and receptions are never dated in this window
        self.recent_share = recent_share

    def _event_day(self, start: dt.date, end: dt.date) -> dt.date:
        """A day in [start, end] outside the quiet window (if the range leaves room)."""
        for _ in range(50):
            day = _day(self.rng, start, end)
            if self.quiet is None or not (self.quiet[0] <= day <= self.quiet[1]):
                return day
        return day

    def _admission_day(self) -> dt.date:
        """A recent admission whose recognition (12 months on) also avoids the quiet window."""
        for _ in range(50):
            day = self._event_day(START, END)
            later = shift_months(day, 12)
            if self.quiet is None or not (self.quiet[0] <= later <= self.quiet[1]):
                return day
        return day

    # --- organisations ----------------------------------------------------------------------

    def _level(self, rows: list[Organisation]) -> list[Organisation]:
        created = Organisation.objects.bulk_create(rows, batch_size=BATCH)
        parents = {o.parent_id for o in created if o.parent_id}
        paths = dict(Organisation.objects.filter(pk__in=parents).values_list("pk", "path"))
        for org in created:
            org.path = f"{paths.get(org.parent_id, '/')}{org.pk}/"
        Organisation.objects.bulk_update(created, ["path"], batch_size=BATCH)
        return created

    def organisations(
        self, town: bool
    ) -> tuple[Organisation, list[Organisation], list[Organisation]]:
        scale = self.scale
        suffix = (
            ""
            if not Organisation.objects.filter(name__startswith="Đảng bộ tỉnh Quảng Ngãi").exists()
            else " (dữ liệu mẫu)"
        )
        if town:
            (root,) = self._level(
                [
                    Organisation(
                        name=f"Đảng bộ thị xã Đức Phổ{suffix}",
                        committee_name="Thị ủy Đức Phổ",
                        kind="dang_bo_huyen",
                        code="TU",
                        valid_from=dt.date(2020, 4, 1),
                    )
                ]
            )
            districts = [root]
        else:
            (root,) = self._level(
                [
                    Organisation(
                        name=f"Đảng bộ tỉnh Quảng Ngãi{suffix}",
                        committee_name="Tỉnh ủy Quảng Ngãi",
                        kind="dang_bo_tinh",
                        code="TU",
                    )
                ]
            )
            districts = self._level(
                [
                    Organisation(
                        name=f"Đảng bộ huyện {_PLACES[i % 10]} {i + 1}",
                        committee_name=f"Huyện ủy {_PLACES[i % 10]} {i + 1}",
                        kind="dang_bo_huyen",
                        code="HU",
                        parent=root,
                        position=i,
                    )
                    for i in range(scale.districts)
                ]
            )
        communes = self._level(
            [
                Organisation(
                    name=f"Đảng bộ {word} {prefix} {_TOWN_PLACES[j % 10]}{'' if j < 10 else ' ' + str(j)}",
                    committee_name=f"Đảng ủy {word} {prefix} {_TOWN_PLACES[j % 10]}{'' if j < 10 else ' ' + str(j)}",
                    kind="dang_bo_co_so",
                    code="ĐU",
                    parent=district,
                    position=j,
                )
                for d, district in enumerate(districts)
                for prefix in [_PLACES[d % 10]]
                for j in range(scale.communes_per_district)
                for word in ["phường" if j % 2 == 0 else "xã"]
            ]
        )
        cells = self._level(
            [
                Organisation(
                    name=f"Chi bộ {'Tổ dân phố' if 'phường' in commune.name else 'Thôn'} {k + 1} — {commune.name.removeprefix('Đảng bộ ')}",
                    kind="chi_bo_truc_thuoc",
                    code="CB",
                    parent=commune,
                    position=k,
                )
                for commune in communes
                for k in range(scale.cells_per_commune)
            ]
        )
        self.advance("tổ chức đảng", 1 + len(districts) + len(communes) + len(cells))
        return root, communes, cells

    # --- members ----------------------------------------------------------------------------

    def members(
        self, cells: list[Organisation], per_cell: Callable[[Organisation], int] | None = None
    ) -> list[Member]:
        rng = self.rng
        by_commune: dict[int, list[Organisation]] = {}
        for cell in cells:
            assert cell.parent_id is not None
            by_commune.setdefault(cell.parent_id, []).append(cell)
        plans: list[dict[str, Any]] = []
        for cell in cells:
            for _ in range(per_cell(cell) if per_cell else self.scale.members_per_cell):
                recent = rng.random() < self.recent_share
                admitted = (
                    self._admission_day()
                    if recent
                    else _day(rng, dt.date(1955, 1, 1), dt.date(2019, 12, 31))
                )
                born = shift_months(admitted, -12 * rng.randint(18, 40))
                plan: dict[str, Any] = {
                    "cell": cell,
                    "admitted": admitted,
                    "born": born,
                    "name": f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}",
                    "gender": rng.choice(("nam", "nu")),
                    "move": None,
                    "leave": None,
                }
                after = max(admitted, START) + dt.timedelta(days=30)
                if after < END and rng.random() < 0.04:
                    siblings = by_commune[cell.parent_id]
                    plan["move"] = (self._event_day(after, END), rng.choice(siblings))
                if after < END and rng.random() < 0.05:
                    kind = rng.choices(
                        ["strike_off", "removal", "death", "resignation", "transfer_out_official"],
                        weights=[30, 20, 35, 5, 10],
                    )[0]
                    start = plan["move"][0] + dt.timedelta(days=1) if plan["move"] else after
                    if start < END:
                        plan["leave"] = (self._event_day(start, END), kind)
                plans.append(plan)
        members = []
        for batch in _batches(plans):
            rows = []
            for p in batch:
                recognised = shift_months(p["admitted"], 12)
                leave = p["leave"]
                rows.append(
                    Member(
                        organisation=p["move"][1] if p["move"] else p["cell"],
                        full_name=p["name"],
                        gender=p["gender"],
                        birth_date=p["born"],
                        admitted_on=p["admitted"],
                        recognised_on=recognised
                        if recognised <= END and (not leave or recognised < leave[0])
                        else None,
                        left_on=leave[0] if leave else None,
                        left_reason=leave[1] if leave else "",
                    )
                )
            members.extend(Member.objects.bulk_create(rows))
            self.advance("đảng viên", len(rows))
        self._member_history(members, plans)
        return members

    def _member_history(self, members: list[Member], plans: list[dict[str, Any]]) -> None:
        affiliations: list[Affiliation] = []
        events: list[MemberEvent] = []
        for member, p in zip(members, plans, strict=True):
            leave = p["leave"]
            if p["move"]:
                day, target = p["move"]
                affiliations.append(
                    Affiliation(member=member, organisation=p["cell"], start=p["admitted"], end=day)
                )
                affiliations.append(
                    Affiliation(
                        member=member,
                        organisation=target,
                        start=day,
                        end=leave[0] if leave else None,
                    )
                )
                events.append(
                    MemberEvent(
                        member=member, kind="transfer_internal", date=day, organisation=target
                    )
                )
            else:
                affiliations.append(
                    Affiliation(
                        member=member,
                        organisation=p["cell"],
                        start=p["admitted"],
                        end=leave[0] if leave else None,
                    )
                )
            if p["admitted"] >= START:
                events.append(
                    MemberEvent(
                        member=member, kind="admission", date=p["admitted"], organisation=p["cell"]
                    )
                )
            if member.recognised_on and member.recognised_on >= START:
                unit = (
                    p["cell"]
                    if not p["move"] or member.recognised_on < p["move"][0]
                    else p["move"][1]
                )
                events.append(
                    MemberEvent(
                        member=member,
                        kind="recognition",
                        date=member.recognised_on,
                        organisation=unit,
                    )
                )
            if leave:
                events.append(
                    MemberEvent(
                        member=member,
                        kind=leave[1],
                        date=leave[0],
                        organisation=member.organisation,
                    )
                )
        for batch in _batches(affiliations):
            Affiliation.objects.bulk_create(batch)
        for batch in _batches(events):
            MemberEvent.objects.bulk_create(batch)
            self.advance("biến động", len(batch))

    def ratings(self, members: list[Member], units: list[Organisation]) -> None:
        """Yearly quality ratings of the last two years, for members and units present then."""
        rng = self.rng
        codes, weights = ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"], [15, 75, 8, 2]
        rows: list[MemberRating] = []
        for year in (END.year - 1, END.year):
            year_end = dt.date(year, 12, 31)
            for m in members:
                if (
                    m.admitted_on
                    and m.admitted_on <= year_end
                    and (m.left_on is None or m.left_on > year_end)
                ):
                    rows.append(
                        MemberRating(member=m, year=year, rating=rng.choices(codes, weights)[0])
                    )
        for batch in _batches(rows):
            MemberRating.objects.bulk_create(batch)
        OrganisationRating.objects.bulk_create(
            OrganisationRating(
                organisation=u, year=year, rating=rng.choices(codes, [20, 70, 8, 2])[0]
            )
            for u in units
            for year in (END.year - 1, END.year)
        )
        self.advance("xếp loại chất lượng", len(rows))

    # --- oversight, petitions, dialogues ---------------------------------------------------------

    def oversight(self, units: list[Organisation], members: list[Member]) -> None:
        rng = self.rng
        by_unit: dict[int, list[Member]] = {}
        for m in members:
            by_unit.setdefault(m.organisation_id, []).append(m)
        cells_of: dict[int, list[int]] = {}
        for org_id, parent_id in Organisation.objects.filter(parent__in=units).values_list(
            "pk", "parent_id"
        ):
            cells_of.setdefault(parent_id, []).append(org_id)
        oversights, subjects_plan, decisions = [], [], []
        verifications: list[AssetVerification] = []
        for unit in units:
            pool = [m for c in [*cells_of.get(unit.pk, []), unit.pk] for m in by_unit.get(c, [])]
            for year in range(START.year, END.year + 1):
                for activity, n in (
                    ("inspection", rng.randint(2, 5)),
                    ("supervision", rng.randint(3, 7)),
                ):
                    for _ in range(n):
                        kind = (
                            rng.choice(
                                ["thuong_xuyen", "chuyen_de", "dau_hieu_vi_pham", "tai_chinh_dang"]
                            )
                            if activity == "inspection"
                            else rng.choice(["gs_thuong_xuyen", "gs_chuyen_de"])
                        )
                        started = _day(rng, dt.date(year, 1, 1), dt.date(year, 12, 31))
                        oversights.append(
                            Oversight(
                                organisation=unit,
                                activity=activity,
                                body=rng.choice(["committee", "inspection_commission"]),
                                kind=kind,
                                subject_matter="Việc thực hiện nghị quyết, quy chế làm việc",
                                started_on=started,
                                concluded_on=min(started + dt.timedelta(days=30), END),
                                violation_found=rng.random() < 0.1,
                            )
                        )
                        subjects_plan.append(
                            [rng.choice(pool) for _ in range(rng.randint(0, 3))] if pool else []
                        )
                for _ in range(rng.randint(0, 2) if pool else 0):
                    cadre = rng.choice(pool)
                    verifications.append(
                        AssetVerification(
                            organisation_id=cadre.organisation_id,
                            member=cadre,
                            declaration_year=year - 1,
                            verified_on=_day(rng, dt.date(year, 3, 1), dt.date(year, 11, 30)),
                            outcome="trung_thuc" if rng.random() < 0.97 else "khong_trung_thuc",
                        )
                    )
                for _ in range(rng.randint(0, 4)):
                    if not pool:
                        break
                    member = rng.choice(pool)
                    decisions.append(
                        DisciplineDecision(
                            organisation_id=member.organisation_id,
                            subject_member=member,
                            form=rng.choices(
                                ["khien_trach", "canh_cao", "cach_chuc", "khai_tru"],
                                weights=[70, 22, 5, 3],
                            )[0],
                            deciding_body=rng.choice(
                                ["chi_bo", "dang_uy_co_so", "ubkt_co_so", "ubkt"]
                            ),
                            decided_on=_day(rng, dt.date(year, 1, 1), dt.date(year, 12, 31)),
                            reason="Vi phạm những điều đảng viên không được làm",
                        )
                    )
                if rng.random() < 0.05:
                    decisions.append(
                        DisciplineDecision(
                            organisation=unit,
                            subject_organisation=unit,
                            form="khien_trach",
                            deciding_body="ban_thuong_vu",
                            decided_on=_day(rng, dt.date(year, 1, 1), dt.date(year, 12, 31)),
                            reason="Thiếu trách nhiệm trong lãnh đạo, chỉ đạo",
                        )
                    )
        created = []
        for batch in _batches(oversights):
            created.extend(Oversight.objects.bulk_create(batch))
        subjects = []
        for record, chosen in zip(created, subjects_plan, strict=True):
            subjects.append(
                OversightSubject(oversight=record, subject_organisation_id=record.organisation_id)
            )
            subjects.extend(OversightSubject(oversight=record, subject_member=m) for m in chosen)
        for batch in _batches(subjects):
            OversightSubject.objects.bulk_create(batch)
        for batch in _batches(decisions):
            DisciplineDecision.objects.bulk_create(batch)
        for verification_batch in _batches(verifications):
            AssetVerification.objects.bulk_create(verification_batch)
        self.advance("kiểm tra, giám sát, kỷ luật", len(created) + len(decisions))

    def petitions(self, units: list[Organisation]) -> None:
        rng = self.rng
        kinds = ["to_cao", "khieu_nai", "phan_anh", "yeu_cau", "kien_nghi"]
        letters: list[Petition] = []
        receptions: list[Reception] = []
        for unit in units:
            cases = PetitionCase.objects.bulk_create(
                PetitionCase(
                    organisation=unit, title=f"Vụ việc {i + 1}", opened_on=_day(rng, START, END)
                )
                for i in range(rng.randint(15, 30))
            )
            for case in cases:
                for _ in range(1 if rng.random() < 0.85 else 2):
                    received = _day(
                        rng, case.opened_on, min(case.opened_on + dt.timedelta(days=60), END)
                    )
                    own = rng.random() < 0.15
                    handled = received + dt.timedelta(days=rng.randint(3, 90))
                    if own:
                        handling = (
                            "resolved" if handled <= END and rng.random() < 0.8 else "in_progress"
                        )
                    elif handled > END:
                        handling = ""  # not handled yet when the records end
                    else:
                        handling = "forwarded" if rng.random() < 0.7 else "filed"
                    letters.append(
                        Petition(
                            organisation=unit,
                            case=case,
                            kind=rng.choices(kinds, weights=[25, 25, 15, 15, 20])[0],
                            received_on=received,
                            summary="Tranh chấp, bồi thường đất đai",
                            jurisdiction="own" if own else "other",
                            handling=handling,
                            handled_on=None if handling in ("", "in_progress") else handled,
                        )
                    )
            for year in range(START.year, END.year + 1):
                for _ in range(rng.randint(2, 5)):
                    raised = rng.randint(5, 30)
                    receptions.append(
                        Reception(
                            organisation=unit,
                            kind=rng.choice(["dialogue", "reception"]),
                            date=self._event_day(dt.date(year, 1, 1), dt.date(year, 12, 31)),
                            place=f"Thôn {rng.randint(1, 12)}",
                            host="Bí thư",
                            attendance=rng.randint(40, 200),
                            opinions_raised=raised,
                            opinions_resolved=rng.randint(0, raised),
                        )
                    )
        for letter_batch in _batches(letters):
            Petition.objects.bulk_create(letter_batch)
        for reception_batch in _batches(receptions):
            Reception.objects.bulk_create(reception_batch)
        self.advance("đơn thư, đối thoại", len(letters) + len(receptions))

    # --- indicators ---------------------------------------------------------------------------

    def indicators(
        self, root: Organisation, districts: list[Organisation], communes: list[Organisation]
    ) -> None:
        rng = self.rng
        computed = {i.code: i for i in ensure_computed_indicators()}

        def entered(code: str, name: str, unit: str, rule: str, **extra: Any) -> Indicator:
            indicator, _ = Indicator.objects.update_or_create(
                code=code,
                defaults={"name": name, "unit": unit, "rollup": rule, "required": True, **extra},
            )
            return indicator

        households = entered("ho_dan", "Tổng số hộ dân", "hộ", "latest")
        poor = entered("ho_ngheo", "Số hộ nghèo", "hộ", "latest")
        entered(
            "ty_le_ho_ngheo",
            "Tỷ lệ hộ nghèo",
            "%",
            "ratio",
            numerator=poor,
            denominator=households,
            required=False,
        )
        income = entered(
            "thu_nhap_binh_quan",
            "Thu nhập bình quân đầu người",
            "triệu đồng/tháng",
            "weighted_average",
            weight=households,
        )
        recruits = entered("giao_quan", "Số thanh niên nhập ngũ", "người", "sum")
        revenue = entered("thu_ngan_sach", "Thu ngân sách nhà nước", "triệu đồng", "sum")
        ValidationRule.objects.get_or_create(
            left=poor,
            operator="<=",
            right=households,
            defaults={"message": "Số hộ nghèo không thể lớn hơn tổng số hộ dân."},
        )
        rows = []
        for commune in communes:
            hh = rng.randint(1500, 6000)
            poor_rate = rng.uniform(0.02, 0.09)
            income_level = rng.uniform(3.0, 6.0)
            for first, last in _months():
                hh += rng.randint(-5, 12)
                poor_rate = max(0.005, poor_rate - rng.uniform(0, 0.0008))
                income_level += rng.uniform(0, 0.04)
                late = rng.random() < 0.1
                submitted = last + dt.timedelta(
                    days=rng.randint(4, 12) if late else rng.randint(0, 3)
                )
                for indicator, value in (
                    (households, hh),
                    (poor, round(hh * poor_rate)),
                    (income, round(income_level, 2)),
                    (recruits, rng.randint(0, 4) if first.month in (1, 2) else 0),
                    (revenue, rng.randint(300, 3000)),
                ):
                    rows.append(
                        IndicatorValue(
                            indicator=indicator,
                            organisation=commune,
                            period_start=first,
                            period_end=last,
                            value=Decimal(str(value)),
                            submitted_on=submitted,
                        )
                    )
        for batch in _batches(rows):
            IndicatorValue.objects.bulk_create(batch)
        targets = []
        for org, size in [(root, 1.0)] + [
            (d, 1.0 / max(len(districts), 1)) for d in districts if d != root
        ]:
            members = 100_000 * size if len(districts) > 1 else 4500 * size
            for year in range(START.year, END.year + 1):
                targets.append(
                    Target(
                        indicator=computed["ket_nap"],
                        organisation=org,
                        start=dt.date(year, 1, 1),
                        end=dt.date(year, 12, 31),
                        label=f"năm {year}",
                        value=Decimal(round(members * 0.032)),
                        source="tỉnh giao",
                    )
                )
        Target.objects.bulk_create(targets)
        self.advance("số liệu chỉ tiêu", len(rows))


def generate(
    scale: str, *, seed: int = 2024, advance: Callable[[str, int], None] | None = None
) -> Organisation:
    """Create the synthetic records of ``scale`` ("town" or "province"); returns the root unit."""
    if scale not in SCALES:
        raise InputError(
            f"Quy mô không hợp lệ: {scale} (chọn town hoặc province).",
            f"unknown scale {scale!r} (town or province)",
        )
    gen = _Generator(SCALES[scale], seed, advance or (lambda _label, _n: None))
    with transaction.atomic():
        root, communes, cells = gen.organisations(town=scale == "town")
        districts = (
            list(Organisation.objects.filter(parent=root)) if scale == "province" else [root]
        )
        members = gen.members(cells)
        gen.ratings(members, communes + cells)
        gen.oversight(communes, members)
        gen.petitions(communes + ([root] if scale == "town" else districts))
        gen.indicators(root, districts, communes)
    return root


def expected_rows(scale: str) -> int:
    """Roughly how many progress steps ``generate`` reports (for a progress bar's total)."""
    s = SCALES[scale]
    communes = s.districts * s.communes_per_district
    cells = communes * s.cells_per_commune
    members = cells * s.members_per_cell
    return (
        cells
        + communes
        + members
        + int(members * 0.45)
        + communes * 40
        + communes * 130
        + communes * 300
    )
