"""Facet counts of a search: every match's (up to a cap) in one statement, or the ranked pool's
rows counted in Python — both give (facet, value, count) triples, labelled the same way."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from capuy.accounts.levels import Classification
from capuy.search.models import SearchEntry
from capuy.search.registry import kind_labels

FACET_FIELDS = ("kind", "type_code", "year", "classification", "issuer")


@dataclass
class Facet:
    field: str
    values: list[tuple[Any, str, int]]  # (value, label, count)


def facets_statement(qs: QuerySet[SearchEntry], limit: int | None = None) -> tuple[str, Any]:
    """The one statement of ``facets_and_total`` and its parameters."""
    inner = qs.order_by().values("id", *FACET_FIELDS, "type_name")
    if limit is not None:
        inner = inner[:limit]
    sql, params = inner.query.sql_with_params()
    groups = [
        f"SELECT '{name}', CAST({column} AS TEXT), count(*) FROM m GROUP BY {column}"
        for name, column in (
            *((n, n) for n in FACET_FIELDS),
            ("type_name", "type_code || '|' || type_name"),
        )
    ]
    return f"WITH m AS MATERIALIZED ({sql}) {' UNION ALL '.join(groups)}", params


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


def facets_and_total(
    qs: QuerySet[SearchEntry], limit: int | None = None
) -> tuple[list[Facet], int]:
    """Every facet's counts and the total, in ONE statement over the scoped, matched entries:
    the matches are materialised once in a CTE (the entry's narrow columns only — no score, no
    text: the title and body live in ``SearchText``), then grouped per facet (``UNION ALL``).
    With ``limit``, at most that many matches are counted."""
    from django.db import connections

    statement, params = facets_statement(qs, limit)
    with connections[qs.db].cursor() as cursor:  # the queryset's database (a read replica)
        cursor.execute(statement, params)
        return counted(cursor.fetchall())


def pool_counts(rows: list[tuple[Any, ...]]) -> list[tuple[str, Any, int]]:
    """(facet, value, count) of the pool's rows — (``FACET_FIELDS``…, type_name) each — as the
    facet statement gives them."""
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
