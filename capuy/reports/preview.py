"""A report's text as the official-layout HTML (``capuy.render.html_preview``), for the editor's
preview and for the page the leader reviews. A text the renderer refuses gives a short notice
saying why, never a broken page."""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe

from capuy.reports.reading import reading


def preview_of(text: str) -> SafeString:
    """The text's preview (parsed once per text: ``capuy.reports.reading``)."""
    return mark_safe(reading(text).preview)  # noqa: S308 — escaped by render_html
