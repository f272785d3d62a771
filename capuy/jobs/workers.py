"""``capuy worker``: a Huey consumer plus a heartbeat that keeps jobs from being lost.

Huey's SQLite storage deletes a message when a worker takes it, so a worker killed with
``kill -9`` mid-job would lose it. The ``Job`` row is therefore the truth, and every worker
(every ``BEAT_S`` seconds, in a thread of its own):

1. writes its heartbeat row (``WorkerBeat``: host, pid, the LibreOffice pool's state);
2. finds the running jobs of dead workers — a heartbeat older than ``DEAD_AFTER_S``, or, on
   the same machine, a process that no longer exists — and puts them back to ``chờ`` (or
   ``lỗi`` after their last attempt), sending them again;
3. re-sends waiting jobs whose message is gone (the queue is empty but the job waits, or it
   has waited longer than ``RESEND_AFTER_S``): a job runs once however often it is sent,
   because only one worker can claim it (``capuy.jobs.runner.claim``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import signal
import socket
import threading
import uuid
from typing import Any

from django.db import close_old_connections
from django.db.models import Q
from django.utils import timezone

from capuy.jobs.models import Job, WorkerBeat
from capuy.jobs.runner import dispatch

BEAT_S = float(os.environ.get("CAPUY_WORKER_BEAT", "5"))
DEAD_AFTER_S = float(os.environ.get("CAPUY_WORKER_DEAD_AFTER", "30"))
RESEND_AFTER_S = 15 * 60
S = Job.State
log = logging.getLogger("capuy.jobs")

_NAME: str | None = None


def current_worker() -> str:
    """This process's worker name: host, pid and a random part (a reused pid is another)."""
    global _NAME
    if _NAME is None:
        _NAME = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    return _NAME


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def beat(info: dict[str, Any] | None = None) -> None:
    name = current_worker()
    WorkerBeat.objects.update_or_create(
        name=name,
        defaults={
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "beat_at": timezone.now(),
            "info": info or {},
        },
    )


def is_dead(beat_row: WorkerBeat | None, now: dt.datetime | None = None) -> bool:
    if beat_row is None:
        return True
    now = now or timezone.now()
    if (now - beat_row.beat_at).total_seconds() > DEAD_AFTER_S:
        return True
    return beat_row.host == socket.gethostname() and not _pid_alive(beat_row.pid)


def live_workers() -> list[WorkerBeat]:
    return [w for w in WorkerBeat.objects.order_by("name") if not is_dead(w)]


def any_worker_alive() -> bool:
    since = timezone.now() - dt.timedelta(seconds=DEAD_AFTER_S)
    return any(not is_dead(w) for w in WorkerBeat.objects.filter(beat_at__gte=since))


def reclaim_dead() -> list[int]:
    """Put the running jobs of dead workers back in the queue (or fail them after their last
    attempt); returns the ids re-queued."""
    me = current_worker()
    running = Job.objects.filter(state=S.RUNNING).exclude(worker=me)
    names = set(running.values_list("worker", flat=True))
    beats = {w.name: w for w in WorkerBeat.objects.filter(name__in=names)}
    dead = [name for name in names if is_dead(beats.get(name))]
    requeued = []
    for job in running.filter(worker__in=dead):
        gone = Job.objects.filter(pk=job.pk, state=S.RUNNING, worker=job.worker)
        why = f"Tiến trình xử lý {job.worker} đã dừng đột ngột giữa chừng"
        if job.attempts >= job.max_attempts:
            gone.update(
                state=S.FAILED,
                message=f"Không làm được sau {job.attempts} lần: {why}."[:500],
                finished_at=timezone.now(),
            )
        elif gone.update(
            state=S.QUEUED, worker="", run_after=timezone.now(), message=f"{why}; chạy lại."
        ):
            requeued.append(job.pk)
            dispatch(job.pk)
    return requeued


def resend_lost() -> list[int]:
    """Send again the waiting jobs whose message is gone."""
    from capuy.jobs.queue import backlog

    now = timezone.now()
    waiting = Job.objects.filter(state=S.QUEUED, run_after__lte=now)
    queue = backlog()
    if queue["pending"] or queue["scheduled"]:
        waiting = waiting.filter(dispatched_at__lt=now - dt.timedelta(seconds=RESEND_AFTER_S))
    else:
        waiting = waiting.filter(
            Q(dispatched_at__isnull=True) | Q(dispatched_at__lt=now - dt.timedelta(seconds=BEAT_S))
        )
    ids = list(waiting.values_list("pk", flat=True)[:500])
    for job_id in ids:
        dispatch(job_id)
    return ids


def sweep(info: dict[str, Any] | None = None) -> None:
    beat(info)
    reclaim_dead()
    resend_lost()
    WorkerBeat.objects.filter(beat_at__lt=timezone.now() - dt.timedelta(days=1)).delete()


class Heartbeat(threading.Thread):
    def __init__(self, info: Any) -> None:
        super().__init__(name="capuy-heartbeat", daemon=True)
        self.info = info
        self.stopped = threading.Event()

    def run(self) -> None:
        parent = int(os.environ.get("CAPUY_WORKER_PARENT", "0") or 0)
        while not self.stopped.is_set():
            if parent and os.getppid() != parent:  # started by ``capuy serve``, which is gone
                os.kill(os.getpid(), signal.SIGINT)  # Huey's graceful stop
                return
            try:
                close_old_connections()
                sweep(self.info())
            except Exception:  # noqa: BLE001 — a busy database must not stop the beat
                log.exception("capuy worker: heartbeat failed")
            self.stopped.wait(BEAT_S)

    def stop(self) -> None:
        self.stopped.set()


def run_worker(threads: int = 2, pool_size: int = 1) -> None:
    """Run until interrupted: the heartbeat, a warm LibreOffice pool, Huey's consumer."""
    from capuy.jobs import pool
    from capuy.jobs.queue import huey

    converters = pool.install(pool_size)
    sweep(converters.status())  # first beat before any job, and pick up the dead's jobs
    heart = Heartbeat(converters.status)
    heart.start()
    consumer = huey().create_consumer(workers=threads, worker_type="thread", periodic=True)
    try:
        consumer.run()
    finally:
        heart.stop()
        converters.close()
        with contextlib.suppress(Exception):
            WorkerBeat.objects.filter(name=current_worker()).delete()
