"""Synthetic records of the whole Party after 1 July 2025, on PostgreSQL, bulk-loaded with COPY.

``generate_national(fraction)`` builds the nation (one root), the 34 provinces and cities
(``capuy.vocab.provinces``), ``round(3.321 × fraction)`` communes, wards and special zones
spread evenly over them, and under each commune the grassroots organisations and cells of
``NationalShape``, whose proportions give the published totals at fraction 1 (3.321 × 16 ≈
53.000 grassroots organisations, ~5,58 million members). The members, events, ratings,
inspections, discipline, petitions and indicator values are made by the families that make
the town and the province (``capuy.stats.synth.run_families``), one province after another
with one seeded random source, so a fraction and seed always give the same records; every
``bulk_create`` of theirs is a COPY here (``capuy.stats.copyload.copying``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Max

from capuy.errors import InputError
from capuy.orgs.models import Organisation, tree_step
from capuy.stats.copyload import copying, reserve_ids
from capuy.stats.synth import _TOWN_PLACES, Generator, Scale, SynthUnits, run_families
from capuy.vocab.provinces import national_totals, provinces

__all__ = [
    "NATIONAL",
    "NationalShape",
    "expected_rows",
    "generate_national",
    "national_plan",
    "register_national_copy",
    "register_national_finish",
]


@dataclass(frozen=True)
class NationalShape:
    """Under each commune: grassroots Party committees (agencies, schools, enterprises) with
    their cells, grassroots cells, and the cells of villages and residential groups."""

    committees_per_commune: int = 5  # đảng bộ cơ sở
    cells_per_committee: int = 4  # chi bộ trực thuộc đảng bộ cơ sở
    grassroots_cells_per_commune: int = 10  # chi bộ cơ sở
    village_cells_per_commune: int = 40  # chi bộ thôn, tổ dân phố (trực thuộc)
    members_per_cell: int = 24

    @property
    def member_cells_per_commune(self) -> int:
        return (
            self.committees_per_commune * self.cells_per_committee
            + self.grassroots_cells_per_commune
            + self.village_cells_per_commune
        )


NATIONAL = NationalShape()


def national_plan(fraction: float) -> list[int]:
    """How many communes each of the 34 provinces gets at ``fraction`` (at least one each)."""
    if not 0 < fraction <= 1:
        raise InputError(
            f"Tỷ lệ phải lớn hơn 0 và không quá 1 (nhận {fraction}).",
            f"fraction must be in (0, 1], got {fraction}",
        )
    n_provinces = len(provinces())
    total = max(n_provinces, round(national_totals()["communes"] * fraction))
    base, extra = divmod(total, n_provinces)
    return [base + (1 if i < extra else 0) for i in range(n_provinces)]


def _commune_word(index: int) -> str:
    """xã, phường or đặc khu in the national proportions (2.621 : 687 : 13), by position."""
    if index % 255 == 254:
        return "đặc khu"
    return "phường" if index % 5 == 0 else "xã"


def _new(pk: int, parent: Organisation | None, **fields: object) -> Organisation:
    """A unit with what ``Organisation.save()`` would set: its path and its list order."""
    path = f"{parent.path if parent else '/'}{pk}/"
    position = int(fields.get("position", 0))  # type: ignore[call-overload]
    tree_key = f"{parent.tree_key if parent else ''}{tree_step(position, pk)}"
    return Organisation(pk=pk, parent=parent, path=path, tree_key=tree_key, **fields)


@dataclass
class _Province:
    unit: Organisation
    communes: list[Organisation]
    below: list[Organisation]  # every unit under the communes
    member_cells: list[Organisation]


def _below_commune(
    ids: Iterator[int], commune: Organisation, short: str, village: str, shape: NationalShape
) -> list[Organisation]:
    """The grassroots committees with their cells, the grassroots cells and the villages'
    cells of one commune, in that order."""
    below: list[Organisation] = []
    for k in range(shape.committees_per_commune):
        committee = _new(
            next(ids),
            commune,
            name=f"Đảng bộ Cơ quan {k + 1} — {short}",
            committee_name=f"Đảng ủy Cơ quan {k + 1}",
            kind="dang_bo_co_so",
            code="ĐU",
            position=k,
        )
        below.append(committee)
        below += [
            _new(
                next(ids),
                committee,
                name=f"Chi bộ {c + 1} — Đảng bộ Cơ quan {k + 1}, {short}",
                kind="chi_bo_truc_thuoc",
                code="CB",
                position=c,
            )
            for c in range(shape.cells_per_committee)
        ]
    offset = shape.committees_per_commune
    below += [
        _new(
            next(ids),
            commune,
            name=f"Chi bộ Trường học {k + 1} — {short}",
            kind="chi_bo_co_so",
            code="CB",
            position=offset + k,
        )
        for k in range(shape.grassroots_cells_per_commune)
    ]
    offset += shape.grassroots_cells_per_commune
    below += [
        _new(
            next(ids),
            commune,
            name=f"Chi bộ {village} {k + 1} — {short}",
            kind="chi_bo_truc_thuoc",
            code="CB",
            position=offset + k,
        )
        for k in range(shape.village_cells_per_commune)
    ]
    return below


def _organisations(plan: list[int], shape: NationalShape) -> tuple[Organisation, list[_Province]]:
    """Every unit, ids reserved at once so paths are known before the one COPY."""
    per_commune = 1 + shape.committees_per_commune * (1 + shape.cells_per_committee)
    per_commune += shape.grassroots_cells_per_commune + shape.village_cells_per_commune
    total = 1 + len(plan) + sum(plan) * per_commune
    if connection.vendor == "postgresql":
        first = reserve_ids(Organisation, total)
    else:  # the ORM path on SQLite: ids after the highest (AUTOINCREMENT follows explicit ids)
        first = (Organisation.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    ids = iter(range(first, 10**12))
    rows: list[Organisation] = []
    root = _new(
        next(ids),
        None,
        name="Đảng Cộng sản Việt Nam (dữ liệu mẫu toàn quốc)",
        committee_name="Ban Chấp hành Trung ương",
        kind="toan_dang",
        code="TW",
    )
    rows.append(root)
    out: list[_Province] = []
    index = 0
    for p, (province, n_communes) in enumerate(zip(provinces(), plan, strict=True)):
        unit = _new(
            next(ids),
            root,
            name=province.unit_name,
            committee_name=province.committee_name,
            kind="dang_bo_tinh",
            code="TU",
            position=p,
        )  # no valid_from: the records go back to 2020, the unit stands for its area
        rows.append(unit)
        entry = _Province(unit, [], [], [])
        for j in range(n_communes):
            word = _commune_word(index)
            index += 1
            place = f"{_TOWN_PLACES[j % 10]}{'' if j < 10 else ' ' + str(j)}"
            commune = _new(
                next(ids),
                unit,
                name=f"Đảng bộ {word} {place}",
                committee_name=f"Đảng ủy {word} {place}",
                kind="dang_bo_co_so",
                code="ĐU",
                position=j,
            )
            entry.communes.append(commune)
            short = f"{word} {place}, {province.name}"
            village = "Tổ dân phố" if word == "phường" else "Thôn"
            below = _below_commune(ids, commune, short, village, shape)
            entry.member_cells += [o for o in below if o.kind.startswith("chi_bo")]
            entry.below += below
        rows += entry.communes + entry.below
        out.append(entry)
    Organisation.objects.bulk_create(rows)  # a COPY inside copying(); fills the search keys
    return root, out


Finish = Callable[[Organisation, dict[int, int]], None]
_FINISHERS: dict[str, Finish] = {}


def register_national_finish(name: str, finish: Finish) -> None:
    """Add (or replace, by name) what a family does once the nation is built, given the root
    and each province's number of members (the indicators app: the admissions targets of the
    nation and of each province, in place of the province-scale figure its family writes)."""
    _FINISHERS[name] = finish


Hook = Callable[[], None]
_AROUND_COPY: dict[str, tuple[Hook, Hook]] = {}


def register_national_copy(name: str, before: Hook, after: Hook) -> None:
    """Add (or replace, by name) what a family does around a COPY build, inside its
    transaction: ``before`` the first row and ``after`` the last (the members app: its tally
    triggers off, then on again and the tallies recounted — one recount costs far less than a
    trigger per copied row; ``capuy.members.tallies``)."""
    _AROUND_COPY[name] = (before, after)


def generate_national(
    fraction: float,
    *,
    seed: int = 2024,
    advance: Callable[[str, int], None] | None = None,
    shape: NationalShape = NATIONAL,
    copy: bool = True,
) -> Organisation:
    """Build the national records at ``fraction`` of the full size on PostgreSQL (one
    transaction); returns the root. Refuses another database. ``copy=False`` writes the same
    records with the ORM's ``bulk_create`` on any database (the tests compare the two ways on
    SQLite and PostgreSQL; at a real size it is far slower)."""
    if copy and connection.vendor != "postgresql":
        raise InputError(
            "Quy mô toàn quốc cần PostgreSQL (đặt CAPUY_DATABASE_URL=postgresql://…); "
            "SQLite không nạp được hàng triệu bản ghi bằng COPY.",
            "the national scale needs PostgreSQL (set CAPUY_DATABASE_URL)",
        )
    plan = national_plan(fraction)
    report = advance or (lambda _label, _n: None)
    scale = Scale(
        districts=len(plan),
        communes_per_district=max(plan),
        cells_per_commune=shape.member_cells_per_commune,
        members_per_cell=shape.members_per_cell,
    )
    gen = Generator(scale, seed, report)
    with transaction.atomic(), copying() if copy else nullcontext():
        for before, _after in _AROUND_COPY.values() if copy else ():
            before()
        root, units = _organisations(plan, shape)
        report("tổ chức đảng", 1 + len(units) + sum(len(u.communes) + len(u.below) for u in units))
        members: dict[int, int] = {}
        for entry in units:
            synth = SynthUnits(
                entry.unit,
                [entry.unit],
                entry.communes,
                entry.member_cells,
                rating_units=entry.communes + entry.below,
                petition_units=entry.communes + [entry.unit],
            )
            run_families(gen, synth)
            members[entry.unit.pk] = len(synth.members)
        for finish in _FINISHERS.values():
            finish(root, members)
        for _before, after in _AROUND_COPY.values() if copy else ():
            after()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return root


def expected_rows(fraction: float, shape: NationalShape = NATIONAL) -> int:
    """Roughly how many progress steps ``generate_national`` reports (a progress bar's total)."""
    plan = national_plan(fraction)
    communes = sum(plan)
    cells = communes * shape.member_cells_per_commune
    members = cells * shape.members_per_cell
    units = 1 + len(plan) + communes * (1 + shape.committees_per_commune) + cells
    return units + int(members * 3.3) + communes * 410 + len(plan) * 45
