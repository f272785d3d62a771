"""Counting a closed poll: a vote's options against the majority its body's rule asks for, an
election's valid ballots and who is elected (ties marked for a new round), and the seal
(SHA-256 of the poll, its sorted ballots and its result) printed in the minutes. Pure
functions of the poll's frozen data and its ballots; ``capuy.meetingroom.voting`` runs them
at close."""

from __future__ import annotations

import hashlib
import json
from fractions import Fraction
from typing import Any

from capuy.meetingroom.models import Poll
from capuy.vocab.meeting_rules import election_rule, more_than, vote_options

__all__ = ["pct", "seal_of", "tally_election", "tally_vote"]


def pct(part: int, whole: int) -> float | None:
    """Percentage rounded to 2 places (shown as 19,92%)."""
    return round(100 * part / whole, 2) if whole else None


def tally_vote(poll: Poll, counts: dict[str, int]) -> dict[str, Any]:
    """Counts per option and the decision by the body's rule."""
    base = poll.base_count if poll.majority_base in ("members", "present") else 0
    total = sum(counts.values())
    if poll.majority_base == "valid":
        base = total
    for_key = next(o.key for o in vote_options() if o.counts_for)
    needed = more_than(Fraction(1, 2), base)
    rows = [
        {
            "key": o["key"],
            "name": o["name"],
            "count": counts.get(o["key"], 0),
            "pct_base": pct(counts.get(o["key"], 0), base),
        }
        for o in poll.options
    ]
    return {
        "options": rows,
        "total": total,
        "base": base,
        "needed": needed,
        "passed": counts.get(for_key, 0) >= needed,
    }


def tally_election(poll: Poll, ballots: list[list[str]]) -> dict[str, Any]:
    """Valid ballots, votes per candidate (% of valid ballots and of the base), who is elected.

    A ballot keeping more names than seats is invalid (Quy chế bầu cử). Those with more than
    half of the base are elected, highest first, up to the seats; candidates tied across the
    last seat are not elected and marked for a new round among them.
    """
    rule = election_rule()
    valid = [b for b in ballots if not (rule.too_many_kept_invalid and len(b) > poll.seats)]
    if not rule.none_kept_valid:
        valid = [b for b in valid if b]
    base = poll.base_count
    needed = more_than(rule.more_than, base)
    votes = {c["key"]: 0 for c in poll.candidates}
    for ballot in valid:
        for key in ballot:
            votes[key] += 1
    rows = [
        {
            "key": c["key"],
            "name": c["name"],
            "votes": votes[c["key"]],
            "pct_valid": pct(votes[c["key"]], len(valid)),
            "pct_base": pct(votes[c["key"]], base),
            "status": "",
        }
        for c in poll.candidates
    ]
    qualified = sorted((r for r in rows if r["votes"] >= needed), key=lambda r: -r["votes"])
    if len(qualified) > poll.seats:
        boundary = qualified[poll.seats - 1]["votes"]
        above = [r for r in qualified if r["votes"] > boundary]
        at = [r for r in qualified if r["votes"] == boundary]
        if len(above) + len(at) > poll.seats:
            for r in above:
                r["status"] = "elected"
            for r in at:
                r["status"] = "tie"
        else:
            for r in above + at:
                r["status"] = "elected"
    else:
        for r in qualified:
            r["status"] = "elected"
    for r in rows:
        r["status"] = r["status"] or "not_elected"
    return {
        "candidates": rows,
        "ballots": len(ballots),
        "valid": len(valid),
        "invalid": len(ballots) - len(valid),
        "base": base,
        "needed": needed,
        "elected": [r["name"] for r in rows if r["status"] == "elected"],
        "tied": [r["name"] for r in rows if r["status"] == "tie"],
        "rule": rule.ties,
    }


def seal_of(poll: Poll, choices: list[Any], result: dict[str, Any]) -> str:
    """SHA-256 over the poll, its sorted ballots and its result: printed in the minutes."""
    canonical = json.dumps(
        {
            "poll": poll.pk,
            "title": poll.title,
            "method": poll.method,
            "options": poll.options,
            "candidates": poll.candidates,
            "ballots": sorted(json.dumps(c, sort_keys=True) for c in choices),
            "result": result,
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
