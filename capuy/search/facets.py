"""Facet counts of a search, counted in Python from the rows ``Backend.newest`` read (every
match up to ``EXACT_FACETS``, else the ranking pool): no statement of their own — the one that
reads the matches newest first gives the total, the facets and the pool."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from capuy.accounts.levels import Classification
from capuy.search.registry import kind_labels

FACET_FIELDS = ("kind", "type_code", "year", "classification", "issuer")


@dataclass
class Facet:
    field: str
    values: list[tuple[Any, str, int]]  # (value, label, count)


def _facets(sums: dict[str, dict[Any, int]], type_names: dict[str, str]) -> list[Facet]:
    """Each facet's values, most frequent first (years newest first), 15 at most, labelled."""
    labels = kind_labels()
    level = dict(Classification.choices)

    def label(name: str, value: Any) -> str:
        if name == "kind":
            return labels.get(value, value)
        if name == "type_code":
            return type_names.get(value) or value
        if name == "classification":
            return str(level.get(value, value))
        return str(value)

    facets = []
    for name in FACET_FIELDS:
        items = sorted(sums[name].items(), key=lambda kv: (-kv[1], str(kv[0])))
        if name == "year":
            items = sorted(sums[name].items(), key=lambda kv: -int(kv[0]))
        facets.append(Facet(name, [(v, label(name, v), n) for v, n in items[:15]]))
    return facets


def pool_counts(rows: list[tuple[Any, ...]]) -> list[tuple[str, Any, int]]:
    """(facet, value, count) of the rows — (``FACET_FIELDS``…, type_name) each."""
    if not rows:
        return []
    columns = dict(zip((*FACET_FIELDS, "type_name"), zip(*rows, strict=True), strict=True))
    triples = [
        (name, value, n) for name in FACET_FIELDS for value, n in Counter(columns[name]).items()
    ]
    typed = Counter(
        f"{c}|{t}" for c, t in zip(columns["type_code"], columns["type_name"], strict=True)
    )
    return triples + [("type_name", value, n) for value, n in typed.items()]


def counted(triples: Iterable[tuple[str, Any, int]]) -> tuple[list[Facet], int]:
    """Facets and the number of entries counted, from (facet, value, count) triples."""
    sums: dict[str, dict[Any, int]] = {name: {} for name in FACET_FIELDS}
    type_names: dict[str, str] = {}
    for name, value, n in triples:
        if name == "type_name":
            code, _, type_name = str(value).partition("|")
            type_names[code] = type_name
            continue
        if value in (None, ""):
            continue
        if name in ("year", "classification"):
            value = int(value)
        sums[name][value] = sums[name].get(value, 0) + int(n)
    total = sum(sums["kind"].values())
    return _facets(sums, type_names), total
