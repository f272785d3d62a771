"""Synthetic cells, members, cell meetings and dues at province scale, for the benchmark.

``generate_cells("province", months=12)`` builds a province shaped like
``capuy.stats.synth``'s (13 districts × 8 communes × 29 cells × 33 members: 3.016 cells,
99.528 members) — its own small tree, so it needs none of that generator's other records —
then, for each month, one regular meeting per cell (a thematic one each quarter) with every
member invited, ~85% present and ~8% excused, and one dues entry per member computed by the
rule in force (~93% paid). The monthly per-cell rows (``CellMonthAttendance``,
``CellMonthDues``) are computed from the same numbers, as the application's refresh functions
would; the benchmark checks them against the raw rows. Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from django.db import transaction
from django.utils import timezone

from capuy.dues.models import CellMonthDues, DuesEntry
from capuy.dues.rates import compute_due
from capuy.handbook.models import Attendance, CellMeeting, CellMonthAttendance
from capuy.members.models import Member
from capuy.orgs.models import Organisation

__all__ = ["CELL_SCALES", "generate_cells"]

T = TypeVar("T")
BATCH = 5000


@dataclass(frozen=True)
class CellScale:
    districts: int
    communes_per_district: int
    cells_per_commune: int
    members_per_cell: int


CELL_SCALES = {
    "town": CellScale(1, 15, 10, 30),
    "province": CellScale(13, 8, 29, 33),
}

_NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Võ Văn Hải")
_KINDS = (
    ("luong_bhxh", 45),
    ("luong_huu", 25),
    ("phu_cap", 10),
    ("thu_nhap_khac", 15),
    ("hoc_sinh_sinh_vien", 3),
    ("mien", 2),
)


def _batches(rows: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    batch: list[T] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _level(rows: list[Organisation]) -> list[Organisation]:
    return Organisation.objects.bulk_create_level(rows, batch_size=BATCH)


def _tree(scale: CellScale) -> tuple[Organisation, list[Organisation]]:
    (root,) = _level(
        [Organisation(name="Đảng bộ tỉnh (mẫu sổ tay)", kind="dang_bo_tinh", code="TU")]
    )
    districts = _level(
        [
            Organisation(
                name=f"Đảng bộ huyện mẫu {i + 1}",
                kind="dang_bo_huyen",
                code="HU",
                parent=root,
                position=i,
            )
            for i in range(scale.districts)
        ]
    )
    communes = _level(
        [
            Organisation(
                name=f"Đảng bộ xã mẫu {d.position + 1}.{j + 1}",
                kind="dang_bo_co_so",
                code="ĐU",
                parent=d,
                position=j,
            )
            for d in districts
            for j in range(scale.communes_per_district)
        ]
    )
    cells = _level(
        [
            Organisation(
                name=f"Chi bộ thôn {k + 1} — {c.name.removeprefix('Đảng bộ ')}",
                kind="chi_bo_truc_thuoc",
                code="CB",
                parent=c,
                position=k,
            )
            for c in communes
            for k in range(scale.cells_per_commune)
        ]
    )
    return root, cells


# One random source draws, in this order: the members, their dues profiles, then month by
# month the meetings' days, the attendance and the payments. The order is the province's
# identity (a seed gives the same province): the functions below draw in it.


def _members(rng: random.Random, cells: list[Organisation], per_cell: int) -> list[Member]:
    rows = [
        Member(
            organisation=cell,
            full_name=rng.choice(_NAMES),
            gender=rng.choice(("nam", "nu")),
            admitted_on=dt.date(rng.randint(1975, 2023), rng.randint(1, 12), rng.randint(1, 28)),
        )
        for cell in cells
        for _ in range(per_cell)
    ]
    members: list[Member] = []
    for batch in _batches(rows):
        members.extend(Member.objects.bulk_create(batch))
    return members


def _month_meetings(
    rng: random.Random, cells: list[Organisation], month: dt.date
) -> list[CellMeeting]:
    """Each cell's regular meeting of the month, and a thematic one each quarter's end."""
    meetings = []
    for cell in cells:
        starts = timezone.make_aware(
            dt.datetime(month.year, month.month, rng.randint(3, 10), 19, 30)
        )
        meetings.append(
            CellMeeting(
                cell=cell,
                kind="dinh_ky",
                title=f"Sinh hoạt định kỳ tháng {month:%m/%Y}",
                starts_at=starts,
                month=month,
                held=True,
            )
        )
        if month.month % 3 == 0:
            meetings.append(
                CellMeeting(
                    cell=cell,
                    kind="chuyen_de",
                    title=f"Sinh hoạt chuyên đề quý {month.month // 3}",
                    starts_at=starts + dt.timedelta(days=10),
                    month=month,
                    held=True,
                )
            )
    return CellMeeting.objects.bulk_create(meetings, batch_size=BATCH)


def _month_attendance(
    rng: random.Random,
    meetings: list[CellMeeting],
    by_cell: dict[int, list[Member]],
    month: dt.date,
) -> None:
    """Who came to each meeting (85% present, 8% excused), and each cell's month summary."""
    summary: dict[int, list[int]] = {}
    attendances = []
    for meeting in meetings:
        counts = summary.setdefault(meeting.cell_id, [0, 0, 0, 0])
        counts[0] += 1
        for member in by_cell[meeting.cell_id]:
            roll = rng.random()
            present, excused = roll < 0.85, 0.85 <= roll < 0.93
            attendances.append(
                Attendance(
                    meeting=meeting,
                    member=member,
                    present=present,
                    reply="vang" if excused else "tham_du" if present else "",
                )
            )
            counts[1] += 1
            counts[2] += present
            counts[3] += excused
    for batch in _batches(attendances):
        Attendance.objects.bulk_create(batch)
    CellMonthAttendance.objects.bulk_create(
        [
            CellMonthAttendance(
                cell_id=c, month=month, meetings=v[0], invited=v[1], present=v[2], excused=v[3]
            )
            for c, v in summary.items()
        ],
        batch_size=BATCH,
    )


def _month_dues(
    rng: random.Random,
    members: list[Member],
    profile: dict[int, tuple[str, int]],
    month: dt.date,
) -> int:
    """Each member's dues of the month (93% paid), each cell's month summary; the count."""
    summary: dict[int, list[int]] = {}
    entries = []
    for member in members:
        kind, base = profile[member.pk]
        due = compute_due(kind, base, month)
        paid = due.amount if rng.random() < 0.93 else 0
        entries.append(
            DuesEntry(
                cell_id=member.organisation_id,
                member=member,
                month=month,
                kind=kind,
                base=base,
                due=due.amount,
                paid=paid,
                rule=due.rule.symbol,
                paid_on=month + dt.timedelta(days=9) if paid else None,
            )
        )
        s = summary.setdefault(member.organisation_id, [0, 0, 0, 0])
        s[0] += 1
        s[1] += due.amount
        s[2] += paid
        s[3] += paid < due.amount
    for batch in _batches(entries):
        DuesEntry.objects.bulk_create(batch)
    CellMonthDues.objects.bulk_create(
        [
            CellMonthDues(
                cell_id=c, month=month, members=v[0], due=v[1], paid=v[2], unpaid_members=v[3]
            )
            for c, v in summary.items()
        ],
        batch_size=BATCH,
    )
    return len(entries)


def generate_cells(
    scale: str = "province",
    *,
    months: int = 12,
    first_month: dt.date = dt.date(2025, 1, 1),
    seed: int = 2026,
    advance: Callable[[str, int], None] | None = None,
) -> Organisation:
    """Create the tree, members, meetings, attendance and dues; returns the root unit."""
    shape = CELL_SCALES[scale]
    rng = random.Random(seed)
    note = advance or (lambda _label, _n: None)
    month_days = []
    for i in range(months):
        index = first_month.month - 1 + i
        month_days.append(dt.date(first_month.year + index // 12, index % 12 + 1, 1))
    kinds = [k for k, _ in _KINDS]
    weights = [w for _, w in _KINDS]
    with transaction.atomic():
        root, cells = _tree(shape)
        note("tổ chức đảng", len(cells))
        members = _members(rng, cells, shape.members_per_cell)
        note("đảng viên", len(members))
        by_cell: dict[int, list[Member]] = {}
        for m in members:
            by_cell.setdefault(m.organisation_id, []).append(m)
        profile = {
            m.pk: (rng.choices(kinds, weights)[0], rng.randrange(3_000_000, 25_000_000, 1000))
            for m in members
        }
        for month in month_days:
            meetings = _month_meetings(rng, cells, month)
            _month_attendance(rng, meetings, by_cell, month)
            entries = _month_dues(rng, members, profile, month)
            note(f"tháng {month:%m/%Y}", entries)
    return root
