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

TEXT_ENCODINGS: tuple[str, ...] = ("utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni", "viqr")
"""What a text file may be in; cp1258, TCVN3 (ABC), VNI and VIQR are the pre-Unicode ones
(``capuy.read.legacy``)."""


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

    A byte-order mark decides first (UTF-8-SIG, UTF-16); UTF-16 without one is recognised by
    its zero bytes. UTF-8 text is kept unless it is really VIQR or legacy text saved through a
    program that did not know (``capuy.read.legacy.repair_text``, which never touches Unicode
    Vietnamese). Other bytes are read as the legacy encoding (Windows-1258, TCVN 5712, VNI)
    whose text reads best as Vietnamese; one that decodes to control characters is refused.
    """
    from capuy.read.legacy import detect_bytes, repair_text

    if data.startswith(codecs.BOM_UTF8):
        return _decode(data, "utf-8-sig", source), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", source), "utf-16"
    bare_utf16 = bare_utf16_encoding(data)
    if bare_utf16:
        return _decode(data, bare_utf16, source), bare_utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        repaired, legacy = repair_text(text)
        return repaired, legacy or "utf-8"
    detected = detect_bytes(data)
    if detected is not None:
        return detected
    raise InputError(
        f"Không giải mã được văn bản (đã thử UTF-8, UTF-16, cp1258, TCVN3, VNI): {source}",
        f"cannot decode text (tried UTF-8, UTF-16, cp1258, TCVN3, VNI): {source}",
    )


def bare_utf16_encoding(data: bytes) -> str:
    """ "utf-16-le"/"utf-16-be" when most odd/even bytes are zero (UTF-16 without a BOM)."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return ""
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zero > 0.3 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.3 and odd_zero < 0.05:
        return "utf-16-be"
    return ""


def _decode(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"Tệp có dấu {encoding.upper()} nhưng nội dung hỏng: {source}",
            f"file has a {encoding.upper()} byte-order mark but does not decode: {source}",
        ) from exc


def check_length(chars: int, source: str, limit: int = MAX_LAYOUT_CHARS) -> None:
    """Refuse a text too long to lay out in bounded time and memory."""
    if chars > limit:
        vi_size, vi_max = (f"{n:,}".replace(",", ".") for n in (chars, limit))
        raise InputError(
            f"Tệp quá dài để dàn trang ({vi_size} ký tự; tối đa {vi_max} ≈ 600 trang): {source}",
            f"file too long to lay out ({chars:,} characters; at most {limit:,}): {source}",
        )
