"""The SQL of the members' tallies (``capuy.members.tallies``): the triggers that keep them on
SQLite (a trigger per row) and PostgreSQL (a trigger per statement, reading its transition
tables), and the recount, as text for each engine.

Each record counts under its unit and under every unit above it: the ids on the unit's
``path`` ("/1/4/17/" → 1, 4, 17; SQLite's ``json_each``, PostgreSQL's ``unnest``), so the
nation's figure is its own row. A unit whose path changes (moved in the tree) takes its own
records' share from the units on its old path and gives it to those on the new one.
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


def _deltas(vendor: str, source: str, where: str) -> str:
    """Each affiliation of ``source`` (``where``) as +1 in its start's month, -1 in its end's."""
    bucket = _BUCKET[vendor]
    return (
        f"SELECT organisation_id, {bucket.format(col='start')} AS month, 1 AS delta FROM {source} AS s "
        f"WHERE {where} UNION ALL SELECT organisation_id, {bucket.format(col=chr(34) + 'end' + chr(34))}, "
        f'-1 FROM {source} AS s WHERE "end" IS NOT NULL AND {where}'
    )


def _own_count(vendor: str, path: str, sign: str, unit: str) -> str:
    """The member-count changes of the unit ``unit``, added with ``sign`` over ``path``."""
    return (
        f"INSERT INTO {_CT} (organisation_id, month, net) "
        f"SELECT a.id, d.month, {sign}SUM(d.delta) FROM ({_deltas(vendor, _AFF, f'organisation_id = {unit}')}) AS d, "
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


def _pg_function(name: str, body: list[str]) -> str:
    statements = "".join(f"  {sql};\n" for sql in body)
    return f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
BEGIN
{statements}  RETURN NULL;
END $$ LANGUAGE plpgsql"""


_PG_ANCESTORS = _ANCESTORS["postgresql"]


def _pg_ratings(source: str, sign: str) -> str:
    """The ratings of ``source`` (a transition table or a sub-query), grouped, added with
    ``sign`` ('' or '-') to every unit over each rating's member."""
    return (
        f"INSERT INTO {_RT} (organisation_id, year, rating, total) "
        f"SELECT a.id, x.year, x.rating, {sign}COUNT(*) FROM {source} x "
        f"JOIN {_MEMBER} m ON m.id = x.member_id JOIN {_ORG} o ON o.id = m.organisation_id, "
        f"{_PG_ANCESTORS.format(path='o.path')} GROUP BY a.id, x.year, x.rating {_RATING_UPSERT}"
    )


def _pg_counts(source: str, sign: str, path: str = "o.path", join: str = "") -> str:
    """The affiliations of ``source``, as monthly changes, added with ``sign`` over their
    units (or over ``path`` of the row ``join`` brings)."""
    join = join or f"JOIN {_ORG} o ON o.id = d.organisation_id"
    return (
        f"INSERT INTO {_CT} (organisation_id, month, net) "
        f"SELECT a.id, d.month, {sign}SUM(d.delta) FROM ({_deltas('postgresql', source, 'true')}) "
        f"AS d {join}, {_PG_ANCESTORS.format(path=path)} GROUP BY a.id, d.month "
        f"HAVING SUM(d.delta) <> 0 {_COUNT_UPSERT}"
    )


def _changed(columns: str) -> str:
    """The rows an UPDATE changed in one of ``columns``: old (x) and new (y) side by side."""
    differs = " OR ".join(f"x.{c} IS DISTINCT FROM y.{c}" for c in columns.split(", "))
    return f"old_rows x JOIN new_rows y ON y.id = x.id WHERE {differs}"


def _pg_member_moved() -> list[str]:
    moved = (
        "(SELECT x.id, x.organisation_id AS old_unit, y.organisation_id AS new_unit "
        f"FROM {_changed('organisation_id')})"
    )
    return [
        f"INSERT INTO {_RT} (organisation_id, year, rating, total) "
        f"SELECT a.id, r.year, r.rating, {sign}COUNT(*) FROM {moved} c "
        f"JOIN {_RATING} r ON r.member_id = c.id JOIN {_ORG} o ON o.id = c.{unit}, "
        f"{_PG_ANCESTORS.format(path='o.path')} GROUP BY a.id, r.year, r.rating {_RATING_UPSERT}"
        for sign, unit in (("-", "old_unit"), ("", "new_unit"))
    ]


def _pg_units_moved() -> list[str]:
    """Each unit whose path changed: its own share from the old path's units to the new's."""
    moved = f"(SELECT x.id, x.path AS old_path, y.path AS new_path FROM {_changed('path')})"
    out = []
    for sign, path in (("-", "c.old_path"), ("", "c.new_path")):
        out.append(
            f"INSERT INTO {_RT} (organisation_id, year, rating, total) "
            f"SELECT a.id, r.year, r.rating, {sign}COUNT(*) FROM {moved} c "
            f"JOIN {_MEMBER} m ON m.organisation_id = c.id JOIN {_RATING} r ON r.member_id = m.id, "
            f"{_PG_ANCESTORS.format(path=path)} GROUP BY a.id, r.year, r.rating {_RATING_UPSERT}"
        )
        out.append(
            _pg_counts(
                f"(SELECT * FROM {_AFF} WHERE organisation_id IN (SELECT id FROM {moved} m))",
                sign,
                path,
                f"JOIN {moved} c ON c.id = d.organisation_id",
            )
        )
    return out


_PG_FUNCTIONS = {
    "member_rating_tally_insert": [_pg_ratings("new_rows", "")],
    "member_rating_tally_delete": [_pg_ratings("old_rows", "-")],
    "member_rating_tally_update": [
        _pg_ratings(f"(SELECT x.* FROM {_changed(_RATING_CHANGED)})", "-"),
        _pg_ratings(f"(SELECT y.* FROM {_changed(_RATING_CHANGED)})", ""),
    ],
    "member_rating_tally_move": _pg_member_moved(),
    "member_count_tally_insert": [_pg_counts("new_rows", "")],
    "member_count_tally_delete": [_pg_counts("old_rows", "-")],
    "member_count_tally_update": [
        _pg_counts(f"(SELECT x.* FROM {_changed(_AFF_CHANGED)})", "-"),
        _pg_counts(f"(SELECT y.* FROM {_changed(_AFF_CHANGED)})", ""),
    ],
    "member_tally_unit_moved": _pg_units_moved(),
}
_REFERENCING = {
    "INSERT": "REFERENCING NEW TABLE AS new_rows",
    "DELETE": "REFERENCING OLD TABLE AS old_rows",
    "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
}
# (trigger, table, event) on PostgreSQL: one trigger per statement, not per row, reading the
# statement's rows from its transition tables — a bulk insert of 100.000 ratings is one
# grouped upsert, not 100.000 × the units above each (which rewrote the nation's row each time)
PG_TRIGGERS = [
    ("member_rating_tally_insert", _RATING, "INSERT"),
    ("member_rating_tally_delete", _RATING, "DELETE"),
    ("member_rating_tally_update", _RATING, "UPDATE"),
    ("member_rating_tally_move", _MEMBER, "UPDATE"),
    ("member_count_tally_insert", _AFF, "INSERT"),
    ("member_count_tally_delete", _AFF, "DELETE"),
    ("member_count_tally_update", _AFF, "UPDATE"),
    ("member_tally_unit_moved", _ORG, "UPDATE"),
]


def _pg_triggers() -> list[str]:
    out = [_pg_function(name, body) for name, body in _PG_FUNCTIONS.items()]
    out += [
        f"CREATE TRIGGER {name} AFTER {event} ON {table} {_REFERENCING[event]} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        for name, table, event in PG_TRIGGERS
    ]
    return out


def _statements(vendor: str, drop: bool) -> list[str]:
    if vendor == "sqlite":
        if drop:
            return [f"DROP TRIGGER IF EXISTS {name}" for name in _SQLITE_NAMES]
        return _sqlite_triggers()
    if vendor == "postgresql":
        if drop:
            return [f"DROP TRIGGER IF EXISTS {t} ON {table}" for t, table, _ in PG_TRIGGERS] + [
                f"DROP FUNCTION IF EXISTS {name}()" for name in _PG_FUNCTIONS
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


def recount_sql(vendor: str) -> list[str]:
    ancestors = _ANCESTORS[vendor].format(path="o.path")
    statements = [
        f"DELETE FROM {_RT}",
        f"INSERT INTO {_RT} (organisation_id, year, rating, total) "
        f"SELECT a.id, r.year, r.rating, COUNT(*) FROM {_RATING} r "
        f"JOIN {_MEMBER} m ON m.id = r.member_id JOIN {_ORG} o ON o.id = m.organisation_id, "
        f"{ancestors} GROUP BY a.id, r.year, r.rating",
        f"DELETE FROM {_CT}",
        f"INSERT INTO {_CT} (organisation_id, month, net) "
        f"SELECT a.id, d.month, SUM(d.delta) FROM ({_deltas(vendor, _AFF, 'true')}) AS d "
        f"JOIN {_ORG} o ON o.id = d.organisation_id, {ancestors} GROUP BY a.id, d.month",
    ]
    return [_on(vendor, sql) for sql in statements]
