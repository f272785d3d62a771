"""Cell-meeting attendance rolled up from the cells to any committee, for one month.

Reads ``CellMonthAttendance`` (one row per cell and month, rewritten from the invitations in
the same transaction as any change), so a province month is ~3.000 rows whatever the number
of members; ``naive_attendance`` computes the same figures from every invitation, for the
benchmark and the tests that prove the two agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q

from capuy.handbook.models import Attendance, CellMonthAttendance
from capuy.orgs.models import Organisation

__all__ = ["AttendanceRow", "attendance_rollup", "naive_attendance"]


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

    def add(self, meetings: int, invited: int, present: int, excused: int) -> None:
        self.cells += 1
        self.meetings += meetings
        self.invited += invited
        self.present += present
        self.excused += excused


def attendance_rollup(root: Organisation, month: dt.date) -> AttendanceRow:
    """``root``'s month, with one row for each unit directly below it (the sum of its cells)."""
    month = month.replace(day=1)
    children = {
        o.pk: AttendanceRow(o)
        for o in Organisation.objects.filter(parent=root).only("pk", "name", "path")
    }
    total = AttendanceRow(root)
    depth = root.path.count("/")  # the child's id is the path segment right after root's
    rows = CellMonthAttendance.objects.filter(
        month=month, cell__path__startswith=root.path
    ).values_list("cell__path", "meetings", "invited", "present", "excused")
    for path, meetings, invited, present, excused in rows:
        total.add(meetings, invited, present, excused)
        segment = path.split("/")[depth] if path.count("/") > depth else ""
        child = children.get(int(segment)) if segment else None
        if child is not None:
            child.add(meetings, invited, present, excused)
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
