"""Citation conflicts: one symbol cited with two dates, and numbers that run backwards in time
within one issuer, type and committee term (each type is numbered from 01 in each term, so a
smaller number cannot be issued later: "01-CTr/TU ngày 17/8/2021" beside "08-CTr/TU ngày
25/3/2021"). Compared within a document and across the documents checked together."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from capuy.check.citing import scope, term_window
from capuy.check.registry import RULES, register
from capuy.model import Citation, Document, Finding

Entry = tuple[Document, Citation]


def _dated(docs: list[Document]) -> Iterator[tuple[tuple[object, ...], Document, Citation]]:
    for doc in docs:
        for citation in doc.citations:
            where = scope(citation, doc)
            window = term_window(citation)
            if where is None or window is None:
                continue
            yield (*where, window), doc, citation


def _number(citation: Citation) -> int | None:
    digits = "".join(ch for ch in citation.number if ch.isdigit())
    return int(digits) if digits else None


def _place(doc: Document, citation: Citation, here: Document) -> str:
    return (
        f"dòng {citation.line}" if doc is here else f"{Path(doc.source).name}, dòng {citation.line}"
    )


@register(
    "citation-conflict.same-symbol",
    "citation-conflict",
    "one symbol cited with different dates",
    scope="corpus",
)
def same_symbol_two_dates(docs: list[Document]) -> Iterator[Finding]:
    rule = RULES["citation-conflict.same-symbol"]
    groups: dict[tuple[object, ...], list[Entry]] = defaultdict(list)
    for key, doc, citation in _dated(docs):
        groups[(*key, citation.symbol)].append((doc, citation))
    for entries in groups.values():
        first_doc, first = entries[0]
        for doc, citation in entries[1:]:
            if citation.date == first.date:
                continue
            yield rule.finding(
                "error",
                citation.line,
                citation.text or citation.symbol,
                f"{citation.symbol} ghi ngày {citation.date:%d/%m/%Y}, nhưng ở "
                f"{_place(first_doc, first, doc)} cùng số hiệu lại ghi ngày "
                f"{first.date:%d/%m/%Y} — một văn bản chỉ có một ngày ban hành",
                source=doc.source,
            )


@register(
    "citation-conflict.numbering",
    "citation-conflict",
    "numbers going backwards in time within one issuer, type and term",
    scope="corpus",
)
def numbers_backwards(docs: list[Document]) -> Iterator[Finding]:
    rule = RULES["citation-conflict.numbering"]
    groups: dict[tuple[object, ...], dict[str, Entry]] = defaultdict(dict)
    for key, doc, citation in _dated(docs):
        groups[(*key, citation.type_code)].setdefault(citation.symbol, (doc, citation))
    for entries in groups.values():
        items = [(e, _number(e[1])) for e in entries.values()]
        numbered = [(e, n) for e, n in items if n is not None]
        clashes: dict[int, list[int]] = defaultdict(list)
        for i, ((_, a), na) in enumerate(numbered):
            for j, ((_, b), nb) in enumerate(numbered):
                assert a.date is not None and b.date is not None
                if na < nb and a.date > b.date:
                    clashes[i].append(j)
                    clashes[j].append(i)
        reported: set[frozenset[int]] = set()
        for i in sorted(clashes, key=lambda k: (-len(clashes[k]), -numbered[k][0][1].line)):
            partners = [j for j in clashes[i] if frozenset((i, j)) not in reported]
            if not partners:
                continue
            (doc, citation), _ = numbered[i]
            others = ", ".join(
                f"{numbered[j][0][1].symbol} ngày {numbered[j][0][1].date:%d/%m/%Y} "
                f"({_place(numbered[j][0][0], numbered[j][0][1], doc)})"
                for j in partners
            )
            reported.update(frozenset((i, j)) for j in partners)
            yield rule.finding(
                "error",
                citation.line,
                citation.text or citation.symbol,
                f"{citation.symbol} ngày {citation.date:%d/%m/%Y} không khớp thứ tự số với "
                f"{others}: trong một nhiệm kỳ, số văn bản cùng loại của một cơ quan tăng dần "
                "theo ngày — số hiệu hoặc ngày bị ghi sai",
                source=doc.source,
            )
