"""A second, coarse copy of the members' tallies on PostgreSQL: the per-unit rows summed per
*coarse unit* — the unit's ancestor two levels below the top of its tree (a commune under the
nation's province, a cell under the town's ward), or the unit itself above that level — so the
nation reads ~3.400 communes' rows instead of ~250.000 units' (issue 17, ``docs/national.md``,
"natsum4").

Why a copy of the per-unit tallies and not of the records: every rule about which record
counts where (a rating under its member's current unit; an affiliation only under an existing
unit; any order of deletes, ``docs/national.md``) already lives in the per-unit triggers
(``capuy.members.tally_sql``). The coarse rows mirror the per-unit *rows*, statement by
statement, in the same transaction, so they are never stale and need no rule of their own:

- a per-unit row inserted, changed or deleted adds its difference to its unit's coarse row;
- a unit whose coarse unit changes (moved to another commune, or the new units
  ``bulk_create_level`` gives their paths) carries its per-unit rows' sums from the old coarse
  row to the new one — one join per statement on the units that changed, nothing at all for
  a unit without rows;
- a unit deleted takes its per-unit rows' sums out first (named to fire before
  ``member_tally_unit_gone``, PostgreSQL fires a table's triggers in name order), and a coarse
  unit deleted takes its coarse rows;
- a TRUNCATE of the units or of a per-unit tally empties the coarse tallies.

The invariant after every statement: a coarse row is the sum of the per-unit rows of the
existing units under an existing coarse unit. No foreign key (no row can fail a deferred check
at commit). A write locks only its own commune's coarse rows — a commune's office is their
only writer, so no row is shared across offices (``docs/decisions.md``).

SQLite (the embedded town or province) keeps the simple path: the per-unit rows, read through
the units' paths; it has no coarse tables.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "COARSE_DEPTH",
    "COUNT_COARSE",
    "RATING_COARSE",
    "coarse_recount_sql",
    "drop_coarse",
    "install_coarse",
]

COARSE_DEPTH = 2  # the tree's top is depth 0: the nation → province (1) → commune (2)
_ORG = "orgs_organisation"
_RT, _CT = "members_memberratingtally", "members_membercounttally"
RATING_COARSE, COUNT_COARSE = "members_memberratingcoarse", "members_membercountcoarse"
# (per-unit tally, its coarse copy, its key columns beyond the unit, its measure)
_PAIRS = ((_RT, RATING_COARSE, ("year", "rating"), "total"), (_CT, COUNT_COARSE, ("month",), "net"))


def coarse_of(alias: str) -> str:
    """SQL: the coarse unit of the unit row ``alias`` — the fourth field of its path
    ('/1/4/17/…' → 17), else (a unit above that level) the unit itself."""
    return f"COALESCE(NULLIF(split_part({alias}.path, '/', 4), '')::bigint, {alias}.id)"


def _add(pair: tuple[Any, ...], rows: str, sign: str, unit: str) -> str:
    """Upsert into the coarse table the sums of ``rows`` (per-unit rows ``r`` joined to their
    unit as ``u``: ``rows`` names the FROM/JOIN text), times ``sign``, under the coarse unit
    of ``unit`` (an alias), if that coarse unit exists."""
    tally, coarse, keys, measure = pair
    cols = ", ".join(f"r.{k}" for k in keys)
    upsert = (
        f"ON CONFLICT (coarse_id, {', '.join(keys)}) DO UPDATE SET "
        f"{measure} = {coarse}.{measure} + excluded.{measure}"
    )
    return (
        f"INSERT INTO {coarse} (coarse_id, {', '.join(keys)}, {measure}) "
        f"SELECT c.id, {cols}, {sign}SUM(r.{measure}) FROM {rows} "
        f"JOIN {_ORG} c ON c.id = {coarse_of(unit)} "
        f"GROUP BY c.id, {cols} {upsert}"
    )


def _mirror(pair: tuple[Any, ...]) -> dict[str, list[str]]:
    """The functions that copy a per-unit tally's statements into its coarse table."""
    tally, coarse, _, _ = pair
    short = tally.removeprefix("members_member")
    joined = f"{{t}} r JOIN {_ORG} u ON u.id = r.organisation_id"
    return {
        f"member_coarse_{short}_insert": [_add(pair, joined.format(t="new_rows"), "", "u")],
        f"member_coarse_{short}_delete": [_add(pair, joined.format(t="old_rows"), "-", "u")],
        f"member_coarse_{short}_update": [
            _add(pair, joined.format(t="old_rows"), "-", "u"),
            _add(pair, joined.format(t="new_rows"), "", "u"),
        ],
        f"member_coarse_{short}_truncated": [f"DELETE FROM {coarse}"],
    }


def _units_changed() -> dict[str, list[str]]:
    """The functions on the units: a unit's coarse unit changed, a unit deleted, TRUNCATE."""
    moved = (
        f"old_rows x JOIN new_rows y ON y.id = x.id AND {coarse_of('x')} <> {coarse_of('y')} "
        "JOIN {tally} r ON r.organisation_id = y.id"
    )
    gone = "old_rows u JOIN {tally} r ON r.organisation_id = u.id"
    return {
        "member_coarse_unit_moved": [
            sql
            for pair in _PAIRS
            for sql in (
                _add(pair, moved.format(tally=pair[0]), "-", "x"),
                _add(pair, moved.format(tally=pair[0]), "", "y"),
            )
        ],
        "member_coarse_unit_gone": [_add(p, gone.format(tally=p[0]), "-", "u") for p in _PAIRS]
        + [f"DELETE FROM {p[1]} k USING old_rows u WHERE k.coarse_id = u.id" for p in _PAIRS],
        "member_coarse_units_truncated": [f"DELETE FROM {p[1]}" for p in _PAIRS],
    }


def _functions() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for pair in _PAIRS:
        out.update(_mirror(pair))
    out.update(_units_changed())
    return out


_REFERENCING = {
    "INSERT": "REFERENCING NEW TABLE AS new_rows",
    "DELETE": "REFERENCING OLD TABLE AS old_rows",
    "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "TRUNCATE": "",
}


def _triggers() -> list[tuple[str, str, str]]:
    """(trigger = its function, table, event)."""
    out = []
    for tally, _, _, _ in _PAIRS:
        short = tally.removeprefix("members_member")
        for event in ("INSERT", "DELETE", "UPDATE"):
            out.append((f"member_coarse_{short}_{event.lower()}", tally, event))
        out.append((f"member_coarse_{short}_truncated", tally, "TRUNCATE"))
    out += [
        ("member_coarse_unit_moved", _ORG, "UPDATE"),
        ("member_coarse_unit_gone", _ORG, "DELETE"),
        ("member_coarse_units_truncated", _ORG, "TRUNCATE"),
    ]
    return out


def _tables() -> list[str]:
    return [
        f"CREATE TABLE IF NOT EXISTS {RATING_COARSE} (coarse_id bigint NOT NULL, "
        "year smallint NOT NULL, rating varchar(20) NOT NULL, total bigint NOT NULL, "
        "PRIMARY KEY (coarse_id, year, rating))",
        f"CREATE TABLE IF NOT EXISTS {COUNT_COARSE} (coarse_id bigint NOT NULL, "
        "month date NOT NULL, net bigint NOT NULL, PRIMARY KEY (coarse_id, month))",
    ]


def _create() -> list[str]:
    out = []
    for name, body in _functions().items():
        statements = "".join(f"  {sql};\n" for sql in body)
        out.append(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$\nBEGIN\n"
            f"{statements}  RETURN NULL;\nEND $$ LANGUAGE plpgsql"
        )
    out += [
        f"CREATE TRIGGER {name} AFTER {event} ON {table} {_REFERENCING[event]} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        for name, table, event in _triggers()
    ]
    return out


def _drops() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name} ON {table}" for name, table, _ in _triggers()] + [
        f"DROP FUNCTION IF EXISTS {name}()" for name in _functions()
    ]


def coarse_recount_sql() -> list[str]:
    """The coarse tallies summed again from the per-unit rows (set-based: one grouped insert
    each, the migration's backfill and ``rebuild_tallies``' last step)."""
    out = []
    for pair in _PAIRS:
        tally, coarse, _, _ = pair
        out.append(f"DELETE FROM {coarse}")
        out.append(_add(pair, f"{tally} r JOIN {_ORG} u ON u.id = r.organisation_id", "", "u"))
    return out


def install_coarse(schema_editor: Any) -> None:
    """PostgreSQL: the coarse tables, their triggers and one recount (migration
    ``members.0004``); SQLite: nothing."""
    if schema_editor.connection.vendor != "postgresql":
        return
    analyse = [f"ANALYZE {RATING_COARSE}", f"ANALYZE {COUNT_COARSE}"]
    for sql in [*_tables(), *_drops(), *_create(), *coarse_recount_sql(), *analyse]:
        schema_editor.execute(sql, params=None)


def drop_coarse(schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in [*_drops(), f"DROP TABLE IF EXISTS {RATING_COARSE}, {COUNT_COARSE}"]:
        schema_editor.execute(sql, params=None)
