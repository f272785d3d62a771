"""``{% report_preview report %}``: the report as the official-layout document (the leader
reviews this, not the source text)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from capuy.accounts.access import holds_role
from capuy.reports.models import Report
from capuy.reports.preview import preview_of
from capuy.reports.workflow import LEADER

register = template.Library()


@register.simple_tag
def report_preview(report: Report) -> SafeString:
    return preview_of(report.body)


@register.simple_tag(takes_context=True)
def reviews_report(context: dict[str, Any], report: Report) -> bool:
    """Whether the page's user is a leader of the report's unit (who reviews the rendered
    document first, whatever the state)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return user is not None and holds_role(user, LEADER, organisation=report.organisation)
