"""Checks on a file's structure before any parser opens it: zip bombs and active PDFs.

A .docx is a zip archive; its declared sizes are in the central directory, so they can be read
without inflating anything. The probe sent a 136 KB .docx whose ``word/document.xml`` inflates
to a million paragraphs (the worker took 76 s and 1,6 GB) and a 1 MB one pointing to a 1 GB
image. Real office files are nowhere near the limits below: a 60-page report's document.xml is
1–3 MB, compressed 5–15 times. A part cannot inflate past its declared size (``zipfile`` stops
there and fails the CRC), so checking the directory bounds the memory the parser will use.
The time a parser takes is bounded apart: the web reads uploads in a child process with
limits (``capuy.read.sandbox``).

A PDF may carry JavaScript or actions run on opening (``/OpenAction``, ``/AA``, ``/Launch``):
capuy only reads the text of attachments, but the same file is downloaded and opened by other
users, so such a file is refused, not stored.
"""

from __future__ import annotations

import io
import re
import zipfile

from capuy.errors import InputError

MAX_ENTRIES = 2000
"""Parts in one package (a Word file has 10–60; embedded images add one each)."""
MAX_TOTAL_BYTES = 200 * 1024 * 1024
"""All parts inflated together."""
MAX_PART_BYTES = 40 * 1024 * 1024
"""One XML part inflated (document.xml of the longest seed: under 1 MB)."""
MAX_RATIO = 100
"""Inflated/compressed size of one part above 1 MB (XML compresses 5–20 times)."""


def check_zip(data: bytes, source: str) -> None:
    """Refuse a zip archive whose declared contents are too many, too big or too compressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(f"Tệp nén hỏng: {source}", f"corrupt zip package: {source}") from exc
    if len(infos) > MAX_ENTRIES:
        raise _bomb(source, f"{len(infos)} phần", f"{len(infos)} parts")
    total = 0
    for info in infos:
        name = info.filename
        if name.startswith("/") or ".." in name.split("/") or "\\" in name:
            raise InputError(
                f"Tệp nén có đường dẫn không hợp lệ ({name[:80]}): {source}",
                f"zip entry with an unsafe path ({name[:80]}): {source}",
            )
        size = info.file_size
        total += size
        if name.endswith((".xml", ".rels")) and size > MAX_PART_BYTES:
            raise _bomb(source, f"phần {name} bung ra {_mb(size)}", f"{name} inflates to {size}")
        if size > 1024 * 1024 and size > MAX_RATIO * max(info.compress_size, 1):
            raise _bomb(
                source,
                f"phần {name} nén {size // max(info.compress_size, 1)} lần",
                f"{name} compressed {size // max(info.compress_size, 1)}:1",
            )
    if total > MAX_TOTAL_BYTES:
        raise _bomb(source, f"bung ra {_mb(total)}", f"inflates to {total} bytes")


def _mb(size: int) -> str:
    return f"{size / 1048576:.0f} MB"


def _bomb(source: str, vi: str, en: str) -> InputError:
    return InputError(
        f"Tệp nén bất thường ({vi}), có thể là “bom nén”; không đọc: {source}",
        f"abnormal package ({en}), possibly a zip bomb; not read: {source}",
    )


ACTIVE_PDF = re.compile(rb"/(JavaScript|JS|AA|Launch|RichMedia|EmbeddedFile|XFA)\b")
ACTIVE_KEYS = {"JavaScript", "JS", "AA", "Launch", "XFA", "RichMedia", "EmbeddedFile"}
ACTIVE_ACTIONS = {"JavaScript", "Launch", "ImportData", "SubmitForm", "Rendition"}


def check_pdf_active_content(data: bytes, source: str) -> None:
    """Refuse a PDF with JavaScript, automatic actions, launches or embedded files.

    The raw bytes are scanned (names written plainly in the file) and so are the objects pypdf
    decodes (names hidden in compressed object streams). An ``/OpenAction`` that only opens a
    page (LibreOffice writes one) is harmless; one that runs an action is not."""
    found = {m.group(1).decode() for m in ACTIVE_PDF.finditer(data)}
    found |= _active_names_in_objects(data)
    if found:
        names = ", ".join(sorted(found))
        raise InputError(
            f"Tệp PDF có mã hoặc lệnh tự chạy ({names}); không nhận: {source}",
            f"PDF with JavaScript or automatic actions ({names}); refused: {source}",
        )


def _active_names_in_objects(data: bytes) -> set[str]:
    try:
        from pypdf import PdfReader
        from pypdf.generic import DictionaryObject, IndirectObject

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return set()  # the reader refuses it with its own message
        found: set[str] = set()
        seen: set[int] = set()
        stack: list[object] = [reader.trailer["/Root"]]
        steps = 0
        while stack and steps < 200_000:
            steps += 1
            item = stack.pop()
            if isinstance(item, IndirectObject):
                if item.idnum in seen:
                    continue
                seen.add(item.idnum)
                item = item.get_object()
            if isinstance(item, DictionaryObject):
                for key, value in item.items():
                    if key[1:] in ACTIVE_KEYS:
                        found.add(key[1:])
                    if key == "/S" and str(value)[1:] in ACTIVE_ACTIONS:
                        found.add(str(value)[1:])
                    if key == "/OpenAction" and isinstance(value.get_object(), DictionaryObject):
                        action = str(value.get_object().get("/S", ""))[1:]
                        if action not in ("GoTo", ""):
                            found.add(f"OpenAction {action}")
                    if key not in ("/Parent", "/Contents", "/Font", "/Resources"):
                        stack.append(value)
            elif isinstance(item, list):
                stack.extend(item)
        return found
    except Exception:  # a broken PDF is the reader's to refuse, with its own message
        return set()
