"""At the level above: which subordinate units' reports of a kind and period have arrived, on
time or late, and which are missing (past their due day) or not yet due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from capuy.orgs.lookup import subordinate_units
from capuy.orgs.models import Organisation
from capuy.reports.compose import period_for
from capuy.reports.models import Report
from capuy.reports.templating import load_template


@dataclass(frozen=True)
class BoardRow:
    unit: Organisation
    report: Report | None
    due_on: dt.date
    status: str  # on_time, late, missing, pending

    @property
    def label(self) -> str:
        return {
            "on_time": "Đã nhận, đúng hạn",
            "late": "Đã nhận, trễ hạn",
            "missing": "Chưa nhận, quá hạn",
            "pending": "Chưa đến hạn",
        }[self.status]


def subordinate_board(
    org: Organisation, kind: str, spec: str, today: dt.date | None = None
) -> list[BoardRow]:
    today = today or dt.date.today()
    period = period_for(org, kind, spec)
    days = int(load_template(kind)["deadline_days"])
    units = subordinate_units(org, period.end)
    reports = {
        r.organisation_id: r
        for r in Report.objects.filter(organisation__in=units, kind=kind, period=period.spec)
    }
    rows = []
    for unit in units:
        report = reports.get(unit.pk)
        due = report.due_on if report else period_for(unit, kind, spec).end + dt.timedelta(days)
        if report is not None and report.submitted_on is not None:
            status = "late" if report.submitted_on > due else "on_time"
        else:
            status = "missing" if today > due else "pending"
        rows.append(BoardRow(unit, report, due, status))
    return rows
