"""The interface of a full-text backend and the ranking both share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import QuerySet

from capuy.search.query import ParsedQuery
from capuy.search.tokens import NO_NARROWING, Narrowing

TABLE = "search_searchentry"
RECENCY_YEARS = 20  # a record this old gets no recency boost; a new one up to +30 %
RECENCY_WEIGHT = 0.3
SYMBOL_BOOST = 1000.0  # the record whose symbol is the one typed comes first
NUMBER_BOOST = 50.0  # "1401": records numbered 1401 before others that mention 1401
POOL = 1000  # the most a user can page through (50 pages of 20): above it, the newest are ranked


@dataclass(frozen=True)
class IndexText:
    """The searchable text of one entry: ``title`` (symbol, title, type, issuer, dates) weighs
    more than ``body`` (full text, attachments)."""

    entry_id: int
    title: str
    body: str
    tokens: tuple[str, ...] = ()  # scope and facet values (``capuy.search.tokens``)


class Backend:
    vendor = ""

    def write(self, rows: Sequence[IndexText]) -> None:
        raise NotImplementedError

    def delete(self, entry_ids: Iterable[int]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    pool_order = "-id"  # the order in which the newest matches come cheapest

    def match(
        self, qs: QuerySet[Any], query: ParsedQuery, narrow: Narrowing = NO_NARROWING
    ) -> QuerySet[Any]:
        """``qs`` restricted to the entries matching ``query`` — no score: what the total and
        the facets count. ``narrow``: tokens the engine intersects first (``qs`` keeps the
        same conditions in SQL)."""
        raise NotImplementedError

    def scored(
        self, qs: QuerySet[Any], query: ParsedQuery, narrow: Narrowing = NO_NARROWING
    ) -> QuerySet[Any]:
        """``qs`` restricted to the matches, with a ``score`` annotation."""
        raise NotImplementedError

    def ranked(
        self,
        qs: QuerySet[Any],
        query: ParsedQuery,
        total: int,
        start: int,
        count: int,
        columns: Sequence[str] = (),
        narrow: Narrowing = NO_NARROWING,
    ) -> tuple[list[tuple[int, float]], list[tuple[Any, ...]] | None]:
        """The page's (id, score), best first, and the pool it was cut from as rows of
        ``columns`` (None: every match was ranked). Up to ``POOL`` matches, every match is scored. Above it (a common word: tens of
        thousands of matches) only the ``POOL`` newest matches — highest entry ids, read in
        index order without scoring the rest — are scored and ranked: scoring every match was
        the cost (bm25/ts_rank over 30–42 thousand rows), newer records are boosted anyway, and
        nobody pages past ``POOL`` results. The pool is the same set on both databases; scope
        and filters are inside it (``qs``)."""
        scored = self.scored(qs, query, narrow)
        if total <= POOL:
            page = scored.order_by("-score", "-date", "-id").values_list("id", "score")
            return [(int(i), float(s or 0)) for i, s in page[start : start + count]], None
        names = ("id", "score", "date", *columns)
        pool = scored.extra(order_by=[self.pool_order]).values(*names)[:POOL]
        sql, params = pool.query.sql_with_params()
        with connections[qs.db].cursor() as cursor:  # the queryset's database (a replica)
            cursor.execute(f"SELECT {', '.join(names)} FROM ({sql}) AS pool", params)
            rows = cursor.fetchall()
        best = sorted(rows, key=lambda r: (float(r[1] or 0), str(r[2] or ""), r[0]), reverse=True)
        page = [(int(r[0]), float(r[1] or 0)) for r in best[start : start + count]]
        return page, [r[3:] for r in rows]

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
