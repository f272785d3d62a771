"""Field choices read from ``capuy/vocab/records`` (callables, so migrations don't freeze them)."""

from __future__ import annotations

from capuy.vocab.records import choices, terms


def kind_choices() -> list[tuple[str, str]]:
    return choices("petitions", "kinds")


def jurisdiction_choices() -> list[tuple[str, str]]:
    return choices("petitions", "jurisdictions")


def handling_choices() -> list[tuple[str, str]]:
    return choices("petitions", "handlings")


def reception_kind_choices() -> list[tuple[str, str]]:
    return choices("petitions", "reception_kinds")


def handling_jurisdiction(code: str) -> str:
    """Which jurisdiction a handling belongs to ("own" or "other")."""
    for term in terms("petitions", "handlings"):
        if term.code == code:
            return str(term.get("jurisdiction"))
    raise KeyError(code)
