"""The reports app's own section, ``subordinate_reports``, and the registry re-exported.

The registry of sections lives below the record apps (``capuy.stats.sections``); each app
registers the providers of the records it owns from its ``AppConfig.ready()`` (members,
meetings, documents, oversight, petitions, indicators). The reports app registers the one
section it owns — the reports received from the units below — and ``statements``, the name
the templates used before oversight and petitions had a section each (a template override
stored in the database may still list it).
"""

from __future__ import annotations

from typing import Any

from capuy.orgs.lookup import subordinate_units
from capuy.reports.models import Report
from capuy.stats.sections import (
    SECTIONS,
    SectionRequest,
    fill_sections,
    provider_of,
    register_section,
)
from capuy.text import format_count
from capuy.text.dates import text_date

__all__ = ["SECTIONS", "SectionRequest", "fill_sections", "register", "register_section"]


def _subordinate_reports(r: SectionRequest) -> dict[str, Any]:
    """The reports of the units below, as received at this level ("lists merged")."""
    units = subordinate_units(r.org, r.period.end)
    if not units:
        return {"subordinate_reports": [], "subordinate_summary": ""}
    got = {
        report.organisation_id: report
        for report in Report.objects.filter(
            organisation__in=units, kind=r.kind, period=r.period.spec, submitted_on__isnull=False
        ).select_related("document")
    }
    r.prov.add(
        "reports.subordinate",
        "báo cáo của tổ chức đảng trực thuộc đã nhận",
        len(got),
        Report.objects.filter(pk__in=[report.pk for report in got.values()]),
    )
    rows = []
    late = 0
    for unit in units:
        report = got.get(unit.pk)
        name = unit.committee_name or unit.name
        if report is None:
            rows.append(f"{name}: chưa nhận báo cáo.")
            continue
        number = f"Báo cáo số {report.symbol}" if report.symbol else "Báo cáo"
        when = text_date(report.submitted_on) if report.submitted_on else ""
        status = "trễ hạn" if report.is_late() else "đúng hạn"
        late += report.is_late()
        rows.append(f"{name}: {number}, gửi ngày {when} ({status}).")
    summary = (
        f"{format_count(len(got))}/{format_count(len(units))} báo cáo của các tổ chức đảng "
        f"trực thuộc (đúng hạn {format_count(len(got) - late)}, trễ hạn {format_count(late)})"
    )
    return {"subordinate_reports": rows, "subordinate_summary": summary}


def _statements(r: SectionRequest) -> dict[str, Any]:
    """The former name of ``oversight`` then ``petitions`` (same values, same provenance)."""
    return {**provider_of("oversight")(r), **provider_of("petitions")(r)}


def register() -> None:
    register_section("subordinate_reports", _subordinate_reports)
    register_section("statements", _statements)
