"""Relation words between a document and a document it cites (``citation_relations.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from capuy.text import search_key
from capuy.vocab.loader import load_data, resolve_source

__all__ = ["CitationRelation", "citation_relations", "relation_before"]

MENTIONS = "mentions"


@dataclass(frozen=True, slots=True)
class CitationRelation:
    relation: str
    label: str
    priority: int
    words: tuple[str, ...]
    source: str


@cache
def citation_relations() -> tuple[CitationRelation, ...]:
    data = load_data("citation_relations")
    return tuple(
        CitationRelation(
            relation=str(e["relation"]),
            label=str(e["label"]),
            priority=int(e["priority"]),
            words=tuple(str(w) for w in e["words"]),
            source=resolve_source(e, data["sources"], "citation_relations.yaml"),
        )
        for e in data["relations"]
    )


@cache
def _patterns() -> tuple[tuple[CitationRelation, re.Pattern[str]], ...]:
    return tuple(
        (
            r,
            re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(search_key(w)) for w in r.words) + r")(?!\w)"
            ),
        )
        for r in sorted(citation_relations(), key=lambda r: -r.priority)
    )


def relation_before(clause: str) -> str:
    """The relation the words of ``clause`` (the text before a citation) give, or "mentions"."""
    folded = search_key(clause)
    for relation, pattern in _patterns():
        if pattern.search(folded):
            return relation.relation
    return MENTIONS


def relation_label(relation: str) -> str:
    for r in citation_relations():
        if r.relation == relation:
            return r.label
    return "nhắc đến"
