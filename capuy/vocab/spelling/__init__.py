"""Spelling word lists as data (owned by the checker): the curated confusion list, Vietnamese
syllable tables, place names and correct reduplicatives — each YAML entry with its source — and
Debian's hunspell-vi dictionary read as a plain list of valid syllables.

The loaders are cached; callers get immutable values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from capuy.text import nfc, normalize_tones
from capuy.vocab.loader import load_data

HERE = Path(__file__).parent
HUNSPELL_DIC = Path("/usr/share/hunspell/vi_VN.dic")


@dataclass(frozen=True)
class Confusion:
    """One curated confusion: the compiled pattern finds it in lower-cased, tone-normalised text
    (the context patterns read the text as written, case-insensitively); ``right`` replaces it."""

    pattern: re.Pattern[str]
    right: str
    reason: str
    source: str
    severity: str
    wrong: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    unless_before: re.Pattern[str] | None
    unless_after: re.Pattern[str] | None
    is_regex: bool
    needle: str  # a lower-case substring every match contains ("" for regex entries)


@dataclass(frozen=True)
class SyllableTables:
    onsets: tuple[str, ...]
    front_onsets: frozenset[str]
    back_onsets: frozenset[str]
    front_vowels: str
    stop_finals: tuple[str, ...]
    rhymes: frozenset[str]
    extra_syllables: frozenset[str]


def _load(name: str) -> Any:
    """``spelling/<name>`` through ``capuy.vocab.loader`` (overlay included)."""
    return load_data(f"spelling/{name.removesuffix('.yaml')}")


def _context(value: str | None) -> re.Pattern[str] | None:
    return re.compile(normalize_tones(value), re.IGNORECASE) if value else None


@cache
def confusions() -> tuple[Confusion, ...]:
    """The curated confusion list, patterns compiled on tone-normalised, case-folded text."""
    out = []
    for entry in _load("confusions.yaml")["entries"]:
        if "pattern" in entry:
            regex = normalize_tones(entry["pattern"]).lower()
            wrong = entry["pattern"]
        else:
            wrong = normalize_tones(entry["wrong"])
            words = [re.escape(w.lower()) for w in wrong.split()]
            # no look-behind at the start, so ``re`` can scan for the literal prefix; the word
            # boundary before the match is checked by the caller
            regex = r"\s+".join(words) + r"(?![\w])"
        out.append(
            Confusion(
                pattern=re.compile(regex),  # matched on lower-cased text
                right=nfc(entry["right"]),
                reason=entry["reason"],
                source=str(entry["source"]),
                severity=entry.get("severity", "error"),
                wrong=wrong,
                before=_context(entry.get("before")),
                after=_context(entry.get("after")),
                unless_before=_context(entry.get("unless_before")),
                unless_after=_context(entry.get("unless_after")),
                is_regex="pattern" in entry,
                needle="" if "pattern" in entry else wrong.split()[0].lower(),
            )
        )
    return tuple(out)


@cache
def syllable_tables() -> SyllableTables:
    data = _load("syllables.yaml")
    order = data["front_only_onsets"]
    return SyllableTables(
        onsets=tuple(data["onsets"]["values"]),
        front_onsets=frozenset(order["front"]),
        back_onsets=frozenset(order["back"]),
        front_vowels=order["front_vowels"],
        stop_finals=tuple(data["stop_finals"]["values"]),
        rhymes=frozenset(nfc(r) for r in data["rhymes"]["values"].split()),
        extra_syllables=frozenset(normalize_tones(s) for s in data["extra_syllables"]["values"]),
    )


@cache
def hunspell_syllables() -> frozenset[str]:
    """Every lower-case entry of Debian's hunspell-vi ``vi_VN.dic`` (a syllable list: it has no
    affix flags), tone placement normalised. Empty when the package is not installed — the
    structural rules then decide alone."""
    if not HUNSPELL_DIC.is_file():
        return frozenset()
    lines = HUNSPELL_DIC.read_text(encoding="utf-8").splitlines()[1:]
    return frozenset(normalize_tones(w.strip()).lower() for w in lines if w.strip())


@cache
def place_names() -> tuple[str, ...]:
    """Known place names, tone placement normalised (``Phổ Hòa``)."""
    names: list[str] = []
    for group in _load("place_names.yaml")["groups"]:
        names.extend(normalize_tones(n) for n in group["names"])
    return tuple(names)


@cache
def reduplicatives() -> frozenset[str]:
    return frozenset(normalize_tones(w) for w in _load("reduplicatives.yaml")["values"])
