"""Ranking a large pool of matches in Python, from each row's title, date and symbol — the
same function, so the same order, on SQLite and on PostgreSQL.

Why not the engine's own score (``bm25``, ``ts_rank``) above ``POOL`` matches: on SQLite,
``bm25()`` counts every query phrase's documents over the whole index once per statement
(12–60 ms of CPU for a common word or a phrase, however few rows are ranked); on PostgreSQL,
``ts_rank`` de-TOASTs the two vectors of every pooled row. For a common word the pool is
already only the newest ``POOL`` matches, and what tells them apart is where the words are:
in the title (symbol, summary, type, issuer, date — weight ``TITLE``), with the diacritics as
typed (``EXACT_TITLE``), or only in the body (``BODY``: every match has them somewhere). The
score is then multiplied by the same recency factor and increased by the same symbol and
number boosts as the engines' scores (``capuy.search.backends.base.boost_sql``, which
reads its constants from here).

The title is matched on its lower-cased original text by regular expressions: a folded word
("thuc") becomes a class of every letter that folds to each of its letters ("th[uùúủũụưừứửữự]
[cç]"), so nothing is folded in Python (folding 1.000 titles cost 75–150 ms); an exact word
also matches its old-style tone placement ("hòa" and "hoà").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any

from capuy.search.query import Clause, ParsedQuery
from capuy.text.normalize import OLD_TO_NEW_TONES, search_key_table

RECENCY_YEARS = 20  # a record this old gets no recency boost; a new one up to +30 %
RECENCY_WEIGHT = 0.3
SYMBOL_BOOST = 1000.0  # the record whose symbol is the one typed comes first
NUMBER_BOOST = 50.0  # "1401": records numbered 1401 before others that mention 1401
BODY = 1.0  # the clause matched (title or body: the engine said so)
TITLE = 4.0  # …and its folded words are in the title (bm25's weight of the title column)
EXACT_TITLE = 8.0  # …with the diacritics as typed (bm25's weight of the exact title column)


@cache
def _letters() -> dict[str, str]:
    """Each folded letter → a character class of every lower-case letter folding to it."""
    variants: dict[str, set[str]] = {}
    for code, folded in search_key_table().items():
        char = chr(code)
        if folded and len(folded) == 1 and char == char.lower():
            variants.setdefault(folded.lower(), set()).add(char)
    return {
        base: "[" + re.escape(base + "".join(sorted(chars))) + "]"
        for base, chars in variants.items()
    }


def _folded_word(word: str) -> tuple[str, str]:
    """The word's first letter and the rest, each folded letter a class of its variants."""
    letters = _letters()
    units = [letters.get(c, re.escape(c)) for c in word]
    return units[0], "".join(units[1:])


def _exact_word(word: str) -> tuple[str, str]:
    """The word, or its old-style tone placement (hòa | hoà): first letter, rest."""
    forms = {word}
    for old, new in OLD_TO_NEW_TONES.items():
        if old.islower() and word.endswith(new) and not word[:-2].endswith("q"):
            forms.add(word[: -len(new)] + old)
    if len({f[0] for f in forms}) > 1:  # "ủy" | "uỷ": no common first letter
        return "", "(?:" + "|".join(re.escape(f) for f in sorted(forms)) + ")"
    return re.escape(word[0]), "(?:" + "|".join(re.escape(f[1:]) for f in sorted(forms)) + ")"


def _pattern(clause: Clause, words: Sequence[str], make: Any) -> re.Pattern[str]:
    """The words in a row, whole (a prefix: the last one begun). The first letter comes first
    and the "no letter before" look-behind after it, so ``re`` skips to that letter at C
    speed (a look-behind first makes it try every position: 4–5× slower)."""
    parts = [make(w) for w in words]
    first, rest = parts[0]
    body = rest + "".join(r"\W+" + a + b for a, b in parts[1:])
    end = r"\w*" if clause.prefix else r"(?!\w)"
    if not first:
        return re.compile(r"(?<!\w)" + body + end)
    return re.compile(first + r"(?<!\w.)" + body + end)


@lru_cache(maxsize=256)
def _patterns(query: ParsedQuery) -> list[tuple[re.Pattern[str], re.Pattern[str] | None]]:
    out = []
    for clause in query.clauses:
        folded = _pattern(clause, clause.folded, _folded_word)
        exact = None
        if clause.exact != clause.folded:
            exact = _pattern(clause, clause.exact, _exact_word)
        out.append((folded, exact))
    return out


def title_of(
    symbol: str, title: str, type_name: str, issuer: str, date: Any, dates: bool = True
) -> str:
    """What the index's title holds (``capuy.search.service._index_text``), lower case;
    without ``dates`` the date words are left out (a query without digits never matches
    them, and formatting 1.000 dates is a third of the ranking's time)."""
    date_words = f"{date:%d/%m/%Y} {date.year}" if date and dates else ""
    return " ".join(p for p in (symbol, title, type_name, issuer, date_words) if p).lower()


def needs_dates(query: ParsedQuery) -> bool:
    """Whether a clause has a digit, so could match a title's date words."""
    return any(ch.isdigit() for word in query.words for ch in word)


def text_score(query: ParsedQuery, title: str) -> float:
    """``BODY`` per clause, plus ``TITLE`` when its words are in ``title`` (lower case) and
    ``EXACT_TITLE`` when they are there with the diacritics as typed."""
    score = 0.0
    for folded, exact in _patterns(query):
        score += BODY
        if folded.search(title):
            score += TITLE
            if exact is not None and exact.search(title):
                score += EXACT_TITLE
    return score


def boosts(query: ParsedQuery) -> tuple[str, str]:
    """The symbol typed (its key), and the number typed alone — as ``boost_sql`` reads them."""
    if query.symbol:
        return query.symbol, ""
    numbers = [c.folded[0] for c in query.clauses if len(c.folded) == 1 and c.folded[0].isdigit()]
    return "", numbers[0] if numbers else ""


def score_rows(
    query: ParsedQuery, rows: Iterable[tuple[int, Any, int | None, str, str]]
) -> list[tuple[int, float, Any]]:
    """(id, score, date) of each (id, date, year, symbol_key, lower-case title) row, with
    the recency factor and the symbol boosts of ``boost_sql``."""
    this_year = dt.date.today().year
    symbol, number = boosts(query)
    out = []
    for pk, date, year, key, title in rows:
        age = this_year - year if year is not None else RECENCY_YEARS
        recency = 1 + RECENCY_WEIGHT * (0 if age >= RECENCY_YEARS else 1 - age / RECENCY_YEARS)
        extra = 0.0
        if symbol and key == symbol:
            extra = SYMBOL_BOOST
        elif number and (key.startswith(f"{number}-") or key.startswith(f"{number}/")):
            extra = NUMBER_BOOST
        out.append((int(pk), text_score(query, title) * recency + extra, date))
    return out
