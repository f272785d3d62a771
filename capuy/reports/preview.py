"""A report's text as the official-layout HTML (``capuy.render.html_preview``), for the editor's
preview and for the page the leader reviews. A text the renderer refuses gives a short notice
saying why, never a broken page."""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from capuy.errors import InputError
from capuy.render.html_preview import render_html
from capuy.reports.output import parse


def preview_of(text: str) -> SafeString:
    try:
        markup = render_html(parse(text))  # every text inside is escaped by render_html
    except InputError as error:
        markup = (
            '<p class="preview-error">Chưa xem trước được: '
            f"{escape(error.vi)}. Sửa phần đầu hoặc nội dung rồi lưu lại.</p>"
        )
    return mark_safe(markup)  # noqa: S308
