"""Snippets and highlighting: the stored text with the matched words in ``<mark>``.

Matching is on folded text (so "duc pho" marks "Đức Phổ"); each character is folded on its
own, which keeps folded and original offsets aligned for Vietnamese (one precomposed letter
folds to one letter). Everything outside the marks is escaped.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from capuy.text import fold_chars

SNIPPET_CHARS = 220


def _spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    if not words or not text:
        return []
    folded = fold_chars(text)
    pattern = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
        + r")\w*"
    )
    return [(m.start(), m.end()) for m in pattern.finditer(folded)]


def _marked(text: str, spans: list[tuple[int, int]], offset: int = 0) -> str:
    out, at = [], 0
    for start, end in spans:
        start, end = start - offset, end - offset
        if start < at or end > len(text) or start < 0:
            continue
        out.append(escape(text[at:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def highlight(text: str, words: list[str]) -> SafeString:
    return mark_safe(_marked(text, _spans(text, words)))  # noqa: S308  (escaped above)


def snippet(text: str, words: list[str], size: int = SNIPPET_CHARS) -> SafeString:
    """The window of ``text`` holding the most matched words, with them marked."""
    if not text:
        return mark_safe("")
    head = text[:200_000]
    spans = _spans(head, words)
    if not spans:
        cut = head[:size]
        return mark_safe(escape(cut) + ("…" if len(head) > size else ""))  # noqa: S308
    best, best_count, j = spans[0][0], 0, 0
    for i, (start, _) in enumerate(spans):  # spans in order: a sliding window, linear
        j = max(j, i)
        while j < len(spans) and spans[j][0] < start + size:
            j += 1
        if j - i > best_count:
            best, best_count = start, j - i
    begin = max(0, best - size // 4)
    space = head.rfind(" ", 0, begin)
    begin = space + 1 if begin and space >= 0 and begin - space < 30 else begin
    end = min(len(head), begin + size)
    inner = [(s, e) for s, e in spans if s >= begin and e <= end]
    text_html = _marked(head[begin:end], inner, begin)
    return mark_safe(("…" if begin else "") + text_html + ("…" if end < len(head) else ""))  # noqa: S308


def marked_text(html: str, prefix: str = "") -> Any:
    """A highlighted snippet as a Rich ``Text`` for the terminal (marks in bold yellow)."""
    from html import unescape

    from rich.text import Text

    text = Text(prefix, style="dim")
    for index, part in enumerate(re.split(r"</?mark>", html)):
        text.append(unescape(part), style="bold yellow" if index % 2 else "")
    return text
