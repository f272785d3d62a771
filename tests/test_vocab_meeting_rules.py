"""The meeting room's rules as data: every entry cited, every citation used, exact arithmetic."""

from __future__ import annotations

from fractions import Fraction

import pytest

from capuy.vocab.loader import check_sources, load_data
from capuy.vocab.meeting_rules import (
    at_least,
    body_rule,
    election_rule,
    more_than,
    vote_options,
)


def test_every_entry_has_a_source_and_every_source_is_used() -> None:
    data = load_data("meeting_rules")
    check_sources(data, "meeting_rules.yaml")
    used = {
        key
        for section, entries in data.items()
        if section != "sources"
        for entry in entries
        for key in (entry["source"] if isinstance(entry["source"], list) else [entry["source"]])
    }
    assert used == set(data["sources"])


@pytest.mark.parametrize(
    ("members", "quorum", "majority"), [(31, 21, 16), (30, 20, 16), (9, 6, 5), (6, 4, 4), (3, 2, 2)]
)
def test_two_thirds_present_and_more_than_half(members: int, quorum: int, majority: int) -> None:
    assert body_rule("bch").quorum_needed(members) == quorum
    assert more_than(Fraction(1, 2), members) == majority


def test_the_rules_say_what_they_count_against() -> None:
    assert body_rule("btv").majority_base == "members"
    assert election_rule().too_many_kept_invalid and election_rule().ties == "revote"
    assert [o.name for o in vote_options()] == ["Đồng ý", "Không đồng ý", "Không biểu quyết"]
    assert at_least(Fraction(2, 3), 0) == 0
    with pytest.raises(KeyError):
        body_rule("ban_to_chuc")
