"""Where a common-word search spends its time, part by part, on an archive kept by
``CAPUY_BENCH_SEARCH_KEEP`` (see ``bench_search``): the evidence behind BENCHMARKS.md's search
analysis. Not part of ``make bench`` (it needs a kept archive).

Run with the kept archive's settings, e.g.::

    CAPUY_DATA_DIR=/keep/sqlite/data-dir python -m benchmarks.search_parts "công tác" "thuc hien"
    CAPUY_DATA_DIR=/keep/postgresql/data-dir CAPUY_DATABASE_URL=postgresql://… \\
        python -m benchmarks.search_parts "công tác"

SQLite runs inside this process, so its figures are CPU time (best of three; steady on a shared
machine). PostgreSQL's are the server's own ``Execution Time`` from ``EXPLAIN ANALYZE`` (wall
time, best of three).
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from typing import Any


def _best(run: Callable[[], Any], rounds: int = 3) -> tuple[float, Any]:
    best, value = float("inf"), None
    for _ in range(rounds):
        started = time.process_time()
        value = run()
        best = min(best, time.process_time() - started)
    return best * 1000, value


def sqlite_parts(text: str) -> list[tuple[str, float, int]]:
    from django.db import connection

    from capuy.search.backends.sqlite import WEIGHTS, fts_expression
    from capuy.search.query import parse

    expression = fts_expression(parse(text))
    join = "FROM search_searchentry s JOIN search_fts f ON f.rowid = s.id WHERE search_fts MATCH %s"
    statements = [
        (
            "match: count the rows (FTS5 alone)",
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH %s",
        ),
        (
            "bm25 of every match, best 20",
            f"SELECT rowid, bm25(search_fts, {WEIGHTS}) FROM search_fts WHERE search_fts MATCH %s "
            "ORDER BY rank LIMIT 20",
        ),
        (
            "bm25 of the 1000 newest matches (pool)",
            f"SELECT rowid, bm25(search_fts, {WEIGHTS}) FROM search_fts WHERE search_fts MATCH %s "
            "ORDER BY rowid DESC LIMIT 1000",
        ),
        ("join to the entries, count", f"SELECT count(*) {join}"),
        ("join, a facet column (year)", f"SELECT s.year, count(*) {join} GROUP BY s.year"),
    ]
    out = []
    with connection.cursor() as cursor:
        for label, sql in statements:
            ms, rows = _best(lambda sql=sql: cursor.execute(sql, [expression]).fetchall())
            out.append((label, ms, len(rows)))
    return out


def postgres_parts(text: str) -> list[tuple[str, float, int]]:
    from django.db import connection

    from capuy.search.backends.base import TABLE
    from capuy.search.backends.postgres import tsquery
    from capuy.search.query import parse

    query = tsquery(parse(text))
    match = "search_vector @@ to_tsquery('simple', %s)"
    statements = [
        ("match: count the rows", f"SELECT count(*) FROM {TABLE} WHERE {match}", [query]),
        (
            "ts_rank of every match, best 20",
            f"SELECT id FROM {TABLE} WHERE {match} "
            f"ORDER BY ts_rank(search_vector, to_tsquery('simple', %s)) DESC LIMIT 20",
            [query, query],
        ),
        (
            "a facet column (year)",
            f"SELECT year, count(*) FROM {TABLE} WHERE {match} GROUP BY year",
            [query],
        ),
        (
            "ts_rank of the 1000 newest matches (pool)",
            f"SELECT id, ts_rank(search_vector, to_tsquery('simple', %s)) FROM {TABLE} "
            f"WHERE {match} ORDER BY id DESC LIMIT 1000",
            [query, query],
        ),
    ]
    out = []
    with connection.cursor() as cursor:
        for label, sql, params in statements:
            best = float("inf")
            for _ in range(3):
                cursor.execute("EXPLAIN ANALYZE " + sql, params)
                plan = "\n".join(row[0] for row in cursor.fetchall())
                found = re.search(r"Execution Time: ([\d.]+) ms", plan)
                best = min(best, float(found.group(1)) if found else float("nan"))
            out.append((label, best, 0))
    return out


def search_phases(user: Any, text: str) -> list[tuple[str, float, int]]:
    """``search()``'s own steps, each timed alone (best of three; CPU on SQLite, wall on
    PostgreSQL, whose work is in the server): the one statement reading the newest matches
    (total, facets, pool), the ranking of the page, the page's texts and snippets."""
    from django.db import connection

    from capuy.search import service
    from capuy.search.backends import backend
    from capuy.search.facets import counted, pool_counts
    from capuy.search.query import parse
    from capuy.search.tokens import narrowing

    clock = time.process_time if connection.vendor == "sqlite" else time.perf_counter

    def best(run: Callable[[], Any]) -> tuple[float, Any]:
        fastest, value = float("inf"), None
        for _ in range(3):
            started = clock()
            value = run()
            fastest = min(fastest, clock() - started)
        return fastest * 1000, value

    engine, query = backend(), parse(text)
    qs = service.scoped_entries(user)
    narrow = narrowing(service._narrow_organisations(user), {})
    matches = engine.match(qs, query, narrow)
    ms_rows, rows = best(lambda: engine.newest(matches, service.EXACT_FACETS + 1))
    ms_facets, _ = best(lambda: counted(pool_counts([r.facets() for r in rows])))
    ms_rank, page = best(lambda: engine.ranked(qs, query, rows, 0, service.PER_PAGE, narrow))
    ms_hits, _ = best(lambda: service._hits(page, query))
    ms_all, _ = best(lambda: service.search(user, text))
    return [
        ("newest matches (total, facets, pool)", ms_rows, len(rows)),
        ("facet counts (Python)", ms_facets, 0),
        ("ranking the page", ms_rank, len(page)),
        ("page texts and snippets", ms_hits, len(page)),
        ("search(), whole", ms_all, 0),
    ]


def main(texts: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capuy.web.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.db import connection

    from capuy.search.service import search

    for spec in texts:
        text, _, username = spec.partition("@")  # "thuc hien@phuong": as that user
        user = User.objects.get(username=username or "lanhdao")
        print(f"\n{connection.vendor}: «{text}» as {user.username}, search()'s steps")
        for label, ms, rows in search_phases(user, text):
            print(f"  {label:40s} {ms:9.1f} ms  {rows or ''}")
        parts = sqlite_parts(text) if connection.vendor == "sqlite" else postgres_parts(text)
        print(f"\n{connection.vendor}: «{text}»")
        for label, ms, _rows in parts:
            print(f"  {label:40s} {ms:9.1f} ms")
        ms, found = _best(lambda text=text, user=user: search(user, text))
        print(
            f"  {'search(): page, total, facets (CPU here)':40s} {ms:9.1f} ms — {found.total} matches"
        )


if __name__ == "__main__":
    main(sys.argv[1:] or ["công tác", "thuc hien"])
