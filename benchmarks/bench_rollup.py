"""Roll-up of any indicator for any (organisation subtree, period), live from the records.

Builds the province-scale synthetic records (``capuy synth --scale province``: ~100 communes,
~3.000 cells, ~100.000 members, five years) in a throwaway SQLite database, then times
``capuy.indicators.rollup.rollup`` on random (indicator, unit, period) triples — units from the
province down to cells, periods from a month to five years — beside a naive baseline in the
same run: fetch the period's rows without a subtree condition and keep those whose unit lies
under the root by walking the parent links in Python. Both must give the same value.

Runs in a child process so its database and Django settings never mix with another benchmark's.
Environment: ``CAPUY_BENCH_SAMPLES`` (default 300).
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
    with tempfile.TemporaryDirectory(prefix="capuy-bench-rollup-") as data_dir:
        env["CAPUY_DATA_DIR"] = data_dir
        env["DJANGO_SETTINGS_MODULE"] = "capuy.web.settings"
        subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_rollup", "--child"], env=env, check=True
        )


def _child() -> None:  # noqa: PLR0915 - one linear measurement script
    import random

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from benchmarks.rollup_naive import make_naive, same, sample_query
    from capuy.indicators.models import Indicator, IndicatorValue
    from capuy.indicators.rollup import rollup
    from capuy.orgs.models import Organisation
    from capuy.stats.synth import generate

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    root = generate("province")
    built = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    counts = {
        "tổ chức đảng": Organisation.objects.count(),
        "đảng viên": root.members.model.objects.count(),
        "số liệu chỉ tiêu": IndicatorValue.objects.count(),
    }
    print(
        f"province data built in {built:.1f} s: "
        + ", ".join(f"{n:,} {k}" for k, n in counts.items())
    )

    by_depth: dict[int, list[Organisation]] = {}
    for org in Organisation.objects.all():
        by_depth.setdefault(org.path.count("/") - 2, []).append(org)
    indicators = list(Indicator.objects.select_related("numerator", "denominator", "weight"))
    naive = make_naive(root)

    rng = random.Random(7)
    samples = int(os.environ.get("CAPUY_BENCH_SAMPLES", "300"))
    live_ms, naive_ms, mismatches = [], [], 0
    for _ in range(samples):
        _depth, unit, _months, start, end, indicator = sample_query(rng, by_depth, indicators)
        t0 = time.perf_counter()
        live = rollup(indicator, unit, start, end)
        t1 = time.perf_counter()
        base = naive(indicator, unit, start, end)
        t2 = time.perf_counter()
        live_ms.append((t1 - t0) * 1000)
        naive_ms.append((t2 - t1) * 1000)
        if not same(live, base):
            mismatches += 1
            print(f"  mismatch: {indicator.code} {unit} {start}..{end}: live {live}, naive {base}")

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[18]

    live95, naive95 = p95(live_ms), p95(naive_ms)
    print(
        f"samples: {samples} (indicator × unit × period), same results: {samples - mismatches}/{samples}"
    )
    print(
        f"live roll-up   p50 {statistics.median(live_ms):7.2f} ms   p95 {live95:7.2f} ms   max {max(live_ms):7.2f} ms"
    )
    print(
        f"naive baseline p50 {statistics.median(naive_ms):7.2f} ms   p95 {naive95:7.2f} ms   max {max(naive_ms):7.2f} ms"
    )
    print(
        f"p95 ratio naive/live: {naive95 / live95:.1f}×; target p95 < {TARGET_P95_MS:.0f} ms: {'met' if live95 < TARGET_P95_MS else 'NOT met'}"
    )


if __name__ == "__main__":
    if "--child" in sys.argv:
        _child()
    else:
        main()
