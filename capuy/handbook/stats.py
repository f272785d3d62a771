"""Cell-meeting attendance rolled up from the cells to any committee, for one month.

Reads ``CellMonthAttendance`` (one row per cell and month, rewritten from the invitations in
the same transaction as any change), so a province month is ~3.000 rows whatever the number
of members, added up by the database per unit below the root (``child_of``); ``naive_attendance`` computes the same figures from every invitation, for the
benchmark and the tests that prove the two agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import CharField, Count, Func, Q, Sum, Value
from django.db.models.functions import StrIndex, Substr

from capuy.handbook.models import Attendance, CellMonthAttendance
from capuy.orgs.models import Organisation

__all__ = ["AttendanceRow", "attendance_rollup", "child_of", "naive_attendance"]


@dataclass
class AttendanceRow:
    unit: Organisation
    cells: int = 0
    meetings: int = 0
    invited: int = 0
    present: int = 0
    excused: int = 0
    children: list[AttendanceRow] = field(default_factory=list)

    @property
    def rate(self) -> Decimal | None:
        """Percentage of invitations attended (None when nobody was invited)."""
        return Decimal(self.present * 100) / self.invited if self.invited else None

    def add(self, cells: int, meetings: int, invited: int, present: int, excused: int) -> None:
        self.cells += cells
        self.meetings += meetings
        self.invited += invited
        self.present += present
        self.excused += excused


def child_of(root: Organisation, path_field: str) -> Func:
    """SQL for "the id of the unit directly below ``root`` on this row's path" (as text).

    The path is "/1/4/17/99/": for root "/1/4/" the child is "17"; for the root itself, "".
    Grouping by it lets the database add up a whole province's cells per district in one
    query (Django's Substr/StrIndex: substr/instr on SQLite, substring/strpos on PostgreSQL).
    """
    start = len(root.path) + 1
    rest = Substr(path_field, start)
    return Substr(path_field, start, StrIndex(rest, Value("/")) - 1, output_field=CharField())


def attendance_rollup(root: Organisation, month: dt.date) -> AttendanceRow:
    """``root``'s month, with one row for each unit directly below it (the sum of its cells)."""
    month = month.replace(day=1)
    children = {
        str(o.pk): AttendanceRow(o)
        for o in Organisation.objects.filter(parent=root).only("pk", "name", "path")
    }
    total = AttendanceRow(root)
    groups = (
        CellMonthAttendance.objects.filter(month=month, cell__path__startswith=root.path)
        .values(child=child_of(root, "cell__path"))
        .annotate(
            n_cells=Count("pk"),
            n_meetings=Sum("meetings"),
            n_invited=Sum("invited"),
            n_present=Sum("present"),
            n_excused=Sum("excused"),
        )
        .order_by()
    )
    for g in groups:
        values = (g["n_cells"], g["n_meetings"], g["n_invited"], g["n_present"], g["n_excused"])
        for row in (total, children[g["child"]]) if g["child"] in children else (total,):
            row.add(*values)
    total.children = sorted(children.values(), key=lambda r: r.unit.path)
    return total


def naive_attendance(root: Organisation, month: dt.date) -> tuple[int, int, int]:
    """(invited, present, excused) of the month under ``root``, counted from every invitation."""
    counts = Attendance.objects.filter(
        meeting__month=month.replace(day=1), meeting__cell__path__startswith=root.path
    ).aggregate(
        n_invited=Count("pk"),
        n_present=Count("pk", filter=Q(present=True)),
        n_excused=Count("pk", filter=Q(reply=Attendance.Reply.NO)),
    )
    return counts["n_invited"], counts["n_present"], counts["n_excused"]
