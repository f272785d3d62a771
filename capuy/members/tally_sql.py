"""The SQL of the members' tallies (``capuy.members.tallies``): the triggers that keep them on
SQLite (a trigger per row) and PostgreSQL (a trigger per statement, reading its transition
tables), and the recount, as text for each engine.

Each record counts under its own unit only — a rating under its member's unit, an affiliation
under its unit — never under the units above (a subtree's figure is the sum of its units'
rows, read through the units' current paths). So:

- a write touches only its own unit's rows: no row at the top of the tree is written by every
  office (no shared lock at the nation's or a province's row, ``docs/decisions.md``);
- nothing fires when a unit's ``path`` changes (a unit moved, or ``bulk_create_level``
  setting the paths of thousands of new units): the rows stay with the unit. The withdrawn
  first version (every unit above counted) had a statement trigger on the organisations'
  paths that made that ``bulk_update`` run for minutes in the PostgreSQL test suite.

**Any order of deletes (and a flush) leaves them right.** A tally is a view kept up to date
statement by statement: the ratings joined to their member *and its existing unit*, the
affiliations joined to their *existing* unit. So every trigger counts only records whose unit
row is there, a member deleted takes its remaining ratings out with it, and a unit deleted
takes its tally rows with it. Whatever order a transaction deletes the tables in — Django's
flush of a test database on SQLite deletes them in the order of a Python set; an administrator
or a script may delete members before their ratings (the foreign keys are checked at commit)
— no tally row is ever written for a unit that is gone, and after every statement the tallies
are the recount of what is left (``tests/web/test_members_tallies.py`` deletes in every order).
The second version (``nationsum2``) wrote a row for the unit of a rating even when the unit
was already deleted, and the flush failed at commit on the deferred foreign key.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = [
    "PG_TRIGGERS",
    "TALLY_FROM",
    "drop_triggers",
    "install_triggers",
    "recount_sql",
]

TALLY_FROM = dt.date(2020, 1, 1)  # months from here on have their own row; before, one bucket

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
# SQLite needs a WHERE in an INSERT … SELECT with an upsert (a parsing ambiguity): every
# SELECT below has one.
_RATING_UPSERT = (
    f"ON CONFLICT (organisation_id, year, rating) DO UPDATE SET total = {_RT}.total + "
    "excluded.total"
)
_UNIT_IS_THERE = f"EXISTS (SELECT 1 FROM {_ORG} o WHERE o.id = {{unit}})"
_COUNT_UPSERT = f"ON CONFLICT (organisation_id, month) DO UPDATE SET net = {_CT}.net + excluded.net"
_INTO_RT = f"INSERT INTO {_RT} (organisation_id, year, rating, total) "
_INTO_CT = f"INSERT INTO {_CT} (organisation_id, month, net) "


def _deltas(vendor: str, source: str, where: str) -> str:
    """Each affiliation of ``source`` (``where``) as +1 in its start's month, -1 in its end's."""
    bucket = _BUCKET[vendor]
    end = '"end"'
    return (
        f"SELECT organisation_id, {bucket.format(col='start')} AS month, 1 AS delta "
        f"FROM {source} AS s WHERE {where} UNION ALL "
        f"SELECT organisation_id, {bucket.format(col=end)}, -1 FROM {source} AS s "
        f"WHERE {end} IS NOT NULL AND {where}"
    )


# --- SQLite: one trigger per row ---------------------------------------------------------


def _rating_delta(row: str, sign: int) -> str:
    """Add ``sign`` to the rating ``row`` (NEW or OLD)'s row of its member's unit — if the
    member and the unit are there (else the rating is not counted, see the module's doc)."""
    return (
        f"{_INTO_RT}SELECT m.organisation_id, {row}.year, {row}.rating, {sign} "
        f"FROM {_MEMBER} m JOIN {_ORG} o ON o.id = m.organisation_id "
        f"WHERE m.id = {row}.member_id {_RATING_UPSERT}"
    )


def _member_moved(row: str, sign: str) -> str:
    """Add the ratings of the member ``row`` to (or, ``sign`` '-', take them from) ``row``'s
    unit, if that unit is there."""
    unit = _UNIT_IS_THERE.format(unit=f"{row}.organisation_id")
    return (
        f"{_INTO_RT}SELECT {row}.organisation_id, r.year, r.rating, {sign}COUNT(*) "
        f"FROM {_RATING} r WHERE r.member_id = {row}.id AND {unit} GROUP BY r.year, r.rating "
        f"{_RATING_UPSERT}"
    )


def _count_delta(row: str, column: str, sign: int) -> str:
    """Add ``sign`` to the month of ``row``'s ``column`` (start or end) of its unit, if the
    unit is there."""
    col = f'{row}."{column}"'
    unit = _UNIT_IS_THERE.format(unit=f"{row}.organisation_id")
    return (
        f"{_INTO_CT}SELECT {row}.organisation_id, {_BUCKET['sqlite'].format(col=col)}, {sign} "
        f"WHERE {col} IS NOT NULL AND {unit} {_COUNT_UPSERT}"
    )


def _unit_gone(row: str) -> list[str]:
    """A unit deleted takes its tally rows with it (what ``ON DELETE CASCADE`` would do)."""
    return [f"DELETE FROM {table} WHERE organisation_id = {row}.id" for table in (_RT, _CT)]


def _affiliation_in(row: str) -> list[str]:
    return [_count_delta(row, "start", 1), _count_delta(row, "end", -1)]


def _affiliation_out(row: str) -> list[str]:
    return [_count_delta(row, "start", -1), _count_delta(row, "end", 1)]


_RATING_CHANGED = "member_id, year, rating"
_AFF_CHANGED = 'organisation_id, start, "end"'


def _sqlite_triggers() -> list[str]:
    def body(statements: list[str]) -> str:
        return "BEGIN " + "; ".join(statements) + "; END"

    def differs(columns: str) -> str:
        return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns.split(", "))

    return [
        f"CREATE TRIGGER member_rating_tally_insert AFTER INSERT ON {_RATING} "
        + body([_rating_delta("NEW", 1)]),
        f"CREATE TRIGGER member_rating_tally_delete AFTER DELETE ON {_RATING} "
        + body([_rating_delta("OLD", -1)]),
        f"CREATE TRIGGER member_rating_tally_update AFTER UPDATE OF {_RATING_CHANGED} "
        f"ON {_RATING} WHEN {differs(_RATING_CHANGED)} "
        + body([_rating_delta("OLD", -1), _rating_delta("NEW", 1)]),
        f"CREATE TRIGGER member_rating_tally_move AFTER UPDATE OF organisation_id ON {_MEMBER} "
        "WHEN OLD.organisation_id IS NOT NEW.organisation_id "
        + body([_member_moved("OLD", "-"), _member_moved("NEW", "")]),
        # a member deleted before their ratings (a raw delete; the foreign keys are checked at
        # commit): the ratings leave the tally with the member, and their own delete later
        # finds no member. Django deletes the ratings first, so this finds none.
        f"CREATE TRIGGER member_rating_tally_member_gone AFTER DELETE ON {_MEMBER} "
        + body([_member_moved("OLD", "-")]),
        f"CREATE TRIGGER member_tally_unit_gone AFTER DELETE ON {_ORG} " + body(_unit_gone("OLD")),
        f"CREATE TRIGGER member_count_tally_insert AFTER INSERT ON {_AFF} "
        + body(_affiliation_in("NEW")),
        f"CREATE TRIGGER member_count_tally_delete AFTER DELETE ON {_AFF} "
        + body(_affiliation_out("OLD")),
        f"CREATE TRIGGER member_count_tally_update AFTER UPDATE OF {_AFF_CHANGED} ON {_AFF} "
        f"WHEN {differs(_AFF_CHANGED)} " + body(_affiliation_out("OLD") + _affiliation_in("NEW")),
    ]


_SQLITE_NAMES = [
    "member_rating_tally_insert",
    "member_rating_tally_delete",
    "member_rating_tally_update",
    "member_rating_tally_move",
    "member_rating_tally_member_gone",
    "member_tally_unit_gone",
    "member_count_tally_insert",
    "member_count_tally_delete",
    "member_count_tally_update",
]
# the withdrawn first version's trigger on the organisations' paths (every unit above
# counted): dropped wherever it was installed, never created again
_WITHDRAWN = ("member_tally_unit_moved", _ORG)


# --- PostgreSQL: one trigger per statement, over its transition tables ---------------------


def _pg_function(name: str, body: list[str]) -> str:
    statements = "".join(f"  {sql};\n" for sql in body)
    return f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
BEGIN
{statements}  RETURN NULL;
END $$ LANGUAGE plpgsql"""


def _pg_ratings(source: str, sign: str) -> str:
    """The ratings of ``source`` (a transition table or a sub-query), grouped by their
    member's unit, added with ``sign`` ('' or '-')."""
    return (
        f"{_INTO_RT}SELECT m.organisation_id, r.year, r.rating, {sign}COUNT(*) "
        f"FROM {source} r JOIN {_MEMBER} m ON m.id = r.member_id "
        f"JOIN {_ORG} o ON o.id = m.organisation_id WHERE true "
        f"GROUP BY m.organisation_id, r.year, r.rating {_RATING_UPSERT}"
    )


def _pg_counts(source: str, sign: str) -> str:
    """The affiliations of ``source`` as month deltas of their units, added with ``sign``."""
    return (
        f"{_INTO_CT}SELECT d.organisation_id, d.month, {sign}SUM(d.delta) "
        f"FROM ({_deltas('postgresql', source, 'true')}) AS d "
        f"JOIN {_ORG} o ON o.id = d.organisation_id WHERE true "
        f"GROUP BY d.organisation_id, d.month HAVING SUM(d.delta) <> 0 {_COUNT_UPSERT}"
    )


def _changed(columns: str) -> str:
    """The rows an UPDATE changed in one of ``columns``: old (x) and new (y) side by side."""
    differs = " OR ".join(f"x.{c} IS DISTINCT FROM y.{c}" for c in columns.split(", "))
    return f"old_rows x JOIN new_rows y ON y.id = x.id WHERE {differs}"


def _pg_member_moved() -> list[str]:
    """Members whose unit changed: their ratings leave the old unit and join the new."""
    moved = (
        "(SELECT x.id, x.organisation_id AS old_unit, y.organisation_id AS new_unit "
        f"FROM {_changed('organisation_id')})"
    )
    return [
        f"{_INTO_RT}SELECT c.{unit}, r.year, r.rating, {sign}COUNT(*) FROM {moved} c "
        f"JOIN {_RATING} r ON r.member_id = c.id JOIN {_ORG} o ON o.id = c.{unit} WHERE true "
        f"GROUP BY c.{unit}, r.year, r.rating {_RATING_UPSERT}"
        for sign, unit in (("-", "old_unit"), ("", "new_unit"))
    ]


# a member deleted before their ratings: the ratings leave the tally with the member
_PG_MEMBER_GONE = (
    f"{_INTO_RT}SELECT x.organisation_id, r.year, r.rating, -COUNT(*) FROM old_rows x "
    f"JOIN {_RATING} r ON r.member_id = x.id JOIN {_ORG} o ON o.id = x.organisation_id "
    f"WHERE true GROUP BY x.organisation_id, r.year, r.rating {_RATING_UPSERT}"
)


_PG_FUNCTIONS = {
    "member_rating_tally_insert": [_pg_ratings("new_rows", "")],
    "member_rating_tally_delete": [_pg_ratings("old_rows", "-")],
    "member_rating_tally_update": [
        _pg_ratings(f"(SELECT x.* FROM {_changed(_RATING_CHANGED)})", "-"),
        _pg_ratings(f"(SELECT y.* FROM {_changed(_RATING_CHANGED)})", ""),
    ],
    "member_rating_tally_move": _pg_member_moved(),
    "member_rating_tally_member_gone": [_PG_MEMBER_GONE],
    "member_tally_unit_gone": [
        f"DELETE FROM {table} t USING old_rows x WHERE t.organisation_id = x.id"
        for table in (_RT, _CT)
    ],
    # TRUNCATE fires no delete trigger: a truncated table leaves nothing to count
    "member_rating_tally_truncated": [f"DELETE FROM {_RT}"],
    "member_count_tally_truncated": [f"DELETE FROM {_CT}"],
    "member_count_tally_insert": [_pg_counts("new_rows", "")],
    "member_count_tally_delete": [_pg_counts("old_rows", "-")],
    "member_count_tally_update": [
        _pg_counts(f"(SELECT x.* FROM {_changed(_AFF_CHANGED)})", "-"),
        _pg_counts(f"(SELECT y.* FROM {_changed(_AFF_CHANGED)})", ""),
    ],
}
_REFERENCING = {
    "INSERT": "REFERENCING NEW TABLE AS new_rows",
    "DELETE": "REFERENCING OLD TABLE AS old_rows",
    "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "TRUNCATE": "",
}
# (trigger, table, event) on PostgreSQL: one trigger per statement, not per row, reading the
# statement's rows from its transition tables — a bulk insert of 100.000 ratings is one
# grouped upsert. None on the organisations: a unit's rows do not depend on its path.
PG_TRIGGERS = [
    ("member_rating_tally_insert", _RATING, "INSERT"),
    ("member_rating_tally_delete", _RATING, "DELETE"),
    ("member_rating_tally_update", _RATING, "UPDATE"),
    ("member_rating_tally_move", _MEMBER, "UPDATE"),
    ("member_rating_tally_member_gone", _MEMBER, "DELETE"),
    ("member_tally_unit_gone", _ORG, "DELETE"),
    ("member_count_tally_insert", _AFF, "INSERT"),
    ("member_count_tally_delete", _AFF, "DELETE"),
    ("member_count_tally_update", _AFF, "UPDATE"),
]
# (trigger, function, table): a TRUNCATE of a counted table (PostgreSQL's flush truncates every
# table at once; a script might truncate one) empties the tally it feeds
_PG_TRUNCATES = [
    ("member_rating_tally_truncated_r", "member_rating_tally_truncated", _RATING),
    ("member_rating_tally_truncated_m", "member_rating_tally_truncated", _MEMBER),
    ("member_count_tally_truncated_a", "member_count_tally_truncated", _AFF),
    ("member_rating_tally_truncated_o", "member_rating_tally_truncated", _ORG),
    ("member_count_tally_truncated_o", "member_count_tally_truncated", _ORG),
]


def _pg_triggers() -> list[str]:
    out = [_pg_function(name, body) for name, body in _PG_FUNCTIONS.items()]
    out += [
        f"CREATE TRIGGER {name} AFTER {event} ON {table} {_REFERENCING[event]} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        for name, table, event in PG_TRIGGERS
    ]
    out += [
        f"CREATE TRIGGER {name} AFTER TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
        for name, function, table in _PG_TRUNCATES
    ]
    return out


def _drops(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {name}" for name in [*_SQLITE_NAMES, _WITHDRAWN[0]]]
    if vendor == "postgresql":
        triggers = [
            *((t, table) for t, table, _ in PG_TRIGGERS),
            *((t, table) for t, _, table in _PG_TRUNCATES),
            _WITHDRAWN,
        ]
        return [f"DROP TRIGGER IF EXISTS {t} ON {table}" for t, table in triggers] + [
            f"DROP FUNCTION IF EXISTS {name}()" for name in [*_PG_FUNCTIONS, _WITHDRAWN[0]]
        ]
    raise NotImplementedError(f"no member tally triggers for {vendor}")


def install_triggers(schema_editor: Any) -> None:
    """Create the triggers (migration ``members.0002``), dropping any earlier ones first."""
    vendor = schema_editor.connection.vendor
    creates = _sqlite_triggers() if vendor == "sqlite" else _pg_triggers()
    for sql in [*_drops(vendor), *creates]:
        schema_editor.execute(sql, params=None)


def drop_triggers(schema_editor: Any) -> None:
    for sql in _drops(schema_editor.connection.vendor):
        schema_editor.execute(sql, params=None)


def recount_sql(vendor: str) -> list[str]:
    """Both tallies counted from the records, per unit."""
    return [
        f"DELETE FROM {_RT}",
        f"{_INTO_RT}SELECT m.organisation_id, r.year, r.rating, COUNT(*) FROM {_RATING} r "
        f"JOIN {_MEMBER} m ON m.id = r.member_id JOIN {_ORG} o ON o.id = m.organisation_id "
        "GROUP BY m.organisation_id, r.year, r.rating",
        f"DELETE FROM {_CT}",
        f"{_INTO_CT}SELECT d.organisation_id, d.month, SUM(d.delta) "
        f"FROM ({_deltas(vendor, _AFF, 'true')}) AS d JOIN {_ORG} o ON o.id = d.organisation_id "
        "GROUP BY d.organisation_id, d.month HAVING SUM(d.delta) <> 0",
    ]
