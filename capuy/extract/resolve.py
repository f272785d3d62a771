"""Stage 3 — resolve: fill in what the symbol alone does not say.

* ``type_code`` of a State symbol without a type part (``26/2022/UBTVQH15``) from the type
  word written before it ("Nghị quyết" → NQ), through ``capuy.vocab.types_for_word``;
* ``author`` ("Bộ Chính trị", "Ban Thường vụ Tỉnh ủy", "Hội nghị Huyện ủy lần thứ 15") from
  "của …" right after the date, cut where the subject starts ("về", "tiếp tục", ";" …);
* else the body named as the subject right before it: "Thị ủy đã ban hành Nghị quyết số
  03-NQ/TU", "đã được Thị ủy xác định tại Kế hoạch số 206-KH/TU" (``author_before``);
* ``term`` ("XI") from "(khóa XI)", ", khóa XXVII" or "khóa XIII" written right after the
  author — the checker compares it with the congress terms of the vocab.

The type word is kept as written: "Chương trình hành động số 39-CT/TU" keeps both the word and
the CT code, so the checker can report that they disagree.
"""

from __future__ import annotations

import re

from capuy.extract import tokens
from capuy.model import Citation
from capuy.vocab import types_for_word

_AUTHOR_WINDOW = 160
_COMMITTEE = r"(?:Ban Thường vụ |Thường trực |Ban Chấp hành )?(?:Tỉnh|Thành|Thị|Huyện|Quận)\s+ủy"
_BODY_BEFORE = re.compile(
    rf"(?P<body>{_COMMITTEE}|Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương(?: Đảng)?)"
    r"\s+(?:đã\s+)?(?:ban hành|xác định tại|cụ thể hóa bằng)\s*$"
)


def resolve(citation: Citation, text: str, end: int) -> Citation:
    """Complete ``citation`` from the text after ``end`` (the end of its symbol or date)."""
    if not citation.type_code and citation.type_word:
        candidates = types_for_word(citation.type_word)
        same_system = [t for t in candidates if t.system == citation.system and t.code]
        chosen = same_system or [t for t in candidates if t.code]
        if chosen:
            citation.type_code = chosen[0].code or ""
    author_start = tokens.AUTHOR_START.match(text, end)
    if author_start is None:
        citation.author = author_before(text, citation.start)
        return citation
    rest = text[author_start.end() : author_start.end() + _AUTHOR_WINDOW]
    stop = tokens.AUTHOR_STOP.search(rest)
    segment = rest[: stop.start()] if stop else rest
    segment = segment.split("\n", 1)[0]
    term = tokens.TERM.search(segment)
    if term is not None:
        citation.term = term.group("term").upper()
        segment = segment[: term.start()]
    citation.author = segment.strip(" ,()")
    return citation


def author_before(text: str, start: int) -> str:
    """The body that is the subject of "ban hành" / "xác định tại" just before a citation."""
    found = _BODY_BEFORE.search(text[max(0, start - 80) : start])
    return re.sub(r"\s+", " ", found.group("body")) if found else ""
