"""Terms of office: Party Central Committee (khóa IX–XIV), National Assembly (khóa XI–XVI),
People's Councils (nhiệm kỳ 1999–2004 … 2026–2031).

A checker uses them to test a citation against its date ("Ban Chấp hành Trung ương khóa XIII"
next to a 2019 date is wrong) and to know which khóa was sitting on a given day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any, cast

from capuy.vocab.loader import load_data, resolve_source

__all__ = ["BODIES", "Term", "term_for", "terms", "terms_at"]

BODIES = ("party_congress", "national_assembly", "peoples_council")


@dataclass(frozen=True, slots=True)
class Term:
    """One term of ``body``: ``ordinal`` is the Roman khóa ("XIII"), or the span ("2021-2026")
    for People's Councils, whose khóa numbers differ by council. ``end`` is the last day
    (None for the sitting term): for a Central Committee the closing day of the next
    congress (Hướng dẫn 36-HD/VPTW), so consecutive khóa overlap during a congress; for the
    other bodies the day before the next term starts. ``elected``: for the National Assembly
    the general election day; for a Central Committee the closing day of its congress."""

    body: str
    ordinal: str
    start: date
    end: date | None
    source: str
    label: str = ""
    elected: date | None = None
    note: str = ""

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls within this term."""
        return self.start <= day and (self.end is None or day <= self.end)


def _end_of(body: str, following: dict[str, Any] | None) -> date | None:
    """The last day of a term, given the next term's entry (None while it sits).

    A Central Committee serves to the end of the next congress's closing day (Hướng dẫn
    36-HD/VPTW), so it overlaps the congress; other bodies end the day before the next starts.
    """
    if following is None:
        return None
    if body == "party_congress":
        return cast(date, following["elected"])
    return cast(date, following["start"]) - timedelta(days=1)


@cache
def _terms(body: str) -> tuple[Term, ...]:
    data = load_data("terms")
    entries = sorted(data[body], key=lambda e: e["start"])
    result = []
    for index, entry in enumerate(entries):
        following = entries[index + 1] if index + 1 < len(entries) else None
        result.append(
            Term(
                body=body,
                ordinal=str(entry["ordinal"]),
                start=entry["start"],
                end=_end_of(body, following),
                source=resolve_source(entry, data["sources"], f"terms.yaml {body}"),
                label=str(entry.get("label", "")),
                elected=entry.get("elected"),
                note=(entry.get("note") or "").strip(),
            )
        )
    return tuple(result)


def _check_body(body: str) -> None:
    if body not in BODIES:
        raise ValueError(f"unknown body {body!r}; expected one of {BODIES}")


def terms(body: str) -> list[Term]:
    """The terms of ``body`` in time order."""
    _check_body(body)
    return list(_terms(body))


def term_for(body: str, ordinal: str) -> Term | None:
    """The term with that ordinal ("XIII", "xiii"; "2021-2026" or "2021 - 2026" for councils)."""
    _check_body(body)
    wanted = "".join(ordinal.split()).replace("–", "-").upper()
    for term in _terms(body):
        if term.ordinal.upper() == wanted:
            return term
    return None


def terms_at(body: str, day: date) -> list[Term]:
    """The term(s) of ``body`` sitting on ``day``: one, two during a Party congress (the
    outgoing and the incoming khóa), none before the first recorded term."""
    _check_body(body)
    return [term for term in _terms(body) if term.contains(day)]
