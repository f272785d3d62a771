"""``read_file``: pick the reader from the file's extension and its first bytes.

The magic bytes win over the extension when they disagree in a way that matters (a ``.txt``
that is really a ZIP or PDF is refused as unknown rather than read as garbage).
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

from capuy.errors import InputError
from capuy.model import Document
from capuy.read.limits import check_size, decode_text

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md"}
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Old binary Word (.doc) and encrypted OOXML files are OLE compound files."""


def read_file(path: str | Path) -> Document:
    """Read a .txt, .md, .docx or .pdf file into a ``Document``; ``InputError`` otherwise."""
    path = Path(path)
    source = str(path)
    if path.is_dir():
        raise InputError(
            f"“{source}” là một thư mục, không phải tệp: hãy chỉ ra các tệp trong đó",
            f"{source} is a folder, not a file: name the files in it",
        )
    if not path.is_file():
        raise InputError(f"Không tìm thấy tệp: {source}", f"file not found: {source}")
    check_size(path.stat().st_size, source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"Không đọc được tệp: {source}", f"cannot read file: {source} ({exc.strerror})"
        ) from exc
    check_size(len(data), source)
    suffix = path.suffix.lower()
    kind = _sniff(data, suffix, source)
    if kind == "docx":
        from capuy.read.docx import read_docx

        return read_docx(data, source)
    if kind == "pdf":
        from capuy.read.pdf import read_pdf

        return read_pdf(data, source)
    from capuy.read.plaintext import read_text

    text, _encoding = decode_text(data, source)
    if not text.strip():
        raise InputError(f"Tệp rỗng: {source}", f"empty file: {source}")
    return read_text(text, source=source, fmt=TEXT_SUFFIXES[suffix])


def _sniff(data: bytes, suffix: str, source: str) -> str:
    if data.startswith(PDF_MAGIC):
        if suffix not in (".pdf", ""):
            _unknown(source, suffix)
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        if suffix != ".docx":
            _unknown(source, suffix)
        return "docx"
    if data.startswith(OLE_MAGIC):
        if suffix == ".docx":
            raise InputError(
                f"Tệp DOCX được mã hóa bằng mật khẩu (hoặc là tệp .doc cũ): {source}",
                f"DOCX is password-encrypted (or an old binary .doc): {source}",
            )
        raise InputError(
            f"Định dạng Word cũ (.doc) không hỗ trợ, hãy lưu thành .docx: {source}",
            f"old binary Word (.doc) is not supported, save as .docx: {source}",
        )
    if suffix == ".docx":
        raise InputError(
            f"Tệp DOCX hỏng (không phải gói ZIP): {source}",
            f"corrupt DOCX (not a ZIP package): {source}",
        )
    if suffix == ".pdf":
        raise InputError(
            f"Tệp PDF hỏng (thiếu phần đầu %PDF): {source}",
            f"corrupt PDF (no %PDF header): {source}",
        )
    if suffix in TEXT_SUFFIXES:
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(
                f"Tệp {suffix} chứa dữ liệu nhị phân, không phải văn bản: {source}",
                f"the {suffix} file holds binary data, not text: {source}",
            )
        return "text"
    _unknown(source, suffix)


def _unknown(source: str, suffix: str) -> NoReturn:
    shown = suffix or "(không có đuôi)"
    raise InputError(
        f"Định dạng tệp không hỗ trợ ({shown}); chỉ đọc .txt, .md, .docx, .pdf: {source}",
        f"unsupported file type ({suffix or 'no extension'}); only .txt, .md, .docx, .pdf: {source}",
    )
