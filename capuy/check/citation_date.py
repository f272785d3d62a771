"""Citation dates: a cited document dated after the report (or after its period), a document
dated before the one it says it implements, a date that is not a calendar date, and a date
outside the congress term written beside it ("… 09/10/2024 … (khóa XI)")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from capuy.check.citing import is_central, report_limit
from capuy.check.registry import RULES, register
from capuy.check.units import excerpt, text_units
from capuy.model import Citation, Document, Finding
from capuy.text import find_dates
from capuy.vocab.documents import document_types
from capuy.vocab.terms import term_for

# Words that say the first document carries out the second ("Kế hoạch … thực hiện Kết luận …").
_IMPLEMENTS = re.compile(
    r"\b(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|quán triệt|tiếp tục thực hiện)\b",
    re.IGNORECASE,
)
_MAX_GAP = 220
# Between the first document and the verb: no other document named (a Party document type's
# name, from ``vocab/document_types.yaml``, or "Đại hội", whose resolution a text names by the
# congress), no list item opened, no quotation.
_NAMED_LIKE_A_DOCUMENT = ("Đại hội",)


@cache
def _other_document() -> re.Pattern[str]:
    names = sorted(
        {t.name for t in document_types("party")} | set(_NAMED_LIKE_A_DOCUMENT),
        key=lambda name: (-len(name), name),
    )
    return re.compile(r"\(\d+\)|[“\"]|\b(?:" + "|".join(map(re.escape, names)) + r")\b")


# Between the verb and the second document: only its type word and "số".
_MAX_AFTER_VERB = 40


def _day(citation: Citation) -> str:
    return f"{citation.date:%d/%m/%Y}" if citation.date else ""


def _where(citation: Citation) -> str:
    return citation.text or citation.symbol


@register("citation-date.after-report", "citation-date", "a cited document dated after the report")
def dated_after_report(doc: Document) -> Iterator[Finding]:
    rule = RULES["citation-date.after-report"]
    limit = report_limit(doc)
    if limit is None:
        return
    latest, how = limit
    for citation in doc.citations:
        if citation.date is None or citation.date <= latest:
            continue
        if doc.header.symbol and citation.symbol == doc.header.symbol:
            continue
        yield rule.finding(
            "error",
            citation.line,
            _where(citation),
            f"văn bản {citation.symbol} ghi ngày {_day(citation)}, muộn hơn {how}: "
            "không thể viện dẫn một văn bản chưa ban hành — kiểm tra lại ngày (hoặc năm)",
        )


@register(
    "citation-date.implements-earlier",
    "citation-date",
    "a document dated before the document it says it implements",
)
def implements_earlier(doc: Document) -> Iterator[Finding]:
    """In "Kế hoạch số 254-KH/TU ngày 19/02/2021 … thực hiện Kết luận số 57-KL/TW ngày
    15/6/2023", a plan cannot carry out a conclusion issued two years after it."""
    rule = RULES["citation-date.implements-earlier"]
    by_line: dict[int, list[Citation]] = {}
    for citation in doc.citations:
        by_line.setdefault(citation.line, []).append(citation)
    units = {unit.line: unit for unit in text_units(doc)}
    for citation in doc.citations:
        if citation.date is None or not citation.end:
            continue
        unit = units.get(citation.line)
        if unit is None:
            continue
        following = [
            c for c in by_line[citation.line] if c.start >= citation.end and c is not citation
        ]
        if not following:
            continue
        target = min(following, key=lambda c: c.start)
        between = unit.text[citation.end : target.start]
        verbs = list(_IMPLEMENTS.finditer(between))
        if (
            target.date is None
            or target.date <= citation.date
            or not verbs
            or len(between) > _MAX_GAP
            or re.search(r"[.;]\s", between)
        ):
            continue
        verb = verbs[-1]
        before_verb, after_verb = between[: verb.start()], between[verb.end() :]
        if _other_document().search(before_verb) or len(after_verb) > _MAX_AFTER_VERB:
            continue
        if re.search(r",|\bvà\b", after_verb):
            continue
        yield rule.finding(
            "error",
            citation.line,
            excerpt(unit.text, citation.start, target.end, context=0),
            f"{citation.type_word or 'văn bản'} {citation.symbol} ngày {_day(citation)} được ghi là "
            f"thực hiện {target.type_word or 'văn bản'} {target.symbol} ngày {_day(target)}, "
            "nhưng lại ban hành trước văn bản đó — một trong hai ngày (hoặc số hiệu) bị ghi sai",
        )


_YEAR = re.compile(r"\d{4}")
_DATE_CONTEXT = re.compile(r"(?:ngày|đến|từ)\s*$", re.IGNORECASE)


@register("citation-date.invalid", "citation-date", "a date that is not a calendar date")
def impossible_dates(doc: Document) -> Iterator[Finding]:
    rule = RULES["citation-date.invalid"]
    for unit in text_units(doc):
        if _YEAR.search(unit.text) is None:
            continue  # every date has a four-digit year: one C-speed scan skips the rest
        for match in find_dates(unit.text):
            if match.date is not None or not 1 <= match.month <= 12 and match.day > 31:
                continue
            if match.month > 12 and not _DATE_CONTEXT.search(unit.text[: match.start]):
                continue  # "1/500" scales and "51/256" ratios are not dates
            yield rule.finding(
                "error",
                unit.line_at(match.start),
                excerpt(unit.text, match.start, match.end),
                f"“{match.raw}” không phải là ngày có thật trong lịch "
                f"(tháng {match.month:02d}/{match.year} không có ngày {match.day:02d})",
            )


@register(
    "citation-date.term",
    "citation-date",
    "a central document dated outside the congress term (khóa) written beside it",
)
def outside_named_term(doc: Document) -> Iterator[Finding]:
    rule = RULES["citation-date.term"]
    for citation in doc.citations:
        if not citation.term or citation.date is None or not is_central(citation):
            continue
        if citation.issuer_code != "TW":
            continue
        term = term_for("party_congress", citation.term)
        if term is None or term.contains(citation.date):
            continue
        span = term.label or f"{term.start:%Y}"
        yield rule.finding(
            "error",
            citation.line,
            _where(citation),
            f"{citation.symbol} ghi ngày {_day(citation)} nhưng kèm “khóa {citation.term}” "
            f"(Ban Chấp hành Trung ương khóa {citation.term}: {span}) — ngày hoặc khóa bị ghi sai",
        )
