"""The nation's member figures three ways on one kept national database, in one run (issue 17,
``docs/national.md``, BENCHMARKS.md "nationsum2").

Needs a database built by ``capuy synth --scale national --fraction F`` on PostgreSQL
(``CAPUY_DATABASE_URL``). For the nation, the first province, one commune and one cell, the
median of ``CAPUY_BENCH_REPEAT`` (default 7) runs after a warm one, in ms, of:

- **live**: what the statements counted before any tally — ``members_at(unit, day).count()``
  and the members' ratings of the year as two filtered counts;
- **per unit** (the code now, ``capuy.members.tallies``): the subtree's units' tally rows,
  found through the units' paths, plus the day's month read live;
- **ancestor rows** (the withdrawn first version): one row per unit *and every unit above
  it*, read as that version read it (``organisation = unit``). The rows are built here, in a
  temporary table, from the per-unit rows (what its triggers kept), so the database is the
  same for all three.

All three must give the same figures (checked). Then the write side, each in a transaction
rolled back: ``bulk_create_level`` of ``CAPUY_BENCH_UNITS`` (default 3.000) new cells under
one commune — what the synthetic generators do — with the triggers of now (none on the
organisations), and, if ``CAPUY_BENCH_OLD_TALLY_SQL`` names a copy of the withdrawn
``tally_sql.py`` (``git show 41b60f5:capuy/members/tally_sql.py``), with its trigger on the
organisations' paths installed, under a ``statement_timeout`` of
``CAPUY_BENCH_OLD_TIMEOUT_S`` (default 120) seconds.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import statistics
import time
from collections.abc import Callable

DAY, YEAR = dt.date(2024, 12, 31), 2024
_ANCESTOR_TABLES = """
CREATE TEMP TABLE anc_rating AS
  SELECT a.id AS organisation_id, t.year, t.rating, SUM(t.total) AS total
  FROM members_memberratingtally t JOIN orgs_organisation o ON o.id = t.organisation_id,
       unnest(string_to_array(trim(both '/' from o.path), '/')::bigint[]) AS a(id)
  GROUP BY a.id, t.year, t.rating;
CREATE UNIQUE INDEX ON anc_rating (organisation_id, year, rating);
CREATE TEMP TABLE anc_count AS
  SELECT a.id AS organisation_id, t.month, SUM(t.net) AS net
  FROM members_membercounttally t JOIN orgs_organisation o ON o.id = t.organisation_id,
       unnest(string_to_array(trim(both '/' from o.path), '/')::bigint[]) AS a(id)
  GROUP BY a.id, t.month;
CREATE UNIQUE INDEX ON anc_count (organisation_id, month);
ANALYZE anc_rating; ANALYZE anc_count;
"""


def _median_ms(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    value = run()  # warm: rows, plans
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = run()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), value


def main() -> None:  # noqa: PLR0915 - one linear measurement script
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capuy.web.settings")
    django.setup()
    from django.db import connection
    from django.db.models import Count, Q

    from capuy.members.models import Affiliation, MemberRating
    from capuy.members.services import members_at
    from capuy.members.tallies import GOOD_RATINGS, member_count_at, rating_counts
    from capuy.orgs.models import Organisation

    if connection.vendor != "postgresql":
        raise SystemExit("bench nationsum: a national database on PostgreSQL is needed")
    root = Organisation.objects.get(kind="toan_dang", parent=None)
    province = Organisation.objects.filter(parent=root).order_by("tree_key").first()
    assert province is not None
    commune = Organisation.objects.filter(parent=province).order_by("tree_key").first()
    assert commune is not None
    cell = Organisation.objects.get(
        pk=Affiliation.objects.values("organisation").first()["organisation"]
    )  # type: ignore[index]
    repeat = int(os.environ.get("CAPUY_BENCH_REPEAT", "7"))
    load = os.getloadavg()
    counts = (
        Affiliation.objects.count(),
        MemberRating.objects.count(),
        Organisation.objects.count(),
    )
    print(
        f"{counts[0]:,} affiliations, {counts[1]:,} member ratings, {counts[2]:,} units; "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT count(*) FROM members_memberratingtally), "
            "(SELECT count(*) FROM members_membercounttally)"
        )
        per_unit_rows = cursor.fetchone()
        t0 = time.perf_counter()
        cursor.execute(_ANCESTOR_TABLES)
        built = time.perf_counter() - t0
        cursor.execute("SELECT (SELECT count(*) FROM anc_rating), (SELECT count(*) FROM anc_count)")
        anc_rows = cursor.fetchone()
    print(
        f"tally rows: per unit {per_unit_rows[0]:,} ratings + {per_unit_rows[1]:,} months; "
        f"with the units above {anc_rows[0]:,} + {anc_rows[1]:,} (built in {built:.1f} s)"
    )

    def live_ratings(unit: Organisation) -> tuple[int, int]:
        n = MemberRating.objects.filter(
            year=YEAR, member__organisation__path__startswith=unit.path
        ).aggregate(total=Count("pk"), good=Count("pk", filter=Q(rating__in=GOOD_RATINGS)))
        return n["total"], n["good"]

    def tally_ratings(unit: Organisation) -> tuple[int, int]:
        n = rating_counts(unit, YEAR)
        return n["total"], n["good"]

    def anc_ratings(unit: Organisation) -> tuple[int, int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COALESCE(SUM(total), 0), COALESCE(SUM(total) FILTER (WHERE rating IN "
                "(%s, %s)), 0) FROM anc_rating WHERE organisation_id = %s AND year = %s",
                [*GOOD_RATINGS, unit.pk, YEAR],
            )
            total, good = cursor.fetchone()
        return int(total), int(good)

    def anc_count(unit: Organisation) -> int:
        first = DAY.replace(day=1)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COALESCE(SUM(net), 0) FROM anc_count WHERE organisation_id = %s "
                "AND month < %s",
                [unit.pk, first],
            )
            (before,) = cursor.fetchone()
        started, ended = Q(start__gte=first, start__lte=DAY), Q(end__gte=first, end__lte=DAY)
        inside = Affiliation.objects.filter(
            started | ended, organisation__path__startswith=unit.path
        ).aggregate(started=Count("pk", filter=started), ended=Count("pk", filter=ended))
        return int(before) + inside["started"] - inside["ended"]

    ways: dict[str, dict[str, Callable[[Organisation], object]]] = {
        "member count at 31/12/2024": {
            "live": lambda u: members_at(u, DAY).count(),
            "per unit": lambda u: member_count_at(u, DAY),
            "ancestor rows": anc_count,
        },
        "ratings of 2024 (members)": {
            "live": live_ratings,
            "per unit": tally_ratings,
            "ancestor rows": anc_ratings,
        },
    }
    print("| unit | figure | live | per unit (now) | ancestor rows (withdrawn) | now ÷ live |")
    print("|---|---|---:|---:|---:|---:|")
    for label, unit in (
        ("nation", root),
        ("province", province),
        ("commune", commune),
        ("cell", cell),
    ):
        for figure, runs in ways.items():
            timed = {
                way: _median_ms(lambda r=run, u=unit: r(u), repeat)  # type: ignore[misc]
                for way, run in runs.items()
            }
            values = {timed[way][1] for way in timed}
            assert len(values) == 1, (label, figure, timed)
            ms = {way: timed[way][0] for way in timed}
            print(
                f"| {label} | {figure} = {values.pop()} | {ms['live']:.1f} | "
                f"{ms['per unit']:.1f} | {ms['ancestor rows']:.1f} | "
                f"{ms['per unit'] / ms['live']:.2f} |"
            )
    _writes(commune)


def _writes(commune: object) -> None:
    """``bulk_create_level`` of thousands of cells, rolled back: now, and with the withdrawn
    trigger on the organisations' paths."""
    from django.db import DatabaseError, connection, transaction

    from capuy.orgs.models import Organisation

    n = int(os.environ.get("CAPUY_BENCH_UNITS", "3000"))

    def create() -> float:
        rows = [
            Organisation(name=f"Chi bộ thử {i}", kind="chi_bo_truc_thuoc", parent=commune)
            for i in range(n)
        ]
        t0 = time.perf_counter()
        Organisation.objects.bulk_create_level(rows, batch_size=2000)
        return time.perf_counter() - t0

    class Rollback(Exception):
        pass

    def attempt(before: Callable[[], None]) -> str:
        result = ""
        try:
            with transaction.atomic():
                before()
                result = f"{create():.2f} s"
                raise Rollback
        except Rollback:
            pass
        except DatabaseError as error:  # the statement timeout
            result = f"cancelled: {str(error).splitlines()[0]}"
        return result

    print(f"bulk_create_level of {n:,} cells (rolled back): now {attempt(lambda: None)}")
    old_path = os.environ.get("CAPUY_BENCH_OLD_TALLY_SQL")
    if not old_path:
        return
    spec = importlib.util.spec_from_file_location("old_tally_sql", old_path)
    assert spec and spec.loader
    old = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(old)
    timeout = int(os.environ.get("CAPUY_BENCH_OLD_TIMEOUT_S", "120"))
    name = "member_tally_unit_moved"

    def install_old() -> None:
        with connection.cursor() as cursor:
            cursor.execute(old._pg_function(name, old._PG_FUNCTIONS[name]))
            cursor.execute(
                f"CREATE TRIGGER {name} AFTER UPDATE ON orgs_organisation REFERENCING OLD "
                f"TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE "
                f"FUNCTION {name}()"
            )
            cursor.execute(f"SET LOCAL statement_timeout = '{timeout}s'")

    print(f"  with the withdrawn path trigger (timeout {timeout} s): {attempt(install_old)}")
