"""Monthly roll-up of cell-meeting attendance and party dues for any unit, live.

Builds a province of cells in a throwaway SQLite database (``capuy.dues.synth``: 3.016 cells,
99.528 members, 12 months of meetings, invitations and dues entries — ~1,2 million of each),
then times, for random (unit, month) pairs from the province down to a cell, the handbook's
roll-up (``capuy.dues.book.rollup`` + ``capuy.handbook.stats.attendance_rollup``: the unit
and each unit directly below it, read from the per-cell monthly rows the application rewrites
in the same transaction as every change), beside a naive baseline in the same run: the same
table computed from the raw rows, one aggregate over the subtree's entries and invitations per
row of the table (what a report written without the monthly rows would do). Both must agree.

Runs in a child process so its database and settings never mix with another benchmark's.
Environment: ``CAPUY_BENCH_SAMPLES`` (default 200), ``CAPUY_BENCH_MONTHS`` (default 12).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_P95_MS = 100.0


def main() -> None:
    env = {k: v for k, v in os.environ.items() if k != "CAPUY_DATABASE_URL"}
    with tempfile.TemporaryDirectory(prefix="capuy-bench-handbook-") as data_dir:
        env["CAPUY_DATA_DIR"] = data_dir
        env["DJANGO_SETTINGS_MODULE"] = "capuy.web.settings"
        subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_handbook", "--child"], env=env, check=True
        )


def _child() -> None:
    import datetime as dt
    import random

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from capuy.dues.book import naive_rollup, rollup
    from capuy.dues.models import DuesEntry
    from capuy.dues.synth import generate_cells
    from capuy.handbook.models import Attendance
    from capuy.handbook.stats import attendance_rollup, naive_attendance
    from capuy.orgs.models import Organisation

    months = int(os.environ.get("CAPUY_BENCH_MONTHS", "12"))
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    root = generate_cells("province", months=months)
    built = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"province built in {built:.0f} s: {Organisation.objects.count():,} organisations, "
        f"{DuesEntry.objects.values('member').distinct().count():,} members, {months} months, "
        f"{DuesEntry.objects.count():,} dues entries, {Attendance.objects.count():,} invitations"
    )
    by_depth: dict[int, list[Organisation]] = {}
    for org in Organisation.objects.filter(path__startswith=root.path):
        by_depth.setdefault(org.path.count("/") - root.path.count("/"), []).append(org)
    month_list = sorted(set(DuesEntry.objects.values_list("month", flat=True)))

    def live(unit: Organisation, month: dt.date) -> list[tuple[int, ...]]:
        dues, att = rollup(unit, month), attendance_rollup(unit, month)
        rows = [(dues.members, dues.due, dues.paid, att.invited, att.present, att.excused)]
        for d, a in zip(dues.children, att.children, strict=True):
            rows.append((d.members, d.due, d.paid, a.invited, a.present, a.excused))
        return rows

    def naive(unit: Organisation, month: dt.date) -> list[tuple[int, ...]]:
        rows = []
        for u in [unit, *Organisation.objects.filter(parent=unit).order_by("path")]:
            rows.append((*naive_rollup(u, month), *naive_attendance(u, month)))
        return rows

    rng = random.Random(11)
    samples = int(os.environ.get("CAPUY_BENCH_SAMPLES", "200"))
    depth_weights = [(0, 10), (1, 20), (2, 35), (3, 35)]
    live_ms: list[float] = []
    naive_ms: list[float] = []
    by_depth_ms: dict[int, list[float]] = {}
    mismatches = 0
    for _ in range(samples):
        depth = rng.choices([d for d, _ in depth_weights], [w for _, w in depth_weights])[0]
        unit = rng.choice(by_depth[depth])
        month = rng.choice(month_list)
        t0 = time.perf_counter()
        fast = live(unit, month)
        t1 = time.perf_counter()
        slow = naive(unit, month)
        t2 = time.perf_counter()
        live_ms.append((t1 - t0) * 1000)
        naive_ms.append((t2 - t1) * 1000)
        by_depth_ms.setdefault(depth, []).append((t1 - t0) * 1000)
        if fast != slow:
            mismatches += 1
            print(f"  mismatch: {unit} {month}: live {fast[0]}, naive {slow[0]}")

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[18] if len(values) > 1 else values[0]

    live95, naive95 = p95(live_ms), p95(naive_ms)
    print(f"samples: {samples} (unit × month), same tables: {samples - mismatches}/{samples}")
    print(
        f"live roll-up   p50 {statistics.median(live_ms):8.2f} ms   p95 {live95:8.2f} ms   max {max(live_ms):8.2f} ms"
    )
    print(
        f"naive baseline p50 {statistics.median(naive_ms):8.2f} ms   p95 {naive95:8.2f} ms   max {max(naive_ms):8.2f} ms"
    )
    names = {0: "province", 1: "district", 2: "commune", 3: "cell"}
    for depth in sorted(by_depth_ms):
        values = by_depth_ms[depth]
        print(f"  live at {names[depth]:<8} n={len(values):3d}  p95 {p95(values):8.2f} ms")
    print(
        f"p95 ratio naive/live: {naive95 / live95:.1f}×; target p95 < {TARGET_P95_MS:.0f} ms: "
        f"{'met' if live95 < TARGET_P95_MS else 'NOT met'}"
    )


if __name__ == "__main__":
    if "--child" in sys.argv:
        _child()
    else:
        main()
