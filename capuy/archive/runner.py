"""An import run: list the files, skip what is known, read the rest in a process pool, file each.

Reading (LibreOffice, OCR, parsing) is the slow part and needs no database, so it runs in a
pool of worker processes (``spawn``: a worker never inherits the parent's database connection
or the web server's threads). Filing is quick and runs in this process, one file per
transaction, in the order results arrive. At most ``2 × jobs`` files are in flight, so memory
stays flat on an archive of any size.

Resuming: an unfinished run of the same source into the same organisation is continued (its
items are skipped by path); a file whose content is already in the archive is recorded as a
duplicate without being read again. So after kill -9 the same command simply carries on, and a
second import of the same folder adds no document.
"""

from __future__ import annotations

import multiprocessing
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from capuy.archive import filing
from capuy.archive.formats import is_document
from capuy.archive.models import ImportItem, ImportRun
from capuy.archive.reading import init_worker, read_one
from capuy.archive.sources import SourceFile, is_zip, remove_tree, unpack_zip, walk_folder
from capuy.errors import InputError
from capuy.orgs.models import Organisation


@dataclass
class Tally:
    """Counts by status as the run goes (for the progress bar and the page)."""

    total: int = 0
    done: int = 0
    by_status: Counter[str] = field(default_factory=Counter)

    def add(self, item: ImportItem) -> None:
        self.done += 1
        self.by_status[item.status] += 1


Progress = Callable[[Tally, ImportItem | None], None]


def _noop(tally: Tally, item: ImportItem | None) -> None:
    return None


def find_or_start_run(
    organisation: Organisation, source: str, user: Any = None, origin: str = "cli"
) -> ImportRun:
    """The unfinished run of ``source`` into ``organisation`` (to resume), or a new one."""
    unfinished = (
        ImportRun.objects.filter(
            organisation=organisation, source=source, state=ImportRun.State.RUNNING
        )
        .order_by("-pk")
        .first()
    )
    if unfinished is not None:
        return unfinished
    return ImportRun.objects.create(
        organisation=organisation, source=source[:1000], origin=origin, started_by=user
    )


def _results(
    pending: Iterator[SourceFile], jobs: int
) -> Iterator[tuple[SourceFile, dict[str, Any]]]:
    """Read every pending file, yielding results as they come (in-process when ``jobs`` is 1).

    A worker that dies (a C library crashing on one file) breaks the whole pool: the files in
    flight are reported as failed and a fresh pool takes the rest.
    """
    if jobs <= 1:
        for source in pending:
            yield source, read_one(str(source.path))
        return
    context = multiprocessing.get_context("spawn")
    exhausted = False
    while not exhausted:
        pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=init_worker)
        in_flight: dict[Future[dict[str, Any]], SourceFile] = {}
        broken = False
        try:
            while (in_flight or not exhausted) and not broken:
                while not exhausted and len(in_flight) < 2 * jobs:
                    upcoming = next(pending, None)
                    if upcoming is None:
                        exhausted = True
                        break
                    in_flight[pool.submit(read_one, str(upcoming.path))] = upcoming
                if not in_flight:
                    break
                finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in finished:
                    source = in_flight.pop(future)
                    try:
                        result = future.result()
                    except Exception as error:  # noqa: BLE001 — a dead worker fails its file
                        broken = broken or isinstance(error, BrokenProcessPool)
                        result = {
                            "ok": False,
                            "vi": "Tiến trình đọc tệp bị dừng bất thường",
                            "en": f"the reading process died ({type(error).__name__})",
                        }
                    yield source, result
            for source in in_flight.values():  # a broken pool fails what was in flight
                yield (
                    source,
                    {
                        "ok": False,
                        "vi": "Tiến trình đọc tệp bị dừng bất thường",
                        "en": "the reading process died while another file was read",
                    },
                )
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def default_jobs() -> int:
    configured = getattr(settings, "CAPUY_IMPORT_JOBS", None)
    if configured:
        return max(1, int(configured))
    return max(1, min(4, multiprocessing.cpu_count()))


def run_import(
    organisation: Organisation,
    source: Path,
    *,
    jobs: int = 1,
    user: Any = None,
    run: ImportRun | None = None,
    progress: Progress = _noop,
    origin: str = "cli",
) -> ImportRun:
    """Import every file under ``source`` (a folder or a ZIP) into ``organisation``'s archive."""
    source = Path(source)
    check_source(source)
    if run is None:
        run = find_or_start_run(organisation, str(source.resolve()), user, origin)
    scratch: Path | None = None
    try:
        if is_zip(source):
            scratch = Path(tempfile.mkdtemp(prefix="capuy-import-", dir=_scratch_root()))
            oversized = unpack_zip(source, scratch)
            root = scratch
        elif source.is_dir():
            oversized = []
            root = source
        else:
            raise InputError(
                f"Hãy chỉ một thư mục hoặc một tệp .zip: {source}",
                f"give a folder or a .zip file: {source}",
            )
        files = list(walk_folder(root))
        _import_files(run, files, oversized, jobs, progress)
    except InputError as error:
        run.state = ImportRun.State.FAILED
        run.message = f"{error.vi}"[:500]
        run.finished_at = timezone.now()
        run.save(update_fields=["state", "message", "finished_at"])
        raise
    finally:
        if scratch is not None:
            remove_tree(scratch)
    run.state = ImportRun.State.FINISHED
    run.finished_at = timezone.now()
    run.save(update_fields=["state", "finished_at"])
    return run


def check_source(source: Path) -> None:
    """A folder or a .zip that exists, else ``InputError`` — before any run is recorded."""
    if not source.exists():
        raise InputError(f"Không tìm thấy: {source}", f"not found: {source}")
    if not (source.is_dir() or is_zip(source)):
        raise InputError(
            f"Hãy chỉ một thư mục hoặc một tệp .zip: {source}",
            f"give a folder or a .zip file: {source}",
        )


def _scratch_root() -> str:
    root = Path(settings.DATA_DIR) / "tmp"
    root.mkdir(parents=True, exist_ok=True)
    return str(root)


def _resumed_tally(
    run: ImportRun, files: list[SourceFile], oversized: list[str]
) -> tuple[Tally, set[str]]:
    """The run's tally so far, and the paths it recorded. Resuming: files that failed are read
    again (a reader may have been fixed, or the worker died with the killed run); everything
    else this run recorded stays as it is, and counts."""
    run.items.filter(status=ImportItem.Status.FAILED).delete()
    seen = set(run.items.values_list("path", flat=True))
    tally = Tally(total=len(files) + len(oversized))
    for status in run.items.values_list("status", flat=True):
        tally.by_status[status] += 1
    tally.done = len(seen)
    run.total = tally.total
    run.done = tally.done
    run.save(update_fields=["total", "done"])
    return tally, seen


def _to_read(
    run: ImportRun,
    files: list[SourceFile],
    seen: set[str],
    hashes: dict[str, tuple[str, int]],
    record: Callable[[ImportItem], None],
) -> Iterator[SourceFile]:
    """The files still to be read, in order. On the way, each file not yet recorded is hashed
    (into ``hashes``) and recorded at once when it cannot be read, is not a document, or is a
    duplicate of one already in the register (a duplicate of one awaiting review retries it)."""
    for source in files:
        if source.relpath in seen:
            continue
        try:
            size = source.path.stat().st_size
            sha = filing.sha256_of(source.path)
        except OSError as error:
            failed = {"ok": False, "vi": "Không đọc được tệp", "en": str(error)[:200]}
            record(filing.file_result(run, source.relpath, source.path, "", 0, failed))
            continue
        if not is_document(source.path):
            why = f"không phải định dạng văn bản ({source.path.suffix or 'không có đuôi'})"
            record(filing.record_skipped(run, source.relpath, sha, size, why))
            continue
        earlier, existing = filing.find_duplicate(run.organisation, sha, None)
        if earlier is not None:
            if earlier.status == ImportItem.Status.REVIEW:
                filing.retry_review(earlier, run.started_by)
            record(filing.record_duplicate(run, source.relpath, sha, size, earlier))
            continue
        hashes[source.relpath] = (sha, size)
        yield source


def _import_files(
    run: ImportRun,
    files: list[SourceFile],
    oversized: list[str],
    jobs: int,
    progress: Progress,
) -> None:
    """Record every file of the run not yet recorded: the oversized ones, then the rest as
    the worker pool reads them, with the tally and the progress kept current."""
    tally, seen = _resumed_tally(run, files, oversized)
    progress(tally, None)

    def record(item: ImportItem) -> None:
        tally.add(item)
        ImportRun.objects.filter(pk=run.pk).update(done=tally.done)
        progress(tally, item)

    for name in oversized:
        if name not in seen:
            result = {
                "ok": False,
                "vi": f"Tệp quá lớn (trên {50} MB)",
                "en": "file too large (over 50 MB)",
            }
            record(filing.file_result(run, name, Path(name), "", 0, result))
    hashes: dict[str, tuple[str, int]] = {}
    for source, result in _results(_to_read(run, files, seen, hashes, record), jobs):
        sha, size = hashes.pop(source.relpath)
        record(filing.file_result(run, source.relpath, source.path, sha, size, result))
