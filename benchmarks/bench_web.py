"""Web latency under 50 concurrent clients: the mixed page set vs a static file and a no-DB view.

Set-up (in a throw-away data directory, in subprocesses so no Django state leaks into the
other benchmarks): ``capuy demo --no-serve`` (migrations, the Đức Phổ demo data and the demo
steps of the record apps), then 50.000 generated documents spread over the town and its 15
wards, both registers, every party type, 2020–2025, ~10 % classified — inserted with
``bulk_create`` (then the register's counters are rebuilt, as ``capuy`` does after a bulk
load). Then ``capuy serve`` (gunicorn + WhiteNoise, default workers) on 127.0.0.1.

The pages (issue 17's mixed set): home, the register list, the list with a filter (a type
and a year), its page 50, a document's page, the member list, the indicators page and a
report's page — concrete URLs picked from the demo data at set-up.

Load: 50 client threads, each with its own keep-alive ``http.client`` connection and the
session of the town leader (the widest scope: the whole town, clearance Tuyệt mật), send a
bounded number of GETs per URL (or stop at a time limit); latencies are measured per request.
Baseline, same run, same server: a static file served by WhiteNoise. Reported: p50, p95, max,
requests/s and p95 as a multiple of the static file's p95.

Second scenario, "50 users at work": the same 50 sessions browse at once, each picking one of
the mixed pages at random, then pausing a think time drawn uniformly from 1–3 s (what Locust's
``between(1, 3)`` does) — the load 50 people at their desks put on the server, as against the
first scenario's 50 clients firing back to back with no pause (a stress test: it asks for more
requests per second than the static file alone can be served at). Reported per page and for
all pages together, with the two baselines in the same mix; ``CAPUY_BENCH_WEB_BROWSE_SECONDS`` (60) and ``CAPUY_BENCH_WEB_THINK``
("1,3"); ``CAPUY_BENCH_WEB_SCENARIOS`` ("stress,browse": either or both).

Environment: ``CAPUY_BENCH_WEB_CLIENTS`` (50), ``CAPUY_BENCH_WEB_REQUESTS`` (per client and
URL, 6), ``CAPUY_BENCH_WEB_DOCUMENTS`` (100.000), ``CAPUY_BENCH_WEB_PORT`` (a free one), ``CAPUY_BENCH_WEB_DATA_DIR`` (keep and
reuse a prepared data directory instead of a throw-away one — the set-up takes most of the
run).

Server configurations: ``CAPUY_BENCH_WEB_SERVERS`` runs the scenarios once per configuration,
one server after the other against the same data, then prints them side by side with the
server's memory — e.g. ``"default;workers=3 threads=4 keepalive=5;class=sync workers=5"``
(``default`` is what ``capuy serve`` does with no ``CAPUY_*`` variable; keys: ``workers``,
``threads``, ``keepalive``, ``class``, ``reuse_port``, each setting the ``CAPUY_*`` variable
of ``capuy.web.server``). Unset: one run with the defaults. On a shared machine, add
``CAPUY_BENCH_WEB_ROUNDS`` (e.g. 4): all the configurations are started at once on ports
following each other and the users browse each in turn for BROWSE_SECONDS ÷ ROUNDS, ROUNDS
times, so bursts of other load fall on each alike (``browse`` only).

Run: ``make bench`` or ``python -m benchmarks web`` (a few minutes on 2 cores).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

CLIENTS = int(os.environ.get("CAPUY_BENCH_WEB_CLIENTS", "50"))
REQUESTS_PER_CLIENT = int(os.environ.get("CAPUY_BENCH_WEB_REQUESTS", "6"))  # per URL
TIME_LIMIT = 60.0  # seconds per URL, whichever comes first
BROWSE_SECONDS = float(os.environ.get("CAPUY_BENCH_WEB_BROWSE_SECONDS", "60"))
SCENARIOS = set(os.environ.get("CAPUY_BENCH_WEB_SCENARIOS", "stress,browse").split(","))
THINK = tuple(float(x) for x in os.environ.get("CAPUY_BENCH_WEB_THINK", "1,3").split(","))
GENERATED_DOCUMENTS = int(os.environ.get("CAPUY_BENCH_WEB_DOCUMENTS", "100000"))
USER, PASSWORD = "lanhdao.ducpho", "lanhdao-ducpho-2024"
BASELINES = [
    ("tệp tĩnh (baseline)", "/static/capuy/capuy.css"),
    ("Django, không truy vấn CSDL", "/healthz"),
]
PAGES = [
    ("trang chủ", "/"),
    ("danh sách văn bản", "/van-ban/"),
    ("danh sách văn bản, lọc thể loại + năm", "/van-ban/?the_loai=KH&tu_ngay=01/01/2023"),
    ("danh sách văn bản, trang 50", "/van-ban/?trang=50"),
    ("một văn bản", "/van-ban/{document}/"),
    ("danh sách đảng viên", "/dang-vien/"),
    ("chỉ tiêu", "/chi-tieu/"),
    ("một báo cáo", "/bao-cao/{report}/"),
]
SERVERS = [spec.strip() for spec in os.environ.get("CAPUY_BENCH_WEB_SERVERS", "default").split(";")]
ROUNDS = int(os.environ.get("CAPUY_BENCH_WEB_ROUNDS", "1"))
SERVER_KEYS = {
    "workers": "CAPUY_WORKERS",
    "threads": "CAPUY_THREADS",
    "keepalive": "CAPUY_KEEPALIVE",
    "class": "CAPUY_WORKER_CLASS",
    "reuse_port": "CAPUY_REUSE_PORT",
}
REPO = Path(__file__).resolve().parents[1]
PICKED = "bench_web.json"  # the document and report ids picked at set-up
CAPUY = str(Path(sys.executable).with_name("capuy"))


def generate_documents(count: int) -> int:
    """Insert ``count`` documents into the configured database (runs in the prepare step)."""
    import datetime as dt
    import random

    from capuy.accounts.levels import Classification
    from capuy.documents.models import Direction, Document, party_type_choices
    from capuy.orgs.models import Body, CommitteeTerm, Organisation

    rng = random.Random(2024)
    town = Organisation.objects.get(committee_name="Thị ủy Đức Phổ", valid_to__isnull=True)
    wards = town.children.filter(kind="dang_bo_co_so", committee_name__startswith="Đảng ủy")
    units = [town, *wards]
    types = [code for code, _ in party_type_choices()]
    bodies = {u.pk: list(Body.objects.filter(organisation=u)) for u in units}
    terms = {t.organisation_id: t for t in CommitteeTerm.objects.filter(organisation__in=units)}
    next_number: dict[tuple[int, str, str], int] = {}
    levels = [Classification.NORMAL] * 90 + [Classification.SECRET] * 7
    levels += [Classification.TOP_SECRET] * 2 + [Classification.MOST_SECRET]
    phrase = "Kế hoạch triển khai thực hiện Nghị quyết Báo cáo kết quả công tác xây dựng Đảng"
    phrase += " kiểm tra giám sát dân vận tuyên giáo tổ chức cán bộ quý tháng năm phường xã"
    words = phrase.split(maxsplit=-1)
    start = dt.date(2020, 9, 1)
    batch: list[Document] = []
    for i in range(count):
        unit = units[0] if rng.random() < 0.5 else rng.choice(units[1:])
        term = terms.get(unit.pk)
        body = rng.choice(bodies[unit.pk])
        type_code = rng.choice(types)
        issued = start + dt.timedelta(days=rng.randrange(0, 1700))
        outgoing = term is not None and rng.random() < 0.8
        doc = Document(
            direction=Direction.OUTGOING if outgoing else Direction.INCOMING,
            organisation=unit,
            type_code=type_code,
            issued_on=issued,
            summary=" ".join(rng.choice(words) for _ in range(rng.randint(6, 16))).capitalize(),
            classification=rng.choice(levels),
            signer_name="Người ký " + str(i % 97),
        )
        if outgoing:
            key = (unit.pk, body.code, type_code)
            number = next_number.get(key, 5000) + 1  # far above the demo's own numbers
            next_number[key] = number
            doc.term = term
            doc.issuing_body = body
            doc.symbol_code = body.code
            doc.number = number
            doc.symbol = f"{number}-{type_code}/{body.code}"
        else:
            doc.sender = "Ban Tổ chức Tỉnh ủy"
            doc.received_on = issued + dt.timedelta(days=1)
            doc.symbol = f"{rng.randint(1, 9000)}-{type_code}/TU"
        doc.refresh_search_text()
        batch.append(doc)
        if len(batch) == 2000:
            Document.objects.bulk_create(batch)
            batch.clear()
    Document.objects.bulk_create(batch)
    return Document.objects.count()


def _prepare_in_subprocess(data_dir: Path) -> None:
    """Entry of ``python -m benchmarks.bench_web prepare``: generate into CAPUY_DATA_DIR."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capuy.web.settings")
    import django

    django.setup()
    total = generate_documents(GENERATED_DOCUMENTS)
    from django.db import connection

    from capuy.documents.counters import rebuild_counters

    rebuild_counters()

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
    (Path(os.environ["CAPUY_DATA_DIR"]) / PICKED).write_text(json.dumps(_pick_records()))
    print(f"documents: {total}")


def _pick_records() -> dict[str, int]:
    """A demo document with relations or meetings (the richest page) and the town's monthly
    report of November 2024, composed here as a clerk would (the demo composes none)."""
    from django.db.models import Count

    from capuy.documents.models import Document
    from capuy.orgs.models import Organisation
    from capuy.reports.models import Report
    from capuy.reports.workflow import create_report

    town = Organisation.objects.get(committee_name="Thị ủy Đức Phổ", valid_to__isnull=True)
    create_report(town, "monthly", "2024-11")

    document = (
        Document.objects.annotate(links=Count("relations_out") + Count("agenda_items"))
        .filter(classification=0)
        .order_by("-links", "pk")
        .first()
    )
    report = Report.objects.order_by("pk").first()
    assert document is not None and report is not None, "the demo has no document or report"
    return {"document": document.pk, "report": report.pk}


def _in_process(urls: list[tuple[str, str]]) -> None:
    """Entry of ``python -m benchmarks.bench_web pages``: each page alone, in this process (no
    server, no concurrency): best of 3 wall times, best of 3 CPU times of the thread (SQLite
    runs in it, so its work is counted; other sessions' load on a shared machine stretches the
    wall time, much less the CPU time), queries and their SQL time — the cost of a page
    whatever the machine's load, beside the load run's latencies."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capuy.web.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    client.force_login(User.objects.get(username=USER))
    print("| page | ms (best of 3) | CPU ms (best of 3) | queries | SQL ms |")
    print("|---|---:|---:|---:|---:|")
    for label, path in urls:
        client.get(path)  # warm: templates, per-process caches
        runs = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as captured:
                began, cpu_began = time.perf_counter(), time.thread_time()
                status = client.get(path).status_code
                wall = (time.perf_counter() - began) * 1000
                cpu = (time.thread_time() - cpu_began) * 1000  # SQLite's work included
            sql = sum(float(q["time"]) for q in captured.captured_queries) * 1000
            runs.append((wall, cpu, len(captured), sql))
        wall = min(run[0] for run in runs)
        _, cpu, queries, sql = min(runs, key=lambda run: run[1])
        assert status == 200, (path, status)
        print(f"| {label} `{path}` | {wall:.1f} | {cpu:.1f} | {queries} | {sql:.0f} |")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("capuy serve did not start")


def _login(port: int) -> str:
    """Log in through the real form; returns the Cookie header for the session."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/dang-nhap/")
    response = conn.getresponse()
    body = response.read().decode()
    csrf_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    assert csrf_cookie and token, "no CSRF token on the login page"
    form = f"username={USER}&password={PASSWORD}&csrfmiddlewaretoken={token.group(1)}"
    conn.request(
        "POST",
        "/dang-nhap/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie.group(1)}",
        },
    )
    response = conn.getresponse()
    response.read()
    session = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie") or "")
    assert response.status == 302 and session, f"login failed: {response.status}"
    return f"csrftoken={csrf_cookie.group(1)}; sessionid={session.group(1)}"


def _load(port: int, path: str, cookie: str) -> tuple[list[float], float, int]:
    """CLIENTS × REQUESTS_PER_CLIENT GETs of ``path``; (latencies in ms, seconds, errors)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = [0.0]  # set once every client has warmed up
    start_gate = threading.Barrier(
        CLIENTS, action=lambda: stop_at.__setitem__(0, time.monotonic() + TIME_LIMIT)
    )

    def client() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

        def get() -> int:
            """One GET; reconnects once if the server closed the idle keep-alive connection."""
            nonlocal conn
            for attempt in (1, 2):
                try:
                    conn.request("GET", path, headers={"Cookie": cookie})
                    response = conn.getresponse()
                    response.read()
                    return response.status
                except (http.client.RemoteDisconnected, ConnectionError):
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    if attempt == 2:
                        raise
            return 0

        mine: list[float] = []
        bad = 0
        for _ in range(2):  # open the connection, warm the worker
            get()
        start_gate.wait()
        for _ in range(REQUESTS_PER_CLIENT):
            if mine and time.monotonic() > stop_at[0]:  # at least one request each
                break
            began = time.perf_counter()
            status = get()
            mine.append((time.perf_counter() - began) * 1000)
            if status != 200:
                bad += 1
        conn.close()
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, time.perf_counter() - began, errors


def _connection(port: int) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", port, timeout=60)


def _browse(
    port: int, pages: list[tuple[str, str]], cookie: str, seconds: float = BROWSE_SECONDS
) -> dict[str, list[float]]:
    """CLIENTS users for BROWSE_SECONDS: a random page of ``pages``, then a think time drawn
    from THINK; latencies in ms by page label. Each user has its own generator (seeded by its
    number) so a run's sequence of pages is the same every time."""
    import random

    found: dict[str, list[float]] = {label: [] for label, _ in pages}
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def user(number: int) -> None:
        rng = random.Random(number)
        conn = _connection(port)
        mine: list[tuple[str, float]] = []
        time.sleep(rng.uniform(0, THINK[1]))  # people do not all click at the same instant
        while time.monotonic() < stop_at:
            label, path = rng.choice(pages)
            began = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Cookie": cookie})
                response = conn.getresponse()
                response.read()
            except (http.client.RemoteDisconnected, ConnectionError):
                conn.close()
                conn = _connection(port)
                continue
            if response.status == 200:
                mine.append((label, (time.perf_counter() - began) * 1000))
            time.sleep(rng.uniform(*THINK))
        conn.close()
        with lock:
            for label, ms in mine:
                found[label].append(ms)

    threads = [threading.Thread(target=user, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return found


def _print_browse(found: dict[str, list[float]]) -> None:
    print(
        f"\n{CLIENTS} users at work: a random page, then {THINK[0]:g}–{THINK[1]:g} s of "
        f"thinking, for {BROWSE_SECONDS:g} s (load average before: {os.getloadavg()[0]:.1f})"
    )
    print("| page | requests | p50 ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    baselines = {label for label, _ in BASELINES}  # in the mix, beside, not in the total
    every = [ms for label, values in found.items() if label not in baselines for ms in values]
    for label, values in [*found.items(), ("every page together (baselines aside)", every)]:
        if len(values) < 2:
            print(f"| {label} | {len(values)} | — | — | — |")
            continue
        print(
            f"| {label} | {len(values)} | {statistics.median(values):.1f} "
            f"| {_p(values, 95):.1f} | {max(values):.1f} |"
        )
    print(f"load average after: {os.getloadavg()[0]:.1f}")


def _tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` and its live children (the
    gunicorn master and its workers), from /proc; 0 where /proc is missing."""
    total, todo = 0.0, [pid]
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total


def _settle(server_pid: int, limit: float = 90.0) -> str:
    """Wait until the server's process tree is idle (under 0,05 core over a second): ``capuy
    serve`` starts the job worker beside gunicorn, and the worker starts its LibreOffice pool
    — ~0,4 core for ~10 s after the first page answers, which would otherwise fall inside the
    measured run. Says how long it took."""
    began = time.perf_counter()
    while time.perf_counter() - began < limit:
        before = _tree_cpu(server_pid)
        time.sleep(1.0)
        if _tree_cpu(server_pid) - before < 0.05:
            break
    return (
        f"server idle {time.perf_counter() - began:.0f} s after it answered (job worker start-up)"
    )


def _cpu_share(
    server_pid: int, run: Callable[[], dict[str, list[float]]]
) -> tuple[dict[str, list[float]], str]:
    """Run ``run()`` and say how much CPU the server and this process (the load generator's
    threads) used meanwhile, per second of the run and per request served."""
    before_server, before_self = _tree_cpu(server_pid), time.process_time()
    began = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - began
    server = _tree_cpu(server_pid) - before_server
    clients = time.process_time() - before_self
    requests = sum(len(v) for v in result.values())
    per = (
        f", per request: server {server / requests * 1000:.1f} ms, load generator "
        if requests
        else ""
    )
    per += f"{clients / requests * 1000:.1f} ms" if requests else ""
    return result, (
        f"CPU during the run ({seconds:.0f} s, {os.cpu_count()} cores = {(os.cpu_count() or 1) * seconds:.0f} core-s "
        f"at most): server {server:.1f} s ({server / seconds:.2f} cores), load generator "
        f"{clients:.1f} s ({clients / seconds:.2f} cores){per}"
    )


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    kept = os.environ.get("CAPUY_BENCH_WEB_DATA_DIR")
    data_dir = Path(kept) if kept else Path(tempfile.mkdtemp(prefix="capuy-bench-web-"))
    env = {**os.environ, "CAPUY_DATA_DIR": str(data_dir)}
    env.pop("CAPUY_DATABASE_URL", None)  # the embedded SQLite, as an office would run it
    server = None
    try:
        started = time.perf_counter()
        if not (data_dir / PICKED).exists():
            data_dir.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [CAPUY, "demo", "--no-serve"], env=env, cwd=REPO, check=True, capture_output=True
            )
            prepared = subprocess.run(
                [sys.executable, "-m", "benchmarks.bench_web", "prepare"],
                env=env,
                cwd=REPO,
                check=True,
                capture_output=True,
                text=True,
            )
            print(f"set-up: {prepared.stdout.strip()} in {time.perf_counter() - started:.0f} s")
        else:
            # a directory prepared by older code gets this code's migrations first
            subprocess.run([CAPUY, "migrate"], env=env, cwd=REPO, check=True, capture_output=True)
            print(f"set-up: reusing {data_dir} (migrated)")
        picked = json.loads((data_dir / PICKED).read_text())
        urls = BASELINES + [(label, path.format(**picked)) for label, path in PAGES]
        alone = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_web", "pages", json.dumps(urls[1:])],
            env=env,
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
        )
        print(f"Each page alone, in-process (load average {os.getloadavg()[0]:.1f}):\n")
        print(alone.stdout)
        port = int(os.environ.get("CAPUY_BENCH_WEB_PORT", "0")) or _free_port()
        if ROUNDS > 1:
            _interleaved(env, urls, port)
            return
        summary: list[str] = []
        for spec in SERVERS:
            server_env = _server_env(env, spec)
            print(f"\n## Server: {spec} ({_describe(server_env)})\n")
            server = subprocess.Popen(
                [CAPUY, "serve", "--host", "127.0.0.1", "--port", str(port)],
                env=server_env,
                cwd=REPO,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            _wait_until_up(port)
            cookie = _login(port)
            print(_settle(server.pid))
            if "stress" in SCENARIOS:
                _stress(port, urls, cookie)
            if "browse" in SCENARIOS:
                load_before = os.getloadavg()[0]
                found, cpu = _cpu_share(server.pid, lambda c=cookie: _browse(port, urls, c))
                _print_browse(found)
                print(cpu)
                memory = _memory(server.pid)
                print(memory)
                summary.append(_summary_row(spec, found, load_before, cpu, memory))
            _stop(server)
            server = None
            time.sleep(2)  # the port and the job worker's LibreOffice go
        if len(summary) > 1:
            print(
                "\n| server | requests | p50 ms | p95 ms | static p95 | no-DB p95 "
                "| load before | server CPU | memory |"
            )
            print("|---|---:|---:|---:|---:|---:|---:|---|---|")
            print("\n".join(summary))
    finally:
        if server is not None:
            _stop(server)
        if not kept:
            shutil.rmtree(data_dir, ignore_errors=True)


def _interleaved(env: dict[str, str], urls: list[tuple[str, str]], port: int) -> None:
    """Every configuration of CAPUY_BENCH_WEB_SERVERS at once, each on its own port (port,
    port + 1, …), idle but one: the 50 users browse each in turn for BROWSE_SECONDS ÷ ROUNDS,
    ROUNDS times, the order turned by one each round — so a shared machine's bursts of load
    fall on every configuration alike. Latencies pooled per configuration."""
    servers: list[tuple[str, int, subprocess.Popen[bytes], str]] = []
    try:
        for number, spec in enumerate(SERVERS):
            server_env = _server_env(env, spec)
            server = subprocess.Popen(
                [CAPUY, "serve", "--host", "127.0.0.1", "--port", str(port + number)],
                env=server_env,
                cwd=REPO,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            servers.append((spec, port + number, server, ""))
            _wait_until_up(port + number)
            servers[-1] = (spec, port + number, server, _login(port + number))
            print(f"{spec} ({_describe(server_env)}) on {port + number}: {_settle(server.pid)}")
        found: dict[str, dict[str, list[float]]] = {spec: {} for spec in SERVERS}
        cpu = dict.fromkeys(SERVERS, 0.0)
        seconds = dict.fromkeys(SERVERS, 0.0)
        loads: dict[str, list[float]] = {spec: [] for spec in SERVERS}
        slice_seconds = BROWSE_SECONDS / ROUNDS
        print(
            f"\n{ROUNDS} rounds of {slice_seconds:g} s per configuration, {CLIENTS} users, "
            f"think time {THINK[0]:g}–{THINK[1]:g} s"
        )
        for round_number in range(ROUNDS):
            turn = round_number % len(servers)
            for spec, server_port, server, cookie in servers[turn:] + servers[:turn]:
                loads[spec].append(os.getloadavg()[0])
                before, began = _tree_cpu(server.pid), time.perf_counter()
                got = _browse(server_port, urls, cookie, slice_seconds)
                seconds[spec] += time.perf_counter() - began
                cpu[spec] += _tree_cpu(server.pid) - before
                for label, values in got.items():
                    found[spec].setdefault(label, []).extend(values)
        print(
            "\n| server | requests | p50 ms | p95 ms | static p95 | no-DB p95 "
            "| load (min–max) | server CPU | memory |"
        )
        print("|---|---:|---:|---:|---:|---:|---|---|---|")
        for spec, _port, server, _cookie in servers:
            requests = sum(len(v) for v in found[spec].values())
            share = (
                f"server {cpu[spec]:.1f} s ({cpu[spec] / seconds[spec]:.2f} cores), "
                f"per request: server {cpu[spec] / max(requests, 1) * 1000:.1f} ms"
            )
            load = f"{min(loads[spec]):.1f}–{max(loads[spec]):.1f}"
            row = _summary_row(spec, found[spec], 0.0, share, _memory(server.pid))
            cells = row.split(" | ")
            cells[6] = load
            print(" | ".join(cells))
        for spec in SERVERS:
            print(f"\n### {spec}")
            _print_browse(found[spec])
    finally:
        for _spec, _port, server, _cookie in servers:
            _stop(server)


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _server_env(env: dict[str, str], spec: str) -> dict[str, str]:
    """The environment of ``capuy serve`` for one configuration of CAPUY_BENCH_WEB_SERVERS."""
    server_env = {k: v for k, v in env.items() if k not in SERVER_KEYS.values()}
    if spec == "default":
        return server_env
    for item in spec.split():
        key, _, value = item.partition("=")
        if key not in SERVER_KEYS:
            raise SystemExit(f"unknown server setting {key!r} (known: {', '.join(SERVER_KEYS)})")
        server_env[SERVER_KEYS[key]] = value
    return server_env


def _describe(server_env: dict[str, str]) -> str:
    """What gunicorn will be given, as ``capuy.web.server`` computes it."""
    saved = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update(server_env)
        from capuy.web.server import server_options

        options = server_options("127.0.0.1", 0)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return (
        f"{options['workers']} × {options['worker_class']}, {options['threads']} threads, "
        f"keep-alive {options['keepalive']} s{', reuse_port' if options['reuse_port'] else ''}"
    )


def _memory(server_pid: int) -> str:
    """Resident memory of gunicorn's workers after the run: ``capuy serve`` is gunicorn's
    master; its children are the web workers and the job worker (``capuy.cli worker``)."""
    rss: list[float] = []
    try:
        children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
        for pid in children:
            if "worker" in Path(f"/proc/{pid}/cmdline").read_text().split("\0"):
                continue  # the job worker
            kb = re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text())
            if kb:
                rss.append(int(kb.group(1)) / 1024)
    except OSError:
        return "memory: not readable"
    if not rss:
        return "memory: no worker found"
    return (
        f"memory: {len(rss)} web workers, {sum(rss):.0f} MB resident together "
        f"({min(rss):.0f}–{max(rss):.0f} MB each)"
    )


def _summary_row(
    spec: str, found: dict[str, list[float]], load: float, cpu: str, memory: str
) -> str:
    baselines = [label for label, _ in BASELINES]
    every = [ms for label, values in found.items() if label not in baselines for ms in values]
    cores = re.search(r"server [\d.]+ s \(([\d.]+) cores\)", cpu)
    per = re.search(r"per request: server ([\d.]+) ms", cpu)

    def p95(values: list[float]) -> str:
        return f"{_p(values, 95):.0f}" if len(values) >= 2 else "—"

    return (
        f"| {spec} | {len(every)} | {statistics.median(every):.0f} | {p95(every)} "
        f"| {p95(found[baselines[0]])} | {p95(found[baselines[1]])} | {load:.1f} "
        f"| {cores.group(1) if cores else '?'} cores, {per.group(1) if per else '?'} ms/req "
        f"| {memory.removeprefix('memory: ')} |"
    )


def _stress(port: int, urls: list[tuple[str, str]], cookie: str) -> None:
    """The first scenario: every client fires the same URL back to back, URL after URL."""
    print(
        f"{CLIENTS} clients × {REQUESTS_PER_CLIENT} requests per URL, "
        "gunicorn on 127.0.0.1 (the configuration above); "
        f"load average before: {os.getloadavg()[0]:.1f}"
    )
    print("| page | requests | p50 ms | p95 ms | max ms | req/s | p95 × static | p95 × no-DB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    p95s: list[float] = []  # the static file's, then the no-DB view's
    for label, path in urls:
        latencies, seconds, errors = _load(port, path, cookie)
        if len(latencies) < 2:
            print(f"| {label} `{path}` | {len(latencies)} | — | — | — | — | — | — |")
            continue
        p95 = _p(latencies, 95)
        if len(p95s) < 2:
            p95s.append(p95)
        ratios = " | ".join(f"{p95 / base:.1f}" for base in p95s)
        print(
            f"| {label} `{path}` | {len(latencies)}{f' ({errors} errors)' if errors else ''} "
            f"| {statistics.median(latencies):.1f} | {p95:.1f} | {max(latencies):.1f} "
            f"| {len(latencies) / seconds:.0f} | {ratios}{' | —' if len(p95s) == 1 else ''} |"
        )
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["prepare"]:
        _prepare_in_subprocess(Path(os.environ["CAPUY_DATA_DIR"]))
    elif sys.argv[1:2] == ["pages"]:
        _in_process([tuple(pair) for pair in json.loads(sys.argv[2])])
    else:
        main()
