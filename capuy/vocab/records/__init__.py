"""The vocabulary of the record-keeping apps (members, oversight, petitions, indicators).

Each YAML file beside this module lists codes, the Vietnamese words reports use for them and
the Party document each comes from. Code and database store the codes; sentences and forms
take their words from here, so a new regulation changes data, not code. Pure Python (no
Django) so the statistics phrasing can be used and tested without a database.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from capuy.text import nfc

_HERE = Path(__file__).resolve().parent

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


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed YAML file ``name`` (without ``.yaml``), text in NFC."""
    path = _HERE / f"{name}.yaml"
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return _nfc_tree(data)


def _nfc_tree(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc_tree(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc_tree(v) for k, v in value.items()}
    return value


@cache
def terms(name: str, key: str) -> tuple[Term, ...]:
    """The entries under ``key`` in file ``name``, in file order, with their full sources."""
    data = load(name)
    sources: dict[str, str] = data.get("sources", {})
    out = []
    for entry in data[key]:
        rest = tuple((k, v) for k, v in entry.items() if k not in {"code", "label", "source"})
        source_key = entry.get("source", "")
        out.append(
            Term(
                code=entry["code"],
                label=entry.get("label", entry.get("name", entry["code"])),
                source=sources.get(source_key, source_key),
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
