"""Running a web upload's import in a background thread of the web process.

There is no job queue yet (DESIGN.md §8 plans one). An import of hundreds of files takes
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

from django.db import close_old_connections, connections

from capuy.archive.models import ImportRun

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


def start(run: ImportRun, source: Path, jobs: int) -> threading.Thread:
    """Start importing ``source`` into ``run`` unless a thread already works on it."""
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
