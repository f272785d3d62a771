"""The catalogue of Central documents (``central_documents.yaml``): what the Central
Committee, the Politburo and the Secretariat really issued — number and symbol as issued,
date, body, khóa and subject, each with its source.

Numbering restarts with each khóa, so ``by_number`` returns every document of a number and
type family; the caller chooses by date or khóa.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from capuy.vocab.loader import load_data, resolve_source

__all__ = ["CentralDocument", "by_number", "central_documents"]

_SYMBOL = re.compile(r"^(?P<number>\d+)-(?P<type>[A-ZĐa-zđ]+)/(?P<issuer>[A-ZĐ]+)$")
_TYPE_WORDS = {
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "QĐ": "Quy định",
    "QĐi": "Quy định",
    "QC": "Quy chế",
    "HD": "Hướng dẫn",
    "TT": "Thông tri",
}


@dataclass(frozen=True, slots=True)
class CentralDocument:
    symbol: str
    number: int
    type_code: str
    issuer_code: str
    type_word: str
    date: dt.date
    body: str
    term: str
    title: str
    source: str

    @property
    def label(self) -> str:
        """ "Nghị quyết số 37-NQ/TW ngày 09/10/2014 của Bộ Chính trị (khóa XI)"."""
        return (
            f"{self.type_word} số {self.symbol} ngày {self.date:%d/%m/%Y} của {self.body} "
            f"(khóa {self.term})"
        )


@cache
def central_documents() -> tuple[CentralDocument, ...]:
    data = load_data("central_documents")
    found = []
    for entry in data["documents"]:
        symbol = str(entry["symbol"])
        match = _SYMBOL.match(symbol)
        if match is None:
            raise ValueError(f"central_documents.yaml: {symbol!r} is not a Party symbol")
        type_code = match.group("type")
        found.append(
            CentralDocument(
                symbol=symbol,
                number=int(match.group("number")),
                type_code=type_code,
                issuer_code=match.group("issuer"),
                type_word=str(entry.get("type") or _TYPE_WORDS[type_code]),
                date=entry["date"],
                body=str(entry["body"]),
                term=str(entry["term"]),
                title=str(entry.get("title") or ""),
                source=resolve_source(entry, data["sources"], f"central_documents.yaml {symbol}"),
            )
        )
    return tuple(found)


def by_number(number: int, issuer_code: str, type_codes: set[str]) -> list[CentralDocument]:
    """Every catalogued document with this number, issuer and one of these type codes."""
    return [
        d
        for d in central_documents()
        if d.number == number and d.issuer_code == issuer_code and d.type_code in type_codes
    ]
