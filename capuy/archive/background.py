"""Running a web upload's import in a background thread of the web process.

When a job worker runs (``capuy worker``, or the one ``capuy serve`` starts), the upload is
queued as an ``archive_import`` job instead (``import_job``); this thread is the fallback. An import of hundreds of files takes
minutes, longer than any request should, so the upload request saves the files, creates the
run and starts this thread; the page then polls the run's progress (kept in the database, so
any web process can answer). The import itself is the same resumable ``run_import`` as the
command line: if the server stops mid-way, ``capuy import <the run's source> --org <id>``
continues the same run from where it stopped. When the queue arrives this function becomes
its job unchanged.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from django.db import close_old_connections, connections

from capuy.archive.models import ImportRun
from capuy.jobs.registry import JobKind, Progress, Result, register_kind

_THREADS: dict[int, threading.Thread] = {}
_LOCK = threading.Lock()


def _work(run_id: int, source: Path, jobs: int) -> None:
    from capuy.archive.runner import run_import

    close_old_connections()
    try:
        run = ImportRun.objects.select_related("organisation", "started_by").get(pk=run_id)
        try:
            run_import(run.organisation, source, jobs=jobs, user=run.started_by, run=run)
            _remove_staging(source)  # every original is stored by now; a failed run keeps it
        except Exception as error:  # noqa: BLE001 — the page must show why, not hang
            ImportRun.objects.filter(pk=run_id).update(
                state=ImportRun.State.FAILED, message=str(error)[:500]
            )
    finally:
        connections.close_all()
        with _LOCK:
            _THREADS.pop(run_id, None)


def _remove_staging(source: Path) -> None:
    """Delete the upload's folder under ``DATA_DIR/import-uploads`` (and nothing else)."""
    import shutil

    from django.conf import settings

    uploads = (Path(settings.DATA_DIR) / "import-uploads").resolve()
    folder = source.resolve()
    if folder.is_file():
        folder = folder.parent
    if folder.parent == uploads:
        shutil.rmtree(folder, ignore_errors=True)


def import_job(job: Any, progress: Progress) -> Result:
    """The ``archive_import`` job: the same resumable import, run by a worker; a worker killed
    mid-way leaves the run where it was, and the next attempt continues it."""
    from capuy.archive.runner import Tally, run_import

    run = ImportRun.objects.select_related("organisation", "started_by").get(pk=job.params["run"])
    source = Path(job.params["source"])
    ImportRun.objects.filter(pk=run.pk).update(state=ImportRun.State.RUNNING)  # a retry goes on

    def report(tally: Tally, item: Any) -> None:
        progress(tally.done, tally.total, f"Đã xử lý {tally.done}/{tally.total} tệp")

    try:
        run_import(
            run.organisation,
            source,
            jobs=int(job.params.get("jobs", 1)),
            user=run.started_by,
            run=run,
            progress=report,
        )
    except Exception as error:
        ImportRun.objects.filter(pk=run.pk).update(
            state=ImportRun.State.FAILED, message=str(error)[:500]
        )
        raise
    _remove_staging(source)
    run.refresh_from_db()
    from django.urls import reverse

    return Result(
        message=f"Đã nhập {run.done}/{run.total} tệp.", url=reverse("archive:run", args=[run.pk])
    )


def register() -> None:
    register_kind(
        JobKind("archive_import", "Nhập kho lưu trữ", import_job, max_attempts=3, backoff_s=30)
    )


def start(run: ImportRun, source: Path, jobs: int) -> threading.Thread | None:
    """Queue the import as a job when a worker runs (None), else start a thread of this
    process unless one already works on it."""
    from capuy.jobs.runner import enqueue
    from capuy.jobs.workers import any_worker_alive

    if any_worker_alive():
        enqueue(
            "archive_import",
            f"Nhập kho lưu trữ: {run.message or run.source}"[:300],
            {"run": run.pk, "source": str(source), "jobs": jobs},
            user=run.started_by,
            organisation=run.organisation,
        )
        return None
    with _LOCK:
        running = _THREADS.get(run.pk)
        if running is not None and running.is_alive():
            return running
        thread = threading.Thread(
            target=_work, args=(run.pk, source, jobs), name=f"capuy-import-{run.pk}", daemon=True
        )
        _THREADS[run.pk] = thread
        thread.start()
        return thread


def thread_for(run_id: int) -> threading.Thread | None:
    with _LOCK:
        return _THREADS.get(run_id)
