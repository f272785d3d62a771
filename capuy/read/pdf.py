"""The .pdf reader: the text layer (pypdf) rebuilt into paragraphs, then the plain-text pipeline.

pypdf gives visual lines. A line that wraps inside a paragraph keeps its trailing space
(``…thực hiện chỉ \\n``); a line that ends a paragraph does not, so paragraphs are rebuilt by
joining lines that end with a space. Running headers and footers (the same first or last line
on every page) and bare page numbers are dropped. Footnotes come out as ``1 Chương trình…`` at
the foot of the page and their calls as a digit glued to the word (``khóa XIII1``); when the
numbers follow on from the last footnote they are rewritten as ``^(1)`` marks so the plain-text
reader links them. Page breaks are blank lines, so cut paragraphs are joined as in .txt files.

``Document.lines`` are the rebuilt lines (one paragraph per line, blank lines between), and
``Block.line`` indexes them.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from pypdf import PdfReader

from capuy.errors import InputError
from capuy.model import Document
from capuy.read.plaintext import read_paged_text

PAGE_NUMBER = re.compile(r"^[-–\s]*\d{1,4}[-–\s]*$")
SYMBOL_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢"})
NEW_ITEM = re.compile(
    r"^(?:[-+*•▪➢–]\s|\d{1,3}\s|\d+(?:\.\d+)*\.\s|[IVXLC]+[-.]\s|[a-zđ]\)\s|\(\d+\)\s)"
)
RUNNING_RATIO = 0.6
"""A running header/footer is the same edge line on every page and shorter than body lines."""
TERMINAL = set(".:;!?…")
WRAP_RATIO = 0.8
"""A line at least this share of the page's longest line may wrap without a trailing space."""
FOOTNOTE_LINE = re.compile(r"^(\d{1,3}) (\S.*)$")


def read_pdf(data: bytes, source: str) -> Document:
    """Read a PDF with a text layer; encrypted, corrupt or image-only PDFs raise ``InputError``."""
    try:
        reader = PdfReader(io.BytesIO(data))
    except Exception as exc:  # pypdf reports broken files with many exception types
        raise InputError(f"Tệp PDF hỏng: {source}", f"corrupt PDF: {source}") from exc
    if reader.is_encrypted:
        _decrypt_or_refuse(reader, source)
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # a damaged content stream can fail anywhere inside pypdf
        raise InputError(
            f"Tệp PDF hỏng, không lấy được văn bản: {source}",
            f"corrupt PDF, cannot extract text: {source}",
        ) from exc
    if not any(text.strip() for text in pages):
        raise InputError(
            f"PDF không có lớp văn bản (bản quét?), cần nhận dạng chữ trước: {source}",
            f"PDF has no text layer (a scan?), run OCR first: {source}",
        )
    text, page_starts = pages_to_text(pages)
    return read_paged_text(text, source=source, fmt="pdf", page_starts=page_starts)


def _decrypt_or_refuse(reader: PdfReader, source: str) -> None:
    """Accept a PDF locked only against editing (empty user password); refuse the others."""
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # AES without a crypto library, damaged encryption dictionary
        opened = None
        cause: Exception | None = exc
    else:
        cause = None
    if not opened:
        raise InputError(
            f"PDF được mã hóa bằng mật khẩu, không đọc được: {source}",
            f"PDF is password-encrypted, cannot read: {source}",
        ) from cause


def pages_to_text(pages: list[str]) -> tuple[str, set[int]]:
    """Rebuild paragraphs from the visual lines of each page (see the module docstring).

    Returns the text (one paragraph per line, blank lines between) and the line numbers that
    open a page, where a paragraph cut by the page break may go on.
    """
    page_lines = [[_clean(line) for line in page.split("\n")] for page in pages]
    _drop_running_lines(page_lines)
    paragraphs_by_page = [_paragraphs(lines) for lines in page_lines]
    _mark_footnotes(paragraphs_by_page)
    paragraphs = [p for page in paragraphs_by_page for p in page]
    page_starts: set[int] = set()
    count = 0
    for page in paragraphs_by_page:
        if page:
            page_starts.add(2 * count + 1)
        count += len(page)
    return "\n\n".join(paragraphs), page_starts


def _clean(line: str) -> str:
    """No-break spaces as spaces; Word's Symbol-font bullets as "•" (a list marker)."""
    return line.replace("\xa0", " ").translate(SYMBOL_BULLETS)


def _drop_running_lines(page_lines: list[list[str]]) -> None:
    for lines in page_lines:
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
    if len(page_lines) > 1:
        widest = max((len(line.strip()) for lines in page_lines for line in lines), default=0)
        for edge in (0, -1):
            counts = Counter(lines[edge].strip() for lines in page_lines if lines)
            for text, count in counts.items():
                if count == len(page_lines) and text and len(text) <= widest * RUNNING_RATIO:
                    for lines in page_lines:
                        if lines and lines[edge].strip() == text:
                            lines.pop(edge)
    for lines in page_lines:
        for edge in (0, -1):
            if lines and PAGE_NUMBER.match(lines[edge]):
                lines.pop(edge)


def _paragraphs(lines: list[str]) -> list[str]:
    """Join wrapped visual lines into paragraphs.

    A line wraps when pypdf kept its trailing space, or when it is nearly as long as the
    longest line of the page, does not end a sentence and the next line does not start a
    new item (an outline label, a list marker or a footnote number).
    """
    full = max((len(line.rstrip()) for line in lines), default=0)
    # "full" is the longest line; justified and ragged lines that wrap are within 20% of it.
    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current.strip())
            current = ""
            continue
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        current += line if line.endswith(" ") else line.rstrip()
        wraps = line.endswith(" ") or (
            bool(following)
            and not NEW_ITEM.match(following)
            and len(line.rstrip()) >= WRAP_RATIO * full
            and line.rstrip()[-1] not in TERMINAL
        )
        if wraps:
            current = current if current.endswith(" ") else current + " "
        else:
            paragraphs.append(current.strip())
            current = ""
    if current.strip():
        paragraphs.append(current.strip())
    return paragraphs


def _mark_footnotes(pages: list[list[str]]) -> None:
    """Turn ``N text`` at the foot of a page and the glued call ``wordN`` into ``^(N)`` marks."""
    expected = 1
    for paragraphs in pages:
        start = len(paragraphs)
        while start > 0 and FOOTNOTE_LINE.match(paragraphs[start - 1]):
            start -= 1
        labels = [int(FOOTNOTE_LINE.match(p).group(1)) for p in paragraphs[start:]]  # type: ignore[union-attr]
        while labels and labels[0] != expected:
            labels.pop(0)
            start += 1
        if not labels or labels != list(range(expected, expected + len(labels))):
            continue
        search_from = (0, 0)
        for offset, label in enumerate(labels):
            index = start + offset
            paragraphs[index] = re.sub(r"^\d{1,3} ", f"^({label}) ", paragraphs[index], count=1)
            search_from = _mark_call(paragraphs, start, label, search_from)
        expected = labels[-1] + 1


def _mark_call(
    paragraphs: list[str], end: int, label: int, search_from: tuple[int, int]
) -> tuple[int, int]:
    call = re.compile(rf"(?<=[^\W\d_]|[)”\"]){label}(?!\d)")
    index, position = search_from
    while index < end:
        match = call.search(paragraphs[index], position)
        if match:
            text = paragraphs[index]
            paragraphs[index] = f"{text[: match.start()]}^({label}){text[match.end() :]}"
            return index, match.start() + len(f"^({label})")
        index, position = index + 1, 0
    return search_from
