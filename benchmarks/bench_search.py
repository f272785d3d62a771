"""Site-wide search on a synthetic archive of 100.000 documents, on SQLite and on PostgreSQL.

Set-up, per database, in a subprocess with a throw-away data directory (PostgreSQL: a throw-away
cluster started here with initdb/pg_ctl on 127.0.0.1, as scripts/test.sh does): migrations, a
town with 15 wards, then 100.000 documents inserted with ``bulk_create`` — summaries of 8–40
words and, for ~30 %, an attachment text of lognormal length (median ≈ 2.500 characters, capped
at 60.000), both cut from the lines of the four seed reports, so the words, their frequencies
and the citations are real Vietnamese reports'. ~10 % classified; symbols as issued.

Measured:
* index build (``capuy.search.service.rebuild``): documents/s, and the index's size on disk
  (FTS5 shadow tables; PostgreSQL: the entry table with its tsvectors and GIN index);
* 300 sampled queries through ``capuy.search.service.search`` (page of 20, total and every
  facet count — what the search page does): 60 words with diacritics, 60 the same without,
  50 symbols written in any case, 10 bare numbers, 40 words + a facet filter, 40 phrases, 40
  words by a ward user (narrow scope) — p50, p95, max;
* baseline, same run, same queries' words, same user: the document list's scan (``LIKE
  '%word%'`` on the folded ``search_text`` per word, scoped, newest 20 and the count);
* the resolution rate of citations (``capuy.citations``) on a sample of the archive, and on the
  seeds (their citations against the catalogue of Central documents).

PostgreSQL runs the queries twice on the one cluster: first as PostgreSQL starts with its defaults
(``shared_buffers`` 128 MB, nothing read yet: the cold figure), then restarted as docs/deploy.md
sets up a deployment — ``shared_buffers`` sized to the search tables with their TOAST and indexes
(``shared_buffers_mb``: a tenth to spare, at most a quarter of the machine's memory) and those
tables read in by ``pg_prewarm`` before the first search; both are printed, with the settings.

Run: ``python -m benchmarks search`` (part of ``make bench``; about 15 minutes on 2 cores).
``CAPUY_BENCH_SEARCH_DOCS`` changes the archive size; ``CAPUY_BENCH_SEARCH_DB=sqlite`` skips
PostgreSQL; ``CAPUY_BENCH_SEARCH_KEEP=/dir`` keeps each database's archive (the SQLite file, the PostgreSQL
cluster) under that folder and reuses it on the next run (generation and indexing then skipped,
their figures those of the first run); ``CAPUY_BENCH_SEARCH_BASELINE=0`` times the queries alone
(no LIKE baseline, no citation sample); ``CAPUY_BENCH_SEARCH_CITATIONS=0`` skips the citation
sample alone (the LIKE baseline still runs); ``CAPUY_BENCH_SEARCH_DUMP=/file.json`` writes
every query's wall and CPU time and total there; ``CAPUY_BENCH_SEARCH_PGPORT`` sets the throw-away
cluster's port (default: one derived from the process id); ``CAPUY_BENCH_SEARCH_DEPLOYED=0`` runs
PostgreSQL's cold run alone (the second run's dump, if any, is ``<dump>.deployed.json``).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DOCUMENTS = int(os.environ.get("CAPUY_BENCH_SEARCH_DOCS", "100000"))
QUERIES = {
    "words": 60,
    "no-diacritics": 60,
    "symbol": 50,
    "number": 10,
    "filter": 40,
    "phrase": 40,
    "narrow-user": 40,
}
CITATION_SAMPLE = 5000
WITH_BASELINE = os.environ.get("CAPUY_BENCH_SEARCH_BASELINE", "1") != "0"
WITH_CITATIONS = os.environ.get("CAPUY_BENCH_SEARCH_CITATIONS", "1") != "0"
REPO = Path(__file__).resolve().parents[1]


def _seed_lines() -> list[str]:
    from benchmarks.common import seeds_dir

    lines = []
    for path in sorted(seeds_dir().glob("*.txt")):
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if len(line) > 40]


def generate(count: int) -> dict[str, int]:
    """The organisations, two users and ``count`` documents (bulk inserts)."""
    import datetime as dt
    import random

    from django.contrib.auth.models import User

    from capuy.accounts.levels import Classification, Role
    from capuy.accounts.models import Profile, RoleAssignment
    from capuy.documents.models import Direction, Document, party_type_choices
    from capuy.orgs.models import Body, CommitteeTerm, Organisation

    rng = random.Random(2024)
    lines = _seed_lines()
    province = Organisation.objects.create(
        name="Đảng bộ tỉnh Quảng Ngãi",
        committee_name="Tỉnh ủy Quảng Ngãi",
        kind="dang_bo_tinh",
        code="TU",
    )
    town = Organisation.objects.create(
        name="Đảng bộ thị xã Đức Phổ",
        committee_name="Thị ủy Đức Phổ",
        kind="dang_bo_huyen",
        code="TU",
        parent=province,
    )
    wards = [
        Organisation.objects.create(
            name=f"Đảng bộ phường {name}",
            committee_name=f"Đảng ủy phường {name}",
            kind="dang_bo_co_so",
            code="ĐU",
            parent=town,
        )
        for name in (
            "Phổ Hòa",
            "Phổ Minh",
            "Phổ Vinh",
            "Phổ Ninh",
            "Phổ Văn",
            "Phổ Quang",
            "Phổ Thạnh",
            "Phổ Châu",
            "Phổ An",
            "Phổ Phong",
            "Phổ Thuận",
            "Phổ Cường",
            "Phổ Khánh",
            "Nguyễn Nghiêm",
            "Phổ Nhơn",
        )
    ]
    units = [town, *wards]
    bodies = {}
    for unit in units:
        bodies[unit.pk] = Body.objects.create(
            organisation=unit, kind="btv", name=f"Ban Thường vụ {unit.committee_name}"
        )
        CommitteeTerm.objects.create(
            organisation=unit,
            ordinal=21,
            start_year=2020,
            end_year=2025,
            start_date=dt.date(2020, 8, 1),
        )
    terms = {t.organisation_id: t for t in CommitteeTerm.objects.all()}
    leader = User.objects.create_user("lanhdao", password="x" * 12)
    Profile.objects.create(user=leader, clearance=Classification.MOST_SECRET)
    RoleAssignment.objects.create(user=leader, organisation=town, role=Role.LEADER)
    ward_user = User.objects.create_user("phuong", password="x" * 12)
    Profile.objects.create(user=ward_user, clearance=Classification.NORMAL)
    RoleAssignment.objects.create(user=ward_user, organisation=wards[0], role=Role.SPECIALIST)
    types = [code for code, _ in party_type_choices()]
    levels = [Classification.NORMAL] * 90 + [Classification.SECRET] * 7
    levels += [Classification.TOP_SECRET] * 2 + [Classification.MOST_SECRET]
    numbers: dict[tuple[int, str], int] = {}
    start = dt.date(2015, 1, 1)
    batch: list[Document] = []
    with_text = 0
    for _ in range(count):
        unit = town if rng.random() < 0.4 else rng.choice(wards)
        type_code = rng.choice(types)
        words = rng.choice(lines).split()
        first = rng.randrange(0, max(1, len(words) - 8))
        summary = " ".join(words[first : first + rng.randint(8, 40)])
        text = ""
        if rng.random() < 0.3:
            with_text += 1
            size = min(60_000, int(rng.lognormvariate(7.8, 0.9)))
            parts: list[str] = []
            while sum(map(len, parts)) < size:
                parts.append(rng.choice(lines))
            text = "\n".join(parts)
        key = (unit.pk, type_code)
        numbers[key] = numbers.get(key, 0) + 1
        code = "TU" if unit is town else "ĐU"
        doc = Document(
            direction=Direction.OUTGOING,
            organisation=unit,
            type_code=type_code,
            issued_on=start + dt.timedelta(days=rng.randrange(0, 3650)),
            summary=summary,
            text=text,
            classification=rng.choice(levels),
            term=terms[unit.pk],
            issuing_body=bodies[unit.pk],
            symbol_code=code,
            number=numbers[key],
            symbol=f"{numbers[key]}-{type_code}/{code}",
            signer_name="Nguyễn Văn An",
        )
        doc.refresh_search_text()
        batch.append(doc)
        if len(batch) == 2000:
            Document.objects.bulk_create(batch)
            batch.clear()
    Document.objects.bulk_create(batch)
    return {"documents": Document.objects.count(), "with_text": with_text}


def sample_queries(rng_seed: int = 7) -> list[tuple[str, str, dict, str]]:
    """(kind, query, filters, user) × 300, drawn from the archive itself."""
    import random

    from capuy.documents.models import Document
    from capuy.text import search_key

    rng = random.Random(rng_seed)
    ids = list(Document.objects.values_list("pk", flat=True))
    picked = Document.objects.filter(pk__in=rng.sample(ids, 400)).values(
        "summary", "symbol", "type_code", "issued_on"
    )
    rows = list(picked)
    out: list[tuple[str, str, dict, str]] = []

    def words(row: dict, n: int) -> str:
        tokens = [w.strip(',.;:()“”"') for w in row["summary"].split() if len(w) > 2]
        tokens = [t for t in tokens if t]
        if len(tokens) <= n:
            return " ".join(tokens)
        i = rng.randrange(0, len(tokens) - n)
        return " ".join(tokens[i : i + n])

    for kind, n in QUERIES.items():
        for _ in range(n):
            row = rng.choice(rows)
            if kind == "words":
                out.append((kind, words(row, 2), {}, "lanhdao"))
            elif kind == "no-diacritics":
                out.append((kind, search_key(words(row, 2)), {}, "lanhdao"))
            elif kind == "symbol":
                symbol = row["symbol"]
                out.append((kind, symbol.lower() if rng.random() < 0.5 else symbol, {}, "lanhdao"))
            elif kind == "number":
                out.append((kind, row["symbol"].split("-")[0], {}, "lanhdao"))
            elif kind == "filter":
                filters = (
                    {"type_code": row["type_code"]}
                    if rng.random() < 0.5
                    else {"year": row["issued_on"].year}
                )
                out.append((kind, words(row, 1), filters, "lanhdao"))
            elif kind == "phrase":
                out.append((kind, f'"{words(row, 3)}"', {}, "lanhdao"))
            else:
                out.append((kind, words(row, 2), {}, "phuong"))
    return out


def like_baseline(user, query: str) -> int:
    """The document list's own search: every folded word LIKE-scanned, scoped, newest first."""
    from capuy.documents.queries import visible_documents
    from capuy.text import search_key

    documents = visible_documents(user)
    for word in search_key(query.replace('"', " ")).split():
        documents = documents.filter(search_text__contains=word)
    page = list(documents.order_by("-issued_on", "-number", "-pk")[:20])
    return documents.count() + len(page)


def _percentiles(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    return {
        "p50": statistics.median(values),
        "p95": values[min(len(values) - 1, int(round(0.95 * len(values))) - 1)],
        "max": values[-1],
    }


def run_here() -> dict:
    """Inside the subprocess: generate, index, query, measure; returns the figures."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capuy.web.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection

    from capuy.search.backends import backend
    from capuy.search.service import rebuild, search

    call_command("migrate", verbosity=0)
    figures: dict = {"vendor": connection.vendor}
    built = Path(os.environ.get("CAPUY_DATA_DIR", "."), "bench-search-built.json")
    if built.exists():  # CAPUY_BENCH_SEARCH_KEEP: the archive of an earlier run, reused
        figures.update(json.loads(built.read_text()))
    else:
        started = time.perf_counter()
        figures.update(generate(DOCUMENTS))
        figures["generate_s"] = time.perf_counter() - started
        started = time.perf_counter()
        counts = rebuild()
        figures["index_s"] = time.perf_counter() - started
        figures["indexed"] = sum(counts.values())
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        keys = ("documents", "with_text", "generate_s", "index_s", "indexed")
        built.write_text(json.dumps({k: figures[k] for k in keys}))
    figures["index_bytes"] = backend().size_bytes()
    if connection.vendor == "postgresql":
        figures.update(_search_tables(prewarm=os.environ.get("CAPUY_BENCH_SEARCH_PREWARM") == "1"))
    text_chars = 0
    from capuy.search.models import SearchText

    for title, body in SearchText.objects.values_list("title", "body").iterator(chunk_size=5000):
        text_chars += len(title) + len(body)
    figures["text_bytes"] = text_chars
    users = {u.username: u for u in User.objects.all()}
    queries = sample_queries()
    for user in users.values():  # warm the access caches and the database pages once
        search(user, "đảng")
    timings: dict[str, list[float]] = {}
    cpu: list[float] = []
    cpu_by_kind: dict[str, list[float]] = {}
    each: list[dict] = []  # every query's figures (CAPUY_BENCH_SEARCH_DUMP: written there)
    figures["load_before"] = os.getloadavg()
    baseline: dict[str, list[float]] = {}
    hits: dict[str, int] = {}
    for kind, query, filters, username in queries:
        user = users[username]
        started, started_cpu = time.perf_counter(), time.process_time()
        result = search(user, query, filters)
        timings.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        cpu_by_kind.setdefault(kind, []).append(cpu[-1])
        each.append(
            {
                "kind": kind,
                "query": query,
                "filters": filters,
                "user": username,
                "ms": timings[kind][-1],
                "cpu_ms": cpu[-1],
                "total": result.total,
            }
        )
        hits[kind] = hits.get(kind, 0) + (1 if result.total else 0)
        if not WITH_BASELINE:
            continue
        started = time.perf_counter()
        like_baseline(user, query)
        baseline.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
    figures["load_after"] = os.getloadavg()
    if os.environ.get("CAPUY_BENCH_SEARCH_DUMP"):
        Path(os.environ["CAPUY_BENCH_SEARCH_DUMP"]).write_text(json.dumps(each, default=str))
    every = [t for values in timings.values() for t in values]
    every_baseline = [t for values in baseline.values() for t in values] or [float("nan")]
    figures["search_ms"] = _percentiles(every)
    figures["like_ms"] = _percentiles(every_baseline)
    figures["search_cpu_ms"] = _percentiles(cpu)  # this process (SQLite runs inside it)
    figures["by_kind"] = {
        k: {
            **_percentiles(v),
            "with_results": hits.get(k, 0),
            "n": len(v),
            "like_p95": _percentiles(baseline.get(k) or [float("nan")])["p95"],
            "cpu_p95": _percentiles(cpu_by_kind[k])["p95"],
        }
        for k, v in timings.items()
    }
    figures["citations"] = citation_rate() if WITH_BASELINE and WITH_CITATIONS else {}
    return figures


SEARCH_TABLES = ("search_searchentry", "search_searchtext")


def _search_tables(prewarm: bool) -> dict:
    """The search tables' size with their TOAST and indexes (what ``shared_buffers`` is sized
    to) and, with ``prewarm``, all of it read into the buffers by ``pg_prewarm`` first — what a
    deployment does after a start (docs/deploy.md), so the queries do not wait for the disk."""
    from django.db import connection

    names = ", ".join(f"'{t}'::regclass" for t in SEARCH_TABLES)
    relations = (
        f"WITH t AS (SELECT oid, reltoastrelid FROM pg_class WHERE oid IN ({names})), "
        "r AS (SELECT oid FROM t UNION SELECT reltoastrelid FROM t WHERE reltoastrelid <> 0) "
        "SELECT oid FROM r UNION SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM r)"
    )
    out: dict = {}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT sum(pg_relation_size(oid)) FROM ({relations}) x")
        out["search_tables_bytes"] = int(cursor.fetchone()[0])
        cursor.execute("SHOW shared_buffers")
        out["shared_buffers"] = cursor.fetchone()[0]
        if prewarm:
            started = time.perf_counter()
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
            cursor.execute(f"SELECT sum(pg_prewarm(oid)) FROM ({relations}) x")
            out["prewarmed_pages"] = int(cursor.fetchone()[0])
            out["prewarm_s"] = time.perf_counter() - started
    return out


def shared_buffers_mb(search_tables_bytes: int) -> int:
    """``shared_buffers`` as docs/deploy.md sizes it: the search tables with their TOAST and
    indexes and a tenth to spare, in steps of 128 MB, at most a quarter of the machine's
    memory (PostgreSQL's own advice) and at least its default."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    wanted = -(-int(search_tables_bytes * 1.1) // (128 << 20)) * 128
    return max(128, min(wanted, total // 4 >> 20))


def citation_rate() -> dict[str, int]:
    """Citations of a sample of the archive, and how many name a register entry."""
    from capuy.citations.models import DocumentCitation
    from capuy.citations.resolve import citations_of, resolve_target
    from capuy.documents.models import Document

    found = resolved = 0
    sample = Document.objects.exclude(text="").select_related("organisation")[:CITATION_SAMPLE]
    for document in sample:
        rows: list[DocumentCitation] = citations_of(document)
        found += len(rows)
        resolved += sum(1 for row in rows if resolve_target(row, document) is not None)
    return {"documents": len(sample), "citations": found, "resolved": resolved}


def seed_citation_rate() -> dict[str, int]:
    """The seeds' Central citations (issuer TW) found in the catalogue of Central documents."""
    from benchmarks.common import seeds_dir
    from capuy.api import read_document
    from capuy.check.known_documents import CentralCatalogue
    from capuy.extract import extract

    catalogue = CentralCatalogue()
    central = known = exact = 0
    for path in sorted(seeds_dir().glob("*.txt")):
        for citation in extract(read_document(path)).citations:
            if citation.issuer_code != "TW":
                continue
            central += 1
            candidates = catalogue.candidates(citation)
            known += bool(candidates)
            exact += any(c.date == citation.date for c in candidates)
    return {"central": central, "in_catalogue": known, "same_date": exact}


def _start_postgres(tmp: Path, settings: str = "") -> tuple[str, callable]:
    pgbin = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    if not pgbin:
        raise SystemExit("PostgreSQL is not installed (make system-deps)")
    binary = pgbin[-1]
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres")
    port = int(os.environ.get("CAPUY_BENCH_SEARCH_PGPORT") or 20000 + os.getpid() % 20000)
    if not (tmp / "data").exists():  # else a kept cluster (CAPUY_BENCH_SEARCH_KEEP)
        subprocess.run(
            [
                *as_pg,
                str(binary / "initdb"),
                "-D",
                str(tmp / "data"),
                "-U",
                "capuy",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            check=True,
            capture_output=True,
        )
    subprocess.run(
        [
            *as_pg,
            str(binary / "pg_ctl"),
            "-D",
            str(tmp / "data"),
            "-l",
            str(tmp / "server.log"),
            "-w",
            "-o",
            f"-h 127.0.0.1 -p {port} -k {tmp} -c fsync=off -c synchronous_commit=off "
            f"-c full_page_writes=off {settings}",
            "start",
        ],
        check=True,
        capture_output=True,
    )

    def stop() -> None:
        subprocess.run(
            [*as_pg, str(binary / "pg_ctl"), "-D", str(tmp / "data"), "-m", "immediate", "stop"],
            capture_output=True,
        )

    return f"postgresql://capuy@127.0.0.1:{port}/postgres", stop


def _child(env: dict) -> dict:
    """One ``run_here`` in a subprocess (a fresh Django, the given database)."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_search", "run"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"bench_search failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _postgres_runs(pg: Path, env: dict) -> list[tuple[str, dict]]:
    """The same 300 queries twice on one cluster. First as PostgreSQL starts with its defaults
    (``shared_buffers`` 128 MB, nothing read yet: the cold figure). Then restarted as
    docs/deploy.md sets up a deployment: ``shared_buffers`` sized to the search tables
    (``shared_buffers_mb``) and those tables read in with ``pg_prewarm`` before the first
    search (a deployment's ``autoprewarm``, or its start script, does the same after a restart).
    ``CAPUY_BENCH_SEARCH_DEPLOYED=0`` runs the first alone."""
    runs: list[tuple[str, dict]] = []
    url, stop = _start_postgres(pg)
    try:
        cold = _child({**env, "CAPUY_DATABASE_URL": url})
    finally:
        stop()
    runs.append(("PostgreSQL's defaults (shared_buffers 128 MB), just started: cold", cold))
    if os.environ.get("CAPUY_BENCH_SEARCH_DEPLOYED", "1") == "0":
        return runs
    mb = shared_buffers_mb(cold["search_tables_bytes"])
    url, stop = _start_postgres(pg, f"-c shared_buffers={mb}MB")
    dump = env.get("CAPUY_BENCH_SEARCH_DUMP")
    warm_env = {**env, "CAPUY_DATABASE_URL": url, "CAPUY_BENCH_SEARCH_PREWARM": "1"}
    if dump:
        warm_env["CAPUY_BENCH_SEARCH_DUMP"] = str(Path(dump).with_suffix(".deployed.json"))
    try:
        warm = _child(warm_env)
    finally:
        stop()
    runs.append((f"as deployed: shared_buffers {mb} MB, pg_prewarm of the search tables", warm))
    return runs


def _run(database: str) -> list[tuple[str, dict]]:
    """(label, figures) of each run on ``database``: SQLite once, PostgreSQL cold and warm."""
    keep = os.environ.get("CAPUY_BENCH_SEARCH_KEEP", "")  # keep the archive there, reuse it
    tmp = Path(keep) / database if keep else Path(tempfile.mkdtemp(prefix="capuy-bench-search-"))
    tmp.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "CAPUY_DATA_DIR": str(tmp / "data-dir")}
    env.pop("CAPUY_DATABASE_URL", None)
    pg = None
    try:
        if database != "postgresql":
            return [("", _child(env))]
        pg = tmp / "cluster" if keep else Path(tempfile.mkdtemp(prefix="capuy-bench-pg-"))
        pg.mkdir(parents=True, exist_ok=True)  # the postgres user's own
        return _postgres_runs(pg, env)
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)
            if pg:
                shutil.rmtree(pg, ignore_errors=True)


def _ms(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def main() -> None:
    databases = ["sqlite", "postgresql"]
    if os.environ.get("CAPUY_BENCH_SEARCH_DB"):
        databases = [os.environ["CAPUY_BENCH_SEARCH_DB"]]
    for database in databases:
        for label, figures in _run(database):
            _report(database + (f", {label}" if label else ""), figures)
    seeds = seed_citation_rate()
    print(
        f"\n- seeds: {seeds['central']} citations of Central documents, {seeds['in_catalogue']} "
        f"in the catalogue, {seeds['same_date']} with the catalogue's date"
    )


def _report(title: str, f: dict) -> None:
    """One run's figures, as BENCHMARKS.md quotes them."""
    mb = f["index_bytes"] / 1048576
    print(
        f"\n### {title}: "
        + f"{f['documents']:,} documents ".replace(",", ".")
        + f"({f['with_text']:,} with attachment text; ".replace(",", ".")
        + f"{f['text_bytes'] / 1048576:.0f} MB of text)"
    )
    print(
        f"- index build: {f['indexed'] / f['index_s']:.0f} documents/s "
        f"({f['index_s']:.0f} s); index size {mb:.0f} MB"
    )
    s, like = f["search_ms"], f["like_ms"]
    print(
        f"- 300 queries, search (page + total + facets): p50 {_ms(s['p50'])} ms, "
        f"p95 {_ms(s['p95'])} ms, max {_ms(s['max'])} ms"
    )
    c = f["search_cpu_ms"]
    print(
        f"  CPU time of this process per query (SQLite runs in it; PostgreSQL's own work is "
        f"not counted): p50 {_ms(c['p50'])} ms, p95 {_ms(c['p95'])} ms"
    )
    if like["p95"] == like["p95"]:  # not NaN: the baseline ran (CAPUY_BENCH_SEARCH_BASELINE)
        print(
            f"- baseline LIKE scan (document list), same queries: p50 {_ms(like['p50'])} ms, "
            f"p95 {_ms(like['p95'])} ms, max {_ms(like['max'])} ms — "
            f"search p95 is {like['p95'] / s['p95']:.1f}× faster"
        )
    else:
        print("- baseline LIKE scan: not run (CAPUY_BENCH_SEARCH_BASELINE=0)")
    print(
        "- load average (1, 5, 15 min) before the queries: "
        + ", ".join(_ms(x) for x in f["load_before"])
        + "; after: "
        + ", ".join(_ms(x) for x in f["load_after"])
    )
    print("| queries | n | with results | p50 ms | p95 ms | max ms | CPU p95 ms | LIKE p95 ms |")
    print("|---|---|---|---|---|---|---|---|")
    for kind, k in f["by_kind"].items():
        print(
            f"| {kind} | {k['n']} | {k['with_results']} | {_ms(k['p50'])} | "
            f"{_ms(k['p95'])} | {_ms(k['max'])} | {_ms(k['cpu_p95'])} | "
            f"{_ms(k['like_p95'])} |"
        )
    if "search_tables_bytes" in f:
        warmed = ""
        if "prewarmed_pages" in f:
            warmed = (
                f"; pg_prewarm read {f['prewarmed_pages']:,} pages ".replace(",", ".")
                + f"in {_ms(f['prewarm_s'])} s before the first search"
            )
        print(
            f"- cluster: shared_buffers {f['shared_buffers']}; search tables with TOAST and "
            f"indexes {f['search_tables_bytes'] / 1048576:.0f} MB{warmed}"
        )
    c = f["citations"]
    if not c:
        return
    rate = c["resolved"] / c["citations"] * 100 if c["citations"] else 0
    print(
        f"- citations in {c['documents']} archive documents with text: {c['citations']}, "
        f"{c['resolved']} resolved to a register entry ({rate:.1f} %)"
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["run"]:
        print(json.dumps(run_here(), default=str))
    else:
        main()
