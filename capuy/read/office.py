"""Old word-processor files (.doc, .rtf, .odt, .wpd) → DOCX through LibreOffice headless → the
DOCX reader.

LibreOffice already makes capuy's PDFs, and its import filters are the most complete free
readers of binary Word, RTF, OpenDocument and WordPerfect; writing the file back as DOCX keeps
runs, fonts (so a ``.VnTime`` run is still converted by the DOCX reader), tables, footnotes and
numbering, and the rest of capuy reads one format. Each conversion is one
``soffice --convert-to docx`` with its own throw-away profile, in its own process group, killed
after ``timeout_s()`` seconds (``CAPUY_OFFICE_TIMEOUT_S``): a file that makes LibreOffice hang
costs a minute or two, never the whole import. A file LibreOffice cannot open (corrupt,
password-protected, not what its name says) is a one-line ``InputError``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from capuy.errors import InputError, MissingProgramError
from capuy.model import Document
from capuy.text.numbers import format_number

OLD_FORMATS = {".doc": "Word 97–2003", ".rtf": "RTF", ".odt": "OpenDocument", ".wpd": "WordPerfect"}
DEFAULT_TIMEOUT_S = 120
IMPORT_FILTERS = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Word 97"),
    (b"{\\rtf", "Rich Text Format"),
    (b"PK\x03\x04", "writer8"),
    (b"\xffWPC", "WordPerfect"),
)
"""The import filter named from the file's first bytes: without one LibreOffice reads a file it
does not recognise as plain text and "succeeds" with garbage."""


def import_filter(data: bytes) -> str | None:
    return next((name for magic, name in IMPORT_FILTERS if data.startswith(magic)), None)


def timeout_s() -> float:
    """Seconds LibreOffice may take for one file; a fraction is allowed (``0.05``), so a test
    can set a limit no real conversion meets however fast the machine."""
    try:
        return max(0.01, float(os.environ.get("CAPUY_OFFICE_TIMEOUT_S", DEFAULT_TIMEOUT_S)))
    except ValueError:
        return DEFAULT_TIMEOUT_S


def _seconds_vi(value: float) -> str:
    """Seconds the Vietnamese way: ``120``, ``0,05``."""
    return format_number(int(value) if value == int(value) else value)


def _soffice() -> str:
    """LibreOffice (``CAPUY_SOFFICE`` overrides), as capuy.render.pdf finds it (kept apart: the
    reader sits below the renderer and imports nothing from it)."""
    for candidate in (os.environ.get("CAPUY_SOFFICE", ""), "soffice", "libreoffice"):
        if candidate and (found := shutil.which(candidate)):
            return found
    raise MissingProgramError(
        "Không tìm thấy LibreOffice (soffice) để đọc tệp Word cũ/RTF/ODT: chạy 'make system-deps'",
        "LibreOffice (soffice) not found to read old Word/RTF/ODT files: run 'make system-deps'",
    )


def to_docx(data: bytes, suffix: str, source: str) -> bytes:
    """The file's bytes (an old format, named by ``suffix``) converted to DOCX bytes."""
    soffice = _soffice()
    name = OLD_FORMATS.get(suffix, suffix)
    infilter = import_filter(data)
    if infilter is None:
        raise InputError(
            f"Tệp {name} hỏng hoặc không đúng định dạng: {source}",
            f"corrupt {name} file, or not that format: {source}",
        )
    with tempfile.TemporaryDirectory(prefix="capuy-office-") as tmp:
        work = Path(tmp)
        src = work / f"input{suffix}"
        src.write_bytes(data)
        out = work / "out"
        out.mkdir()
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            f"--infilter={infilter}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(src),
        ]
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # soffice runs soffice.bin as a child: stop the group
        )
        try:
            process.wait(timeout=timeout_s())
        except subprocess.TimeoutExpired:
            _kill_group(process)
            raise InputError(
                f"LibreOffice đọc tệp {name} quá {_seconds_vi(timeout_s())} giây, "
                f"đã dừng: {source}",
                f"LibreOffice took over {timeout_s():g} s to read the {name} file, "
                f"stopped: {source}",
            ) from None
        finally:
            _kill_group(process)
        produced = out / "input.docx"
        if not produced.is_file() or produced.stat().st_size == 0:
            raise InputError(
                f"LibreOffice không mở được tệp {name} (hỏng, có mật khẩu hoặc sai định dạng): "
                f"{source}",
                f"LibreOffice cannot open the {name} file (corrupt, password-protected or not "
                f"that format): {source}",
            )
        return produced.read_bytes()


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


def read_old_format(data: bytes, suffix: str, source: str) -> Document:
    """Read a .doc/.rtf/.odt/.wpd file: convert it, then read the DOCX (lines = its paragraphs)."""
    from capuy.read.docx import read_docx

    document = read_docx(to_docx(data, suffix, source), source)
    document.format = suffix.lstrip(".")
    return document
