"""Marks a template leaves for a person to fill in (``placeholders.yaml``): the checker's rule
``format.placeholder`` reports each one still in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from capuy.vocab.loader import load_data, resolve_source

__all__ = ["Placeholder", "placeholders"]


@dataclass(frozen=True, slots=True)
class Placeholder:
    name: str
    pattern: re.Pattern[str]
    source: str


@cache
def placeholders() -> tuple[Placeholder, ...]:
    data = load_data("placeholders")
    sources = data["sources"]
    return tuple(
        Placeholder(
            name=str(entry["name"]),
            pattern=re.compile(str(entry["pattern"]), re.IGNORECASE),
            source=resolve_source(entry, sources, "placeholders.yaml"),
        )
        for entry in data["placeholders"]
    )
