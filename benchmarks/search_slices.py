"""PostgreSQL's sliced read of a search's newest matches against the one statement, on an
archive kept by ``CAPUY_BENCH_SEARCH_KEEP`` (see ``bench_search``): the evidence behind
BENCHMARKS.md's "newest matches read in slices of id blocks". Not part of ``make bench``.

Each of the 300 sampled queries runs twice in this process, by the base ``Backend.newest``
(one ``ORDER BY id DESC LIMIT``) and by ``PostgresBackend.newest`` (slices), alternating which
goes first, so both see the same load; the hits, totals and facets are compared. With query
texts as arguments it prints instead every slice's own ``EXPLAIN (ANALYZE, BUFFERS)`` figures::

    CAPUY_DATA_DIR=/keep/postgresql/data-dir CAPUY_DATABASE_URL=postgresql://… \\
        python -m benchmarks.search_slices ['"tác xây dựng"' …]
"""

from __future__ import annotations

import os
import re
import sys
import time


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))]


def interleaved() -> None:
    from django.contrib.auth.models import User

    from benchmarks.bench_search import sample_queries
    from capuy.search.backends import base, postgres
    from capuy.search.service import search

    sliced = postgres.PostgresBackend.newest

    def whole(self, matches, limit, few=False):  # type: ignore[no-untyped-def]
        return base.Backend.newest(self, matches, limit)

    users = {u.username: u for u in User.objects.all()}
    queries = sample_queries()
    for user in users.values():
        search(user, "đảng")
    runs: dict[str, list[tuple[str, float, tuple]]] = {"before": [], "after": []}
    load = os.getloadavg()
    for i, (kind, text, filters, username) in enumerate(queries):
        for which in ("before", "after") if i % 2 == 0 else ("after", "before"):
            postgres.PostgresBackend.newest = whole if which == "before" else sliced  # type: ignore[method-assign]
            started = time.perf_counter()
            found = search(users[username], text, filters)
            ms = (time.perf_counter() - started) * 1000
            seen = (found.total, [h.url for h in found.hits], repr(found.facets))
            runs[which].append((kind, ms, seen))
    postgres.PostgresBackend.newest = sliced  # type: ignore[method-assign]
    same = sum(a[2] == b[2] for a, b in zip(runs["before"], runs["after"], strict=True))
    print(f"load {load} -> {os.getloadavg()}; identical results {same}/{len(queries)}")
    for kind in ["all", *dict.fromkeys(q[0] for q in queries)]:
        cells = []
        for which in ("before", "after"):
            ms = [m for k, m, _ in runs[which] if kind in ("all", k)]
            cells.append(f"{which} p50 {_percentile(ms, 0.5):.1f} p95 {_percentile(ms, 0.95):.1f}")
        print(f"{kind}: " + " | ".join(cells))


def explained(texts: list[str]) -> None:
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from capuy.search.service import search

    user = User.objects.get(username="lanhdao")
    for text in texts:
        search(user, text)
        with CaptureQueriesContext(connection) as captured:
            found = search(user, text)
        for statement in captured.captured_queries:
            sql = str(statement["sql"])
            if "search_vector @@" not in sql or "text__title" not in sql:
                continue  # not a read of the matches
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            ms = re.search(r"Execution Time: ([\d.]+)", plan)
            buffers = re.search(r"Buffers: shared hit=(\d+)(?: read=(\d+))?", plan)
            rows = re.search(r"Bitmap Heap Scan.*?rows=(\d+) loops", plan)
            read = int(buffers.group(1)) + int(buffers.group(2) or 0) if buffers else 0
            print(
                f"{text}: {ms.group(1) if ms else '?'} ms, {read} buffers, "
                f"{rows.group(1) if rows else '?'} heap rows"
            )
        print(f"{text}: total {found.total}")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capuy.web.settings")
    import django

    django.setup()
    if sys.argv[1:]:
        explained(sys.argv[1:])
    else:
        interleaved()


if __name__ == "__main__":
    main()
