"""Party dues rates as versioned data: which rule set is in force on a day, and what it asks.

The rules change by regulation (Quyết định 342-QĐ/TW of 2010, replaced by Quy định 01-QĐ/TW
of 03/02/2026), so everything here is read from ``capuy/vocab/dues.yaml``; a new rule set is
a data change. A rule set whose rates have not been typed in from its official text
(``rates_entered: false``) is still known, with its effective date: amounts are then computed
by the latest rule set that has rates, and ``Due.pending_rule`` names the one that should
apply, so every page can say so instead of silently applying unverified numbers. The same
holds kind by kind: where the rule in force has no rate for a kind of member (or no share for
a level), the latest older rule that has one is applied and the newer one is named as pending
(``fallback_kinds``), since a regulation's published summary may give only some of its rates.

Money is integer đồng; a percentage is basis points (100 = 1%) and rounds half up.
Pure Python: no Django, so the figures can be tested and used without a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from capuy.vocab.loader import load_data, resolve_source

__all__ = [
    "Due",
    "Rate",
    "RuleSet",
    "Share",
    "arrears_months",
    "compute_due",
    "fallback_kinds",
    "kind_choices",
    "kind_rates",
    "kind_short_labels",
    "rate_for",
    "rule_in_force",
    "rule_sets",
    "share_for",
    "split_share",
]


@dataclass(frozen=True)
class RuleSet:
    key: str
    symbol: str
    title: str
    effective_from: dt.date
    rates_entered: bool
    note: str
    source: str
    rates_note: str = ""  # what every page says of how sure its figures are


@dataclass(frozen=True)
class Rate:
    rule: str
    kind: str
    label: str
    short: str
    basis: str  # "percent" or "fixed"
    basis_points: int
    amount: int
    verified: bool
    source: str


@dataclass(frozen=True)
class Share:
    rule: str
    level: str
    keep_per_mille: int
    verified: bool
    source: str


@dataclass(frozen=True)
class Due:
    """What one member owes for one month, and by which rule."""

    amount: int
    rate: Rate
    rule: RuleSet  # the rule whose rates were applied
    pending_rule: RuleSet | None  # the rule in force whose rates are not entered yet


def _data() -> dict[str, Any]:
    return load_data("dues")


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@cache
def rule_sets() -> tuple[RuleSet, ...]:
    """All rule sets, oldest first."""
    data = _data()
    rules = [
        RuleSet(
            key=e["key"],
            symbol=e["symbol"],
            title=e["title"],
            effective_from=_date(e["effective_from"]),
            rates_entered=bool(e["rates_entered"]),
            note=str(e.get("note", "")),
            source=resolve_source(e, data["sources"], "dues.yaml rule_sets"),
            rates_note=str(e.get("rates_note", "")),
        )
        for e in data["rule_sets"]
    ]
    return tuple(sorted(rules, key=lambda r: r.effective_from))


@cache
def _rates() -> tuple[Rate, ...]:
    data = _data()
    return tuple(
        Rate(
            rule=e["rule"],
            kind=e["kind"],
            label=e["label"],
            short=e.get("short", e["label"]),
            basis=e["basis"],
            basis_points=int(e.get("basis_points", 0)),
            amount=int(e.get("amount", 0)),
            verified=bool(e["verified"]),
            source=resolve_source(e, data["sources"], "dues.yaml rates"),
        )
        for e in data["rates"]
    )


@cache
def _shares() -> tuple[Share, ...]:
    data = _data()
    return tuple(
        Share(
            rule=e["rule"],
            level=e["level"],
            keep_per_mille=int(e["keep_per_mille"]),
            verified=bool(e["verified"]),
            source=resolve_source(e, data["sources"], "dues.yaml shares"),
        )
        for e in data["shares"]
    )


def rule_in_force(day: dt.date) -> tuple[RuleSet, RuleSet | None]:
    """(the rule whose rates apply on ``day``, the newer rule in force without rates or None)."""
    in_force = [r for r in rule_sets() if r.effective_from <= day]
    if not in_force:
        raise ValueError(f"no dues rule in force on {day.isoformat()}")
    applied = next((r for r in reversed(in_force) if r.rates_entered), None)
    if applied is None:
        raise ValueError(f"no dues rule with rates on {day.isoformat()}")
    pending = in_force[-1] if in_force[-1] is not applied else None
    return applied, pending


def _entered_in_force(day: dt.date) -> list[RuleSet]:
    """The rule sets in force on ``day`` whose rates are entered, newest first."""
    return [r for r in reversed(rule_sets()) if r.effective_from <= day and r.rates_entered]


@cache
def _newest_rates(day: dt.date) -> dict[str, tuple[Rate, RuleSet]]:
    """kind → (its rate, the rule giving it): the newest rule in force that has a rate for it.
    Cached per day like the tables it reads: ``compute_due`` calls it for every member and
    month (over a million times when a province's dues are generated). Callers never change it."""
    rules = _entered_in_force(day)
    if not rules:
        raise ValueError(f"no dues rule with rates on {day.isoformat()}")
    found: dict[str, tuple[Rate, RuleSet]] = {}
    for rule in rules:
        for rate in _rates():
            if rate.rule == rule.key and rate.kind not in found:
                found[rate.kind] = (rate, rule)
    return found


def kind_short_labels(day: dt.date) -> dict[str, str]:
    """kind → a short label for tables (the rule applied on ``day``, kind by kind)."""
    return {kind: rate.short for kind, (rate, _) in _newest_rates(day).items()}


def kind_choices(day: dt.date | None = None) -> list[tuple[str, str]]:
    """(kind, label) of the member kinds known on ``day`` (today): the rule in force first,
    then the kinds it does not list, as an older rule gives them."""
    return [(kind, rate.label) for kind, (rate, _) in _newest_rates(day or dt.date.today()).items()]


def kind_rates(day: dt.date) -> list[tuple[Rate, RuleSet]]:
    """(rate, the rule giving it) of every kind of member known on ``day``."""
    return list(_newest_rates(day).values())


def fallback_kinds(day: dt.date) -> list[tuple[Rate, RuleSet]]:
    """The kinds computed on ``day`` by an older rule than the newest in force, because the
    newest gives no rate for them: what a dues page must say is not yet by the rule in force."""
    newest = next(iter(reversed([r for r in rule_sets() if r.effective_from <= day])), None)
    return [
        (rate, rule)
        for rate, rule in _newest_rates(day).values()
        if newest is not None and rule is not newest
    ]


def rate_for(kind: str, day: dt.date) -> tuple[Rate, RuleSet, RuleSet | None]:
    """(the rate, the rule it comes from, the newer rule in force that lacks it or None)."""
    in_force = [r for r in rule_sets() if r.effective_from <= day]
    found = _newest_rates(day).get(kind)
    if found is None:
        raise KeyError(f"no rate for kind {kind!r} on {day.isoformat()}")
    rate, rule = found
    pending = in_force[-1] if in_force and in_force[-1] is not rule else None
    return rate, rule, pending


def compute_due(kind: str, base: int, day: dt.date) -> Due:
    """The month's dues of a member of ``kind`` whose monthly base (salary, pension…) is ``base``."""
    if base < 0:
        raise ValueError("base must not be negative")
    rate, applied, pending = rate_for(kind, day)
    amount = (base * rate.basis_points + 5000) // 10000 if rate.basis == "percent" else rate.amount
    return Due(amount=amount, rate=rate, rule=applied, pending_rule=pending)


def share_for(level: str, day: dt.date) -> Share | None:
    """The share a unit of kind ``level`` keeps: the newest rule in force that gives one."""
    for rule in _entered_in_force(day):
        share = next((s for s in _shares() if s.rule == rule.key and s.level == level), None)
        if share is not None:
            return share
    return None


def split_share(collected: int, level: str, day: dt.date) -> tuple[int, int]:
    """(kept, passed up) of ``collected`` đồng at a unit of kind ``level``; they add up exactly."""
    share = share_for(level, day)
    per_mille = share.keep_per_mille if share else 1000
    kept = collected * per_mille // 1000
    return kept, collected - kept


def arrears_months() -> tuple[int, str]:
    """(months unpaid without reason in a year that flag a member, the source saying so)."""
    data = _data()
    entry = next(e for e in data["arrears"] if e["key"] == "months_without_reason")
    return int(entry["months"]), resolve_source(entry, data["sources"], "dues.yaml arrears")


def clear_cache() -> None:
    for fn in (rule_sets, _rates, _shares, _newest_rates):
        fn.cache_clear()
