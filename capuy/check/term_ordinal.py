"""``term.in-force``: a Party Congress or National Assembly named by an ordinal that is not the
one sitting in the report's year, where the sentence treats it as current.

"Triển khai thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XI của Đảng" in a 2023
report, or "kỳ họp thứ 7, Quốc hội khóa XIV" in 2024: the terms come from ``vocab/terms.yaml``
(the same tables as ``term.central``). Only phrasings that make the document current are read —
an implementing verb before the Resolution (thực hiện, triển khai, quán triệt, cụ thể hóa, đưa
… vào cuộc sống) or a session of the Assembly — so a history ("Đại hội XII đã xác định …") or a
review over several terms is left alone. A year written in the same sentence other than the
report's own also silences it (the sentence is about another time).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from capuy.check.registry import RULES, register
from capuy.check.units import excerpt, text_units
from capuy.model import Document, Finding
from capuy.text import roman_to_int
from capuy.vocab.terms import terms_at

_CONGRESS = re.compile(
    r"(?:thực hiện|triển khai|quán triệt|cụ thể hóa|cụ thể hoá|học tập|đưa)\s+"
    r"(?:[^.;()]{0,40}?\s)?Nghị quyết\s+Đại hội\s+(?:đại biểu\s+toàn quốc\s+lần thứ\s+|"
    r"Đảng\s+toàn quốc\s+lần thứ\s+|toàn quốc\s+lần thứ\s+|lần thứ\s+)?(?P<ordinal>[IVXL]+)\b"
    r"(?!\s*(?:của|nhiệm kỳ)?\s*(?:Đảng bộ|đảng bộ))"
)
_ASSEMBLY = re.compile(
    r"[Kk]ỳ họp thứ\s+\w+\s*,?\s*(?:của\s+)?Quốc hội\s+khóa\s+(?P<ordinal>[IVXL]+)\b"
)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def _report_day(doc: Document) -> date | None:
    if doc.header.date:
        return doc.header.date
    years = re.findall(r"\b(20\d{2})\b", doc.header.summary or "")
    return date(int(years[-1]), 6, 30) if years else None


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind(";", 0, start))
    right = min(
        (i for i in (text.find(". ", end), text.find(";", end)) if i != -1), default=len(text)
    )
    return text[left + 1 : right]


@register(
    "term.in-force",
    "term",
    "a Party Congress or National Assembly treated as current in a year outside its term",
)
def terms_in_force(doc: Document) -> Iterator[Finding]:
    rule = RULES["term.in-force"]
    day = _report_day(doc)
    if day is None:
        return
    for body, pattern, name in (
        ("party_congress", _CONGRESS, "Đại hội đại biểu toàn quốc lần thứ"),
        ("national_assembly", _ASSEMBLY, "Quốc hội khóa"),
    ):
        sitting = terms_at(body, day)
        if not sitting:
            continue
        current = {t.ordinal for t in sitting}
        for unit in text_units(doc):
            if "Đại hội" not in unit.text and "Quốc hội" not in unit.text:
                continue
            for match in pattern.finditer(unit.text):
                ordinal = match.group("ordinal")
                if ordinal in current:
                    continue
                try:
                    if roman_to_int(ordinal) > max(roman_to_int(o) for o in current):
                        continue  # a later congress being prepared (dự thảo văn kiện …)
                except ValueError:
                    continue
                years = {m.group() for m in _YEAR.finditer(_sentence(unit.text, *match.span()))}
                if years - {str(day.year)}:
                    continue
                now = " hoặc ".join(sorted(current))
                yield rule.finding(
                    "error",
                    unit.line_at(match.start("ordinal")),
                    excerpt(unit.text, match.start(), match.end(), context=0),
                    f"năm {day.year} là nhiệm kỳ {name} {now}, không phải {ordinal} "
                    f"(vocab/terms.yaml)",
                    now if len(current) == 1 else "",
                )
