"""DOCX → PDF through LibreOffice headless (Debian ``libreoffice-writer-nogui``).

``docx_to_pdf`` starts one ``soffice --convert-to pdf`` per call (simple, slow to start).
``PdfConverter`` starts ONE ``soffice`` listening on a loopback UNO socket and a small worker
(``uno_worker.py``, run by the system Python that has Debian's ``python3-uno``) that converts
every file through it, so a batch pays LibreOffice's start-up once. Without ``python3-uno`` the
converter falls back to one batch ``soffice --convert-to pdf a b c`` per ``convert_many`` call.
Each converter uses its own throw-away LibreOffice profile, so it never collides with a desktop
LibreOffice or another converter.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import tempfile
import zipfile
from functools import cache
from pathlib import Path
from types import TracebackType

from capuy.errors import InputError, MissingProgramError

WORKER = Path(__file__).with_name("uno_worker.py")
UNO_PYTHONS = ("/usr/bin/python3", "/usr/lib/libreoffice/program/python")
CONVERT_TIMEOUT_S = 180


def find_soffice() -> str:
    """The LibreOffice program (``CAPUY_SOFFICE`` overrides), or ``MissingProgramError``."""
    candidates = [os.environ.get("CAPUY_SOFFICE", ""), "soffice", "libreoffice"]
    for candidate in candidates:
        if candidate and (found := shutil.which(candidate)):
            return found
    raise MissingProgramError(
        "Không tìm thấy LibreOffice (soffice): chạy 'make system-deps' để cài "
        "libreoffice-writer-nogui",
        "LibreOffice (soffice) not found: run 'make system-deps' to install "
        "libreoffice-writer-nogui",
    )


@cache
def find_uno_python() -> str | None:
    """A Python that can ``import uno`` (``CAPUY_UNO_PYTHON`` overrides), or None."""
    candidates = [os.environ.get("CAPUY_UNO_PYTHON", ""), *UNO_PYTHONS]
    for candidate in candidates:
        if not candidate or not Path(candidate).is_file():
            continue
        probe = subprocess.run(
            [candidate, "-c", "import uno"], capture_output=True, timeout=30, check=False
        )
        if probe.returncode == 0:
            return candidate
    return None


def _check_target(dst: Path) -> None:
    """The PDF's folder must exist (as for the DOCX): a typo should not make a directory tree."""
    if not dst.parent.is_dir():
        raise InputError(
            f"Không có thư mục {dst.parent} để ghi {dst.name}",
            f"no folder {dst.parent} to write {dst.name} into",
        )


def _check_source(src: Path) -> None:
    """A DOCX we can hand to LibreOffice (which would happily print any text file as a PDF)."""
    if not src.is_file():
        raise InputError(f"Không có tệp {src}", f"no such file: {src}")
    try:
        with zipfile.ZipFile(src) as archive:
            is_docx = "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        is_docx = False
    if not is_docx:
        raise InputError(f"{src.name} không phải tệp DOCX", f"{src.name} is not a DOCX file")


def _profile_url(directory: Path) -> str:
    return f"-env:UserInstallation={directory.resolve().as_uri()}"


def _batch_convert(pairs: list[tuple[Path, Path]]) -> None:
    """One ``soffice --convert-to pdf`` process for all ``pairs`` (each output moved to its dst)."""
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="capuy-lo-") as tmp:
        tmp_dir = Path(tmp)
        outdir = tmp_dir / "out"
        outdir.mkdir()
        # Files with the same name would overwrite each other in outdir: stage them apart.
        staged: list[tuple[Path, Path]] = []
        for index, (src, dst) in enumerate(pairs):
            _check_source(src)
            _check_target(dst)
            stage = tmp_dir / f"in{index}"
            stage.mkdir()
            copy = stage / f"{index}_{src.stem}.docx"
            shutil.copyfile(src, copy)
            staged.append((copy, dst))
        command = [
            soffice,
            _profile_url(tmp_dir / "profile"),
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(outdir),
            *[str(copy) for copy, _ in staged],
        ]
        try:
            subprocess.run(
                command,
                capture_output=True,
                timeout=CONVERT_TIMEOUT_S * max(1, len(pairs)),
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise InputError(
                "LibreOffice chuyển sang PDF quá lâu", "LibreOffice timed out converting to PDF"
            ) from None
        for copy, dst in staged:
            produced = outdir / f"{copy.stem}.pdf"
            if not produced.is_file():
                raise InputError(
                    f"LibreOffice không chuyển được {copy.name.split('_', 1)[1]} sang PDF",
                    f"LibreOffice could not convert {copy.name.split('_', 1)[1]} to PDF",
                )
            shutil.move(str(produced), dst)


def docx_to_pdf(src: str | Path, dst: str | Path) -> Path:
    """Convert one DOCX to PDF with its own LibreOffice process (cold start)."""
    source, target = Path(src), Path(dst)
    _batch_convert([(source, target)])
    return target


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the process group ``process`` leads (started with ``start_new_session``)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


class PdfConverter:
    """One LibreOffice process reused for many conversions::

    with PdfConverter() as converter:
        for docx_path in paths:
            converter.convert(docx_path, docx_path.with_suffix(".pdf"))
    """

    def __init__(self) -> None:
        self.soffice = find_soffice()
        self.uno_python = find_uno_python()
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._office: subprocess.Popen[bytes] | None = None
        self._worker: subprocess.Popen[str] | None = None

    @property
    def mode(self) -> str:
        """``uno`` (one process reused) or ``batch`` (no python3-uno: one process per batch)."""
        return "uno" if self.uno_python else "batch"

    def __enter__(self) -> PdfConverter:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def start(self) -> None:
        if self.uno_python is None or self._worker is not None:
            return
        self._tmp = tempfile.TemporaryDirectory(prefix="capuy-lo-")
        port = _free_port()
        self._office = subprocess.Popen(
            [
                self.soffice,
                _profile_url(Path(self._tmp.name) / "profile"),
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                "--nodefault",
                f"--accept=socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # /usr/bin/soffice is a launcher that runs soffice.bin as its child: a session of
            # its own lets us stop the whole group, never leaving a soffice.bin behind.
            start_new_session=True,
        )
        self._worker = subprocess.Popen(
            [self.uno_python, str(WORKER), "--port", str(port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
        assert self._worker.stdout is not None
        first = self._worker.stdout.readline().strip()
        if first != "ready":
            self.close()
            raise MissingProgramError(
                f"Không kết nối được LibreOffice qua UNO ({first or 'không trả lời'})",
                f"could not connect to LibreOffice over UNO ({first or 'no answer'})",
            )

    def _ask(self, request: dict[str, object]) -> dict[str, object] | None:
        """Send one request and wait for its answer; None when LibreOffice died or hung (both
        processes are then stopped, so the next request starts a fresh one)."""
        worker = self._worker
        assert worker is not None and worker.stdin is not None and worker.stdout is not None
        try:
            worker.stdin.write(json.dumps(request) + "\n")
            worker.stdin.flush()
        except OSError:
            self.close()
            return None
        ready, _, _ = select.select([worker.stdout], [], [], CONVERT_TIMEOUT_S)
        answer = worker.stdout.readline() if ready else ""
        if not answer:
            self._kill()
            return None
        result: dict[str, object] = json.loads(answer)
        return result

    def convert(self, src: str | Path, dst: str | Path) -> Path:
        """Convert one DOCX to PDF through the running LibreOffice (restarted once if it died)."""
        source, target = Path(src).resolve(), Path(dst).resolve()
        if self.uno_python is None:
            _batch_convert([(source, target)])
            return target
        _check_source(source)
        _check_target(target)
        answer = None
        for _ in range(2):
            self.start()
            answer = self._ask({"src": str(source), "dst": str(target)})
            office_died = self._office is not None and self._office.poll() is not None
            if answer is not None and not answer.get("ok") and office_died:
                self._kill()  # the worker answered, but for a LibreOffice that is gone
                answer = None
            if answer is not None:
                break
        if answer is None:
            raise InputError(
                f"LibreOffice dừng hoặc treo khi chuyển {source.name} sang PDF",
                f"LibreOffice stopped or hung converting {source.name} to PDF",
            )
        if not answer.get("ok") or not target.is_file():
            raise InputError(
                f"LibreOffice không chuyển được {source.name} sang PDF: {answer.get('error', '')}",
                f"LibreOffice could not convert {source.name} to PDF: {answer.get('error', '')}",
            )
        return target

    def convert_many(self, pairs: list[tuple[Path, Path]]) -> list[Path]:
        """Convert every (src, dst); without python3-uno, in one batch process."""
        if self.uno_python is None:
            _batch_convert([(Path(s), Path(d)) for s, d in pairs])
            return [Path(d) for _, d in pairs]
        return [self.convert(src, dst) for src, dst in pairs]

    def _kill(self) -> None:
        """Stop both processes at once (LibreOffice hung or died), then clean up."""
        if self._worker is not None and self._worker.poll() is None:
            self._worker.kill()
            self._worker.wait()
        if self._office is not None:
            _kill_group(self._office)
        self.close()

    def close(self) -> None:
        """Ask LibreOffice to quit, then make sure both processes are gone."""
        worker, office = self._worker, self._office
        self._worker = self._office = None
        if worker is not None:
            try:
                if worker.poll() is None and worker.stdin is not None:
                    worker.stdin.write(json.dumps({"quit": True}) + "\n")
                    worker.stdin.flush()
                    worker.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                worker.kill()
                worker.wait()
        if office is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                office.wait(timeout=30)
            _kill_group(office)  # whatever of the group is left (soffice.bin, oosplash)
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
