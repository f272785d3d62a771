"""The interface of a full-text backend and the ranking both share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from capuy.search.query import ParsedQuery

TABLE = "search_searchentry"
RECENCY_YEARS = 20  # a record this old gets no recency boost; a new one up to +30 %
RECENCY_WEIGHT = 0.3
SYMBOL_BOOST = 1000.0  # the record whose symbol is the one typed comes first
NUMBER_BOOST = 50.0  # "1401": records numbered 1401 before others that mention 1401


@dataclass(frozen=True)
class IndexText:
    """The searchable text of one entry: ``title`` (symbol, title, type, issuer, dates) weighs
    more than ``body`` (full text, attachments)."""

    entry_id: int
    title: str
    body: str


class Backend:
    vendor = ""

    def write(self, rows: Sequence[IndexText]) -> None:
        raise NotImplementedError

    def delete(self, entry_ids: Iterable[int]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def match(self, qs: QuerySet[Any], query: ParsedQuery) -> QuerySet[Any]:
        raise NotImplementedError

    def size_bytes(self) -> int:
        raise NotImplementedError


def boost_sql(query: ParsedQuery) -> tuple[str, list[Any], str, list[Any]]:
    """SQL (and params) multiplying a text score by recency and adding the symbol boosts —
    written once for both databases (plain SQL: CASE, arithmetic, LIKE)."""
    this_year = dt.date.today().year
    recency = (
        f"(1 + {RECENCY_WEIGHT} * (CASE WHEN {TABLE}.year IS NULL THEN 0 "
        f"WHEN %s - {TABLE}.year >= {RECENCY_YEARS} THEN 0 "
        f"ELSE 1 - (%s - {TABLE}.year) / {float(RECENCY_YEARS)} END))"
    )
    params: list[Any] = [this_year, this_year]
    extra: str = "0"
    extra_params: list[Any] = []
    if query.symbol:
        extra = f"(CASE WHEN {TABLE}.symbol_key = %s THEN {SYMBOL_BOOST} ELSE 0 END)"
        extra_params.append(query.symbol)
    else:
        numbers = [
            c.folded[0] for c in query.clauses if len(c.folded) == 1 and c.folded[0].isdigit()
        ]
        if numbers:
            extra = (
                f"(CASE WHEN {TABLE}.symbol_key LIKE %s OR {TABLE}.symbol_key LIKE %s "
                f"THEN {NUMBER_BOOST} ELSE 0 END)"
            )
            extra_params += [f"{numbers[0]}-%", f"{numbers[0]}/%"]
    return recency, params, extra, extra_params
