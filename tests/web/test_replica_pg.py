"""The read replica, against a REAL PostgreSQL streaming replica: a primary made with initdb, a
replica made from it with ``pg_basebackup -R``, both on free loopback ports chosen here.

``tests/web/replica_scenario.py`` runs in a process of its own with ``CAPUY_DATABASE_URL`` (the
primary) and ``CAPUY_DATABASE_REPLICA_URL`` (the replica) and reports what it saw: the search
page's and the dashboards' queries run on the replica, the register list's on the primary; with
the replica's replay paused (``pg_wal_replay_pause()``) the search page shows the replica's
state (a document written since is not found) while the lag is within the bound, and the
primary's (found) once the lag is over it; resumed, the replica answers again; a write made
while reads are routed stays on the primary; ``/healthz/full`` reports the lag.

Runs in the PostgreSQL half of ``scripts/test.sh`` (``CAPUY_DATABASE_URL`` set) or with
``CAPUY_REPLICA_TEST=1``; skipped when PostgreSQL's programs are not installed.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 600


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[4]))
    for folder in [*reversed(found), str(Path(shutil.which("initdb") or "/nonexistent").parent)]:
        if all((Path(folder) / tool).exists() for tool in ("initdb", "pg_ctl", "pg_basebackup")):
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_pg(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.getuid() == 0 else command


def _run(command: list[str]) -> None:
    done = subprocess.run(_as_pg(command), capture_output=True, text=True, timeout=TIMEOUT_S)
    assert done.returncode == 0, f"{command[0]}: {done.stdout[-2000:]}{done.stderr[-2000:]}"


# It reaches PostgreSQL through processes of its own, not through pytest-django's fixtures.
pytestmark = pytest.mark.database


@pytest.fixture
def clusters() -> Iterator[tuple[int, int]]:
    if not (os.environ.get("CAPUY_DATABASE_URL") or os.environ.get("CAPUY_REPLICA_TEST")):
        pytest.skip(
            "runs in the PostgreSQL half of scripts/test.sh (CAPUY_DATABASE_URL), "
            "or with CAPUY_REPLICA_TEST=1"
        )
    pg_bin = _pg_bin()
    if pg_bin is None:
        pytest.skip("PostgreSQL's initdb/pg_ctl/pg_basebackup not installed (make system-deps)")
    tmp = Path(tempfile.mkdtemp(prefix="capuy-replica-"))
    if os.getuid() == 0:
        shutil.chown(tmp, "postgres")
    primary, standby = tmp / "primary", tmp / "replica"
    p_port, r_port = _free_port(), _free_port()
    common = f"-h 127.0.0.1 -k {tmp} -c fsync=off -c full_page_writes=off"
    started: list[Path] = []
    try:
        _run([str(pg_bin / "initdb"), "-D", str(primary), "-U", "capuy", "--auth=trust",
              "-E", "UTF8", "--locale=C.UTF-8"])  # fmt: skip
        _run([str(pg_bin / "pg_ctl"), "-D", str(primary), "-l", str(tmp / "primary.log"), "-w",
              "-o", f"{common} -p {p_port} -c wal_level=replica -c max_wal_senders=5", "start"])  # fmt: skip
        started.append(primary)
        _run([str(pg_bin / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(p_port), "-U", "capuy",
              "-D", str(standby), "-R", "-X", "stream"])  # fmt: skip
        _run([str(pg_bin / "pg_ctl"), "-D", str(standby), "-l", str(tmp / "replica.log"), "-w",
              "-o", f"{common} -p {r_port} -c hot_standby=on", "start"])  # fmt: skip
        started.append(standby)
        yield p_port, r_port
    finally:
        for folder in reversed(started):
            subprocess.run(_as_pg([str(pg_bin / "pg_ctl"), "-D", str(folder), "-m", "immediate",
                                   "stop"]), capture_output=True, timeout=120)  # fmt: skip
        shutil.rmtree(tmp, ignore_errors=True)


def test_dashboards_and_search_read_the_replica_and_fall_back_when_it_lags(
    clusters: tuple[int, int], tmp_path: Path
) -> None:
    p_port, r_port = clusters
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAPUY_")}
    env.update(
        CAPUY_DATABASE_URL=f"postgresql://capuy@127.0.0.1:{p_port}/postgres",
        CAPUY_DATABASE_REPLICA_URL=f"postgresql://capuy@127.0.0.1:{r_port}/postgres",
        CAPUY_DATA_DIR=str(tmp_path),
        CAPUY_ALLOWED_HOSTS="testserver",
        DJANGO_SETTINGS_MODULE="capuy.web.settings",
        PYTHONPATH=str(ROOT),
    )
    done = subprocess.run(
        [sys.executable, "-m", "tests.web.replica_scenario"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT_S,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["databases"] == ["default", "replica"] and seen["in_recovery"] is True
    # caught up: the search page and the dashboards are read on the replica
    search = seen["search_caught_up"]
    assert search["status"] == 200 and search["found"]
    assert search["replica_search_queries"] > 0
    assert not any(t.startswith("search") or t == "documents_document"
                   for t in search["primary_tables"]), json.dumps(seen)  # fmt: skip
    for page in ("home", "indicators"):
        assert seen[page]["status"] == 200 and seen[page]["replica_queries"] > 0, page
    # every other page reads the primary
    assert seen["register_list"]["status"] == 200
    assert seen["register_list"]["replica_queries"] == 0
    # replay paused, lag within the bound: the page shows the replica's (older) state
    assert seen["second_on_primary"] is True
    paused = seen["paused_within_bound"]
    assert paused["status"] == 200 and paused["replica_queries"] > 0 and not paused["found"]
    assert seen["health_within_bound"]["ok"] is True
    # over the bound: the primary answers, the replica is not queried
    over = seen["paused_over_bound"]
    assert over["status"] == 200 and over["found"] and over["replica_queries"] == 0
    health = seen["health_over_bound"]
    assert health["configured"] and not health["ok"] and health["lag_s"] > health["max_lag_s"]
    assert seen["health_degraded"] is True
    # resumed and caught up: the replica answers again, with the new document
    resumed = seen["resumed"]
    assert resumed["found"] and resumed["replica_queries"] > 0
    assert seen["write_on_primary"] is True
