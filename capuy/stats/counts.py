"""The counts behind computed figures: a registry the record apps fill, below them all.

A count is a function ``(root, start, end) → queryset`` over an organisation subtree and a
period, whose ``count()`` is the figure (so a page can list the records behind a number).
Each record app registers its own from ``AppConfig.ready()`` (``capuy.members.stats.register``
…); ``COUNTS`` names the counts an indicator can be computed from (``Indicator.source``).
A subtree is one condition on the organisation's materialised path (``path LIKE '/1/4/%'``):
nothing is precomputed, so a figure is always live.

The indicators app registers how to find the target a figure is measured against
(``register_target_lookup``), so the members' statements can say "đạt 91,7% chỉ tiêu" without
importing the app above them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

__all__ = [
    "COUNTS",
    "DATED_BY",
    "Count",
    "count_for",
    "is_whole_tree",
    "register_count",
    "register_target_lookup",
    "target_for",
    "under",
]

Count = Callable[[Any, dt.date, dt.date], Any]  # (root organisation, start, end) → QuerySet
TargetLookup = Callable[[Any, str, dt.date, dt.date], Any]

COUNTS: dict[str, Count] = {}
# For a count whose period is exactly "the record's ``field`` between start and end" (and that
# depends on the period in no other way), that field: the counts of many periods are then one
# pass over the whole span with a filtered count per period (a year's twelve months on the
# dashboard's chart), not one pass per period.
DATED_BY: dict[str, str] = {}
_TARGET_LOOKUP: list[TargetLookup] = []


def under(root: Any, field: str = "organisation") -> dict[str, Any]:
    """The filter that keeps the records of ``root``'s subtree (``field`` is the organisation).

    For the root of the only tree in the database (the nation of a national deployment, the
    town of the embedded one) the subtree is every unit, so there is no condition at all: no
    join to the units. At national size that join — hashing all ~250.000 units to test their
    paths — was most of each nationwide count, and without it a count of events of a kind in a
    year is read from the (kind, date) index alone (``docs/national.md``, "natsum4"). So
    ``field`` must be a required key on every step (every caller's is: a record always has a
    unit); not even ``IS NOT NULL`` is added, PostgreSQL 15 would fetch each row to test it."""
    if is_whole_tree(root):
        return {}
    return {f"{field}__path__startswith": root.path}


def is_whole_tree(root: Any) -> bool:
    """Whether ``root``'s subtree is every unit: it has no parent and no other unit lacks one.

    One indexed query, asked once per instance (a page fetches its unit once; a root made
    later by the same process needs the instance fetched again). A unit with a parent never
    asks."""
    if root.parent_id is not None:
        return False
    known = root.__dict__.get("_whole_tree")
    if known is None:
        others = type(root)._default_manager.filter(parent__isnull=True).exclude(pk=root.pk)
        known = root.__dict__["_whole_tree"] = not others.exists()
    return bool(known)


def register_count(key: str, count: Count, dated_by: str | None = None) -> None:
    """Add (or replace, by key) a count, e.g. ``members.admissions``; ``dated_by`` names the
    date field its period filters on, when that is all the period does (``DATED_BY``)."""
    COUNTS[key] = count
    if dated_by:
        DATED_BY[key] = dated_by
    else:
        DATED_BY.pop(key, None)


def count_for(source: str, root: Any, start: dt.date, end: dt.date) -> int:
    """The live value of a computed indicator source."""
    return int(COUNTS[source](root, start, end).count())


def register_target_lookup(lookup: TargetLookup) -> None:
    """Set how to find the target of a count for a unit and period (the indicators app)."""
    _TARGET_LOOKUP[:] = [lookup]


def target_for(root: Any, source: str, start: dt.date, end: dt.date) -> Any:
    """The target set for ``root`` on the figure computed from ``source`` over the period, or
    None (also when no app keeps targets)."""
    return _TARGET_LOOKUP[0](root, source, start, end) if _TARGET_LOOKUP else None
