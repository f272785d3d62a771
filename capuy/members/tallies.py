"""The members' figures of a whole subtree without reading every member: two tallies kept by
database triggers, and the counts read from them.

At national size (5,6 million members) the nation's ratings of a year and its member count on
a day read every member row (2–5 s each). Two tables keep what those counts need, per
organisation, so a subtree's figure is a sum over a few rows per unit:

- ``MemberRatingTally``: members per (organisation, year, rating). The organisation is the
  member's current unit (``Member.organisation``), as the ratings statement has always
  counted them.
- ``MemberCountTally``: per (organisation, month), the affiliations starting in the month minus
  those ending in it. Members on a day ``d`` = affiliations started on or before ``d`` minus
  those ended on or before ``d`` (an affiliation ends on its ``end``, exclusive, and never
  before it starts), so the count is the sum of the rows of the months before ``d``'s month
  plus the starts and ends inside that month up to ``d``, read live from ``Affiliation``
  (indexed on ``start`` and ``end``). Every day before ``TALLY_FROM`` falls in one bucket
  (01/01/0001): a unit's history before it is one row, and a day before it is counted live.

A record counts under its own unit only, never under the units above: a subtree's figure is
the sum of its units' rows, found through the units' current paths (the ``path`` index), so
a write locks only its own unit's rows (no row shared by every office at the top of the tree)
and a unit moved in the tree, or thousands of new units given their paths by
``bulk_create_level``, need no work at all (``docs/decisions.md``).

The rows are kept by triggers in the database, not by Django signals (the reason is in
``docs/decisions.md``, the register's ``DocumentTally``): a trigger runs in the transaction of
the statement that changes a rating, a member's unit or an affiliation — a ``save()``, a
``delete()``, a ``bulk_create``, a ``QuerySet.update`` or a COPY alike — so the tallies are
never stale. ``rebuild_tallies()`` recounts both from the records (the migration runs it once;
the national loader at the end of a build).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from capuy.members.coarse import (
    COARSE_DEPTH,
    COUNT_COARSE,
    RATING_COARSE,
    coarse_recount_sql,
)
from capuy.members.models import Affiliation, MemberCountTally, MemberRatingTally
from capuy.members.tally_sql import (
    PG_TRIGGERS,
    TALLY_FROM,
    drop_triggers,
    install_triggers,
    recount_sql,
)
from capuy.orgs.models import Organisation
from capuy.stats.counts import is_whole_tree, under

__all__ = [
    "GOOD_RATINGS",
    "TALLY_FROM",
    "drop_triggers",
    "install_triggers",
    "member_count_at",
    "pause_triggers",
    "rating_counts",
    "rebuild_tallies",
    "recount",
    "resume_and_rebuild",
]

GOOD_RATINGS = ("xuat_sac", "tot")
_RATING, _MEMBER, _AFF = "members_memberrating", "members_member", "members_affiliation"


def _lock(execute: Any) -> None:
    """On PostgreSQL, no writes to the counted tables while they are recounted."""
    if connection.vendor == "postgresql":
        execute(f"LOCK TABLE {_RATING}, {_MEMBER}, {_AFF} IN SHARE MODE")


def recount(schema_editor: Any) -> None:
    """Both tallies recounted from the records, in the migration's transaction."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"LOCK TABLE {_RATING}, {_MEMBER}, {_AFF} IN SHARE MODE", None)
    for sql in recount_sql(vendor):
        schema_editor.execute(sql, params=None)


def rebuild_tallies() -> tuple[int, int]:
    """Recount both tallies from the records; returns how many rows each holds.

    The migration does it once for an existing register and the national loader at the end of
    a build (its COPY runs with the triggers off, see ``capuy.stats.national``); otherwise the
    triggers keep the rows right, so this is a repair and a check (the tests compare the two
    after every kind of change). One transaction; on PostgreSQL the tables are locked
    against writes meanwhile.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        _lock(cursor.execute)
        for sql in recount_sql(connection.vendor):
            cursor.execute(sql)
        if connection.vendor == "postgresql":  # the coarse copies, from the per-unit rows
            for sql in coarse_recount_sql():
                cursor.execute(sql)
    return MemberRatingTally.objects.count(), MemberCountTally.objects.count()


def pause_triggers() -> None:
    """The tally triggers off, for a bulk load in this transaction (PostgreSQL; the national
    COPY build, which calls ``resume_and_rebuild`` after its last row)."""
    _alter_triggers("DISABLE")


def _alter_triggers(action: str) -> None:
    """ENABLE or DISABLE the tally triggers. Django's foreign keys are checked at commit; the
    checks pending in this transaction are run first (PostgreSQL refuses to alter a table
    with pending trigger events), and deferred again after."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for trigger, table, _ in PG_TRIGGERS:
            cursor.execute(f"ALTER TABLE {table} {action} TRIGGER {trigger}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def resume_and_rebuild() -> None:
    """The tally triggers on again and both tallies recounted from what was loaded."""
    _alter_triggers("ENABLE")
    rebuild_tallies()


def rating_counts(root: Organisation, year: int) -> dict[str, int]:
    """The members rated in ``year`` in ``root``'s subtree: all of them, and the good ones
    (excellent or good), from the subtree's units' tally rows — what counting ``MemberRating`` would say."""
    if _coarse(root):
        good = ", ".join(["%s"] * len(GOOD_RATINGS))
        sql, params = _coarse_rows(root, RATING_COARSE, "k.year = %s", [year])
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT SUM(k.total), SUM(k.total) FILTER (WHERE k.rating IN ({good})) {sql}",
                [*GOOD_RATINGS, *params],
            )
            rated, good_n = cursor.fetchone()
        return {"total": int(rated or 0), "good": int(good_n or 0)}
    rows = MemberRatingTally.objects.filter(year=year, **under(root))
    n = rows.aggregate(rated=Sum("total"), good=Sum("total", filter=Q(rating__in=GOOD_RATINGS)))
    return {"total": int(n["rated"] or 0), "good": int(n["good"] or 0)}


def _coarse(root: Organisation) -> bool:
    """Whether ``root``'s figures are read from the coarse tallies: on PostgreSQL, for a unit
    at or above the coarse level (the nation, a province, a commune; ``capuy.members.coarse``).
    Below it, and on SQLite, the per-unit rows."""
    return connection.vendor == "postgresql" and root.path.count("/") - 2 <= COARSE_DEPTH


def _coarse_rows(
    root: Organisation, table: str, where: str, params: list[Any]
) -> tuple[str, list[Any]]:
    """``FROM … WHERE …`` of the coarse rows of ``root``'s subtree: every unit of it has its
    coarse unit in it (``root`` is at or above the coarse level), found by path — or, for the
    whole tree, every row, with no join at all."""
    if is_whole_tree(root):
        return f"FROM {table} k WHERE {where}", params
    return (
        f"FROM {table} k JOIN orgs_organisation o ON o.id = k.coarse_id "
        f"WHERE o.path LIKE %s AND {where}",
        [f"{root.path}%", *params],
    )


def member_count_at(root: Organisation, at: dt.date) -> int:
    """Members of ``root``'s subtree on ``at`` — ``members_at(root, at).count()`` — from the
    tally of the months before ``at``'s month and the affiliations that start or end in it."""
    subtree = under(root)
    if at < TALLY_FROM:  # before the tally's months: one bucket, so counted live
        return Affiliation.objects.filter(
            Q(end__isnull=True) | Q(end__gt=at), start__lte=at, **subtree
        ).count()
    first = at.replace(day=1)
    month = Affiliation.objects.filter(**subtree).order_by()

    def changes(field: str) -> Subquery:
        """The count of the subtree's affiliations whose ``field`` is in the month up to
        ``at``, as a scalar subquery. It counts the date itself (not null in the range), not
        the key: for the whole tree it is then read from the date's index alone — at full
        size the key made it fetch ~17.000 scattered rows for each of the two (337 ms)."""
        bounds = {f"{field}__gte": first, f"{field}__lte": at}
        rows = month.filter(**bounds).values(whole=Value(1)).annotate(n=Count(field))
        return Subquery(rows.values("n"))

    starts, ends = changes("start"), changes("end")
    if _coarse(root):  # the same query on the coarse rows (PostgreSQL)
        tally, params = _coarse_rows(root, COUNT_COARSE, "k.month < %s", [first])
        (s_sql, s_params), (e_sql, e_params) = (q.query.sql_with_params() for q in (starts, ends))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT (SELECT COALESCE(SUM(k.net), 0) {tally}) + COALESCE(({s_sql}), 0) "
                f"- COALESCE(({e_sql}), 0)",
                [*params, *s_params, *e_params],
            )
            return int(cursor.fetchone()[0])
    # One query for the page, not two: the tally's sum with the month's starts and ends as
    # scalar subqueries beside it (an indicators page asks for it with ~30 other figures).
    row = MemberCountTally.objects.filter(month__lt=first, **subtree).aggregate(
        n=Coalesce(Sum("net"), 0) + Coalesce(starts, 0) - Coalesce(ends, 0)
    )
    return int(row["n"])
