"""“Văn bản ban hành trong tháng”: the month's outgoing documents grouped by type.

This is the appendix every monthly report carries (seed 000, PHỤ LỤC: "THỂ LOẠI | TRÍCH YẾU
NỘI DUNG", one row per type, the summaries joined as "(1) …; (2) …."). Types are listed in
Vietnamese alphabetical order, as the seed lists them (Báo cáo, Công văn, Đề án, Kế hoạch,
Kết luận, Quyết định, Thông báo); documents within a type by number.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from capuy.text import nfc, normalize_tones

if TYPE_CHECKING:
    from capuy.documents.models import Document

# The Vietnamese alphabet: each base letter, with ă â đ ê ô ơ ư as letters of their own.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# Tone marks rank after the letter itself: none, huyền, sắc, hỏi, ngã, nặng.
_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def vietnamese_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Order as a Vietnamese dictionary does: letters first (Đ after D), tones second."""
    letters: list[int] = []
    tones: list[int] = []
    for char in nfc(normalize_tones(text)).lower():
        parts = unicodedata.normalize("NFD", char)
        base, marks = parts[0], parts[1:]
        tone = 0
        letter = base
        for mark in marks:
            if mark in _TONES:
                tone = _TONES[mark]
            elif mark in _LETTER_MARKS:
                letter += mark
        letter = unicodedata.normalize("NFC", letter)
        if char == "đ":
            letter = "đ"
        if not letter.isalnum():
            letters.append(-1)  # a word ends before any letter: "Kế hoạch" < "Kết luận"
        else:
            letters.append(_LETTER_RANK.get(letter, 100 + ord(letter[0])))
        tones.append(tone)
    return tuple(letters), tuple(tones)


def one_line(summary: str) -> str:
    """A summary typed on several lines as one line, whole: the lines joined by a space (a
    table row of the appendix is one line; a line break there cut the summary after its first
    line and left that line's ";" stranded)."""
    return " ".join(summary.split())


def join_summaries(summaries: list[str]) -> str:
    """One summary as itself; several as "(1) …; (2) …", ending with one full stop."""
    cleaned = [one_line(s).rstrip(".;").strip() for s in summaries if s.strip()]
    if not cleaned:
        return ""
    if len(cleaned) == 1:
        return f"{cleaned[0]}."
    return "; ".join(f"({i}) {s}" for i, s in enumerate(cleaned, start=1)) + "."


@dataclass
class TypeGroup:
    type_code: str
    type_name: str
    documents: list[Document] = field(default_factory=list)

    @property
    def joined_summary(self) -> str:
        return join_summaries([d.summary for d in self.documents])


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def group_by_type(documents: Any) -> list[TypeGroup]:
    """Documents grouped by type, types in Vietnamese alphabetical order, numbers ascending."""
    groups: dict[str, TypeGroup] = {}
    for document in documents:
        group = groups.get(document.type_code)
        if group is None:
            group = groups[document.type_code] = TypeGroup(document.type_code, document.type_name)
        group.documents.append(document)
    for group in groups.values():
        group.documents.sort(key=lambda d: (d.number or 0, d.issued_on, d.pk or 0))
    return sorted(groups.values(), key=lambda g: vietnamese_sort_key(g.type_name))


def issued_in_month(documents: Any, year: int, month: int) -> list[TypeGroup]:
    """The outgoing documents of ``documents`` (already scoped) issued in the month, grouped."""
    first, last = month_bounds(year, month)
    return group_by_type(
        documents.outgoing().filter(issued_on__gte=first, issued_on__lte=last).order_by("number")
    )


def step_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """The month ``delta`` months after (or before) ``month``/``year``: (year, month)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_links(year: int, month: int) -> dict[str, str]:
    """The previous and next months as the month pages' ``thang`` parameter (mm/yyyy)."""
    before, after = step_month(year, month, -1), step_month(year, month, 1)
    return {
        "previous_month": f"{before[1]:02d}/{before[0]}",
        "next_month": f"{after[1]:02d}/{after[0]}",
    }
