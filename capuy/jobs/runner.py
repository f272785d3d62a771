"""Queue a job, and run one: claim it, report progress, finish it, retry it or fail it.

Every change of state is one conditional ``UPDATE`` on the ``Job`` row (``WHERE state=… AND
worker=…``), so two workers can never both run a job, and a worker that was declared dead (its
jobs given to another) cannot finish one any more: its next progress report raises ``JobLost``.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from capuy.errors import InputError
from capuy.jobs.models import Job
from capuy.jobs.registry import JobKind, Result, kind_of

S = Job.State
PROGRESS_EVERY_S = 0.5  # a handler may report at every step: the row is written at most this often


class JobLost(Exception):
    """This worker no longer holds the job (it was declared dead and the job re-queued)."""


def enqueue(
    kind: str,
    title: str,
    params: dict[str, Any] | None = None,
    *,
    user: Any = None,
    organisation: Any = None,
    classification: int = 0,
    dedupe_key: str | None = None,
) -> Job:
    """Create the job (``chờ``) and send it to the workers once the transaction commits."""
    spec = _spec(kind)
    try:
        with transaction.atomic():
            job = Job.objects.create(
                kind=kind,
                title=title,
                params=params or {},
                requested_by=user if getattr(user, "is_authenticated", False) else None,
                organisation=organisation,
                classification=classification,
                max_attempts=spec.max_attempts,
                dedupe_key=dedupe_key,
                run_after=timezone.now(),
            )
    except IntegrityError:
        return Job.objects.get(dedupe_key=dedupe_key)
    transaction.on_commit(lambda: dispatch(job.pk))
    return job


def dispatch(job_id: int, delay: float | None = None) -> None:
    from capuy.jobs.queue import send

    Job.objects.filter(pk=job_id).update(dispatched_at=timezone.now())
    send(job_id, delay)


def enqueue_nightly() -> Job | None:
    """The night's backup, once however many workers run the schedule (a unique key per day)."""
    if kind_of("backup") is None:
        return None
    day = timezone.localdate().isoformat()
    return enqueue("backup", f"Sao lưu hằng đêm {day}", dedupe_key=f"backup:{day}")


def _spec(kind: str) -> JobKind:
    spec = kind_of(kind)
    if spec is None:
        raise InputError(f"Không có loại việc {kind!r}", f"no job kind {kind!r}")
    return spec


def claim(job_id: int, worker: str) -> bool:
    """Take the job for ``worker`` if it is waiting and due; False if another has it or it is
    finished (a message delivered twice runs the job once)."""
    now = timezone.now()
    taken = Job.objects.filter(pk=job_id, state=S.QUEUED, run_after__lte=now).update(
        state=S.RUNNING,
        worker=worker,
        attempts=F("attempts") + 1,
        started_at=now,
        message="Đang chạy…",
    )
    return taken == 1


class _Reporter:
    def __init__(self, job_id: int, worker: str) -> None:
        self.job_id, self.worker = job_id, worker
        self.last = 0.0

    def __call__(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        if now - self.last < PROGRESS_EVERY_S and done < total:
            return
        self.last = now
        fields: dict[str, Any] = {"done": done, "total": total}
        if message:
            fields["message"] = message[:500]
        held = Job.objects.filter(pk=self.job_id, state=S.RUNNING, worker=self.worker).update(
            **fields
        )
        if not held:
            raise JobLost(self.job_id)


def execute(job_id: int, worker: str) -> str:
    """Run the job if ``worker`` can claim it; returns the state it ended in (or ``skipped``)."""
    if not claim(job_id, worker):
        return "skipped"
    job = Job.objects.get(pk=job_id)
    spec = kind_of(job.kind)
    try:
        if spec is None:
            raise InputError(
                f"Tiến trình xử lý không biết loại việc {job.kind!r}", f"unknown kind {job.kind}"
            )
        result = spec.handler(job, _Reporter(job_id, worker))
    except JobLost:
        return "lost"
    except Exception as error:  # noqa: BLE001 — every failure is kept, in Vietnamese
        return _failed(job, spec, worker, error)
    return _finish(job, worker, result)


def _finish(job: Job, worker: str, result: Result) -> str:
    ended = Job.objects.filter(pk=job.pk, state=S.RUNNING, worker=worker).update(
        state=S.DONE,
        done=F("total"),
        message=(result.message or "Đã xong.")[:500],
        result_file=result.file,
        result_url=result.url,
        finished_at=timezone.now(),
    )
    return str(S.DONE) if ended else "lost"


def reason_vi(error: BaseException) -> str:
    """Why a job failed, in Vietnamese (an ``InputError`` says it itself)."""
    if isinstance(error, InputError):
        return error.vi
    detail = str(error).strip() or type(error).__name__
    return f"Lỗi không lường trước ({type(error).__name__}): {detail}"


def backoff_delay(spec: JobKind | None, attempts: int) -> float:
    base = spec.backoff_s if spec else 10.0
    return float(base * 2 ** max(0, attempts - 1))


def _failed(job: Job, spec: JobKind | None, worker: str, error: BaseException) -> str:
    reason = reason_vi(error)
    held = Job.objects.filter(pk=job.pk, state=S.RUNNING, worker=worker)
    if spec is not None and job.attempts < job.max_attempts:
        delay = backoff_delay(spec, job.attempts)
        when = timezone.now() + dt.timedelta(seconds=delay)
        local = timezone.localtime(when).strftime("%H:%M:%S")
        if held.update(
            state=S.QUEUED,
            worker="",
            run_after=when,
            message=f"Lần {job.attempts} lỗi: {reason} — sẽ thử lại lúc {local}."[:500],
        ):
            dispatch(job.pk, delay)
        return str(S.QUEUED)
    held.update(
        state=S.FAILED,
        message=f"Không làm được sau {job.attempts} lần: {reason}"[:500],
        finished_at=timezone.now(),
    )
    return str(S.FAILED)
