"""Field choices read from ``capuy/vocab/records`` (callables, so migrations don't freeze them)."""

from __future__ import annotations

from capuy.vocab.records import choices, terms


def event_kind_choices() -> list[tuple[str, str]]:
    return choices("member_events", "events")


def rating_choices() -> list[tuple[str, str]]:
    return choices("ratings", "ratings")


def event_effect(kind: str) -> str:
    """join, confirm, move, leave or none: what an event does to membership."""
    for term in terms("member_events", "events"):
        if term.code == kind:
            return str(term.get("effect", "none"))
    raise KeyError(kind)


GENDER_CHOICES = [("nam", "Nam"), ("nu", "Nữ")]
