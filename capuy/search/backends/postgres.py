"""PostgreSQL full text: two ``tsvector`` columns on the entry table and a GIN index.

``search_vector`` is built in the database from the original text by ``capuy_fold``, an
immutable SQL wrapper around ``unaccent`` (``unaccent`` itself is only STABLE, so it cannot
appear in an index expression or a generated column directly) — it maps đ to d, strips the
marks, lower-cases and keeps letters and digits. ``exact_vector`` keeps the diacritics
(lower-cased in Python, canonical tone placement) for ranking exact matches first. Titles
weigh A, bodies B. The entry's scope and facet tokens (``capuy.search.tokens``) are lexemes
of ``search_vector`` too, prefixed with ``§`` (typed words are folded to ``[a-z0-9]`` and never
reach them); a narrowed search adds them to the one ``@@`` the GIN index answers, so the index
intersects them with the words, and ``ts_rank`` — given the words only — does not see them.
Every two neighbouring words are lexemes too, ``dia_ban`` (``capuy_pairs``, migration
``search.0006``), and every three, ``dia_ban_day`` (``capuy_triples``, ``search.0008``): a
phrase of two or three words — every symbol typed as ``15-NQ/TU`` — is its one n-gram lexeme,
answered by GIN exactly with no positions read; a longer phrase's triples narrow the match to
the entries that can hold it, and only those are rechecked for positions. And every entry carries its id block, ``§b97``
(``id // BLOCK``, migration ``search.0007``): ``newest`` reads a common word's newest matches
one range of blocks at a time instead of visiting all of them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from capuy.search.backends.base import TABLE, Backend, IndexText, PoolRow, boost_sql
from capuy.search.query import Clause, ParsedQuery, exact
from capuy.search.tokens import NO_NARROWING, Narrowing

BLOCK = 1024  # ids per block token ``§b<id // BLOCK>`` (migration search.0007): ``newest``
SLICE_SHARE = 16  # the first slice of ``newest``: the newest 1/16 of the blocks …
SLICE_MIN = 4  # … and at least this many
SLICE_MARGIN = 1.25  # the next slice: the ids the density seen so far needs, and a quarter more

TOKEN_PREFIX = "§"
PAIR_JOIN = "_"  # typed words are folded to [a-z0-9]: "dia_ban" is never a typed word

PAIRS_FUNCTION = (
    # every two lexemes at neighbouring positions as one positionless lexeme "a_b": what a
    # phrase's "a <-> b" needs, read from the vector itself (its positions, as <-> reads them)
    "CREATE OR REPLACE FUNCTION capuy_pairs(tsvector) RETURNS tsvector "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ "
    "SELECT array_to_tsvector(coalesce(array_agg(DISTINCT a.lexeme || '_' || b.lexeme), '{}')) "
    "FROM (SELECT lexeme, unnest(positions) AS p FROM unnest($1)) a "
    "JOIN (SELECT lexeme, unnest(positions) AS p FROM unnest($1)) b ON b.p = a.p + 1 $$"
)
TRIPLES_FUNCTION = (
    # every three lexemes at neighbouring positions as one positionless lexeme "a_b_c": a
    # phrase of three words ("phat trien kinh", a symbol "15 nq tu") is then one lexeme GIN
    # answers exactly, with no positions to recheck (migration search.0008). Positions stop
    # at 16.383 (PostgreSQL's cap, the one <-> reads too), so at most ~16.400 per entry
    "CREATE OR REPLACE FUNCTION capuy_triples(tsvector) RETURNS tsvector "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ "
    "WITH w AS (SELECT lexeme, unnest(positions) AS p FROM unnest($1)) "
    "SELECT array_to_tsvector(coalesce(array_agg(DISTINCT "
    "a.lexeme || '_' || b.lexeme || '_' || c.lexeme), '{}')) "
    "FROM w a JOIN w b ON b.p = a.p + 1 JOIN w c ON c.p = a.p + 2 $$"
)

SETUP = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE OR REPLACE FUNCTION capuy_fold(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ "
    "SELECT trim(regexp_replace(lower(unaccent('unaccent'::regdictionary, $1)), "
    "'[^a-z0-9]+', ' ', 'g')) $$",
    PAIRS_FUNCTION,
    TRIPLES_FUNCTION,
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector",
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS exact_vector tsvector",
    f"CREATE INDEX IF NOT EXISTS search_entry_vector ON {TABLE} USING gin (search_vector)",
]
TEARDOWN = [
    "DROP INDEX IF EXISTS search_entry_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS exact_vector",
    "DROP FUNCTION IF EXISTS capuy_fold(text)",
    "DROP FUNCTION IF EXISTS capuy_pairs(tsvector)",
    "DROP FUNCTION IF EXISTS capuy_triples(tsvector)",
]


def block_token(entry_id: int) -> str:
    """The entry's id block as a token (``b97``: ids 99.328–100.351), PostgreSQL's alone:
    ``newest`` reads the matches block range by block range (migration ``search.0007``)."""
    return f"b{entry_id // BLOCK}"


def blocks_tsquery(bottom: int, top: int) -> str:
    """Any of the blocks ``bottom``…``top``, as a ``tsquery`` literal."""
    return " | ".join(_lexeme(TOKEN_PREFIX + f"b{b}") for b in range(bottom, top + 1))


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
    """Every clause, folded, all required: what ``ts_rank`` scores (phrases with <->)."""
    return " & ".join(_clause(c, c.folded) for c in query.clauses)


def grams(words: tuple[str, ...], prefix: bool) -> list[str]:
    """The lexemes a phrase of ``words`` needs: two whole words, their pair ("dia_ban"); three
    or more, every three neighbours ("dia_ban_day", "ban_day_manh"). A prefix's last word is
    not whole, so not in them."""
    whole = words[:-1] if prefix else words
    if len(whole) == 2:
        return [whole[0] + PAIR_JOIN + whole[1]]
    return [PAIR_JOIN.join(whole[i : i + 3]) for i in range(len(whole) - 2)]


def exact_by_grams(clause: Clause) -> bool:
    """A phrase of two or three whole words IS its one pair or triple lexeme — the same
    positions <-> reads, paired in the database (``capuy_pairs``, ``capuy_triples``) — so it
    is matched without <->: GIN answers it exactly and no entry's positions are rechecked.
    A prefix phrase of two or three words ("9-BC*", "1401-CV/T*") is the PREFIX of that one
    lexeme ('9_bc':*, '1401_cv_t':*), and must be: with <-> its prefix word also matches the
    positionless n-grams starting with it ("bc_tu", "t" → "tu_2024"…), and PostgreSQL's
    phrase check then finds nothing (issue 13: "9-BC*" found nothing, SQLite found 9-BC/TU)."""
    return clause.phrase and len(clause.folded) in (2, 3)


def _gram_lexemes(clause: Clause) -> list[str]:
    """A phrase's n-gram lexemes as ``tsquery`` operands (``exact_by_grams``)."""
    if clause.prefix and exact_by_grams(clause):
        return [_lexeme(PAIR_JOIN.join(clause.folded)) + ":*"]
    return [_lexeme(g) for g in grams(clause.folded, clause.prefix)]


def _long_prefix(clause: Clause) -> bool:
    return clause.phrase and clause.prefix and not exact_by_grams(clause)


def positional_tsquery(query: ParsedQuery) -> str:
    """The clauses the n-gram lexemes do not answer alone (words, prefixes, phrases of four
    words or more), for ``to_tsquery``; "" when there are none. A prefix phrase of four words
    or more gives only its prefix word here (``prefix_phrase_tsquery`` checks its order)."""
    return " & ".join(
        _lexeme(c.folded[-1]) + ":*" if _long_prefix(c) else _clause(c, c.folded)
        for c in query.clauses
        if not exact_by_grams(c)
    )


def prefix_phrase_tsquery(query: ParsedQuery) -> str:
    """The prefix phrases of four words or more, with <->, for ``to_tsquery`` over the
    vector's WORDS only (``ts_filter`` to weights A and B): a prefix word in a <-> phrase also
    matches the positionless n-grams that start with it ("vi" → "vien_x"), and PostgreSQL's
    phrase check then fails («"so tay dang vi*"» found nothing). Checked on the few entries
    GIN leaves (the phrase's triples and its prefix word)."""
    return " & ".join(_clause(c, c.folded) for c in query.clauses if _long_prefix(c))


def gram_tsquery(query: ParsedQuery) -> str:
    """Every phrase's pair or triple lexemes, all required, as a ``tsquery`` literal (cast,
    not parsed: the text-search parser would split "dia_ban" at the underscore). A phrase of
    two or three words is matched by them alone (``exact_by_grams``); a longer one is narrowed
    by GIN to the few entries holding all its triples, and only those are rechecked for
    positions — a phrase of common words otherwise rechecks (and de-TOASTs) every entry
    holding its words (17.429 entries for «địa bàn đẩy», 908 matches)."""
    needed = [g for c in query.clauses if c.phrase for g in _gram_lexemes(c)]
    return " & ".join(dict.fromkeys(needed))


def exact_tsquery(query: ParsedQuery) -> str:
    """The clauses typed with diacritics, any of them: ranks exact matches first."""
    return " | ".join(_clause(c, c.exact) for c in query.clauses if c.exact != c.folded)


def token_tsquery(narrow: Narrowing) -> str:
    """The narrowing groups as a tsquery literal: ('§o1' | '§o2') & '§y2024'."""
    return " & ".join(
        "(" + " | ".join(_lexeme(TOKEN_PREFIX + t) for t in group) + ")" for group in narrow.groups
    )


def _matching(query: ParsedQuery, narrow: Narrowing) -> tuple[str, list[Any]]:
    """The one ``@@`` condition: the words, the phrases' n-grams and the narrowing tokens."""
    parts: list[str] = []
    params: list[Any] = []
    if positional := positional_tsquery(query):
        parts.append("to_tsquery('simple', %s)")
        params.append(positional)
    for literal in (gram_tsquery(query), token_tsquery(narrow)):
        if literal:
            parts.append("%s::tsquery")
            params.append(literal)
    where = f"{TABLE}.search_vector @@ ({' && '.join(parts)})"
    if ordered := prefix_phrase_tsquery(query):
        where += f" AND ts_filter({TABLE}.search_vector, '{{a,b}}') @@ to_tsquery('simple', %s)"
        params.append(ordered)
    return where, params


class PostgresBackend(Backend):
    vendor = "postgresql"

    def write(self, rows: Sequence[IndexText]) -> None:
        if not rows:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {TABLE} SET "
                "search_vector = w.v || capuy_pairs(w.v) || capuy_triples(w.v) || "
                "array_to_tsvector(%s::text[]), "
                "exact_vector = setweight(to_tsvector('simple', %s), 'A') || "
                "setweight(to_tsvector('simple', %s), 'B') "
                "FROM (SELECT setweight(to_tsvector('simple', capuy_fold(%s)), 'A') || "
                "setweight(to_tsvector('simple', capuy_fold(%s)), 'B') AS v) AS w "
                f"WHERE {TABLE}.id = %s",
                [
                    (
                        [TOKEN_PREFIX + t for t in (*r.tokens, block_token(r.entry_id))],
                        exact(r.title),
                        exact(r.body),
                        r.title,
                        r.body,
                        r.entry_id,
                    )
                    for r in rows
                ],
            )

    def newest(self, matches: QuerySet[Any], limit: int, few: bool = False) -> list[PoolRow]:
        """The newest ``limit`` matches, read in slices of ids from the top down: the same rows,
        in the same order, as one ``ORDER BY id DESC LIMIT`` — but GIN cannot return its
        matches in id order, so that one statement visits EVERY match's heap row (and, for a
        phrase, de-TOASTs its vector for the positions' recheck) before it sorts: 17.435 rows
        and 99.000 buffers for «"tác xây dựng"», 318 ms, to keep 2.001.

        Every entry's vector carries its id block as a token (``§b97``: ``id // BLOCK``,
        migration ``search.0007``), so a slice — a range of blocks, newest first — is one more
        OR group of tokens the GIN scan intersects with the words, like the scope tokens, and
        only the matches inside it reach the heap. The first slice is the newest 1/16 of the
        blocks, each next one as wide as the density seen so far says the rest needs (a
        quarter more; four times the last if it had none); the slice that reaches the oldest block is read
        without tokens (``id <`` its top). A common word stops after one or two slices, a rare
        one reads two (short posting lists); ``few`` (a symbol, a user who sees a few units) reads
        them in one statement. Scope, clearance and filters are in every slice
        (``matches``); a missing block token could only leave a match out of its slice, and
        the last slice has none. (A ``btree_gin`` index on ``(search_vector, id / BLOCK)`` was
        tried first: its range scan cost 20–26 ms a statement, a rare symbol 9 → 42 ms.)"""
        if few:  # a symbol, a ward's entries: the slices' extra statements would cost more
            return super().newest(matches, limit)
        with connections[matches.db].cursor() as cursor:
            cursor.execute(f"SELECT min(id) / {BLOCK}, max(id) / {BLOCK} FROM {TABLE}")
            low, top = cursor.fetchone()
        if low is None:
            return []
        rows: list[PoolRow] = []
        width = max(SLICE_MIN, (top - low + 1) // SLICE_SHARE)
        while top >= low and len(rows) < limit:
            bottom = max(low, top - width + 1)
            if bottom > low:  # the blocks' tokens, intersected by GIN with the words
                sliced = matches.extra(
                    where=[f"{TABLE}.search_vector @@ %s::tsquery"],
                    params=[blocks_tsquery(bottom, top)],
                )
            else:  # the rest, down to the oldest: an OR of that many tokens costs more
                sliced = matches.extra(where=[f"{TABLE}.id < %s"], params=[(top + 1) * BLOCK])
            part = super().newest(sliced, limit - len(rows))
            rows += part
            need = limit - len(rows)
            seen = top - bottom + 1
            # as many blocks as the density seen says the rest needs (an overshoot costs heap
            # visits — a phrase's rechecks —, a shortfall one more statement); none seen: 4×
            width = math.ceil(need * seen / len(part) * SLICE_MARGIN) if part else 4 * width
            top = bottom - 1
        return rows

    def delete(self, entry_ids: Iterable[int]) -> None:
        """Nothing to do: the vectors live on the entry rows, deleted with them."""

    def clear(self) -> None:
        """Nothing to do: the vectors live on the entry rows."""

    def match(
        self, qs: QuerySet[Any], query: ParsedQuery, narrow: Narrowing = NO_NARROWING
    ) -> QuerySet[Any]:
        where, params = _matching(query, narrow)
        return qs.extra(where=[where], params=params)

    def scored(
        self, qs: QuerySet[Any], query: ParsedQuery, narrow: Narrowing = NO_NARROWING
    ) -> QuerySet[Any]:
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
        where, where_params = _matching(query, narrow)
        return qs.extra(where=[where], params=where_params).annotate(
            score=RawSQL(score, (*params, *recency_params, *extra_params))
        )

    def size_bytes(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT pg_total_relation_size('{TABLE}')")
            return int(cursor.fetchone()[0])
