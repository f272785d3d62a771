"""The Huey instance: embedded SQLite by default; the database or Redis across machines.

- default on SQLite: ``SqliteHuey`` on ``DATA_DIR/queue.sqlite3`` — no server; every worker of
  the machine reads the same file (``CAPUY_QUEUE_URL=sqlite`` forces it).
- default on PostgreSQL, or ``CAPUY_QUEUE_URL=db``: the queue in the application's database
  (``capuy.jobs.dbqueue``) — workers on several machines, nothing more to run.
- ``CAPUY_QUEUE_URL=redis://host:6379/0``: ``RedisHuey`` (``pip install redis``).

Huey carries only a job's id (``capuy.jobs.runner.execute``); a lost message is re-sent by the
workers' sweep (``capuy.jobs.workers``), so the queue needs no durability of its own.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from huey import Huey, RedisHuey, SqliteHuey, crontab

from capuy.errors import InputError

NIGHTLY_HOUR = int(os.environ.get("CAPUY_BACKUP_HOUR", "2"))


def _data_dir() -> Path:
    from django.conf import settings

    return Path(settings.DATA_DIR)


def queue_url() -> str:
    return os.environ.get("CAPUY_QUEUE_URL", "").strip()


def backend_name() -> str:
    """``redis``, ``db`` (the application's database) or ``sqlite`` (a file of its own)."""
    url = queue_url()
    if url.startswith(("redis://", "rediss://")):
        return "redis"
    if url == "db":
        return "db"
    if url in ("", "sqlite"):
        from django.conf import settings

        postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
        return "db" if postgres and not url else "sqlite"
    raise InputError(
        f"CAPUY_QUEUE_URL không hỗ trợ: {url.split(':', 1)[0]} (redis://…, db hoặc sqlite)",
        f"unsupported CAPUY_QUEUE_URL: {url.split(':', 1)[0]} (redis://…, db or sqlite)",
    )


def _make() -> Huey:
    backend = backend_name()
    if backend == "redis":
        return RedisHuey("capuy", url=queue_url(), results=False)
    if backend == "db":
        from capuy.jobs.dbqueue import DatabaseStorage

        return Huey("capuy", results=False, storage_class=DatabaseStorage)
    path = _data_dir() / "queue.sqlite3"
    return SqliteHuey("capuy", filename=str(path), results=False, timeout=20)


@cache
def app() -> tuple[Huey, dict[str, Any]]:
    """The Huey instance and its tasks (made once per process, after Django settings)."""
    huey = _make()

    @huey.task(name="capuy.run_job")
    def run_job(job_id: int) -> None:
        from django.db import close_old_connections

        from capuy.jobs.runner import execute
        from capuy.jobs.workers import current_worker

        close_old_connections()
        execute(job_id, current_worker())

    @huey.periodic_task(crontab(minute="0", hour=str(NIGHTLY_HOUR)), name="capuy.nightly")
    def nightly() -> None:
        from capuy.jobs.runner import enqueue_nightly

        enqueue_nightly()

    return huey, {"run_job": run_job, "nightly": nightly}


def huey() -> Huey:
    return app()[0]


def send(job_id: int, delay: float | None = None) -> None:
    """Put ``job_id`` on the queue (after ``delay`` seconds)."""
    task = app()[1]["run_job"]
    if delay:
        task.schedule(args=(job_id,), delay=delay)
    else:
        task(job_id)


def backlog() -> dict[str, int]:
    """Messages waiting in Huey (ready, and scheduled for later)."""
    h = huey()
    return {"pending": h.pending_count(), "scheduled": h.scheduled_count()}
