"""What the citation rules share: which body a cited symbol belongs to, which committee term a
date falls in (numbering restarts every term), and the latest date a cited document may carry.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from capuy.model import Citation, Document
from capuy.text import find_periods, parse_period, search_key
from capuy.vocab import issuer_by_code
from capuy.vocab.terms import terms_at

# Local Party committees (tỉnh, huyện, xã) hold their congresses in the months before the
# national congress (2010, 2015, 2020, 2025): a term runs from the autumn of a congress year to
# the summer of the next. Dates from July to October of a congress year may belong to either
# term, so they are left out of any comparison (precision over recall).
LOCAL_CONGRESS_YEARS = range(1990, 2040, 5)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_LEVELS = (
    ("tinh uy", "tỉnh"),
    ("thanh uy", "thành"),
    ("thi uy", "thị"),
    ("huyen uy", "huyện"),
    ("quan uy", "quận"),
    ("dang uy", "đảng ủy"),
)


def is_central(citation: Citation) -> bool:
    """Central bodies (TW, VPTW, TTg …) are unique, so their symbols need no author to compare."""
    code = re.sub(r"\d+$", "", citation.issuer_code)
    issuer = issuer_by_code(code)
    return issuer is not None and issuer.level == "central"


def author_level(citation: Citation) -> str:
    """ "tỉnh"/"thị"/"huyện"… from the author written beside the citation, "" when unknown."""
    key = search_key(citation.author)
    for needle, level in _LEVELS:
        if needle in key:
            return level
    return ""


def scope(citation: Citation, doc: Document) -> tuple[str, ...] | None:
    """Which numbering a citation belongs to. Local codes (TU is Tỉnh ủy, Thành ủy and Thị ủy)
    are told apart by the author; with no author the citation only compares inside its own
    document. None for State documents (numbered per year, not per term)."""
    if citation.system != "party":
        return None
    if is_central(citation):
        return (citation.issuer_code,)
    level = author_level(citation)
    return (citation.issuer_code, level) if level else (citation.issuer_code, "?", doc.source)


def term_window(citation: Citation) -> tuple[date, date] | None:
    """The committee term the citation's date falls in, or None when it cannot be told."""
    day = citation.date
    if day is None:
        return None
    if citation.issuer_code == "TW":
        found = terms_at("party_congress", day)
        if len(found) != 1:
            return None
        term = found[0]
        return term.start, term.end or date.max
    for year in LOCAL_CONGRESS_YEARS:
        start, end = date(year, 11, 1), date(year + 5, 6, 30)
        if start <= day <= end:
            return start, end
    return None


def report_limit(doc: Document) -> tuple[date, str] | None:
    """The latest date a document cited in ``doc`` can carry, and how it was found.

    The report's own date when known; otherwise the end of the period it covers (from the
    summary line or the "kỳ báo cáo" line) plus one month for drafting."""
    if doc.header.date:
        return doc.header.date, f"ngày của báo cáo ({doc.header.date:%d/%m/%Y})"
    period = report_period(doc)
    if period is None:
        return None
    end, label = period
    return end + timedelta(days=31), f"kỳ báo cáo ({label}, kết thúc {end:%d/%m/%Y})"


def report_period(doc: Document) -> tuple[date, str] | None:
    """End and label of the period the document reports on (the first period named)."""
    line = doc.header.lines.get("period")
    if line and 0 < line <= len(doc.lines):
        found = find_periods(doc.lines[line - 1])
        if found:
            return found[0][2].end, found[0][2].label
    summary = doc.header.summary
    if not summary:
        return None
    years = _YEAR.findall(summary)
    year_match = _YEAR.search(summary)
    first_part = summary.split(";")[0]
    found = find_periods(first_part)
    if found:
        return found[0][2].end, found[0][2].label
    if years and year_match:
        year = int(year_match.group())
        phrase = re.search(
            r"(tháng \d{1,2}|quý [IV]+|\d+ tháng (?:đầu|cuối) năm|năm)", first_part, re.IGNORECASE
        )
        if phrase:
            try:
                period = parse_period(phrase.group(1), year=year)
            except ValueError:
                return None
            return period.end, period.label
    return None
