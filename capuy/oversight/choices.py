"""Field choices read from ``capuy/vocab/records`` (callables, so migrations don't freeze them)."""

from __future__ import annotations

from capuy.vocab.records import choices


def body_choices() -> list[tuple[str, str]]:
    return choices("oversight", "conducting_bodies")


def inspection_kind_choices() -> list[tuple[str, str]]:
    return choices("oversight", "inspection_kinds")


def supervision_kind_choices() -> list[tuple[str, str]]:
    return choices("oversight", "supervision_kinds")


def oversight_kind_choices() -> list[tuple[str, str]]:
    """Both families in one field: an inspection's kinds, then a supervision's (prefixed)."""
    return inspection_kind_choices() + [
        (f"gs_{code}", label) for code, label in supervision_kind_choices()
    ]


def member_form_choices() -> list[tuple[str, str]]:
    return choices("discipline", "member_forms")


def organisation_form_choices() -> list[tuple[str, str]]:
    return choices("discipline", "organisation_forms")


def discipline_form_choices() -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for code, label in member_form_choices() + organisation_form_choices():
        seen.setdefault(code, label)
    return list(seen.items())


def deciding_body_choices() -> list[tuple[str, str]]:
    return choices("discipline", "deciding_bodies")


def verification_outcome_choices() -> list[tuple[str, str]]:
    return choices("oversight", "asset_verification_outcomes")
