"""The interface of a full-text backend and the ranking both share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db import connections
from django.db.models import QuerySet

from capuy.search.query import ParsedQuery
from capuy.search.rank import (
    NUMBER_BOOST,
    RECENCY_WEIGHT,
    RECENCY_YEARS,
    SYMBOL_BOOST,
    needs_dates,
    score_rows,
    title_of,
)
from capuy.search.tokens import NO_NARROWING, Narrowing

TABLE = "search_searchentry"
POOL = 1000  # the most a user can page through (50 pages of 20): above it, the newest are ranked
ENGINE_RANKED = (
    100  # up to this many matches the engine scores them (bm25, ts_rank); above: rank.py
)


class PoolRow(NamedTuple):
    """A match as ``Backend.newest`` reads it: what ranks it in Python, and its facets."""

    id: int
    date: Any
    year: int | None
    symbol_key: str
    symbol: str
    title: str | None  # ``SearchText.title`` (None: no text row)
    kind: str
    type_code: str
    classification: int
    issuer: str
    type_name: str

    def facets(self) -> tuple[Any, ...]:
        """(``FACET_FIELDS``…, type_name), as ``capuy.search.facets.pool_counts`` reads them."""
        return (
            self.kind,
            self.type_code,
            self.year,
            self.classification,
            self.issuer,
            self.type_name,
        )


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

    def among(self, qs: QuerySet[Any], ids: list[int]) -> QuerySet[Any]:
        """``qs`` limited to the matches already read (``ids``), so that scoring them does
        not match again (PostgreSQL: a phrase's positions rechecked in every candidate)."""
        return qs.filter(id__in=ids)

    def newest(self, matches: QuerySet[Any], limit: int, few: bool = False) -> list[PoolRow]:
        """Up to ``limit`` matches, newest first (highest entry ids, read in the engine's own
        order), as ``PoolRow``s: ONE statement gives the total (up to ``limit``), the facet
        counts and the ranking pool — each used to walk the matches again. ``few``: the
        caller expects few matches (a backend that reads a common word's matches in slices
        reads these at once)."""
        names = [*PoolRow._fields]
        names[names.index("title")] = "text__title"  # SearchText's, joined
        rows = matches.extra(order_by=[self.pool_order]).values_list(*names)[:limit]
        sql, params = rows.query.sql_with_params()
        with connections[matches.db].cursor() as cursor:  # the queryset's database (a replica)
            cursor.execute(sql, params)
            return [PoolRow(*row) for row in cursor.fetchall()]

    def ranked(
        self,
        qs: QuerySet[Any],
        query: ParsedQuery,
        rows: Sequence[PoolRow],
        start: int,
        count: int,
        narrow: Narrowing = NO_NARROWING,
    ) -> list[tuple[int, float]]:
        """The page's (id, score), best first, from the newest matches ``rows`` (``newest``).

        Up to ``ENGINE_RANKED`` matches, every match is scored by the engine (``scored``:
        bm25, ts_rank). Above it only the ``POOL`` newest matches are ranked (nobody pages
        past ``POOL`` results), and by ``capuy.search.rank`` (title, diacritics, recency,
        symbol) in Python rather than by the engine: the engine's score was the cost (bm25's
        whole-index document counts per statement, ts_rank's de-TOASTed vectors), and a
        common word is in the body of every match anyway. The pool is the same set on both
        databases, and so is its order; scope and filters are inside it (``qs``)."""
        if len(rows) <= min(ENGINE_RANKED, POOL):
            scored = self.scored(self.among(qs, [r.id for r in rows]), query, narrow)
            page = scored.order_by("-score", "-date", "-id").values_list("id", "score")
            return [(int(i), float(s or 0)) for i, s in page[start : start + count]]
        dates = needs_dates(query)
        scores = score_rows(
            query,
            (
                (
                    r.id,
                    r.date,
                    r.year,
                    r.symbol_key or "",
                    title_of(r.symbol or "", r.title or "", r.type_name, r.issuer, r.date, dates),
                )
                for r in rows[:POOL]
            ),
        )
        best = sorted(scores, key=lambda r: (r[1], str(r[2] or ""), r[0]), reverse=True)
        return [(pk, score) for pk, score, _ in best[start : start + count]]

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
