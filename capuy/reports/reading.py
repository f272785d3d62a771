"""What a report's page shows from its text — the official-layout preview and the template
marks still unfilled — from **one** parse, kept per process by the text's content hash.

A report's page used to parse its text twice on every view (the preview, then the
placeholders for "whose turn it is"), ~100 ms of Python for a monthly report. The key is the
text itself (SHA-256 of its UTF-8), so a kept reading can never be stale: an edited text is a
new key. Only text the caller already holds is served back, so no scope is crossed.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from html import escape

from capuy.errors import InputError
from capuy.render.html_preview import render_html
from capuy.reports.output import parse

__all__ = ["Reading", "reading"]

KEPT = 64  # readings kept per process (a monthly report's preview is some 50 kB)


@dataclass(frozen=True)
class Reading:
    preview: str  # HTML, every text inside escaped by render_html
    marks: tuple[str, ...]  # the placeholders still in the text, as the checker reads them


_kept: OrderedDict[str, Reading] = OrderedDict()
_lock = threading.Lock()


def _read(text: str) -> Reading:
    from capuy.check.registry import RULES, all_rules

    try:
        doc = parse(text)
    except InputError as error:
        return Reading(_refused(error), ())  # an unreadable text is refused by its own check
    all_rules()
    marks = tuple(f.excerpt for f in RULES["format.placeholder"].run(doc))
    try:
        return Reading(render_html(doc), marks)
    except InputError as error:
        return Reading(_refused(error), marks)


def _refused(error: InputError) -> str:
    return (
        '<p class="preview-error">Chưa xem trước được: '
        f"{escape(error.vi)}. Sửa phần đầu hoặc nội dung rồi lưu lại.</p>"
    )


def reading(text: str) -> Reading:
    """The preview and unfilled marks of ``text`` (parsed once, then kept by its hash)."""
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]
    found = _read(text)
    with _lock:
        _kept[key] = found
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return found


def forget() -> None:
    """Drop every kept reading (tests measuring a cold page)."""
    with _lock:
        _kept.clear()
