"""PostgreSQL full text: two ``tsvector`` columns on the entry table and a GIN index.

``search_vector`` is built in the database from the original text by ``capuy_fold``, an
immutable SQL wrapper around ``unaccent`` (``unaccent`` itself is only STABLE, so it cannot
appear in an index expression or a generated column directly) — it maps đ to d, strips the
marks, lower-cases and keeps letters and digits. ``exact_vector`` keeps the diacritics
(lower-cased in Python, canonical tone placement) for ranking exact matches first. Titles
weigh A, bodies B.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from capuy.search.backends.base import TABLE, Backend, IndexText, boost_sql
from capuy.search.query import Clause, ParsedQuery, exact

SETUP = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE OR REPLACE FUNCTION capuy_fold(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ "
    "SELECT trim(regexp_replace(lower(unaccent('unaccent'::regdictionary, $1)), "
    "'[^a-z0-9]+', ' ', 'g')) $$",
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector",
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS exact_vector tsvector",
    f"CREATE INDEX IF NOT EXISTS search_entry_vector ON {TABLE} USING gin (search_vector)",
]
TEARDOWN = [
    "DROP INDEX IF EXISTS search_entry_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS exact_vector",
    "DROP FUNCTION IF EXISTS capuy_fold(text)",
]


def _lexeme(word: str) -> str:
    return "'" + word.replace("'", "''").replace("\\", "") + "'"


def _clause(clause: Clause, words: tuple[str, ...]) -> str:
    if clause.phrase:
        text = "(" + " <-> ".join(_lexeme(w) for w in words) + ")"
        if clause.prefix:
            text = text[:-1] + ":*)"
        return text
    return _lexeme(words[0]) + (":*" if clause.prefix else "")


def tsquery(query: ParsedQuery) -> str:
    """Every clause, folded, all required."""
    return " & ".join(_clause(c, c.folded) for c in query.clauses)


def exact_tsquery(query: ParsedQuery) -> str:
    """The clauses typed with diacritics, any of them: ranks exact matches first."""
    return " | ".join(_clause(c, c.exact) for c in query.clauses if c.exact != c.folded)


class PostgresBackend(Backend):
    vendor = "postgresql"

    def write(self, rows: Sequence[IndexText]) -> None:
        if not rows:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {TABLE} SET "
                "search_vector = setweight(to_tsvector('simple', capuy_fold(%s)), 'A') || "
                "setweight(to_tsvector('simple', capuy_fold(%s)), 'B'), "
                "exact_vector = setweight(to_tsvector('simple', %s), 'A') || "
                "setweight(to_tsvector('simple', %s), 'B') WHERE id = %s",
                [(r.title, r.body, exact(r.title), exact(r.body), r.entry_id) for r in rows],
            )

    def delete(self, entry_ids: Iterable[int]) -> None:
        """Nothing to do: the vectors live on the entry rows, deleted with them."""

    def clear(self) -> None:
        """Nothing to do: the vectors live on the entry rows."""

    def match(self, qs: QuerySet[Any], query: ParsedQuery) -> QuerySet[Any]:
        return qs.extra(
            where=[f"{TABLE}.search_vector @@ to_tsquery('simple', %s)"], params=[tsquery(query)]
        )

    def scored(self, qs: QuerySet[Any], query: ParsedQuery) -> QuerySet[Any]:
        recency, recency_params, extra, extra_params = boost_sql(query)
        folded = tsquery(query)
        text_score = f"ts_rank({TABLE}.search_vector, to_tsquery('simple', %s))"
        params: list[Any] = [folded]
        if query.has_diacritics:
            text_score = (
                f"({text_score} + 2 * ts_rank({TABLE}.exact_vector, to_tsquery('simple', %s)))"
            )
            params.append(exact_tsquery(query))
        score = f"{text_score} * {recency} + {extra}"
        return qs.extra(
            where=[f"{TABLE}.search_vector @@ to_tsquery('simple', %s)"], params=[folded]
        ).annotate(score=RawSQL(score, (*params, *recency_params, *extra_params)))

    def size_bytes(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT pg_total_relation_size('{TABLE}')")
            return int(cursor.fetchone()[0])
