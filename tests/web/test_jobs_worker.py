"""A worker killed with ``kill -9`` mid-job loses no job: real ``capuy worker`` processes on a
real SQLite data folder; the second worker finds the first one dead and finishes the job once.

No step assumes a speed: every wait polls for a state with a generous deadline.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEADLINE_S = 240


def _env(data: Path, queue: str = "sqlite") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAPUY_")}
    env.update(
        CAPUY_DATA_DIR=str(data),
        CAPUY_VOCAB_DIR=str(data / "vocab"),
        CAPUY_JOB_MODULES="tests.web.jobs_probe",
        CAPUY_WORKER_BEAT="1",
        CAPUY_LO_POOL="0",
        CAPUY_QUEUE_URL=queue,
        PYTHONPATH=str(ROOT),
        DJANGO_SETTINGS_MODULE="capuy.web.settings",
    )
    return env


def _wait_for(what: str, probe: Callable[[], Any], procs: list[subprocess.Popen[bytes]]) -> Any:
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        if found := probe():
            return found
        for proc in procs:
            assert proc.poll() is None, f"a worker stopped (status {proc.returncode}) before {what}"
        time.sleep(0.2)
    raise AssertionError(f"no {what} after {DEADLINE_S} s")


def _query(db: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    if not db.exists():
        return []
    with sqlite3.connect(db, timeout=30) as conn:
        try:
            return conn.execute(sql, args).fetchall()
        except sqlite3.OperationalError:  # the tables are not made yet
            return []


@pytest.fixture
def own_tmp() -> Iterator[Path]:
    """A folder of this test's own: pytest's numbered folders are shared by every pytest run of
    the user, and another run may prune them while the workers still use this one."""
    with tempfile.TemporaryDirectory(prefix="capuy-jobs-kill-") as folder:
        yield Path(folder)


@pytest.fixture(params=["sqlite", "db"])
def queue(request: pytest.FixtureRequest) -> str:
    """Huey's queue: its own SQLite file, or the application's database (capuy.jobs.dbqueue)."""
    return str(request.param)


@pytest.fixture
def workers(own_tmp: Path, queue: str) -> Iterator[Callable[[], subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []

    def start() -> subprocess.Popen[bytes]:
        log = (own_tmp / f"worker-{len(started)}.log").open("wb")
        proc = subprocess.Popen(
            [sys.executable, "-m", "capuy.cli", "worker", "--threads", "1", "--pool", "0"],
            cwd=ROOT,
            env=_env(own_tmp / "data", queue),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_kill_9_mid_job_loses_nothing_and_runs_it_once(
    own_tmp: Path, queue: str, workers: Callable[[], subprocess.Popen[bytes]]
) -> None:
    data = own_tmp / "data"
    db = data / "capuy.sqlite3"
    log, gate = own_tmp / "job.log", own_tmp / "gate"
    first = workers()
    _wait_for(
        "first worker's heartbeat",
        lambda: _query(db, "SELECT name FROM jobs_workerbeat WHERE pid = ?", first.pid),
        [first],
    )
    queued = subprocess.run(
        [sys.executable, "-m", "capuy.cli", "jobs", "run", "probe_gate",
         "--param", f"log={log}", "--param", f"gate={gate}"],
        cwd=ROOT, env=_env(data, queue), capture_output=True, text=True, timeout=DEADLINE_S,
    )  # fmt: skip
    assert queued.returncode == 0, queued.stdout + queued.stderr[:3000]
    job_id, first_name = _wait_for(
        "job running on the first worker",
        lambda: next(
            iter(_query(db, "SELECT id, worker FROM jobs_job WHERE state='running' AND done=1")),
            None,
        ),
        [first],
    )
    assert str(first.pid) in first_name
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=60)
    gate.touch()
    second = workers()
    state, attempts, worker, message = _wait_for(
        "finished job",
        lambda: next(
            iter(
                _query(
                    db,
                    "SELECT state, attempts, worker, message FROM jobs_job "
                    "WHERE id = ? AND state IN ('done', 'failed')",
                    job_id,
                )
            ),
            None,
        ),
        [second],
    )
    assert (state, attempts) == ("done", 2), message
    assert str(second.pid) in worker and worker != first_name
    lines = log.read_text().split()
    starts = [
        int(pid) for word, pid in zip(lines[::2], lines[1::2], strict=True) if word == "start"
    ]
    finishes = [
        int(pid) for word, pid in zip(lines[::2], lines[1::2], strict=True) if word == "finish"
    ]
    assert starts == [first.pid, second.pid]
    assert finishes == [second.pid]
    # the dead worker's message re-sent, the job claimed once: nothing is left waiting
    assert _query(db, "SELECT count(*) FROM jobs_job WHERE state != 'done'") == [(0,)]
