"""Terms: a khóa that does not fit the nhiệm kỳ written beside it — for the Party Central
Committee and the National Assembly (from ``vocab/terms.yaml``), for People's Councils (their
nhiệm kỳ are fixed nationwide), and for the committee's own congresses (five-year terms: "lần
thứ XXI, nhiệm kỳ 2020 - 2025" and "lần thứ XXII, nhiệm kỳ 2025 - 2030" agree)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from capuy.check.registry import RULES, register
from capuy.check.units import TextUnit, excerpt, text_units
from capuy.model import Document, Finding
from capuy.text import int_to_roman, roman_to_int, search_key
from capuy.vocab.areas import committee_areas
from capuy.vocab.terms import term_for, terms

_SPAN = r"nhiệm kỳ\s+(\d{4})\s*[-–]\s*(\d{4})"
_CENTRAL = re.compile(
    r"(Ban Chấp hành Trung ương(?: Đảng)?|Quốc hội)\s*\(?khóa\s+([IVXL]+)\)?\s*,?\s*" + _SPAN
)
_COUNCIL = re.compile(r"(?:Hội đồng nhân dân|HĐND|Ủy ban nhân dân|UBND)[^.;()]{0,60}?" + _SPAN)
_LOCAL = re.compile(
    r"(Đại hội (?:đại biểu |Đại biểu )?Đảng bộ|Ban Chấp hành Đảng bộ|Huyện ủy|Thị ủy|Tỉnh ủy|Thành ủy)"
    r"([^.;()]{0,50}?)(?:lần thứ|khóa)\s+([IVXL]+)\s*,?\s*" + _SPAN
)


def _span_text(a: str, b: str) -> str:
    return f"{a} - {b}"


@register(
    "term.central", "term", "a Central Committee / National Assembly khóa and its nhiệm kỳ disagree"
)
def central_terms(doc: Document) -> Iterator[Finding]:
    rule = RULES["term.central"]
    for unit in text_units(doc):
        for match in _CENTRAL.finditer(unit.text):
            body_words, ordinal, first, last = match.groups()
            body = "national_assembly" if body_words == "Quốc hội" else "party_congress"
            term = term_for(body, ordinal)
            if term is None or not term.label:
                continue
            if term.label.replace(" ", "") == f"{first}-{last}":
                continue
            yield rule.finding(
                "error",
                unit.line_at(match.start()),
                excerpt(unit.text, match.start(), match.end(), context=0),
                f"{body_words} khóa {ordinal} có nhiệm kỳ {term.label}, không phải "
                f"{_span_text(first, last)}",
                f"nhiệm kỳ {term.label}",
            )


@register("term.council", "term", "a People's Council nhiệm kỳ that does not exist")
def council_terms(doc: Document) -> Iterator[Finding]:
    rule = RULES["term.council"]
    known = {t.ordinal.replace(" ", "") for t in terms("peoples_council")}
    for unit in text_units(doc):
        for match in _COUNCIL.finditer(unit.text):
            first, last = match.group(1), match.group(2)
            if f"{first}-{last}" in known:
                continue
            yield rule.finding(
                "error",
                unit.line_at(match.start()),
                excerpt(unit.text, match.start(), match.end(), context=0),
                f"Hội đồng nhân dân (và Ủy ban nhân dân) các cấp không có nhiệm kỳ "
                f"{_span_text(first, last)}; các nhiệm kỳ là {', '.join(sorted(known))}",
            )


def _level(words: str, unit: TextUnit, start: int) -> str:
    key = search_key(words + " " + unit.text[start : start + 80])
    for _, needle, level in committee_areas():
        if re.search(rf"\b{needle}\b", key) or f"{needle} uy" in key:
            return level
    return ""


@register("term.committee", "term", "the committee's own congress ordinals and nhiệm kỳ disagree")
def committee_terms(doc: Document) -> Iterator[Finding]:
    rule = RULES["term.committee"]
    seen: dict[str, list[tuple[int, int, TextUnit, re.Match[str]]]] = defaultdict(list)
    for unit in text_units(doc):
        for match in _LOCAL.finditer(unit.text):
            body, middle, ordinal, first, last = match.groups()
            try:
                number = roman_to_int(ordinal)
            except ValueError:
                continue
            start, end = int(first), int(last)
            if end - start != 5:
                yield rule.finding(
                    "error",
                    unit.line_at(match.start()),
                    excerpt(unit.text, match.start(), match.end(), context=0),
                    f"nhiệm kỳ của cấp ủy là 5 năm, không phải {_span_text(first, last)}",
                )
                continue
            level = _level(body + middle, unit, match.start())
            if level:
                seen[level].append((number, start, unit, match))
    for mentions in seen.values():
        number0, start0, unit0, match0 = mentions[0]
        for number, start, unit, match in mentions[1:]:
            if (number - number0) * 5 == start - start0:
                continue
            yield rule.finding(
                "error",
                unit.line_at(match.start()),
                excerpt(unit.text, match.start(), match.end(), context=0),
                f"khóa/lần thứ {match.group(3)} với nhiệm kỳ {start} - {start + 5} không khớp với "
                f"dòng {unit0.line_at(match0.start())} (khóa/lần thứ {match0.group(3)}, nhiệm kỳ "
                f"{start0} - {start0 + 5}): "
                "mỗi khóa cách nhau 5 năm",
            )


def _known_terms(docs: list[Document]) -> dict[str, tuple[int, int]]:
    """Level → (ordinal, first year) from "lần thứ XXI, nhiệm kỳ 2020 - 2025" mentions."""
    known: dict[str, tuple[int, int]] = {}
    for doc in docs:
        for unit in text_units(doc):
            for match in _LOCAL.finditer(unit.text):
                body, middle, ordinal, first, last = match.groups()
                if int(last) - int(first) != 5:
                    continue
                try:
                    number = roman_to_int(ordinal)
                except ValueError:
                    continue
                level = _level(body + middle, unit, match.start())
                if level:
                    known.setdefault(level, (number, int(first)))
    return known


@register(
    "term.committee-date",
    "term",
    "a committee document dated outside the khóa written beside it",
    scope="corpus",
)
def committee_term_dates(docs: list[Document]) -> Iterator[Finding]:
    """ "Nghị quyết số 07-NQ/TU ngày 12/12/2023 của Hội nghị Thị ủy … (khóa XXI)": the files
    checked together say which nhiệm kỳ a khóa of that committee is (five years a khóa), so
    the date must fall in it. The congress-year months (July–October) are given the benefit of
    the doubt."""
    from capuy.check.citing import author_level, is_central

    rule = RULES["term.committee-date"]
    known = _known_terms(docs)
    levels = {committee: area for committee, _, area in committee_areas()}
    for doc in docs:
        for citation in doc.citations:
            if not citation.term or citation.date is None or is_central(citation):
                continue
            level = levels.get(author_level(citation), "")
            if level not in known:
                continue
            try:
                number = roman_to_int(citation.term)
            except ValueError:
                continue
            base_number, base_year = known[level]
            first = base_year + 5 * (number - base_number)
            start, end = date(first, 7, 1), date(first + 5, 10, 31)
            if start <= citation.date <= end:
                continue
            yield rule.finding(
                "error",
                citation.line,
                citation.text or citation.symbol,
                f"{citation.symbol} ngày {citation.date:%d/%m/%Y} kèm “khóa {citation.term}”, "
                f"nhưng khóa {citation.term} của cấp ủy {level} là nhiệm kỳ {first} - {first + 5} "
                f"(theo khóa {int_to_roman(base_number)}, nhiệm kỳ {base_year} - {base_year + 5} "
                "trong các văn bản đang kiểm tra)",
                source=doc.source,
            )
