"""Periodic reports in the site-wide search: title and the authored text, by classification."""

from __future__ import annotations

from django.urls import reverse

from capuy.reports.models import Report
from capuy.search.registry import Entry, SearchProvider, register_provider


def report_entry(report: Report) -> Entry:
    return Entry(
        title=report.title,
        body=report.body,
        organisation_id=report.organisation_id,
        classification=report.classification,
        date=report.end,
        symbol=report.document.symbol if report.document_id else "",
        type_code="BC",
        type_name="Báo cáo",
        issuer=report.organisation.committee_name or report.organisation.name,
        url=reverse("reports:detail", args=[report.pk]),
        meta=f"{report.get_kind_display()} {report.period} {report.get_state_display()}",
    )


def register_search() -> None:
    register_provider(
        SearchProvider(
            kind="report",
            label="Báo cáo",
            model=Report,
            entry=report_entry,
            queryset=lambda: Report.objects.select_related("organisation", "document"),
            order=20,
        )
    )
