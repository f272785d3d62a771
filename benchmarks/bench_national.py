"""National scale on PostgreSQL: build, disk, live roll-ups and compositions against size.

For each fraction F of the whole Party (``CAPUY_BENCH_NATIONAL_FRACTIONS``, default
"0.01,0.0333,0.1" — keep the largest last, it is the heavy one) a fresh database is filled by
``capuy.stats.national.generate_national(F)`` (COPY), then measured in a child process:
build time, rows, ``pg_database_size``, live roll-ups (``capuy.indicators.rollup.rollup``) on
300 sampled (indicator, subtree, period) — subtrees from the nation down to cells — beside the
naive baseline (``benchmarks.rollup_naive``, on the first ``CAPUY_BENCH_NATIONAL_NAIVE``
samples, default all), and the dashboard's figures and the monthly report
(``capuy.reports.compose.compose``) of a province and of the nation. Then each figure is fitted
against the number of members (least squares, y = a + b·n, and the power law y = c·n^k through
the points) and read at the full size (5,6 million): an extrapolation of three points, no more.

``CAPUY_BENCH_NATIONAL_KEEP=1`` keeps the databases (``capuy_national_<F × 10.000>``);
``CAPUY_BENCH_NATIONAL_REUSE=1`` times the kept ones again without building (build: nan).

PostgreSQL: ``CAPUY_BENCH_DATABASE_URL`` (a server whose user may create databases), else a
throw-away cluster started here (as ``bench_search`` does).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_P95_MS = 500.0
FULL_MEMBERS = 5_600_000


def _fractions() -> list[float]:
    raw = os.environ.get("CAPUY_BENCH_NATIONAL_FRACTIONS", "0.01,0.0333,0.1")
    return [float(x) for x in raw.split(",") if x.strip()]


def _with_db(url: str, name: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


def _admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)


def main() -> None:
    url = os.environ.get("CAPUY_BENCH_DATABASE_URL", "")
    stop = None
    tmp = Path(tempfile.mkdtemp(prefix="capuy-bench-national-"))
    if not url:
        from benchmarks.bench_search import _start_postgres

        url, stop = _start_postgres(tmp)
    results = []
    reuse = bool(os.environ.get("CAPUY_BENCH_NATIONAL_REUSE"))
    try:
        for fraction in _fractions():
            name = f"capuy_national_{round(fraction * 10000)}"
            if not reuse:
                _admin(url, f"DROP DATABASE IF EXISTS {name}")
                _admin(url, f"CREATE DATABASE {name}")
            env = {**os.environ, "DJANGO_SETTINGS_MODULE": "capuy.web.settings"}
            env["CAPUY_DATABASE_URL"] = _with_db(url, name)
            env["CAPUY_DATA_DIR"] = str(tmp / name)
            out = subprocess.run(
                [sys.executable, "-m", "benchmarks.bench_national", "--child", str(fraction)],
                env=env,
                check=True,
                stdout=subprocess.PIPE,
                text=True,
            ).stdout
            for line in out.splitlines():
                if line.startswith("RESULT "):
                    results.append(json.loads(line.removeprefix("RESULT ")))
                else:
                    print(line)
            if not (reuse or os.environ.get("CAPUY_BENCH_NATIONAL_KEEP")):
                _admin(url, f"DROP DATABASE IF EXISTS {name}")
    finally:
        if stop is not None:
            stop()
    _curve(results)


def _fit(xs: list[float], ys: list[float], at: float) -> tuple[float, float]:
    """(linear least squares at ``at``, power law through the points at ``at``)."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else 0.0
    linear = my + slope * (at - mx)
    if min(ys) <= 0:
        return linear, float("nan")
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mlx, mly = sum(lx) / n, sum(ly) / n
    slxx = sum((x - mlx) ** 2 for x in lx)
    k = sum((x - mlx) * (y - mly) for x, y in zip(lx, ly, strict=True)) / slxx if slxx else 0.0
    return linear, math.exp(mly + k * (math.log(at) - mlx))


def _curve(results: list[dict]) -> None:
    if len(results) < 2:
        return
    keys = [
        ("build_s", "build (s)"),
        ("rows", "rows"),
        ("disk_mb", "disk (MB)"),
        ("live_p50", "roll-up p50 (ms)"),
        ("live_p95", "roll-up p95 (ms)"),
        ("naive_p95", "naive p95 (ms)"),
        ("dash_province_ms", "dashboard, province (ms)"),
        ("dash_nation_ms", "dashboard, nation (ms)"),
        ("report_province_ms", "report, province (ms)"),
        ("report_nation_ms", "report, nation (ms)"),
    ]
    xs = [float(r["members"]) for r in results]
    print("\nfigure against members (fits read at 5.600.000 members):")
    print(
        f"  {'figure':28}" + "".join(f"{int(x):>12,}" for x in xs) + f"{'linear':>14}{'power':>14}"
    )
    for key, label in keys:
        ys = [float(r[key]) for r in results]
        linear, power = _fit(xs, ys, FULL_MEMBERS)
        print(
            f"  {label:28}" + "".join(f"{y:12,.1f}" for y in ys) + f"{linear:14,.1f}{power:14,.1f}"
        )


def _child(fraction: float) -> None:  # noqa: PLR0915 - one linear measurement script
    import datetime as dt
    import random
    import statistics

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from benchmarks.rollup_naive import make_naive, same, sample_query
    from capuy.indicators.models import Indicator
    from capuy.indicators.rollup import rollup
    from capuy.indicators.views import dashboard_figures
    from capuy.members.models import Member
    from capuy.orgs.models import Organisation
    from capuy.reports.compose import compose
    from capuy.stats.national import generate_national

    load = os.getloadavg()
    if os.environ.get("CAPUY_BENCH_NATIONAL_REUSE"):  # kept from an earlier run: time again
        root = Organisation.objects.get(kind="toan_dang", parent=None)
        built = float("nan")
    else:
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        root = generate_national(fraction)
        built = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        (disk,) = cursor.fetchone()
        cursor.execute(
            "SELECT sum(n_live_tup) FROM pg_stat_user_tables"
        )  # after ANALYZE: live rows of every table
        (rows,) = cursor.fetchone()
    members = Member.objects.count()
    print(
        f"F = {fraction}: built in {built:.1f} s, {members:,} members, {int(rows):,} rows, "
        f"{disk / 1e6:,.0f} MB (load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})"
    )
    by_depth: dict[int, list[Organisation]] = {}
    for org in Organisation.objects.only("pk", "path", "name", "parent_id"):
        by_depth.setdefault(min(org.path.count("/") - 2, 3), []).append(org)
    indicators = list(Indicator.objects.select_related("numerator", "denominator", "weight"))
    naive = make_naive(root)
    rng = random.Random(7)
    samples = int(os.environ.get("CAPUY_BENCH_SAMPLES", "300"))
    naive_n = int(os.environ.get("CAPUY_BENCH_NATIONAL_NAIVE", str(samples)))
    live_ms: list[float] = []
    naive_ms: list[float] = []
    slow: list[tuple[float, str]] = []
    mismatches = 0
    for i in range(samples):  # depths: nation, province, commune, below
        depth, unit, months, start, end, indicator = sample_query(rng, by_depth, indicators)
        t0 = time.perf_counter()
        live = rollup(indicator, unit, start, end)
        live_ms.append((time.perf_counter() - t0) * 1000)
        slow.append((live_ms[-1], f"{indicator.code} depth {depth} {months} months"))
        if i < naive_n:
            t1 = time.perf_counter()
            base = naive(indicator, unit, start, end)
            naive_ms.append((time.perf_counter() - t1) * 1000)
            mismatches += not same(live, base)

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[18]

    def dashboard(org: Organisation) -> None:
        """The indicators dashboard's figures for a year: the view's own function, less the
        template (one query per roll-up rule, the statements' counts shared)."""
        start, end = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
        dashboard_figures(org, start, end, "ket_nap", (dt.date(2024, 12, 1), end))

    def timed(run: object) -> float:
        """The second of two runs (the first warms the caches: rows, plans, templates)."""
        run()  # type: ignore[operator]
        t0 = time.perf_counter()
        run()  # type: ignore[operator]
        return (time.perf_counter() - t0) * 1000

    province = by_depth[1][0]
    figures = {
        "dash_province_ms": timed(lambda: dashboard(province)),
        "dash_nation_ms": timed(lambda: dashboard(root)),
        "report_province_ms": timed(lambda: compose(province, "monthly", "2024-02")),
        "report_nation_ms": timed(lambda: compose(root, "monthly", "2024-02")),
    }
    live95 = p95(live_ms)
    print(
        f"  roll-ups: {samples} samples, live p50 {statistics.median(live_ms):.1f} ms, "
        f"p95 {live95:.1f} ms, max {max(live_ms):.1f} ms; naive ({len(naive_ms)} samples) "
        f"p50 {statistics.median(naive_ms):.1f} ms, p95 {p95(naive_ms):.1f} ms; same values "
        f"{len(naive_ms) - mismatches}/{len(naive_ms)}; target p95 < {TARGET_P95_MS:.0f} ms: "
        f"{'met' if live95 < TARGET_P95_MS else 'NOT met'}"
    )
    print("  slowest: " + "; ".join(f"{ms:.0f} ms {what}" for ms, what in sorted(slow)[-5:]))
    print(
        "  dashboard figures: province "
        f"{figures['dash_province_ms']:.0f} ms, nation {figures['dash_nation_ms']:.0f} ms; "
        f"monthly report: province {figures['report_province_ms']:.0f} ms, "
        f"nation {figures['report_nation_ms']:.0f} ms"
    )
    result = {
        "fraction": fraction,
        "members": members,
        "rows": int(rows),
        "build_s": built,
        "disk_mb": disk / 1e6,
        "live_p50": statistics.median(live_ms),
        "live_p95": live95,
        "naive_p95": p95(naive_ms),
        **figures,
    }
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    if "--child" in sys.argv:
        _child(float(sys.argv[sys.argv.index("--child") + 1]))
    else:
        main()
