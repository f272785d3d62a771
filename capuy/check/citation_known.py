"""Citations checked against what is known (``capuy.check.known_documents``): the Central
catalogue always, a committee's register when the caller gives it.

* ``citation-date.known`` — the date written is not the date the document was issued
  ("Nghị quyết 37-NQ/TW ngày 09/10/2024 … (khóa XI)": 37-NQ/TW of khóa XI is of 09/10/2014);
* ``citation-date.known-after`` — the document cited was issued after the draft;
* ``citation-type.known`` — the type word or the type code disagrees with how the document was
  issued ("Quyết định số 65-QĐ/TW" is a Quy định; "Quy định 08-QĐ/TW" was issued 08-QĐi/TW);
* ``citation-conflict.never-issued`` — a register's series never reached that number.

The evidence (the known document, where it is recorded) is written in the message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from capuy.check.citing import report_limit
from capuy.check.known_documents import KnownDocument, candidates, known_providers
from capuy.check.registry import RULES, register
from capuy.model import Citation, Document, Finding
from capuy.text import find_dates, same_text
from capuy.vocab.terms import terms_at


def _day(value: object) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _term_of(citation: Citation) -> str:
    """The khóa of a Central citation: written beside it, else the one sitting on its date."""
    if citation.term:
        return citation.term
    if citation.date is None:
        return ""
    found = terms_at("party_congress", citation.date)
    return found[0].ordinal if len(found) == 1 else ""


def _same_series(citation: Citation, known: list[KnownDocument]) -> list[KnownDocument]:
    """The known documents the citation can mean: of its khóa when the catalogue says khóa."""
    term = _term_of(citation)
    with_term = [k for k in known if k.term]
    if with_term and term:
        return [k for k in known if k.term == term]
    return known


def _corrected(citation: Citation, right: KnownDocument) -> str:
    text = citation.text or citation.symbol
    dates = find_dates(text)
    if not dates or right.date is None:
        return f"{citation.symbol} ngày {_day(right.date)}"
    first = dates[0]
    written = text[first.start : first.end]
    right_day = right.date

    def same_style(m: re.Match[str]) -> str:  # "18/6/2021" → "18/5/2021", "02/02" stays padded
        return (
            f"{right_day.day:0{len(m.group(1))}d}/{right_day.month:0{len(m.group(2))}d}/"
            f"{right_day.year}"
        )

    numeric = re.sub(r"(\d{1,2})/(\d{1,2})/\d{4}", same_style, written, count=1)
    if numeric == written:
        numeric = f"ngày {_day(right.date)}"
    return text[: first.start] + numeric + text[first.end :]


@register("citation-date.known", "citation-date", "date differs from the known document's")
def known_date(doc: Document) -> Iterator[Finding]:
    rule = RULES["citation-date.known"]
    for citation in doc.citations:
        if citation.date is None:
            continue
        known = [k for k in candidates(citation) if k.date is not None]
        if not known or any(k.date == citation.date for k in known):
            continue
        meant = _same_series(citation, known)
        if len(meant) != 1:
            continue
        right = meant[0]
        yield rule.finding(
            "error",
            citation.line,
            citation.text or citation.symbol,
            f"{citation.symbol} ghi ngày {_day(citation.date)}, nhưng theo {right.where}: "
            f"{right.label} — ngày (hoặc năm) bị ghi sai",
            _corrected(citation, right),
        )


@register(
    "citation-date.known-after", "citation-date", "the cited document is newer than the draft"
)
def known_after(doc: Document) -> Iterator[Finding]:
    rule = RULES["citation-date.known-after"]
    limit = report_limit(doc)
    if limit is None:
        return
    latest, how = limit
    for citation in doc.citations:
        if citation.date is not None or (
            doc.header.symbol and citation.symbol == doc.header.symbol
        ):
            continue  # a written date is compared by citation-date.after-report
        known = [
            k
            for k in candidates(citation)
            if k.date is not None and k.type_code == citation.type_code
        ]
        if known and all(k.date > latest for k in known):  # type: ignore[operator]
            right = min(known, key=lambda k: k.date)  # type: ignore[arg-type,return-value]
            yield rule.finding(
                "error",
                citation.line,
                citation.text or citation.symbol,
                f"theo {right.where}, {right.label} ban hành sau {how}: "
                "không thể viện dẫn một văn bản chưa ban hành",
            )


@register(
    "citation-type.known", "citation-type", "type word or code differs from the known document's"
)
def known_type(doc: Document) -> Iterator[Finding]:
    rule = RULES["citation-type.known"]
    for citation in doc.citations:
        known = candidates(citation)
        if not known:
            continue
        if citation.date is not None:
            dated = [k for k in known if k.date == citation.date]
            known = dated or _same_series(citation, known)
        if any(k.type_code == citation.type_code for k in known):
            same_code = [k for k in known if k.type_code == citation.type_code]
            if citation.type_word and not any(
                same_text(k.type_word.lower(), citation.type_word.lower()) for k in same_code
            ):
                right = same_code[0]
                yield rule.finding(
                    "error",
                    citation.line,
                    citation.text or citation.symbol,
                    f"“{citation.type_word}” nhưng theo {right.where}, {right.symbol} là "
                    f"{right.type_word.lower()}: {right.label}",
                    (citation.text or citation.symbol).replace(
                        citation.type_word, right.type_word, 1
                    ),
                )
            continue
        if len(known) != 1:
            continue
        right = known[0]
        yield rule.finding(
            "error",
            citation.line,
            citation.text or citation.symbol,
            f"{citation.symbol}: theo {right.where}, văn bản này ban hành với số hiệu "
            f"{right.symbol} ({right.label})",
            (citation.text or citation.symbol).replace(citation.symbol, right.symbol, 1),
        )


@register(
    "citation-conflict.never-issued", "citation-conflict", "a number the register never issued"
)
def never_issued(doc: Document) -> Iterator[Finding]:
    rule = RULES["citation-conflict.never-issued"]
    for citation in doc.citations:
        if candidates(citation):
            continue
        for provider in known_providers():
            reason = provider.never_issued(citation)
            if reason:
                yield rule.finding(
                    "error",
                    citation.line,
                    citation.text or citation.symbol,
                    f"số {citation.symbol} chưa từng được cấp: {reason}",
                )
                break
