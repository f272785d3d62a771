"""Every statistics function, fed records that match a seed's statement, states it as the seed does.

Each case quotes the seed line it reproduces (file, line number, the words). The test checks the
quote really is on that line of the seed (markdown emphasis ``*`` dropped), loads records into
the database that match the statement — spread over the units of the subtree, with noise outside
the subtree and outside the period that must not be counted — and compares the function's
sentence with the quote. Runs on SQLite and on PostgreSQL (scripts/test.sh).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest

from capuy.indicators.models import Indicator, Target
from capuy.members import stats as member_stats
from capuy.members.models import Affiliation, Member, MemberEvent
from capuy.members.services import admit, record_event
from capuy.orgs.models import Organisation
from capuy.oversight import stats as oversight_stats
from capuy.oversight.models import (
    AssetVerification,
    DisciplineDecision,
    Oversight,
    OversightSubject,
)
from capuy.petitions import stats as petition_stats
from capuy.petitions.models import Petition, PetitionCase, Reception
from capuy.stats.statement import Statement
from tests.conftest import seed
from tests.web.conftest import Tree

pytestmark = pytest.mark.django_db

D = dt.date
_names = (f"Nguyễn Văn {chr(65 + i % 26)}{i}" for i in itertools.count())


def seed_line(prefix: str, number: int) -> str:
    """Line ``number`` (1-based) of the seed, without markdown emphasis."""
    lines = seed(prefix).read_text(encoding="utf-8").splitlines()
    return lines[number - 1].replace("*", "")


@dataclass
class World:
    """The conftest tree plus a sibling district (noise outside the town's subtree)."""

    tree: Tree
    other_district: Organisation
    cells: list[Organisation]

    @property
    def town(self) -> Organisation:
        return self.tree.town


@pytest.fixture
def world(tree: Tree) -> World:
    other = Organisation.objects.create(
        name="Đảng bộ huyện Bình Sơn",
        committee_name="Huyện ủy Bình Sơn",
        kind="dang_bo_huyen",
        code="HU",
        parent=tree.province,
    )
    cell2 = Organisation.objects.create(
        name="Chi bộ Tổ dân phố 2", kind="chi_bo_truc_thuoc", code="CB", parent=tree.pho_minh
    )
    return World(tree, other, [tree.pho_hoa_cell, cell2, tree.pho_hoa, tree.pho_minh])


def spread(world: World, n: int) -> list[Organisation]:
    """``n`` units of the town's subtree, round robin."""
    return [world.cells[i % len(world.cells)] for i in range(n)]


def dates_in(start: dt.date, end: dt.date, n: int) -> list[dt.date]:
    span = (end - start).days
    return [start + dt.timedelta(days=(i * span) // max(n - 1, 1)) for i in range(n)]


def new_member(org: Organisation, admitted: dt.date) -> Member:
    return admit(org, next(_names), "nam", admitted)


def events(world: World, kind: str, n: int, start: dt.date, end: dt.date) -> None:
    """``n`` events of ``kind`` in the period in the town, plus one outside the subtree and one
    the day after the period (neither may be counted)."""
    for org, day in zip(spread(world, n), dates_in(start, end, n), strict=True):
        member = new_member(org, D(2010, 5, 19))
        if kind != "admission":
            record_event(member, kind, day)
        else:
            MemberEvent.objects.filter(member=member).update(date=day)
    for org, day in [(world.other_district, start), (world.tree.pho_hoa, end + dt.timedelta(1))]:
        member = new_member(org, D(2010, 5, 19))
        record_event(member, kind if kind != "admission" else "recognition", day)
        if kind == "admission":
            MemberEvent.objects.filter(member=member, kind="admission").update(date=day)


def admissions_target(world: World, value: int, year: int, source: str) -> None:
    indicator = Indicator.objects.create(
        code="ket_nap",
        name="Kết nạp đảng viên",
        unit="đảng viên",
        rollup="sum",
        source="members.admissions",
    )
    Target.objects.create(
        indicator=indicator,
        organisation=world.town,
        start=D(year, 1, 1),
        end=D(year, 12, 31),
        label=f"năm {year}",
        value=Decimal(value),
        source=source,
    )


def discipline(
    world: World,
    forms: dict[tuple[str, str], int],
    orgs: dict[str, int],
    start: dt.date,
    end: dt.date,
) -> None:
    """Member decisions {(deciding body, form): n} and organisation decisions {form: n}."""
    items = [(body, form) for (body, form), n in forms.items() for _ in range(n)]
    for (body, form), org, day in zip(
        items, spread(world, len(items)), dates_in(start, end, len(items)), strict=True
    ):
        member = new_member(org, D(2005, 1, 1))
        DisciplineDecision.objects.create(
            organisation=org,
            subject_member=member,
            form=form,
            deciding_body=body,
            decided_on=day,
            reason="Vi phạm quy chế làm việc",
        )
    org_items = [form for form, n in orgs.items() for _ in range(n)]
    for form, org in zip(org_items, spread(world, len(org_items)), strict=True):
        DisciplineDecision.objects.create(
            organisation=org,
            subject_organisation=org,
            form=form,
            deciding_body="ban_thuong_vu",
            decided_on=start,
            reason="Thiếu trách nhiệm trong lãnh đạo",
        )
    # noise: the sibling district and the day before the period
    outsider = new_member(world.other_district, D(2005, 1, 1))
    DisciplineDecision.objects.create(
        organisation=world.other_district,
        subject_member=outsider,
        form="canh_cao",
        deciding_body="chi_bo",
        decided_on=start,
        reason="x",
    )
    DisciplineDecision.objects.create(
        organisation=world.tree.pho_hoa,
        subject_organisation=world.tree.pho_hoa,
        form="khien_trach",
        deciding_body="ban_thuong_vu",
        decided_on=start - dt.timedelta(1),
        reason="x",
    )


def oversight(
    world: World,
    activity: str,
    kind: str,
    members: int,
    orgs: int,
    start: dt.date,
    end: dt.date,
    body: str = "committee",
) -> None:
    """Oversights in the town's units with ``members`` member subjects and ``orgs`` unit subjects."""
    total = members + orgs
    units = spread(world, total)
    days = dates_in(start, end, total)
    for i in range(total):
        record = Oversight.objects.create(
            organisation=units[i],
            activity=activity,
            body=body,
            kind=kind,
            subject_matter="Việc thực hiện quy chế làm việc",
            started_on=days[i],
        )
        if i < members:
            OversightSubject.objects.create(
                oversight=record, subject_member=new_member(units[i], D(2000, 1, 1))
            )
        else:
            OversightSubject.objects.create(oversight=record, subject_organisation=units[i])
    noise = Oversight.objects.create(
        organisation=world.other_district,
        activity=activity,
        body="committee",
        kind=kind,
        subject_matter="x",
        started_on=start,
    )
    OversightSubject.objects.create(oversight=noise, subject_organisation=world.other_district)


def assets_001(world: World) -> None:
    """Seed 001: nine cadres' 2023 declarations verified in Q1/2024 (and one from 2022 in the
    previous quarter, not counted)."""
    for i, org in enumerate(spread(world, 9)):
        AssetVerification.objects.create(
            organisation=org,
            member=new_member(org, D(2001, 1, 1)),
            declaration_year=2023,
            verified_on=D(2024, 3, 1 + i),
            outcome="trung_thuc",
        )
    AssetVerification.objects.create(
        organisation=world.tree.pho_hoa,
        member=new_member(world.tree.pho_hoa, D(2001, 1, 1)),
        declaration_year=2022,
        verified_on=D(2023, 12, 20),
        outcome="trung_thuc",
    )


def ratings_003(world: World) -> None:
    """Seed 003: 2023 ratings — 46 of 49 grassroots organisations and 1.850 of 1.960 members
    "hoàn thành tốt nhiệm vụ trở lên" (both above 90%); a cell's rating does not count."""
    from capuy.members.models import MemberRating, OrganisationRating

    grassroots = []
    for i in range(49):
        grassroots.append(
            Organisation.objects.create(
                name=f"Đảng bộ cơ sở {i}",
                kind="dang_bo_co_so" if i % 3 else "chi_bo_co_so",
                code="ĐU",
                parent=world.town,
            )
        )
    for i, org in enumerate(grassroots):
        OrganisationRating.objects.create(
            organisation=org, year=2023, rating="tot" if i >= 3 else "hoan_thanh"
        )
    OrganisationRating.objects.create(
        organisation=world.tree.pho_hoa_cell, year=2023, rating="khong_hoan_thanh"
    )
    members = Member.objects.bulk_create(
        Member(organisation=grassroots[i % 49], full_name=f"ĐV {i}", gender="nam")
        for i in range(1960)
    )
    MemberRating.objects.bulk_create(
        MemberRating(
            member=m,
            year=2023,
            rating="xuat_sac" if i < 300 else "tot" if i < 1850 else "hoan_thanh",
        )
        for i, m in enumerate(members)
    )


def petitions_001(world: World) -> None:
    """Seed 001, Q1/2024: 37 letters by kind; 25 forwarded, 10 filed, 02 in hand."""
    kinds = (
        ["to_cao"] * 11 + ["khieu_nai"] * 9 + ["phan_anh"] * 5 + ["yeu_cau"] * 8 + ["kien_nghi"] * 4
    )
    handling = ["forwarded"] * 25 + ["filed"] * 10 + ["in_progress"] * 2
    days = dates_in(D(2024, 1, 2), D(2024, 3, 20), 37)
    for kind, how, day in zip(kinds, handling, days, strict=True):
        Petition.objects.create(
            organisation=world.town,
            kind=kind,
            received_on=day,
            summary="Tranh chấp đất đai",
            jurisdiction="own" if how == "in_progress" else "other",
            handling=how,
            handled_on=None if how == "in_progress" else day + dt.timedelta(5),
        )
    Petition.objects.create(  # received in the previous quarter: carried over, not received
        organisation=world.town,
        kind="to_cao",
        received_on=D(2023, 12, 20),
        summary="x",
        jurisdiction="own",
        handling="in_progress",
    )


def letters_001(world: World) -> None:
    """Seed 001 (State figures): 228 letters / 214 cases received; 03 / 03 carried over; of 26
    in-jurisdiction complaint and denunciation cases (23 new, 03 carried) 19 resolved."""
    start = D(2024, 1, 1)
    cases = [
        PetitionCase.objects.create(organisation=world.town, title=f"Vụ {i}", opened_on=start)
        for i in range(214)
    ]
    # 228 letters on 214 cases: the first 14 cases get two letters each
    owners = cases + cases[:14]
    days = dates_in(start, D(2024, 3, 10), 228)
    own_cases = {c.pk for c in cases[:23]}
    resolved_new = {c.pk for c in cases[:16]}
    for case, day in zip(owners, days, strict=True):
        own = case.pk in own_cases
        done = case.pk in resolved_new
        Petition.objects.create(
            organisation=world.tree.pho_hoa if case.pk % 2 else world.town,
            case=case,
            kind="khieu_nai" if own else "kien_nghi",
            received_on=day,
            summary="x",
            jurisdiction="own" if own else "other",
            handling=("resolved" if done else "in_progress") if own else "forwarded",
            handled_on=D(2024, 3, 12) if (done or not own) else None,
        )
    for i in range(3):  # carried over from the previous period, all three resolved in Q1
        case = PetitionCase.objects.create(
            organisation=world.town, title=f"Cũ {i}", opened_on=D(2023, 11, 1)
        )
        Petition.objects.create(
            organisation=world.town,
            case=case,
            kind="to_cao",
            received_on=D(2023, 11, 5),
            summary="x",
            jurisdiction="own",
            handling="resolved",
            handled_on=D(2024, 2, 1),
        )


def dialogues_003(world: World) -> None:
    """Seed 003: 16 dialogues of the town secretary; 15/15 communes and wards held 186 dialogues
    at 83 villages and residential groups."""
    town = world.town
    for i in range(16):
        Reception.objects.create(
            organisation=town,
            kind="dialogue",
            date=D(2021 + i % 4, 3, 1 + i),
            place=f"Phường Phổ {i}",
            host="Bí thư Thị ủy",
        )
    wards = [world.tree.pho_hoa, world.tree.pho_minh]
    for i in range(13):
        word = "phường" if i < 6 else "xã"
        wards.append(
            Organisation.objects.create(
                name=f"Đảng bộ {word} Phổ {i}",
                committee_name=f"Đảng ủy {word} Phổ {i}",
                kind="dang_bo_co_so",
                code="ĐU",
                parent=town,
            )
        )
    places = [f"Thôn {i}" for i in range(83)]
    for i in range(186):
        Reception.objects.create(
            organisation=wards[i % 15],
            kind="dialogue",
            date=D(2021 + i % 4, 6, 1 + i % 28),
            place=places[i % 83],
            host="Bí thư đảng ủy",
        )
    Reception.objects.create(  # a citizen reception is not a dialogue
        organisation=town, kind="reception", date=D(2022, 1, 5), place="Trụ sở Thị ủy"
    )


def members_003(world: World) -> None:
    """4.470 members in the town's units on the day; some who left or were not yet admitted."""
    members = Member.objects.bulk_create(
        Member(
            organisation=org, full_name=f"Đảng viên {i}", gender="nam", admitted_on=D(2000, 1, 1)
        )
        for i, org in enumerate(spread(world, 4473))
    )
    rows = [
        Affiliation(member=m, organisation=m.organisation, start=D(2000, 1, 1)) for m in members
    ]
    rows[0].end = D(2023, 6, 1)  # left before the day
    rows[1].start = D(2025, 1, 1)  # admitted after the day
    rows[2].organisation = world.other_district  # outside the subtree
    Affiliation.objects.bulk_create(rows)


def steps(*loads: Callable[[World], object]) -> Callable[[World], None]:
    """One loader running several in turn."""

    def load(world: World) -> None:
        for each in loads:
            each(world)

    return load


Case = tuple[str, int, str, Callable[[World], None], Callable[[World], Statement], bool]

Q1 = (D(2024, 1, 1), D(2024, 3, 31))
FEB = (D(2024, 1, 27), D(2024, 2, 26))  # seed 000: "từ ngày 27/01/2024 đến ngày 26/02/2024"
TERM = (D(2020, 8, 1), D(2024, 12, 31))

CASES: list[Case] = [
    (
        "001",
        92,
        "kết nạp 51/256 quần chúng vào đảng (19,92% chỉ tiêu được giao năm 2024)",
        steps(
            lambda w: events(w, "admission", 51, *Q1),
            lambda w: admissions_target(w, 256, 2024, "Huyện ủy giao"),
        ),
        lambda w: member_stats.admissions(w.town, *Q1),
        False,
    ),
    (
        "002",
        14,
        "đã kết nạp 165 đảng viên mới, đạt 91,7% chỉ tiêu tỉnh giao",
        steps(
            lambda w: events(w, "admission", 165, D(2024, 1, 1), D(2024, 9, 30)),
            lambda w: admissions_target(w, 180, 2024, "tỉnh giao"),
        ),
        lambda w: member_stats.admissions(
            w.town, D(2024, 1, 1), D(2024, 9, 30), style="achievement", places=1
        ),
        False,
    ),
    (
        "000",
        55,
        "đã kết nạp được 06 đảng viên mới",
        lambda w: events(w, "admission", 6, *FEB),
        lambda w: member_stats.admissions(w.town, *FEB),
        False,
    ),
    (
        "000",
        55,
        "công nhận đảng viên chính thức cho 09 đảng viên",
        lambda w: events(w, "recognition", 9, *FEB),
        lambda w: member_stats.recognitions(w.town, *FEB),
        False,
    ),
    (
        "001",
        92,
        "xóa tên 02 đảng viên; cho ra khỏi đảng 02 đồng chí",
        steps(lambda w: events(w, "strike_off", 2, *Q1), lambda w: events(w, "removal", 2, *Q1)),
        lambda w: member_stats.strike_offs_and_removals(w.town, *Q1),
        False,
    ),
    (
        "003",
        94,
        "Xóa tên 36 đảng viên, cho ra khỏi Đảng 26 đảng viên.",
        steps(
            lambda w: events(w, "strike_off", 36, *TERM), lambda w: events(w, "removal", 26, *TERM)
        ),
        lambda w: member_stats.strike_offs_and_removals(w.town, *TERM, style="review"),
        True,
    ),
    (
        # The seed misspells "khiển trách" as "kiến trách"; the function writes it right.
        "001",
        88,
        "thi hành kỷ luật đối với 01 tổ chức đảng và 09 đảng viên (kiến trách 08, cảnh cáo 01)",
        lambda w: discipline(
            w,
            {
                ("cap_uy", "khien_trach"): 1,
                ("ubkt", "khien_trach"): 2,
                ("dang_uy_co_so", "khien_trach"): 2,
                ("chi_bo", "khien_trach"): 3,
                ("chi_bo", "canh_cao"): 1,
            },
            {"khien_trach": 1},
            *Q1,
        ),
        lambda w: oversight_stats.discipline(w.town, *Q1),
        False,
    ),
    (
        "003",
        134,
        "thi hành kỷ luật đối với 28 đảng viên (khiển trách 19, cảnh cáo 08, cách chức 01), 01 tổ chức đảng (cảnh cáo)",
        lambda w: discipline(
            w,
            {
                ("chi_bo", "khien_trach"): 17,
                ("ubkt", "khien_trach"): 2,
                ("chi_bo", "canh_cao"): 6,
                ("ubkt", "canh_cao"): 2,
                ("cap_uy", "cach_chuc"): 1,
            },
            {"canh_cao": 1},
            *TERM,
        ),
        lambda w: oversight_stats.discipline(w.town, *TERM, style="members_first"),
        False,
    ),
    (
        "003",
        134,
        "thi hành kỷ luật đối với 04 đảng viên (khiển trách 02, cảnh cáo 02)",
        lambda w: discipline(
            w,
            {
                ("chi_bo", "khien_trach"): 17,
                ("ubkt", "khien_trach"): 2,
                ("chi_bo", "canh_cao"): 6,
                ("ubkt", "canh_cao"): 2,
                ("cap_uy", "cach_chuc"): 1,
            },
            {"canh_cao": 1},
            *TERM,
        ),
        lambda w: oversight_stats.discipline(
            w.town, *TERM, style="members_first", deciding_bodies=["ubkt"]
        ),
        False,
    ),
    (
        "003",
        124,
        "kiểm tra 254 lượt đảng viên, 99 lượt tổ chức đảng",
        lambda w: oversight(w, "inspection", "thuong_xuyen", 254, 99, *TERM),
        lambda w: oversight_stats.inspections(w.town, *TERM),
        False,
    ),
    (
        "003",
        124,
        "giám sát 524 lượt đảng viên, 106 lượt tổ chức đảng",
        lambda w: oversight(w, "supervision", "gs_chuyen_de", 524, 106, *TERM),
        lambda w: oversight_stats.inspections(w.town, *TERM, activity="supervision"),
        False,
    ),
    (
        "003",
        124,
        "kiểm tra khi có dấu hiệu vi phạm đối với 11 đảng viên và 03 tổ chức đảng",
        steps(
            lambda w: oversight(
                w, "inspection", "dau_hieu_vi_pham", 11, 3, *TERM, body="inspection_commission"
            ),
            lambda w: oversight(
                w, "inspection", "dau_hieu_vi_pham", 2, 2, *TERM
            ),  # by the committee
            lambda w: oversight(
                w, "inspection", "chuyen_de", 5, 5, *TERM, body="inspection_commission"
            ),
        ),
        lambda w: oversight_stats.inspections(
            w.town,
            *TERM,
            kind="dau_hieu_vi_pham",
            bodies=["inspection_commission"],
            style="subjects",
            members_first=True,
        ),
        False,
    ),
    (
        "001",
        86,
        "kiểm tra đối với 02 tổ chức đảng và 02 đảng viên",
        lambda w: oversight(w, "inspection", "chuyen_de", 2, 2, *Q1),
        lambda w: oversight_stats.inspections(w.town, *Q1, style="subjects"),
        False,
    ),
    (
        "001",
        84,
        "xác minh tài sản, thu nhập năm 2023 đối với 09 đồng chí",
        assets_001,
        lambda w: oversight_stats.asset_verifications(w.town, *Q1),
        False,
    ),
    (
        "001",
        88,
        "tiếp nhận 37 đơn thư của công dân (tố cáo: 11 đơn, khiếu nại: 09 đơn, phản ánh: 05 đơn, "
        "yêu cầu: 08 đơn và kiến nghị: 04 đơn). Qua phân loại, xử lý đơn có 35 đơn không thuộc "
        "thẩm quyền, đã chỉ đạo, chuyển đến các cơ quan xem xét, giải quyết 25 đơn và lưu theo quy "
        "định 10 đơn; 02 đơn thuộc thẩm quyền, đang chỉ đạo tham mưu xử lý",
        petitions_001,
        lambda w: petition_stats.petitions(w.town, *Q1),
        False,
    ),
    (
        "001",
        154,
        "Tỷ lệ giải quyết các vụ khiếu nại, tố cáo thuộc thẩm quyền đạt 73%.",
        letters_001,
        lambda w: petition_stats.resolution_rate(w.town, *Q1),
        True,
    ),
    (
        "003",
        162,
        "Tổ chức 16 hội nghị đối thoại giữa Bí thư Thị ủy với Nhân dân; 15/15 xã, phường đã tổ "
        "chức 186 cuộc đối thoại trực tiếp giữa Bí thư đảng ủy với Nhân dân trên địa bàn tại 83 "
        "thôn, tổ dân phố.",
        dialogues_003,
        lambda w: petition_stats.dialogues(w.town, *TERM),
        True,
    ),
    (
        "003",
        68,
        "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên và tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên đều đạt trên 90%",
        ratings_003,
        lambda w: member_stats.quality_ratings(w.town, 2023, style="threshold"),
        False,
    ),
    (
        "003",
        14,
        "với 4.470 đảng viên",
        members_003,
        lambda w: member_stats.member_count(w.town, D(2024, 12, 31)),
        False,
    ),
]

# Words the seeds got wrong, and what the function writes instead.
CORRECTIONS = {"kiến trách": "khiển trách"}


def corrected(text: str) -> str:
    for wrong, right in CORRECTIONS.items():
        text = text.replace(wrong, right)
    return text


@pytest.mark.parametrize(
    ("prefix", "line", "quote", "load", "state", "standalone"),
    CASES,
    ids=[f"{c[0]}:{c[1]}:{c[2][:40]}" for c in CASES],
)
def test_statement_matches_seed(
    world: World,
    prefix: str,
    line: int,
    quote: str,
    load: Callable[[World], None],
    state: Callable[[World], Statement],
    standalone: bool,
) -> None:
    assert quote in seed_line(prefix, line), "the quote must be on that line of the seed"
    load(world)
    statement = state(world)
    produced = statement.as_sentence() if standalone else statement.sentence
    assert produced == corrected(quote)


def test_letters_and_cases_restates_seed_001_with_its_total_corrected(world: World) -> None:
    """Seed 001 lines 152–154 (split by a page break): "Tổng số đơn tiếp nhận trong kỳ báo cáo:
    228 đơn/214 vụ, tổng số đơn kỳ trước chuyển sang: 03 đơn/03 vụ, tổng số đơn phải xử lý: 225
    đơn/211 vụ". 228 + 03 is 231, not 225: the function adds up and writes 231 đơn/217 vụ."""
    seed_text = seed_line("001", 152) + " " + seed_line("001", 154)
    letters_001(world)
    statement = petition_stats.letters_and_cases(world.town, *Q1)
    prefix = "Tổng số đơn tiếp nhận trong kỳ báo cáo: 228 đơn/214 vụ, tổng số đơn kỳ trước chuyển sang: 03 đơn/03 vụ"
    assert prefix in seed_text
    assert statement.as_sentence().startswith(prefix)
    assert statement.numbers["total_letters"] == 231 and statement.numbers["total_cases"] == 217
    assert "225 đơn/211 vụ" in seed_text  # the seed's own sum, which the function does not repeat


def test_drill_down_lists_exactly_the_records_counted(world: World) -> None:
    events(world, "admission", 6, *FEB)
    statement = member_stats.admissions(world.town, *FEB)
    listed = list(statement.records["admitted"])
    assert len(listed) == statement.numbers["admitted"] == 6
    assert all(FEB[0] <= e.date <= FEB[1] for e in listed)
    assert all(e.organisation.path.startswith(world.town.path) for e in listed)
