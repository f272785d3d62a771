"""``{% report_preview report %}``: the report as the official-layout document (the leader
reviews this, not the source text)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from capuy.reports.models import Report
from capuy.reports.preview import preview_of

register = template.Library()


@register.simple_tag
def report_preview(report: Report) -> SafeString:
    return preview_of(report.body)
