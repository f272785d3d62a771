"""Validation of the DOCX/PDF attached to a registered document, and its text for search.

A file is accepted only when its extension, its first bytes and its size all agree: a renamed
executable or a 200 MB scan must not reach the register; a DOCX only when its zip directory is
sane (no bomb, no path traversal), a PDF only without JavaScript or automatic actions. The text is read with ``capuy.read``
(the same reader the checker uses) so the register's search sees what the reader sees.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError

from capuy.errors import InputError
from capuy.read.package_limits import check_pdf_active_content, check_zip
from capuy.read.sandbox import document_text, read_text_limited

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Extension → the bytes every such file starts with.
MAGIC = {
    ".pdf": b"%PDF-",
    ".docx": b"PK\x03\x04",
}


def max_attachment_bytes() -> int:
    """The size limit; ``CAPUY_ATTACHMENT_MAX_BYTES`` in settings overrides 20 MB."""
    return int(getattr(settings, "CAPUY_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def _read_all(upload: IO[bytes]) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def validate_attachment(upload: IO[bytes], name: str, size: int | None = None) -> None:
    """Raise ``ValidationError`` (Vietnamese message) unless ``upload`` is a real DOCX or PDF."""
    suffix = Path(name).suffix.lower()
    if suffix not in MAGIC:
        raise ValidationError(
            "Chỉ nhận tệp DOCX hoặc PDF (tệp “%(name)s” có đuôi khác).",
            code="extension",
            params={"name": name},
        )
    limit = max_attachment_bytes()
    if size is None:
        upload.seek(0, io.SEEK_END)
        size = upload.tell()
        upload.seek(0)
    if size == 0:
        raise ValidationError("Tệp đính kèm rỗng.", code="empty")
    if size > limit:
        raise ValidationError(
            "Tệp quá lớn: %(size)s MB, tối đa %(limit)s MB.",
            code="size",
            params={"size": f"{size / 1048576:.1f}".replace(".", ","), "limit": limit // 1048576},
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(MAGIC[suffix]):
        raise ValidationError(
            "Nội dung tệp không phải %(kind)s dù đuôi tệp là %(suffix)s.",
            code="magic",
            params={"kind": suffix[1:].upper(), "suffix": suffix},
        )
    data = _read_all(upload)
    if suffix == ".docx":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError, OSError) as error:
            raise ValidationError("Tệp DOCX bị hỏng.", code="corrupt") from error
        if "word/document.xml" not in names:
            raise ValidationError("Tệp nén này không phải văn bản Word (DOCX).", code="magic")
    try:
        if suffix == ".docx":
            check_zip(data, Path(name).name[:120])
        else:
            check_pdf_active_content(data, Path(name).name[:120])
    except InputError as error:
        raise ValidationError(error.vi, code="unsafe") from error


def extract_text(upload: IO[bytes], name: str) -> str:
    """The plain text of a validated attachment, read by ``capuy.read`` in a child process
    with a memory cap and a time budget (``capuy.read.sandbox``), never in the web worker.

    Raises ``ValidationError`` with the reader's Vietnamese reason on bad input (encrypted
    PDF, corrupt DOCX, over the limits …), naming the file as uploaded, not the server's
    temporary path.
    """
    suffix = Path(name).suffix.lower()
    shown = Path(name).name[:120]
    with tempfile.TemporaryDirectory(prefix="capuy-attach-") as tmp:
        path = Path(tmp) / f"attachment{suffix}"
        path.write_bytes(_read_all(upload))
        try:
            return read_text_limited(path, shown)
        except InputError as error:
            raise ValidationError(error.vi.replace(tmp, "…"), code="unreadable") from error


__all__ = ["document_text", "extract_text", "max_attachment_bytes", "validate_attachment"]
