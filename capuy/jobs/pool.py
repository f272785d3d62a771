"""A small pool of warm LibreOffice processes, kept by each worker (``CAPUY_LO_POOL``).

Each is a ``capuy.render.pdf.PdfConverter`` (one ``soffice`` on a loopback UNO socket), started
when the worker starts, so a report's PDF is converted without LibreOffice's cold start. A job
borrows one for a conversion and gives it back; without LibreOffice the pool is empty and jobs
convert the cold way.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from capuy.errors import InputError, MissingProgramError
from capuy.render.pdf import PdfConverter

log = logging.getLogger("capuy.jobs")
WAIT_S = 600


class ConverterPool:
    def __init__(self, size: int) -> None:
        self.size = max(0, size)
        self._free: queue.Queue[PdfConverter] = queue.Queue()
        self._all: list[PdfConverter] = []
        self._busy = 0
        self._lock = threading.Lock()
        self.error = ""

    def start(self) -> None:
        """Start every LibreOffice now (the first takes a few seconds)."""
        for _ in range(self.size):
            try:
                converter = PdfConverter()
                converter.start()
            except (MissingProgramError, InputError, OSError) as error:
                self.error = getattr(error, "vi", str(error))
                log.warning("capuy worker: LibreOffice pool: %s", self.error)
                return
            _warm(converter)
            with self._lock:
                self._all.append(converter)
            self._free.put(converter)

    def start_in_background(self) -> threading.Thread:
        thread = threading.Thread(target=self.start, name="capuy-lo-pool", daemon=True)
        thread.start()
        return thread

    @property
    def available(self) -> bool:
        return self.size > 0 and not self.error

    @contextlib.contextmanager
    def converter(self) -> Iterator[PdfConverter]:
        try:
            converter = self._free.get(timeout=WAIT_S)
        except queue.Empty:
            raise InputError(
                "Không có LibreOffice rảnh để chuyển sang PDF", "no free LibreOffice in the pool"
            ) from None
        with self._lock:
            self._busy += 1
        try:
            yield converter  # a converter whose LibreOffice died restarts it on its next use
        finally:
            with self._lock:
                self._busy -= 1
            self._free.put(converter)

    def status(self) -> dict[str, Any]:
        with self._lock:
            warm = sum(1 for c in self._all if c.mode == "batch" or c._worker is not None)
            return {
                "lo_pool": {"size": self.size, "warm": warm, "busy": self._busy},
                **({"lo_error": self.error} if self.error else {}),
            }

    def close(self) -> None:
        with self._lock:
            converters, self._all = self._all, []
        for converter in converters:
            with contextlib.suppress(Exception):
                converter.close()


def _warm(converter: PdfConverter) -> None:
    """Convert one small document: LibreOffice loads its Writer and PDF filters on the first
    conversion (a second or more), which the first job should not pay."""
    import docx

    with tempfile.TemporaryDirectory(prefix="capuy-lo-warm-") as tmp:
        source = Path(tmp) / "khoi-dong.docx"
        document = docx.Document()
        document.add_paragraph("Khởi động LibreOffice — Đảng bộ, chi bộ, nghị quyết.")
        document.save(str(source))
        try:
            converter.convert(source, source.with_suffix(".pdf"))
        except InputError as error:  # the pool still works: the first job pays the warm-up
            log.warning("capuy worker: LibreOffice warm-up: %s", error.vi)


_POOL: ConverterPool | None = None


def install(size: int) -> ConverterPool:
    """The worker's pool (started in the background: the worker takes jobs at once)."""
    global _POOL
    _POOL = ConverterPool(size)
    if size:
        _POOL.start_in_background()
    return _POOL


def current() -> ConverterPool | None:
    """This process's pool, if it is a worker with one."""
    return _POOL if _POOL is not None and _POOL.available else None
