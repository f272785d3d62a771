"""``{{ report|period_label }}``: a report's period as people write it ("quý I/2024")."""

from __future__ import annotations

from typing import Any

from django import template

from capuy.reports.period_words import heading, spec_label

register = template.Library()


@register.filter
def period_label(report: Any) -> str:
    """The stored spec of ``report`` ("2024-Q1") named in Vietnamese ("quý I/2024")."""
    return spec_label(getattr(report, "kind", ""), getattr(report, "period", ""))


@register.filter
def report_heading(report: Any) -> str:
    """ "Báo cáo quý I/2024": the kind and the period, no word said twice."""
    return heading(getattr(report, "kind", ""), getattr(report, "period", ""))
