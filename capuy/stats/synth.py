"""Deterministic synthetic records at town or province scale, for demos and benchmarks.

``generate("province")`` builds a province (13 districts, ~100 communes and wards, ~3.000
cells, ~100.000 members) with five years (2020–2024) of member events, inspections,
supervisions, discipline, petitions, dialogues and monthly indicator values; ``"town"`` builds
one town of 15 communes and wards (~4.500 members). The same scale always gives the same
records (a seeded ``random.Random``), so benchmark figures are comparable between runs.

Each record app generates its own family (``capuy.members.synth`` …), registered from
its ``AppConfig.ready()`` with ``register_family``; this module holds what they share.
Rows are written with ``bulk_create`` in batches; organisation paths are set level by level
(``Organisation.save`` would cost three queries a unit).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import transaction

from capuy.errors import InputError
from capuy.orgs.models import Organisation
from capuy.text import shift_months

__all__ = [
    "SCALES",
    "Generator",
    "Scale",
    "SynthUnits",
    "generate",
    "register_family",
    "run_demo_facts",
    "run_families",
]

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

SURNAMES = [
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
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Hữu", "Đức", "Thu", "Xuân"]
GIVEN = [
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


def batches(rows: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    batch: list[T] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def random_day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def months() -> list[tuple[dt.date, dt.date]]:
    out = []
    for year in range(START.year, END.year + 1):
        for month in range(1, 13):
            first = dt.date(year, month, 1)
            out.append((first, shift_months(first, 1) - dt.timedelta(days=1)))
    return out


class Generator:
    """The random source and progress callback the families' generators share."""

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

    def event_day(self, start: dt.date, end: dt.date) -> dt.date:
        """A day in [start, end] outside the quiet window (if the range leaves room)."""
        for _ in range(50):
            day = random_day(self.rng, start, end)
            if self.quiet is None or not (self.quiet[0] <= day <= self.quiet[1]):
                return day
        return day

    def admission_day(self) -> dt.date:
        """A recent admission whose recognition (12 months on) also avoids the quiet window."""
        for _ in range(50):
            day = self.event_day(START, END)
            later = shift_months(day, 12)
            if self.quiet is None or not (self.quiet[0] <= later <= self.quiet[1]):
                return day
        return day

    # --- organisations ----------------------------------------------------------------------

    def _level(self, rows: list[Organisation]) -> list[Organisation]:
        return Organisation.objects.bulk_create_level(rows, batch_size=BATCH)

    def _root(self, town: bool) -> Organisation:
        """The town or the province (marked as demo data when the real one exists)."""
        suffix = (
            ""
            if not Organisation.objects.filter(name__startswith="Đảng bộ tỉnh Quảng Ngãi").exists()
            else " (dữ liệu mẫu)"
        )
        if town:
            root = Organisation(
                name=f"Đảng bộ thị xã Đức Phổ{suffix}",
                committee_name="Thị ủy Đức Phổ",
                kind="dang_bo_huyen",
                code="TU",
                valid_from=dt.date(2020, 4, 1),
            )
        else:
            root = Organisation(
                name=f"Đảng bộ tỉnh Quảng Ngãi{suffix}",
                committee_name="Tỉnh ủy Quảng Ngãi",
                kind="dang_bo_tinh",
                code="TU",
            )
        (created,) = self._level([root])
        return created

    def _districts(self, root: Organisation) -> list[Organisation]:
        return self._level(
            [
                Organisation(
                    name=f"Đảng bộ huyện {_PLACES[i % 10]} {i + 1}",
                    committee_name=f"Huyện ủy {_PLACES[i % 10]} {i + 1}",
                    kind="dang_bo_huyen",
                    code="HU",
                    parent=root,
                    position=i,
                )
                for i in range(self.scale.districts)
            ]
        )

    def _communes(self, districts: list[Organisation]) -> list[Organisation]:
        """Wards and communes in turn under each district, named after its place."""
        return self._level(
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
                for j in range(self.scale.communes_per_district)
                for word in ["phường" if j % 2 == 0 else "xã"]
            ]
        )

    def _cells(self, communes: list[Organisation]) -> list[Organisation]:
        return self._level(
            [
                Organisation(
                    name=f"Chi bộ {'Tổ dân phố' if 'phường' in commune.name else 'Thôn'} {k + 1} — {commune.name.removeprefix('Đảng bộ ')}",
                    kind="chi_bo_truc_thuoc",
                    code="CB",
                    parent=commune,
                    position=k,
                )
                for commune in communes
                for k in range(self.scale.cells_per_commune)
            ]
        )

    def organisations(
        self, town: bool
    ) -> tuple[Organisation, list[Organisation], list[Organisation]]:
        """The units level by level (root, districts, communes, cells), each one bulk insert;
        a town is its own only district."""
        root = self._root(town)
        districts = [root] if town else self._districts(root)
        communes = self._communes(districts)
        cells = self._cells(communes)
        self.advance("tổ chức đảng", 1 + len(districts) + len(communes) + len(cells))
        return root, communes, cells


@dataclass
class SynthUnits:
    """The units the families fill, and what one family leaves for the next (the members)."""

    root: Organisation
    districts: list[Organisation]
    communes: list[Organisation]  # communes and wards: oversight, indicators' values
    cells: list[Organisation]  # where members live
    rating_units: list[Organisation]
    petition_units: list[Organisation]
    per_cell: Callable[[Organisation], int] | None = None
    members: list[Any] = field(default_factory=list)


Family = Callable[[Generator, SynthUnits], None]
DemoFacts = Callable[[Organisation], None]
_FAMILIES: dict[str, tuple[int, Family, DemoFacts | None]] = {}


def register_family(
    name: str, fill: Family, order: int = 50, demo: DemoFacts | None = None
) -> None:
    """Add (or replace, by name) a record family's generator; families run in ``order``
    (members 10, oversight 20, petitions 30, indicators 40), sharing one random source, so the
    order is part of what makes a scale and seed give the same records. ``demo`` adds the
    family's own facts of the demo town (the indicators app: the province's admissions target
    of 2024, as seed 002 states it)."""
    _FAMILIES[name] = (order, fill, demo)


def run_families(gen: Generator, units: SynthUnits) -> None:
    """Fill ``units`` with the records of every registered family, in order."""
    for _order, fill, _demo in sorted(_FAMILIES.values(), key=lambda entry: entry[0]):
        fill(gen, units)


def run_demo_facts(town: Organisation) -> None:
    """The families' own facts of the demo town, after their synthetic records."""
    for _order, _fill, demo in sorted(_FAMILIES.values(), key=lambda entry: entry[0]):
        if demo is not None:
            demo(town)


def generate(
    scale: str, *, seed: int = 2024, advance: Callable[[str, int], None] | None = None
) -> Organisation:
    """Create the synthetic records of ``scale`` ("town" or "province"); returns the root unit."""
    if scale not in SCALES:
        raise InputError(
            f"Quy mô không hợp lệ: {scale} (chọn town hoặc province).",
            f"unknown scale {scale!r} (town or province)",
        )
    gen = Generator(SCALES[scale], seed, advance or (lambda _label, _n: None))
    with transaction.atomic():
        root, communes, cells = gen.organisations(town=scale == "town")
        districts = (
            list(Organisation.objects.filter(parent=root)) if scale == "province" else [root]
        )
        units = SynthUnits(
            root,
            districts,
            communes,
            cells,
            rating_units=communes + cells,
            petition_units=communes + ([root] if scale == "town" else districts),
        )
        run_families(gen, units)
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
