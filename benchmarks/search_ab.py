"""Two versions of the search code on two kept PostgreSQL archives, the same 300 queries of
``bench_search`` sent to both alternately (the first side alternating too): on a shared,
loaded machine a burst of other work then falls on both sides alike, which two runs one after
the other cannot promise. Not part of ``make bench`` (it needs two kept archives).

Each side: a source tree (``capuy`` and ``benchmarks`` imported from there: it needs this
version's ``benchmarks/bench_search.py``, copied in for an older tree), a database URL and its
``CAPUY_DATA_DIR``. Each worker ``pg_prewarm``-s its search tables first. Run::

    python -m benchmarks.search_ab ROUNDS \\
        /tree/a postgresql://capuy@127.0.0.1:25436/postgres /keep-a/postgresql/data-dir \\
        /tree/b postgresql://capuy@127.0.0.1:25434/postgres /keep-b/postgresql/data-dir

Prints p50/p95 per kind for both sides, and how many queries gave another total or other
first five hits (0 when the two versions give the same results).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time


def worker() -> None:
    """Inside a side's process: prewarm, then answer "index" lines with "kind ms total urls"."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capuy.web.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User

    from benchmarks.bench_search import _search_tables, sample_queries
    from capuy.search.service import search

    print(_search_tables(prewarm=True), file=sys.stderr)
    users = {u.username: u for u in User.objects.all()}
    queries = sample_queries()
    for user in users.values():
        search(user, "đảng")
    print("ready", flush=True)
    for line in sys.stdin:
        kind, query, filters, username = queries[int(line)]
        started = time.perf_counter()
        result = search(users[username], query, filters)
        ms = (time.perf_counter() - started) * 1000
        urls = [h.url for h in result.hits][:5]
        print(f"{kind}\t{ms:.3f}\t{result.total}\t{urls}", flush=True)


def _start(tree: str, url: str, data: str) -> subprocess.Popen:
    env = {**os.environ, "CAPUY_DATABASE_URL": url, "CAPUY_DATA_DIR": data, "PYTHONPATH": tree}
    process = subprocess.Popen(
        [sys.executable, __file__, "worker"],  # this file; capuy and benchmarks from the tree
        cwd=tree,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout and process.stdout.readline().strip() == "ready"
    return process


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * len(values))) - 1)]


def main(rounds: int, a: list[str], b: list[str]) -> None:
    sides = {"a": _start(*a), "b": _start(*b)}
    times: dict[str, list[tuple[str, float]]] = {"a": [], "b": []}
    different = 0
    for turn in range(rounds):
        for i in range(300):
            answers = {}
            for name in ("a", "b") if (i + turn) % 2 == 0 else ("b", "a"):
                process = sides[name]
                assert process.stdin and process.stdout
                process.stdin.write(f"{i}\n")
                process.stdin.flush()
                kind, ms, total, urls = process.stdout.readline().rstrip("\n").split("\t")
                times[name].append((kind, float(ms)))
                answers[name] = (total, urls)
            different += answers["a"] != answers["b"]
    print(f"queries with another total or other first five hits: {different}")
    for kind in [*dict.fromkeys(k for k, _ in times["a"]), "all"]:
        ta = [ms for k, ms in times["a"] if kind in (k, "all")]
        tb = [ms for k, ms in times["b"] if kind in (k, "all")]
        print(
            f"{kind}: p50 {statistics.median(ta):.1f} → {statistics.median(tb):.1f} ms, "
            f"p95 {_p95(ta):.1f} → {_p95(tb):.1f} ms"
        )
    print("load average:", ", ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    if sys.argv[1:] == ["worker"]:
        worker()
    else:
        main(int(sys.argv[1]), sys.argv[2:5], sys.argv[5:8])
