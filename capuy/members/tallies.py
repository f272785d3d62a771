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

The rows are kept by triggers in the database, not by Django signals (the reason is in
``docs/decisions.md``, the register's ``DocumentTally``): a trigger runs in the transaction of
the statement that changes a rating, a member's unit or an affiliation — a ``save()``, a
``delete()``, a ``bulk_create``, a ``QuerySet.update`` or a COPY alike — so the tallies are
never stale. A unit moved elsewhere in the tree needs nothing: the rows stay with the unit and a
subtree is read through the units' current paths. ``rebuild_tallies()`` recounts both from the
records (the migration runs it once; the national loader at the end of a build).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Q, Sum

from capuy.members.models import Affiliation, MemberCountTally, MemberRatingTally
from capuy.orgs.models import Organisation

__all__ = [
    "GOOD_RATINGS",
    "TALLY_FROM",
    "drop_triggers",
    "install_triggers",
    "member_count_at",
    "rating_counts",
    "rebuild_tallies",
    "recount",
]

TALLY_FROM = dt.date(2020, 1, 1)  # months from here on have their own row; before, one bucket
GOOD_RATINGS = ("xuat_sac", "tot")

_RATING, _MEMBER, _AFF = "members_memberrating", "members_member", "members_affiliation"
_ORG = "orgs_organisation"
_RT, _CT = "members_memberratingtally", "members_membercounttally"

# SQL of the month bucket of a date column, per engine (SQLite stores dates as 'YYYY-MM-DD').
_BUCKET = {
    "sqlite": (
        f"CASE WHEN {{col}} < '{TALLY_FROM.isoformat()}' THEN '0001-01-01' "
        "ELSE date({col}, 'start of month') END"
    ),
    "postgresql": (
        f"CASE WHEN {{col}} < DATE '{TALLY_FROM.isoformat()}' THEN DATE '0001-01-01' "
        "ELSE date_trunc('month', {col})::date END"
    ),
}
# The units on a path ("/1/4/17/": 1, 4 and 17) as a table ``a`` with the id ``a.id`` (SQLite's
# json_each calls it ``a.value``: ``_on`` renames it).
_ANCESTORS = {
    "sqlite": "json_each('[' || replace(trim({path}, '/'), '/', ',') || ']') AS a",
    "postgresql": "unnest(string_to_array(trim(both '/' from {path}), '/')::bigint[]) AS a(id)",
}
_RATING_UPSERT = (
    f"ON CONFLICT (organisation_id, year, rating) DO UPDATE SET total = {_RT}.total + "
    "excluded.total"
)
_COUNT_UPSERT = f"ON CONFLICT (organisation_id, month) DO UPDATE SET net = {_CT}.net + excluded.net"


def _on(vendor: str, sql: str) -> str:
    """``sql`` as the engine spells the ancestor's id."""
    return sql.replace("a.id", "a.value") if vendor == "sqlite" else sql


def _rating_delta(vendor: str, row: str, sign: int) -> str:
    """Add ``sign`` to the rating ``row`` (NEW or OLD)'s row of every unit over its member."""
    return (
        f"INSERT INTO {_RT} (organisation_id, year, rating, total) "
        f"SELECT a.id, {row}.year, {row}.rating, {sign} FROM {_MEMBER} m, {_ORG} o, "
        f"{_ANCESTORS[vendor].format(path='o.path')} "
        f"WHERE m.id = {row}.member_id AND o.id = m.organisation_id {_RATING_UPSERT}"
    )


def _member_moved(vendor: str, row: str, sign: int) -> str:
    """Add ``sign`` for every rating of the member ``row`` over ``row``'s unit."""
    return (
        f"INSERT INTO {_RT} (organisation_id, year, rating, total) "
        f"SELECT a.id, r.year, r.rating, {sign} FROM {_RATING} r, {_ORG} o, "
        f"{_ANCESTORS[vendor].format(path='o.path')} "
        f"WHERE r.member_id = {row}.id AND o.id = {row}.organisation_id {_RATING_UPSERT}"
    )


def _count_delta(vendor: str, row: str, column: str, sign: int) -> str:
    """Add ``sign`` to the month of ``row``'s ``column`` (start or end) over its unit."""
    col = f'{row}."{column}"'
    return (
        f"INSERT INTO {_CT} (organisation_id, month, net) "
        f"SELECT a.id, {_BUCKET[vendor].format(col=col)}, {sign} FROM {_ORG} o, "
        f"{_ANCESTORS[vendor].format(path='o.path')} "
        f"WHERE o.id = {row}.organisation_id AND {col} IS NOT NULL {_COUNT_UPSERT}"
    )


def _affiliation_in(vendor: str, row: str) -> list[str]:
    return [_count_delta(vendor, row, "start", 1), _count_delta(vendor, row, "end", -1)]


def _affiliation_out(vendor: str, row: str) -> list[str]:
    return [_count_delta(vendor, row, "start", -1), _count_delta(vendor, row, "end", 1)]


def _own_ratings(vendor: str, path: str, sign: str, unit: str) -> str:
    """The ratings of the members of the unit ``unit`` (an id), added with ``sign`` ('' or
    '-') to every unit on ``path``: a unit's own share, moved when its path changes."""
    return (
        f"INSERT INTO {_RT} (organisation_id, year, rating, total) "
        f"SELECT a.id, r.year, r.rating, {sign}COUNT(*) FROM {_RATING} r, {_MEMBER} m, "
        f"{_ANCESTORS[vendor].format(path=path)} "
        f"WHERE m.id = r.member_id AND m.organisation_id = {unit} "
        f"GROUP BY a.id, r.year, r.rating {_RATING_UPSERT}"
    )


def _deltas(vendor: str, where: str) -> str:
    """Each affiliation (of ``where``) as +1 in its start's month and -1 in its end's."""
    bucket = _BUCKET[vendor]
    return (
        f"SELECT organisation_id, {bucket.format(col='start')} AS month, 1 AS delta FROM {_AFF} "
        f"WHERE {where} UNION ALL SELECT organisation_id, {bucket.format(col=chr(34) + 'end' + chr(34))}, "
        f'-1 FROM {_AFF} WHERE "end" IS NOT NULL AND {where}'
    )


def _own_count(vendor: str, path: str, sign: str, unit: str) -> str:
    """The member-count changes of the unit ``unit``, added with ``sign`` over ``path``."""
    return (
        f"INSERT INTO {_CT} (organisation_id, month, net) "
        f"SELECT a.id, d.month, {sign}SUM(d.delta) FROM ({_deltas(vendor, f'organisation_id = {unit}')}) AS d, "
        f"{_ANCESTORS[vendor].format(path=path)} WHERE true GROUP BY a.id, d.month {_COUNT_UPSERT}"
    )


def _unit_moved(vendor: str) -> list[str]:
    """A unit's own share taken from the units on its old path and given to those on the new
    one (each unit of a moved subtree has its path rewritten, so each moves its own share)."""
    return [
        _own_ratings(vendor, "OLD.path", "-", "OLD.id"),
        _own_ratings(vendor, "NEW.path", "", "NEW.id"),
        _own_count(vendor, "OLD.path", "-", "OLD.id"),
        _own_count(vendor, "NEW.path", "", "NEW.id"),
    ]


_RATING_CHANGED = "member_id, year, rating"
_AFF_CHANGED = 'organisation_id, start, "end"'


def _sqlite_triggers() -> list[str]:
    def body(statements: list[str]) -> str:
        return "BEGIN " + _on("sqlite", "; ".join(statements)) + "; END"

    def differs(columns: str) -> str:
        return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns.split(", "))

    v = "sqlite"
    return [
        f"CREATE TRIGGER member_rating_tally_insert AFTER INSERT ON {_RATING} "
        + body([_rating_delta(v, "NEW", 1)]),
        f"CREATE TRIGGER member_rating_tally_delete AFTER DELETE ON {_RATING} "
        + body([_rating_delta(v, "OLD", -1)]),
        f"CREATE TRIGGER member_rating_tally_update AFTER UPDATE OF {_RATING_CHANGED} "
        f"ON {_RATING} WHEN {differs(_RATING_CHANGED)} "
        + body([_rating_delta(v, "OLD", -1), _rating_delta(v, "NEW", 1)]),
        f"CREATE TRIGGER member_rating_tally_move AFTER UPDATE OF organisation_id ON {_MEMBER} "
        "WHEN OLD.organisation_id IS NOT NEW.organisation_id "
        + body([_member_moved(v, "OLD", -1), _member_moved(v, "NEW", 1)]),
        f"CREATE TRIGGER member_count_tally_insert AFTER INSERT ON {_AFF} "
        + body(_affiliation_in(v, "NEW")),
        f"CREATE TRIGGER member_count_tally_delete AFTER DELETE ON {_AFF} "
        + body(_affiliation_out(v, "OLD")),
        f"CREATE TRIGGER member_count_tally_update AFTER UPDATE OF {_AFF_CHANGED} ON {_AFF} "
        f"WHEN {differs(_AFF_CHANGED)} "
        + body(_affiliation_out(v, "OLD") + _affiliation_in(v, "NEW")),
        f"CREATE TRIGGER member_tally_unit_moved AFTER UPDATE OF path ON {_ORG} "
        "WHEN OLD.path IS NOT NEW.path " + body(_unit_moved(v)),
    ]


_SQLITE_NAMES = [
    "member_rating_tally_insert",
    "member_rating_tally_delete",
    "member_rating_tally_update",
    "member_rating_tally_move",
    "member_count_tally_insert",
    "member_count_tally_delete",
    "member_count_tally_update",
    "member_tally_unit_moved",
]


def _pg_function(name: str, body: str) -> str:
    return f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
BEGIN
  {body}
  RETURN NULL;
END $$ LANGUAGE plpgsql"""


def _pg_old_new(old: list[str], new: list[str]) -> str:
    """Undo OLD's share (delete, update), then add NEW's (insert, update)."""
    return (
        f"IF TG_OP IN ('DELETE', 'UPDATE') THEN {'; '.join(old)}; END IF;\n"
        f"  IF TG_OP IN ('INSERT', 'UPDATE') THEN {'; '.join(new)}; END IF;"
    )


def _pg_distinct(columns: str) -> str:
    return " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns.split(", "))


# (trigger, table) pairs on PostgreSQL: the national loader disables and re-enables these
PG_TRIGGERS = [
    ("member_rating_tally_insert_delete", _RATING),
    ("member_rating_tally_update", _RATING),
    ("member_rating_tally_move", _MEMBER),
    ("member_count_tally_insert_delete", _AFF),
    ("member_count_tally_update", _AFF),
    ("member_tally_unit_moved", _ORG),
]


def _pg_triggers() -> list[str]:
    v = "postgresql"
    return [
        _pg_function(
            "member_rating_tally",
            _pg_old_new([_rating_delta(v, "OLD", -1)], [_rating_delta(v, "NEW", 1)]),
        ),
        _pg_function(  # on UPDATE only
            "member_rating_tally_move",
            f"{_member_moved(v, 'OLD', -1)}; {_member_moved(v, 'NEW', 1)};",
        ),
        _pg_function(
            "member_count_tally", _pg_old_new(_affiliation_out(v, "OLD"), _affiliation_in(v, "NEW"))
        ),
        _pg_function("member_tally_unit_moved", "; ".join(_unit_moved(v)) + ";"),
        f"CREATE TRIGGER member_rating_tally_insert_delete AFTER INSERT OR DELETE ON {_RATING} "
        "FOR EACH ROW EXECUTE FUNCTION member_rating_tally()",
        f"CREATE TRIGGER member_rating_tally_update AFTER UPDATE OF {_RATING_CHANGED} "
        f"ON {_RATING} FOR EACH ROW WHEN ({_pg_distinct(_RATING_CHANGED)}) "
        "EXECUTE FUNCTION member_rating_tally()",
        f"CREATE TRIGGER member_rating_tally_move AFTER UPDATE OF organisation_id ON {_MEMBER} "
        "FOR EACH ROW WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id) "
        "EXECUTE FUNCTION member_rating_tally_move()",
        f"CREATE TRIGGER member_count_tally_insert_delete AFTER INSERT OR DELETE ON {_AFF} "
        "FOR EACH ROW EXECUTE FUNCTION member_count_tally()",
        f"CREATE TRIGGER member_count_tally_update AFTER UPDATE OF {_AFF_CHANGED} ON {_AFF} "
        f"FOR EACH ROW WHEN ({_pg_distinct(_AFF_CHANGED)}) "
        "EXECUTE FUNCTION member_count_tally()",
        f"CREATE TRIGGER member_tally_unit_moved AFTER UPDATE OF path ON {_ORG} "
        "FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) "
        "EXECUTE FUNCTION member_tally_unit_moved()",
    ]


def _statements(vendor: str, drop: bool) -> list[str]:
    if vendor == "sqlite":
        if drop:
            return [f"DROP TRIGGER IF EXISTS {name}" for name in _SQLITE_NAMES]
        return _sqlite_triggers()
    if vendor == "postgresql":
        if drop:
            return [f"DROP TRIGGER IF EXISTS {t} ON {table}" for t, table in PG_TRIGGERS] + [
                f"DROP FUNCTION IF EXISTS {f}()"
                for f in (
                    "member_rating_tally",
                    "member_rating_tally_move",
                    "member_count_tally",
                    "member_tally_unit_moved",
                )
            ]
        return _pg_triggers()
    raise NotImplementedError(f"no member tally triggers for {vendor}")


def install_triggers(schema_editor: Any) -> None:
    """Create the triggers (migration ``members.0002``)."""
    for sql in _statements(schema_editor.connection.vendor, drop=False):
        schema_editor.execute(sql, params=None)


def drop_triggers(schema_editor: Any) -> None:
    for sql in _statements(schema_editor.connection.vendor, drop=True):
        schema_editor.execute(sql, params=None)


def _recount_sql(vendor: str) -> list[str]:
    ancestors = _ANCESTORS[vendor].format(path="o.path")
    statements = [
        f"DELETE FROM {_RT}",
        f"INSERT INTO {_RT} (organisation_id, year, rating, total) "
        f"SELECT a.id, r.year, r.rating, COUNT(*) FROM {_RATING} r "
        f"JOIN {_MEMBER} m ON m.id = r.member_id JOIN {_ORG} o ON o.id = m.organisation_id, "
        f"{ancestors} GROUP BY a.id, r.year, r.rating",
        f"DELETE FROM {_CT}",
        f"INSERT INTO {_CT} (organisation_id, month, net) "
        f"SELECT a.id, d.month, SUM(d.delta) FROM ({_deltas(vendor, 'true')}) AS d "
        f"JOIN {_ORG} o ON o.id = d.organisation_id, {ancestors} GROUP BY a.id, d.month",
    ]
    return [_on(vendor, sql) for sql in statements]


def _lock(execute: Any) -> None:
    """On PostgreSQL, no writes to the counted tables while they are recounted."""
    if connection.vendor == "postgresql":
        execute(f"LOCK TABLE {_RATING}, {_MEMBER}, {_AFF}, {_ORG} IN SHARE MODE")


def recount(schema_editor: Any) -> None:
    """Both tallies recounted from the records, in the migration's transaction."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            f"LOCK TABLE {_RATING}, {_MEMBER}, {_AFF}, {_ORG} IN SHARE MODE", None
        )
    for sql in _recount_sql(vendor):
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
        for sql in _recount_sql(connection.vendor):
            cursor.execute(sql)
    return MemberRatingTally.objects.count(), MemberCountTally.objects.count()


def rating_counts(root: Organisation, year: int) -> dict[str, int]:
    """The members rated in ``year`` in ``root``'s subtree: all of them, and the good ones
    (excellent or good), from the tally — what counting ``MemberRating`` would say."""
    rows = MemberRatingTally.objects.filter(year=year, organisation=root)
    n = rows.aggregate(rated=Sum("total"), good=Sum("total", filter=Q(rating__in=GOOD_RATINGS)))
    return {"total": int(n["rated"] or 0), "good": int(n["good"] or 0)}


def member_count_at(root: Organisation, at: dt.date) -> int:
    """Members of ``root``'s subtree on ``at`` — ``members_at(root, at).count()`` — from the
    tally of the months before ``at``'s month and the affiliations that start or end in it."""
    under = {"organisation__path__startswith": root.path}
    if at < TALLY_FROM:  # before the tally's months: one bucket, so counted live
        return Affiliation.objects.filter(
            Q(end__isnull=True) | Q(end__gt=at), start__lte=at, **under
        ).count()
    first = at.replace(day=1)
    before = MemberCountTally.objects.filter(organisation=root, month__lt=first).aggregate(
        n=Sum("net")
    )
    started, ended = Q(start__gte=first, start__lte=at), Q(end__gte=first, end__lte=at)
    inside = Affiliation.objects.filter(started | ended, **under).aggregate(
        started=Count("pk", filter=started), ended=Count("pk", filter=ended)
    )
    return int(before["n"] or 0) + inside["started"] - inside["ended"]
