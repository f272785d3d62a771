"""Footnote marks as Vietnamese reports type them, and linking bodies to call sites.

Word exports and hand-typed reports write the same footnote in many ways: superscript digits
(``khóa XIII¹``, ``¹⁰ Cử 02…``), HTML (``<sup>1</sup>``), ``^(1)`` and ``⁽²⁾``, and Markdown
``[^1]``. A mark at the start of a line opens a footnote body; the same mark inside text is a
call site. ``<sup>`` is handled by the inline parser (it arrives as HTML tokens).
"""

from __future__ import annotations

import re
from collections import defaultdict, deque

from capuy.model import Block, Footnote

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_SUP = f"[{SUPERSCRIPT_DIGITS}]"

BODY_START = re.compile(
    rf"""^\s*(?:
        (?P<sup>{_SUP}+)
      | <sup>\s*(?P<html>\d+)\s*</sup>
      | \^\((?P<caret>\d+)\)
      | ⁽(?P<paren>{_SUP}+)⁾
      | \[\^(?P<md>\d+)\]:?
    )\s*(?P<rest>\S.*)$""",
    re.VERBOSE,
)
"""A line that opens a footnote body: the mark, then the text (a space after it is optional)."""

CALL_MARK = re.compile(
    rf"⁽(?P<paren>{_SUP}+)⁾|(?P<sup>{_SUP}+)|\^\((?P<caret>\d+)\)|\[\^(?P<md>\d+)\]"
)
"""A call site inside running text (``<sup>n</sup>`` is seen by the inline parser instead)."""

_UNIT_BEFORE = re.compile(r"(?:^|[\s\d(])(?:k|c|d|h|m)?m$")
"""``m²``, ``km²``, ``ha`` … a superscript after a unit is an exponent, not a footnote."""


def label_of(match: re.Match[str]) -> str:
    """The footnote label of a ``BODY_START`` or ``CALL_MARK`` match, in ASCII digits."""
    for name in ("sup", "html", "caret", "paren", "md"):
        value = match.groupdict().get(name)
        if value:
            return str(int(value.translate(_TO_ASCII)))
    raise ValueError("match has no footnote label")


def is_exponent(text_before: str) -> bool:
    """True when a superscript follows a unit of measure (``m²``) rather than a word."""
    return bool(_UNIT_BEFORE.search(text_before))


def link_footnotes(blocks: list[Block], footnotes: list[Footnote]) -> None:
    """Set ``Footnote.ref_line`` from the call sites in ``blocks``.

    The k-th body labelled ``n`` is linked to the k-th call labelled ``n`` in reading order, so
    numbering that restarts (per chapter, per appendix) still links each body to its own call.
    """
    calls: dict[str, deque[int]] = defaultdict(deque)
    for block in blocks:
        for ref in block.footnote_refs:
            calls[ref.label].append(block.line_at(ref.offset))
    for footnote in footnotes:
        queue = calls.get(footnote.label)
        if queue:
            footnote.ref_line = queue.popleft()
