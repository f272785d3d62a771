"""Validation of the DOCX/PDF attached to a registered document, and its text for search.

A file is accepted only when its extension, its first bytes and its size all agree: a renamed
executable or a 200 MB scan must not reach the register. The text is read with ``capuy.read``
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
    if suffix == ".docx":
        try:
            with zipfile.ZipFile(io.BytesIO(_read_all(upload))) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile as error:
            raise ValidationError("Tệp DOCX bị hỏng.", code="corrupt") from error
        if "word/document.xml" not in names:
            raise ValidationError("Tệp nén này không phải văn bản Word (DOCX).", code="magic")


def extract_text(upload: IO[bytes], name: str) -> str:
    """The plain text of a validated attachment, read by ``capuy.read.read_file``.

    The reader works on paths, so the upload is copied to a temporary file with its own
    extension. Raises ``ValidationError`` with the reader's Vietnamese reason on bad input
    (encrypted PDF, corrupt DOCX …).
    """
    from capuy.read import read_file

    suffix = Path(name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="capuy-attach-") as tmp:
        path = Path(tmp) / f"attachment{suffix}"
        path.write_bytes(_read_all(upload))
        try:
            document = read_file(path)
        except InputError as error:
            raise ValidationError(error.vi, code="unreadable") from error
    return document_text(document)


def document_text(document: object) -> str:
    """All block texts (tables cell by cell) and footnotes of a read document, one per line."""
    lines: list[str] = []
    for block in getattr(document, "blocks", []):
        if block.kind == "table" and block.rows:
            lines.extend(" | ".join(row) for row in block.rows)
        elif block.text:
            lines.append(block.text)
    lines.extend(footnote.text for footnote in getattr(document, "footnotes", []))
    return "\n".join(lines)
