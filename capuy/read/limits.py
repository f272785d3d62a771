"""Size limits and text decoding shared by every reader.

Offices send what Word and scanners produce; a file that is too large, empty or in an unknown
encoding must stop with a one-line ``InputError`` instead of a traceback or a hung process.
"""

from __future__ import annotations

import codecs

from capuy.errors import InputError

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Largest input file accepted (50 MB): far above any real report, small enough to stay in RAM."""

MAX_LAYOUT_CHARS = 2_000_000
"""Longest text laid out by ``capuy convert`` (≈ 600 pages, as ``capuy check``'s limit): a 49 MB
text ran 300 s without a word before this bound."""

TEXT_ENCODINGS: tuple[str, ...] = ("utf-8", "utf-8-sig", "utf-16", "cp1258")
"""Tried in this order; cp1258 is the Vietnamese Windows code page of older office files."""


def check_size(size: int, source: str) -> None:
    """Refuse empty and oversized inputs before reading them."""
    if size == 0:
        raise InputError(f"Tệp rỗng: {source}", f"empty file: {source}")
    if size > MAX_FILE_BYTES:
        limit_mb = MAX_FILE_BYTES // (1024 * 1024)
        raise InputError(
            f"Tệp quá lớn (trên {limit_mb} MB): {source}",
            f"file too large (over {limit_mb} MB): {source}",
        )


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Decode a text file; return ``(text, encoding)``.

    A byte-order mark decides first (UTF-8-SIG, UTF-16); otherwise UTF-8, then cp1258. cp1258
    maps almost every byte, so it is accepted only when the result has no control characters.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data, "utf-8-sig", source), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", source), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    if text and not _has_control_chars(text):
        return text, "cp1258"
    raise InputError(
        f"Không giải mã được văn bản (đã thử UTF-8, UTF-8-SIG, UTF-16, cp1258): {source}",
        f"cannot decode text (tried UTF-8, UTF-8-SIG, UTF-16, cp1258): {source}",
    )


def _decode(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"Tệp có dấu {encoding.upper()} nhưng nội dung hỏng: {source}",
            f"file has a {encoding.upper()} byte-order mark but does not decode: {source}",
        ) from exc


def _has_control_chars(text: str) -> bool:
    return any(ord(ch) < 32 and ch not in "\t\n\r\f" for ch in text)


def check_length(chars: int, source: str, limit: int = MAX_LAYOUT_CHARS) -> None:
    """Refuse a text too long to lay out in bounded time and memory."""
    if chars > limit:
        vi_size, vi_max = (f"{n:,}".replace(",", ".") for n in (chars, limit))
        raise InputError(
            f"Tệp quá dài để dàn trang ({vi_size} ký tự; tối đa {vi_max} ≈ 600 trang): {source}",
            f"file too long to lay out ({chars:,} characters; at most {limit:,}): {source}",
        )
