"""Quorum and majority rules of a Party body's conference, and the rule of an election.

Rules are data (``meeting_rules.yaml``) because they come from the Party's texts and a
committee's own working regulations (quy chế làm việc), which differ between committees and
change with a new Điều lệ. The arithmetic is exact (fractions, never floats): "at least two
thirds of 31 members" is 21, not 20,67 rounded somewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from math import ceil

from capuy.vocab.loader import load_data, resolve_source

__all__ = [
    "BodyRule",
    "ElectionRule",
    "VoteOption",
    "at_least",
    "body_rule",
    "election_rule",
    "more_than",
    "vote_options",
]


@dataclass(frozen=True, slots=True)
class BodyRule:
    """``quorum``: share of members present for a valid conference; ``majority_base``:
    what "more than half" counts against (``members``, ``present`` or ``valid``)."""

    key: str
    name: str
    quorum: Fraction
    majority_base: str
    source: str

    def quorum_needed(self, members: int) -> int:
        """The fewest members present that make the conference valid."""
        return at_least(self.quorum, members)


@dataclass(frozen=True, slots=True)
class ElectionRule:
    """Who is elected: more than ``more_than`` of ``elected_base`` (``electorate`` = those
    summoned who may vote, or ``valid`` = valid ballots); a ballot keeping more names than
    seats is invalid when ``too_many_kept_invalid``."""

    key: str
    name: str
    elected_base: str
    more_than: Fraction
    too_many_kept_invalid: bool
    none_kept_valid: bool
    ties: str
    source: str


@dataclass(frozen=True, slots=True)
class VoteOption:
    """An option of a vote (Đồng ý …); ``counts_for`` marks the one a majority is made of."""

    key: str
    name: str
    counts_for: bool
    source: str


def at_least(share: Fraction, total: int) -> int:
    """The smallest whole number ≥ share × total."""
    return ceil(share * total)


def more_than(share: Fraction, total: int) -> int:
    """The smallest whole number > share × total ("quá một nửa" of 20 is 11, of 21 is 11)."""
    return int(share * total) + 1


def _fraction(pair: list[int]) -> Fraction:
    return Fraction(int(pair[0]), int(pair[1]))


@cache
def _bodies() -> dict[str, BodyRule]:
    data = load_data("meeting_rules")
    rules = {}
    for entry in data["bodies"]:
        base = entry["majority_base"]
        if base not in {"members", "present", "valid"}:
            raise ValueError(f"meeting_rules.yaml: unknown majority_base {base!r}")
        rules[entry["key"]] = BodyRule(
            key=entry["key"],
            name=entry["name"],
            quorum=_fraction(entry["quorum"]),
            majority_base=base,
            source=resolve_source(entry, data["sources"], "meeting_rules.yaml bodies"),
        )
    return rules


@cache
def _elections() -> dict[str, ElectionRule]:
    data = load_data("meeting_rules")
    return {
        entry["key"]: ElectionRule(
            key=entry["key"],
            name=entry["name"],
            elected_base=entry["elected_base"],
            more_than=_fraction(entry["more_than"]),
            too_many_kept_invalid=bool(entry["too_many_kept_invalid"]),
            none_kept_valid=bool(entry["none_kept_valid"]),
            ties=entry["ties"],
            source=resolve_source(entry, data["sources"], "meeting_rules.yaml elections"),
        )
        for entry in data["elections"]
    }


def body_rule(body_kind: str) -> BodyRule:
    """The rule of a body kind (bch, btv, thuong_truc, ubkt); KeyError for an unknown kind."""
    return _bodies()[body_kind]


def election_rule(key: str = "conference") -> ElectionRule:
    return _elections()[key]


@cache
def vote_options() -> tuple[VoteOption, ...]:
    """Đồng ý, Không đồng ý, Không biểu quyết — in ballot order."""
    data = load_data("meeting_rules")
    return tuple(
        VoteOption(
            key=entry["key"],
            name=entry["name"],
            counts_for=bool(entry["counts_for"]),
            source=resolve_source(entry, data["sources"], "meeting_rules.yaml vote_options"),
        )
        for entry in data["vote_options"]
    )
