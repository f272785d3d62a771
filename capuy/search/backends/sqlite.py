"""SQLite FTS5: an FTS5 table ``search_fts`` whose rowid is the entry's id.

Five columns: ``t`` and ``b`` hold the folded title and body (folded in Python by
``capuy.search.query.fold``: FTS5's own ``remove_diacritics`` keeps đ apart from d, so the
text is folded before it reaches the tokenizer), ``tx`` and ``bx`` the same words with their
diacritics, ``s`` the entry's scope and facet tokens (``capuy.search.tokens``; weight 0 in
bm25, never matched by typed text). A query matches on the folded columns; when it carries diacritics the same words
are also sought in the exact columns, so bm25 ranks the exact-diacritic matches first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from capuy.search.backends.base import TABLE, Backend, IndexText, boost_sql
from capuy.search.query import Clause, ParsedQuery, exact, fold
from capuy.search.tokens import NO_NARROWING, Narrowing

CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "t, b, tx, bx, s, tokenize = 'unicode61 remove_diacritics 0')"
)
WEIGHTS = "4.0, 1.0, 8.0, 2.0, 0.0"  # t, b, tx, bx, s


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _clause(clause: Clause, words: tuple[str, ...]) -> str:
    text = _quoted(" ".join(words)) if clause.phrase else _quoted(words[0])
    return text + (" *" if clause.prefix else "")


def fts_expression(
    query: ParsedQuery, ranking: bool = True, narrow: Narrowing = NO_NARROWING
) -> str:
    """The FTS5 MATCH expression: every clause on the folded columns; a clause typed with
    diacritics may also match the exact columns, which weigh more in bm25::

        {t b} : "nghi" AND ({t b} : "the" OR {tx bx} : "thể")

    Without ``ranking`` (the total, the facets) the exact columns are left out: a word found
    with its diacritics is found folded too, so the same rows match, at half the cost.
    """
    parts = []
    for clause in query.clauses:
        folded = f"{{t b}} : {_clause(clause, clause.folded)}"
        if ranking and clause.exact != clause.folded:
            folded = f"({folded} OR {{tx bx}} : {_clause(clause, clause.exact)})"
        parts.append(folded)
    for group in narrow.groups:  # tokens are [a-z0-9]: quoted, they are single terms
        parts.append("{s} : (" + " OR ".join(_quoted(t) for t in group) + ")")
    return " AND ".join(parts)


class SqliteBackend(Backend):
    vendor = "sqlite"

    def write(self, rows: Sequence[IndexText]) -> None:
        if not rows:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM search_fts WHERE rowid = %s", [(r.entry_id,) for r in rows]
            )
            cursor.executemany(
                "INSERT INTO search_fts (rowid, t, b, tx, bx, s) VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    (
                        r.entry_id,
                        fold(r.title),
                        fold(r.body),
                        exact(r.title),
                        exact(r.body),
                        " ".join(r.tokens),
                    )
                    for r in rows
                ],
            )

    def delete(self, entry_ids: Iterable[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(i,) for i in entry_ids])

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")

    def among(self, qs: QuerySet[Any], ids: list[int]) -> QuerySet[Any]:
        """``qs`` itself: FTS5 walks a MATCH cheaply, and bm25's cost (its whole-index
        document counts) is the same for any rows — a list of rowids would be one MATCH per
        id, each recounting them."""
        return qs

    pool_order = "-search_fts.rowid"  # FTS5 walks its matches by rowid, newest first

    def match(
        self, qs: QuerySet[Any], query: ParsedQuery, narrow: Narrowing = NO_NARROWING
    ) -> QuerySet[Any]:
        return qs.extra(
            tables=["search_fts"],
            where=[f"search_fts.rowid = {TABLE}.id", "search_fts MATCH %s"],
            params=[fts_expression(query, ranking=False, narrow=narrow)],
        )

    def scored(
        self, qs: QuerySet[Any], query: ParsedQuery, narrow: Narrowing = NO_NARROWING
    ) -> QuerySet[Any]:
        recency, recency_params, extra, extra_params = boost_sql(query)
        score = f"(-bm25(search_fts, {WEIGHTS})) * {recency} + {extra}"
        return qs.extra(
            tables=["search_fts"],
            where=[f"search_fts.rowid = {TABLE}.id", "search_fts MATCH %s"],
            params=[fts_expression(query, narrow=narrow)],
        ).annotate(score=RawSQL(score, (*recency_params, *extra_params)))

    def size_bytes(self) -> int:
        """Bytes of the FTS5 shadow tables (index, document sizes, stored text)."""
        total = 0
        with connection.cursor() as cursor:
            cursor.execute("SELECT coalesce(sum(length(block)), 0) FROM search_fts_data")
            total += cursor.fetchone()[0]
            cursor.execute(
                "SELECT coalesce(sum(length(c0) + length(c1) + length(c2) + length(c3) "
                "+ coalesce(length(c4), 0)), 0) "
                "FROM search_fts_content"
            )
            total += cursor.fetchone()[0]
            cursor.execute("SELECT coalesce(sum(length(sz)), 0) FROM search_fts_docsize")
            total += cursor.fetchone()[0]
        return int(total)
