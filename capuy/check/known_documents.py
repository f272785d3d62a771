"""What the checker knows about documents beyond the text: the Central catalogue and, when the
caller has them, registers of documents — passed in as data, so the checker stays Django-free.

A provider answers two questions about a citation:

* ``candidates(citation)`` — the known documents with the same number, issuing code and type
  family (QĐ and QĐi count as one family for a Quy định): the rules compare date and type;
* ``never_issued(citation)`` — a reason to say the number was never issued (only a register
  that knows how far its series has gone can say so), else "".

The catalogue of Central documents (``capuy.vocab.central_documents``) is always known; the
command line (``capuy check --register``) and the report workflow add the committee's register
and the registers it can see with ``use_known_documents(...)`` around ``check``::

    with use_known_documents(RegisterDocuments(entries, series, where="sổ của Thị ủy Đức Phổ")):
        findings = check(docs)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Protocol

from capuy.model import Citation
from capuy.vocab.central_documents import by_number

__all__ = [
    "CentralCatalogue",
    "KnownDocument",
    "KnownDocuments",
    "RegisterDocuments",
    "Series",
    "known_providers",
    "type_family",
    "use_known_documents",
]


@dataclass(frozen=True)
class KnownDocument:
    symbol: str
    number: int
    type_code: str
    issuer_code: str
    type_word: str
    date: dt.date | None
    title: str = ""
    where: str = ""  # "danh mục văn bản Trung ương", "sổ văn bản của Thị ủy Đức Phổ"
    body: str = ""
    term: str = ""  # the khóa of a Central document ("XI")

    @property
    def label(self) -> str:
        day = f" ngày {self.date:%d/%m/%Y}" if self.date else ""
        body = f" của {self.body}" if self.body else ""
        term = f" (khóa {self.term})" if self.term else ""
        title = f" {self.title}" if self.title else ""
        return f"{self.type_word} số {self.symbol}{day}{body}{term}{title}"


class KnownDocuments(Protocol):
    def candidates(self, citation: Citation) -> list[KnownDocument]: ...

    def never_issued(self, citation: Citation) -> str: ...


def type_family(type_code: str) -> set[str]:
    """QĐ and QĐi are one family (a Quy định is issued under either); others stand alone."""
    return {"QĐ", "QĐi"} if type_code in {"QĐ", "QĐi"} else {type_code}


def _number(citation: Citation) -> int | None:
    return int(citation.number) if citation.number.isdigit() else None


class CentralCatalogue:
    """The Central Committee's, Politburo's and Secretariat's documents of the catalogue."""

    where = "danh mục văn bản Trung ương (capuy/vocab/central_documents.yaml)"

    def candidates(self, citation: Citation) -> list[KnownDocument]:
        number = _number(citation)
        if citation.system != "party" or citation.issuer_code != "TW" or number is None:
            return []
        return [
            KnownDocument(
                symbol=d.symbol,
                number=d.number,
                type_code=d.type_code,
                issuer_code=d.issuer_code,
                type_word=d.type_word,
                date=d.date,
                title=d.title,
                where=self.where,
                body=d.body,
                term=d.term,
            )
            for d in by_number(number, "TW", type_family(citation.type_code))
        ]

    def never_issued(self, citation: Citation) -> str:
        return ""  # the catalogue is not complete: absence proves nothing


@dataclass(frozen=True)
class Series:
    """How far one numbering series of a register has gone: type code, symbol code, the term's
    first and last day, and the last number issued."""

    type_code: str
    issuer_code: str
    start: dt.date
    end: dt.date
    last_number: int


class RegisterDocuments:
    """A committee's register as data: its documents and how far each series has gone.

    ``codes`` are the issuing codes this register numbers (TU, BTCTU …); ``own`` marks the
    register of the committee whose draft is checked — a citation written without an author
    ("Kế hoạch số 174-KH/TU") is taken as one of its own documents; with an author, a register
    answers only when the author contains one of its ``names`` (folded: "thi uy duc pho", and
    for the committee's own register its short name "thi uy", as in "của Ban Thường vụ Thị ủy")."""

    def __init__(
        self,
        documents: Iterable[KnownDocument],
        series: Sequence[Series] = (),
        where: str = "",
        codes: Iterable[str] = (),
        own: bool = True,
        names: Iterable[str] = (),
    ) -> None:
        self.where = where
        self.codes = set(codes)
        self.own = own
        self.names = [n for n in names if n]
        self.series = list(series)
        self._by_key: dict[tuple[int, str], list[KnownDocument]] = {}
        for document in documents:
            self.codes.add(document.issuer_code)
            key = (document.number, document.issuer_code)
            self._by_key.setdefault(key, []).append(document)

    def _applies(self, citation: Citation) -> bool:
        if citation.system != "party" or citation.issuer_code not in self.codes:
            return False
        if not citation.author:
            return self.own
        from capuy.text import search_key

        author = search_key(citation.author)
        return any(name in author for name in self.names)

    def candidates(self, citation: Citation) -> list[KnownDocument]:
        number = _number(citation)
        if number is None or not self._applies(citation):
            return []
        family = type_family(citation.type_code)
        return [
            d for d in self._by_key.get((number, citation.issuer_code), []) if d.type_code in family
        ]

    def never_issued(self, citation: Citation) -> str:
        number = _number(citation)
        if number is None or citation.date is None or not self._applies(citation):
            return ""
        for series in self.series:
            if (
                series.type_code == citation.type_code
                and series.issuer_code == citation.issuer_code
                and series.start <= citation.date <= series.end
                and number > series.last_number
            ):
                return (
                    f"{self.where} nhiệm kỳ {series.start:%Y}–{series.end:%Y} mới cấp đến số "
                    f"{series.last_number:02d}-{series.type_code}/{series.issuer_code}"
                )
        return ""


_PROVIDERS: ContextVar[tuple[KnownDocuments, ...] | None] = ContextVar(
    "capuy_known_documents", default=None
)


def known_providers() -> tuple[KnownDocuments, ...]:
    """The providers in use: the registers given by ``use_known_documents`` and the catalogue."""
    extra = _PROVIDERS.get() or ()
    return (*extra, CentralCatalogue())


@contextmanager
def use_known_documents(*providers: KnownDocuments) -> Iterator[None]:
    token = _PROVIDERS.set(tuple(providers))
    try:
        yield
    finally:
        _PROVIDERS.reset(token)


def candidates(citation: Citation) -> list[KnownDocument]:
    found: list[KnownDocument] = []
    for provider in known_providers():
        found.extend(provider.candidates(citation))
    return found
