"""The words that name an administrative area in a unit's or a committee's name
(``vocab/areas.yaml``): "thị xã" in "Đảng bộ thị xã Đức Phổ", "thị" in "Thị ủy"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from capuy.text import search_key
from capuy.vocab.loader import load_data, resolve_source

__all__ = ["Area", "area_words", "areas", "commune_words", "committee_areas"]


@dataclass(frozen=True, slots=True)
class Area:
    word: str  # "thị xã"
    level: str  # province, district, commune
    committee: str  # "thị" (Thị ủy), "" when no committee is named after it
    committee_precedence: int
    text_order: int
    source: str


@cache
def areas() -> tuple[Area, ...]:
    """Every area word, in the order they are looked for in a name."""
    data = load_data("areas")
    return tuple(
        Area(
            word=entry["word"],
            level=entry["level"],
            committee=entry.get("committee") or "",
            committee_precedence=int(entry.get("committee_precedence") or 0),
            text_order=int(entry.get("text_order") or 0),
            source=resolve_source(entry, data["sources"], "areas.yaml"),
        )
        for entry in data["areas"]
    )


def area_words() -> tuple[str, ...]:
    """ "thành phố", "thị xã" … in the order they are looked for."""
    return tuple(a.word for a in areas())


def commune_words() -> tuple[str, ...]:
    """The commune-level words in running-text order: "xã", "phường", "thị trấn"."""
    communes = [a for a in areas() if a.level == "commune"]
    return tuple(a.word for a in sorted(communes, key=lambda a: a.text_order))


def committee_areas() -> tuple[tuple[str, str, str], ...]:
    """(committee word, its search key, area word) — ("huyện", "huyen", "huyện"), ("thị",
    "thi", "thị xã") … — the one that wins first when a text names several."""
    named = sorted((a for a in areas() if a.committee), key=lambda a: a.committee_precedence)
    return tuple((a.committee, search_key(a.committee), a.word) for a in named)
