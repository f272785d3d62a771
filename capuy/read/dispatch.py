"""``read_file``: pick the reader from the file's extension and its first bytes.

The magic bytes win over the extension when they disagree in a way that matters (a ``.txt``
that is really a ZIP or PDF is refused as unknown rather than read as garbage).

Formats: .txt/.md (any encoding ``capuy.read.limits.decode_text`` knows, legacy ones
included), .docx (legacy-font runs converted), .pdf (the text layer; a scan without one goes
through OCR), .doc/.rtf/.odt/.wpd (LibreOffice → DOCX, ``capuy.read.office``) and page images
.png/.jpg/.jpeg/.tif/.tiff (OCR, ``capuy.read.ocr``).
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

from capuy.errors import InputError
from capuy.model import Document
from capuy.read.limits import bare_utf16_encoding, check_size, decode_text

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md"}
OLD_SUFFIXES = (".doc", ".rtf", ".odt", ".wpd")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
SUPPORTED = ".txt, .md, .docx, .pdf, .doc, .rtf, .odt, .wpd, .png, .jpg, .tif"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Old binary Word (.doc) and encrypted OOXML files are OLE compound files."""
RTF_MAGIC = b"{\\rtf"
WPD_MAGIC = b"\xffWPC"
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
"""An ODT package starts with its uncompressed ``mimetype`` entry."""


def read_file(path: str | Path) -> Document:
    """Read any supported file (see the module docstring) into a ``Document``.

    Every failure is an ``InputError`` (one line, Vietnamese and English; ``MissingProgramError``
    when LibreOffice or Tesseract is not installed) — never another exception, never a hang:
    LibreOffice and OCR run under a time limit per file.
    """
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
    if kind == "old":
        from capuy.read.office import read_old_format

        return read_old_format(data, suffix, source)
    if kind == "image":
        from capuy.read.ocr import read_scan

        return read_scan(data, source, "image")
    from capuy.read.plaintext import read_text

    text, encoding = decode_text(data, source)
    if not text.strip():
        raise InputError(f"Tệp rỗng: {source}", f"empty file: {source}")
    document = read_text(text, source=source, fmt=TEXT_SUFFIXES[suffix])
    document.encoding = encoding
    return document


def _sniff(data: bytes, suffix: str, source: str) -> str:
    if data.startswith(PDF_MAGIC):
        if suffix not in (".pdf", ""):
            _unknown(source, suffix)
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        if suffix == ".odt" and ODT_MIMETYPE in data[:200]:
            return "old"
        if suffix != ".docx":
            _unknown(source, suffix)
        return "docx"
    if data.startswith(OLE_MAGIC):
        if suffix == ".docx":
            raise InputError(
                f"Tệp DOCX được mã hóa bằng mật khẩu (hoặc là tệp .doc cũ): {source}",
                f"DOCX is password-encrypted (or an old binary .doc): {source}",
            )
        if suffix in (".doc", ".wpd", ".rtf"):
            return "old"
        _unknown(source, suffix)
    if data.startswith(RTF_MAGIC) and suffix in (".rtf", ".doc"):
        return "old"  # Word's "Save as .doc" of an RTF keeps it RTF inside
    if data.startswith(WPD_MAGIC) and suffix == ".wpd":
        return "old"
    if data.startswith(IMAGE_MAGIC) and suffix in IMAGE_SUFFIXES:
        return "image"
    if suffix in OLD_SUFFIXES or suffix in IMAGE_SUFFIXES:
        raise InputError(
            f"Tệp {suffix} hỏng hoặc không đúng định dạng (nội dung không khớp đuôi tệp): {source}",
            f"corrupt {suffix} file, or not that format (content does not match the name): "
            f"{source}",
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
        if (
            b"\x00" in data[:4096]
            and not data.startswith((b"\xff\xfe", b"\xfe\xff"))
            and not bare_utf16_encoding(data)
        ):
            raise InputError(
                f"Tệp {suffix} chứa dữ liệu nhị phân, không phải văn bản: {source}",
                f"the {suffix} file holds binary data, not text: {source}",
            )
        return "text"
    _unknown(source, suffix)


def _unknown(source: str, suffix: str) -> NoReturn:
    shown = suffix or "(không có đuôi)"
    raise InputError(
        f"Định dạng tệp không hỗ trợ ({shown}); chỉ đọc {SUPPORTED}: {source}",
        f"unsupported file type ({suffix or 'no extension'}); only {SUPPORTED}: {source}",
    )
