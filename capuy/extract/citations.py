"""Stage 2 — citations: every document symbol in a string, with the words around it.

One ``finditer`` of the symbol pattern (``tokens.SYMBOL``) over the text; everything else is
done only around each match, so the cost stays close to a single ``re`` pass:

* before the symbol, the nearest type word of the vocab within a short window, with at most a
  few lower-case words and "số" between ("Nghị quyết số 45-NQ/TW", "Nghị quyết 37-NQ/TW",
  "Quy chế làm việc số 16-QC/HU"); the nearest wins, so in "Kế hoạch thực hiện Kết luận số
  62-KL/TW" the type word is "Kết luận";
* after it, a date written with "ngày", ", ngày" or bare (found by ``capuy.text.find_dates``);
* after that, "của <author>" and a congress term "(khóa XI)" / "khóa XII" (resolve.py).

A citation's ``text`` runs from the type word (or the symbol) to the end of the date.
"""

from __future__ import annotations

import re

from capuy.extract import tokens
from capuy.extract.layout import line_counter
from capuy.extract.resolve import resolve
from capuy.model import Citation
from capuy.text import find_dates

_TYPE_WINDOW = 60
_DATE_WINDOW = 48


def _type_word_before(text: str, start: int) -> tuple[str, int] | None:
    """The type word nearest before ``start``, if only "số" and a few words lie between."""
    window_start = max(0, start - _TYPE_WINDOW)
    window = text[window_start:start]
    best: tuple[str, int] | None = None
    for match in tokens.type_word_pattern().finditer(window):
        if tokens.TYPE_GAP.fullmatch(window, match.end()):
            best = (match.group(0), window_start + match.start())
    return best


def _date_after(text: str, end: int) -> tuple[int, str, object] | None:
    """(end offset, raw text, date or None) of a date written right after a symbol."""
    gap = tokens.DATE_GAP.match(text, end)
    if gap is None or not text[gap.end() : gap.end() + 1].isdigit():
        return None
    tail = text[end : end + _DATE_WINDOW]
    dates = find_dates(tail)
    if dates and tokens.DATE_GAP.fullmatch(tail[: dates[0].start]):
        return end + dates[0].end, dates[0].raw, dates[0].date
    return None


def find_citations(text: str, line: int = 1) -> list[Citation]:
    """Every numbered document cited in ``text`` (lines counted from ``line`` at each ``\\n``)."""
    found: list[Citation] = []
    line_at = line_counter(text, line)
    for match in tokens.SYMBOL.finditer(text):
        citation = citation_at(text, match)
        citation.line = line_at(match.start())
        found.append(citation)
    return found


def citation_at(text: str, match: re.Match[str]) -> Citation:
    """Build the citation around one symbol match (offsets into ``text``)."""
    party = match.group("pnum") is not None
    if party:
        number, type_code, issuer_code, year = (
            match.group("pnum"),
            match.group("ptype"),
            match.group("piss"),
            "",
        )
    else:
        number, type_code, issuer_code, year = (
            match.group("snum"),
            match.group("stype") or "",
            match.group("siss"),
            match.group("syear") or "",
        )
    symbol = re.sub(r"\s+", "", match.group(0))
    start, end = match.start(), match.end()

    type_word = ""
    before = _type_word_before(text, start)
    if before is not None:
        type_word, start = before
    raw_date, date = "", None
    after = _date_after(text, match.end())
    if after is not None:
        end, raw_date, date = after[0], after[1], after[2]

    citation = Citation(
        symbol=symbol,
        number=number,
        type_code=type_code,
        issuer_code=issuer_code,
        type_word=re.sub(r"\s+", " ", type_word),
        date=date,  # type: ignore[arg-type]
        text=re.sub(r"\s+", " ", text[start:end]).strip(),
        system="party" if party else "state",
        year=year,
        raw_date=raw_date,
        start=start,
        end=end,
    )
    return resolve(citation, text, end)
