"""Scope and facet values as tokens inside the full-text index — they narrow, SQL decides.

Every entry carries a few tokens in a column of its own (SQLite FTS5 column ``s``; PostgreSQL
lexemes starting with ``§`` in ``search_vector``), built from the entry's narrow row:
``o<organisation id>``, ``c<classification>``, ``k<kind>``, ``t<type code, folded>``,
``y<year>``. A search adds the tokens of what it is restricted to — the organisations of a
user who sees only a few of them, a facet filter — to the engine's own query, so the engine
intersects posting lists (a ward's few thousand entries) instead of handing every match of a
common word to SQL to be thrown away.

The tokens never decide what a user sees: the SQL scope and filter conditions of
``capuy.search.service.scoped_entries`` stay on the same query, so a stale or wrong token can
only hide a result, never show or count one the user may not see. Typed text can never match a
token: SQLite queries name the text columns (``{t b}``), and on PostgreSQL the user's words are
folded to ``[a-z0-9]`` and cannot carry ``§``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from capuy.search.query import fold

SCOPE_ORGS = 64  # a user who sees at most this many organisations (and at most…
SCOPE_SHARE = 4  # …1 in SCOPE_SHARE of them) gets the organisations as tokens


def _key(value: Any) -> str:
    return "".join(fold(str(value)).split())


def entry_tokens(
    kind: str, organisation_id: int, classification: int, type_code: str, year: int | None
) -> list[str]:
    """The tokens of one entry (without the backend's prefix)."""
    tokens = [f"o{organisation_id}", f"c{int(classification or 0)}", f"k{_key(kind)}"]
    if type_code and _key(type_code):
        tokens.append(f"t{_key(type_code)}")
    if year:
        tokens.append(f"y{int(year)}")
    return tokens


@dataclass(frozen=True)
class Narrowing:
    """Token groups every match must have: each group one of its tokens (AND of ORs)."""

    groups: tuple[tuple[str, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups)


NO_NARROWING = Narrowing()

FILTER_TOKENS = {
    "kind": lambda v: f"k{_key(v)}",
    "type_code": lambda v: f"t{_key(v)}",
    "year": lambda v: f"y{int(v)}",
    "classification": lambda v: f"c{int(v)}",
}


def narrowing(organisation_ids: list[int] | None, filters: dict[str, Any]) -> Narrowing:
    """The groups for a search: the user's organisations (``None``: not worth narrowing —
    everything, or most of it) and each facet filter that has a token (issuer has none)."""
    groups: list[tuple[str, ...]] = []
    if organisation_ids is not None:
        groups.append(tuple(f"o{pk}" for pk in sorted(organisation_ids)) or ("o0",))
    for name, value in filters.items():
        make = FILTER_TOKENS.get(name)
        if make is not None and (token := make(value)) not in ("t", "k"):
            groups.append((token,))
    return Narrowing(tuple(groups))
