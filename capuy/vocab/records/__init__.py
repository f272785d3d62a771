"""The vocabulary of the record-keeping apps (members, oversight, petitions, indicators).

Each YAML file beside this module lists codes, the Vietnamese words reports use for them and
the Party document each comes from. Code and database store the codes; sentences and forms
take their words from here, so a new regulation changes data, not code. Pure Python (no
Django) so the statistics phrasing can be used and tested without a database.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from capuy.vocab.loader import load_data, resolve_source

__all__ = [
    "Term",
    "badge_years",
    "load",
    "probation_months",
    "terms",
    "choices",
    "label",
]


@dataclass(frozen=True)
class Term:
    """One coded entry: its code, the words reports use, and the document it comes from."""

    code: str
    label: str
    source: str
    extra: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        return dict(self.extra).get(key, default)


def load(name: str) -> dict[str, Any]:
    """The parsed YAML file ``capuy/vocab/records/<name>.yaml`` (cached, NFC, read-only)."""
    return load_data(f"records/{name}")


@cache
def terms(name: str, key: str) -> tuple[Term, ...]:
    """The entries under ``key`` in file ``name``, in file order, with their full sources."""
    data = load(name)
    sources: dict[str, str] = data.get("sources", {})
    out = []
    for entry in data[key]:
        rest = tuple((k, v) for k, v in entry.items() if k not in {"code", "label", "source"})
        # Technical entries (roll-up rules) carry no source; domain terms must have one.
        source = (
            resolve_source(entry, sources, f"records/{name}.yaml {key}")
            if "source" in entry
            else ""
        )
        out.append(
            Term(
                code=entry["code"],
                label=entry.get("label", entry.get("name", entry["code"])),
                source=source,
                extra=rest,
            )
        )
    return tuple(out)


def choices(name: str, key: str) -> list[tuple[str, str]]:
    """Django-style ``(code, label)`` pairs for a model field or form."""
    return [(t.code, t.label) for t in terms(name, key)]


def label(name: str, key: str, code: str) -> str:
    """The words for ``code``; raises KeyError for an unknown code."""
    for term in terms(name, key):
        if term.code == code:
            return term.label
    raise KeyError(f"{name}.{key}: unknown code {code!r}")


def probation_months() -> int:
    """Months from admission to the due date of recognition as a full member (Điều lệ, Điều 5)."""
    return int(load("member_events")["probation_months"])


def badge_years() -> tuple[int, ...]:
    """The Party ages (in years) at which a badge is awarded."""
    return tuple(int(y) for y in load("badges")["years"])
