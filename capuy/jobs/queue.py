"""The Huey instance: embedded SQLite by default, Redis when ``CAPUY_QUEUE_URL`` says so.

- default: ``SqliteHuey`` on ``DATA_DIR/queue.sqlite3`` — no server; every worker of the machine
  reads the same file.
- ``CAPUY_QUEUE_URL=redis://host:6379/0``: ``RedisHuey`` (``pip install redis``), for workers on
  several machines.

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
    return "redis" if queue_url().startswith(("redis://", "rediss://")) else "sqlite"


def _make() -> Huey:
    url = queue_url()
    if url.startswith(("redis://", "rediss://")):
        return RedisHuey("capuy", url=url, results=False)
    if url:
        raise InputError(
            f"CAPUY_QUEUE_URL không hỗ trợ: {url.split(':', 1)[0]} (chỉ redis://)",
            f"unsupported CAPUY_QUEUE_URL scheme: {url.split(':', 1)[0]}",
        )
    path = _data_dir() / "queue.sqlite3"
    return SqliteHuey("capuy", filename=str(path), results=False, timeout=20)


@cache
def app() -> tuple[Huey, dict[str, Any]]:
    """The Huey instance and its tasks (made once per process, after Django settings)."""
    huey = _make()

    @huey.task(name="capuy.run_job")
    def run_job(job_id: int) -> None:
        from capuy.jobs.runner import execute
        from capuy.jobs.workers import current_worker

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
