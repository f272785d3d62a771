"""One file → plain metadata, in a worker process of the pool.

This runs in the process pool, so it takes a path and returns a plain ``dict`` (picklable,
small): no Django, no database. It calls the reader layer's public entry point, the one
``capuy extract`` uses (``capuy.api.read_document`` then ``extract``), so every format the
readers learn is imported with no change here. Any failure — an ``InputError`` with its
one-line reason, or an unexpected exception — becomes ``{"ok": False, ...}``: a file that fails
never stops the run.

OCR confidence: the model has no confidence field yet. A reader that OCRs may set
``Document.ocr_confidence`` (whole document) or ``Block.confidence`` (per block); either is read
here, as a fraction 0–1 (a percentage 0–100 is scaled down), the blocks' values weighted by their
text length. ``None`` means the text did not come from OCR.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

FILE_TIME_LIMIT_S = 600
"""A guard above the readers' own limits (OCR, LibreOffice): no file may hold a worker longer."""

LOW_CONFIDENCE = 0.80
"""Below this OCR confidence a filed document goes to the review page."""

_CLASSIFICATION = {"MẬT": 1, "TỐI MẬT": 2, "TUYỆT MẬT": 3}
_URGENCY = {
    "KHẨN": "khan",
    "THƯỢNG KHẨN": "thuong_khan",
    "HỎA TỐC": "hoa_toc",
    "HOẢ TỐC": "hoa_toc",
}


class _FileTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    """SIGALRM-based limit; only possible in a process's main thread (a pool worker is)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _FileTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def init_worker() -> None:
    """Pool initializer: load the readers and the vocabulary once per worker, not per file."""
    import capuy.extract  # noqa: F401


def read_one(path: str) -> dict[str, Any]:
    """Read and extract ``path``; ``{"ok": True, "meta": …, "text": …}`` or the reason why not."""
    from capuy.api import read_document
    from capuy.errors import InputError
    from capuy.extract import extract

    try:
        with _time_limit(FILE_TIME_LIMIT_S):
            doc = extract(read_document(path))
            meta = metadata_of(doc)
            text = text_of(doc)
    except InputError as error:
        return {"ok": False, "vi": error.vi, "en": error.en}
    except _FileTimeout:
        return {
            "ok": False,
            "vi": f"Đọc tệp quá {FILE_TIME_LIMIT_S // 60} phút, đã dừng",
            "en": f"reading took over {FILE_TIME_LIMIT_S // 60} minutes, stopped",
        }
    except Exception as error:  # noqa: BLE001 — one bad file must never stop the run
        kind = type(error).__name__
        return {
            "ok": False,
            "vi": f"Lỗi không lường trước khi đọc ({kind})",
            "en": f"unexpected error while reading ({kind}: {str(error)[:200]})",
        }
    return {
        "ok": True,
        "meta": meta,
        "text": text,
        "format": str(getattr(doc, "format", "")),
        "confidence": ocr_confidence(doc),
    }


def text_of(doc: Any) -> str:
    """All block texts (tables cell by cell) and footnotes, one per line — as the register's
    attachment text is built, so search sees an imported file as it sees an attached one."""
    from capuy.documents.attachments import document_text

    return document_text(doc)


def _split_symbol(symbol: str) -> tuple[str, str]:
    """(type code, issuer code) of ``708-BC/TU`` or ``177/BC-UBND``; ("", "") if not a symbol."""
    from capuy.extract.tokens import SYMBOL

    match = SYMBOL.fullmatch(symbol)
    if match is None:
        return "", ""
    if match.group("pnum"):
        return match.group("ptype") or "", match.group("piss") or ""
    return match.group("stype") or "", match.group("siss") or ""


def type_code_of(kind: str, symbol: str) -> str:
    """The type code: from the kind word ("BÁO CÁO" → BC), else from the symbol."""
    from capuy.vocab import type_code_for_word

    word = kind.split("\n")[0].strip()
    if word:
        for system in ("party", "state"):
            code = type_code_for_word(word, system)
            if code:
                return code
    return _split_symbol(symbol)[0]


def metadata_of(doc: Any) -> dict[str, Any]:
    """What the register needs, from the extracted header, signature and recipients."""
    from capuy.text import nfc

    header = doc.header
    symbol = nfc(header.symbol or "") if header.number else ""
    signature = doc.signature
    kind = nfc(header.kind or "")
    summary = nfc(" ".join((header.summary or "").split()))
    return {
        "number": header.number or "",
        "symbol": symbol,
        "issuer_code": _split_symbol(symbol)[1] if symbol else "",
        "type_code": type_code_of(kind, symbol),
        "kind": kind.split("\n")[0].strip(),
        "date": header.date.isoformat() if header.date else "",
        "issuer": nfc(header.issuer or ""),
        "superior": nfc(header.superior or ""),
        "place": nfc(header.place or ""),
        "summary": summary,
        "title": nfc(" ".join((doc.title or "").split())),
        "signer_capacity": nfc(signature.capacity) if signature else "",
        "signer_title": nfc(signature.title) if signature else "",
        "signer_name": nfc(signature.name) if signature else "",
        "classification": _CLASSIFICATION.get((header.classification or "").upper().strip(), 0),
        "urgency": _URGENCY.get((header.urgency or "").upper().strip(), ""),
        "recipients": [nfc(r) for r in doc.recipients],
    }


def _fraction(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number > 1.0:
        number /= 100.0
    return max(0.0, min(1.0, number))


def ocr_confidence(doc: Any) -> float | None:
    """The document's OCR confidence 0–1, or None when no reader reported one."""
    whole = getattr(doc, "ocr_confidence", None)
    if whole is not None:
        return _fraction(whole)
    weighted = 0.0
    length = 0
    for block in getattr(doc, "blocks", []):
        value = _fraction(getattr(block, "confidence", None))
        if value is None:
            continue
        size = max(len(block.text), 1)
        weighted += value * size
        length += size
    return weighted / length if length else None
