"""The .pdf reader: the text layer (pypdf) rebuilt into paragraphs, then the plain-text pipeline.

pypdf gives visual lines with where each is drawn; ``capuy.read.pdf_layout`` joins them into
paragraphs from the page geometry (font size, baseline gaps, indents). Running headers and
footers (the same short first or last line on every page) and bare page numbers are dropped.
Footnotes come out as ``1 Chương trình…`` at the foot of the page and their calls as a digit
glued to the word (``khóa XIII1``); when the numbers follow on from the last footnote they are
rewritten as ``^(1)`` marks so the plain-text reader links them. Page breaks are blank lines
and only a paragraph opening a page may continue the last one, as in .txt files.

``Document.lines`` are the rebuilt lines (one paragraph per line, blank lines between), and
``Block.line`` indexes them.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter

from pypdf import PageObject, PdfReader

from capuy.errors import InputError
from capuy.model import Document
from capuy.read.pagebreaks import ends_open
from capuy.read.pdf_layout import Geometry, Line, Paragraph, paragraphs
from capuy.read.plaintext import read_paged_text

PAGE_NUMBER = re.compile(r"^[-–\s]*\d{1,4}[-–\s]*$")
SYMBOL_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢"})
RUNNING_RATIO = 0.6
"""A running header/footer is the same edge line on every page and shorter than body lines."""
FOOTNOTE_LINE = re.compile(r"^(\d{1,3}) (\S.*)$")


def read_pdf(data: bytes, source: str) -> Document:
    """Read a PDF's text layer, or recognise it (OCR) when it has none; encrypted or corrupt PDFs
    raise ``InputError``."""
    try:
        reader = PdfReader(io.BytesIO(data))
    except Exception as exc:  # pypdf reports broken files with many exception types
        raise InputError(f"Tệp PDF hỏng: {source}", f"corrupt PDF: {source}") from exc
    if reader.is_encrypted:
        _decrypt_or_refuse(reader, source)
    try:
        pages = [page_lines(page) for page in reader.pages]
    except Exception as exc:  # a damaged content stream can fail anywhere inside pypdf
        raise InputError(
            f"Tệp PDF hỏng, không lấy được văn bản: {source}",
            f"corrupt PDF, cannot extract text: {source}",
        ) from exc
    if not any(pages):  # a scan: recognise the page images (capuy.read.ocr)
        if not _has_images(reader):
            raise InputError(
                f"PDF không có lớp văn bản cũng không có ảnh trang để nhận dạng: {source}",
                f"PDF has neither a text layer nor page images to recognise: {source}",
            )
        from capuy.read.ocr import read_scan

        return read_scan(data, source, "pdf")
    text, page_starts, carried = pages_to_text(pages)
    return read_paged_text(
        text, source=source, fmt="pdf", page_starts=page_starts, continuations=carried
    )


def _has_images(reader: PdfReader) -> bool:
    """Does any page draw an image (a scan), as opposed to being blank or damaged?"""
    try:
        return any(len(page.images) for page in reader.pages)
    except Exception:  # a damaged resource dictionary: nothing to recognise
        return False


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


def page_lines(page: PageObject) -> list[Line]:
    """The visual lines of a page, each with the position and size of its first glyph."""
    lines: list[Line] = [Line("")]

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scaled = size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
        for index, piece in enumerate(text.split("\n")):
            if index:
                lines.append(Line(""))
            if not piece:
                continue
            line = lines[-1]
            if line.text.strip() and piece.strip():
                if _superscript_number(line, piece, y, scaled):  # a footnote call: "2023⁸"
                    line.text += f"^({int(piece.strip())})"
                    continue
                if _raised_label(line, y, scaled):  # "¹ Chương trình…" at a footnote's start
                    line.y, line.size = y, scaled
                    line.text = line.text.strip() + " "
                elif _new_baseline(line, y, scaled):
                    line = Line("")
                    lines.append(line)
            if not line.text.strip() and piece.strip():
                line.x, line.y, line.size = x, y, scaled
            line.text += piece

    page.extract_text(visitor_text=visit)
    result = []
    for line in lines:
        text = re.sub(r"\s+", " ", line.text.replace("\xa0", " ")).strip()
        if text:
            wraps = line.text.endswith(" ")
            result.append(Line(text.translate(SYMBOL_BULLETS), line.x, line.y, line.size, wraps))
    return result


def _superscript_number(line: Line, piece: str, y: float, size: float) -> bool:
    return (
        piece.strip().isascii()
        and piece.strip().isdigit()
        and len(piece.strip()) <= 3
        and size < 0.85 * line.size
        and 0 < y - line.y < line.size
    )


def _raised_label(line: Line, y: float, size: float) -> bool:
    """The line so far is a raised footnote number and the text now starts on its baseline."""
    return line.text.strip().isdigit() and len(line.text.strip()) <= 3 and 0 < line.y - y < size


def _new_baseline(line: Line, y: float, size: float) -> bool:
    """pypdf sometimes runs two printed lines together (footnotes): split on the baseline.

    A smaller glyph raised by less than the line's size is a superscript (a footnote call).
    """
    if abs(y - line.y) <= 0.3 * max(size, line.size):
        return False
    superscript = size < 0.85 * line.size and 0 < y - line.y < line.size
    return not superscript


def pages_to_text(pages: list[list[Line]]) -> tuple[str, set[int], set[int]]:
    """Rebuild paragraphs from the visual lines of each page (see the module docstring).

    Returns the text (one paragraph per line, blank lines between), the line numbers that open
    a page (where a paragraph cut by the page break may go on) and, among them, those that
    surely go on: in a document whose paragraphs start with a first-line indent, a body
    paragraph opening a page at the bare margin is the rest of the previous page's last one.
    """
    _drop_running_lines(pages)
    geometry = Geometry.of(pages)
    laid_out = [paragraphs(lines, geometry) for lines in pages]
    body = [p for page in laid_out for p in page if abs(p.size - geometry.body_size) <= 0.5]
    uses_indent = bool(body) and sum(p.indented for p in body) >= 0.5 * len(body)
    paragraphs_by_page = _mark_footnotes(laid_out, geometry.body_size)
    page_starts: set[int] = set()
    carried: set[int] = set()
    count = 0
    for page, layout in zip(paragraphs_by_page, laid_out, strict=True):
        if page:
            page_starts.add(2 * count + 1)
            first = layout[0]
            if uses_indent and not first.indented and abs(first.size - geometry.body_size) <= 0.5:
                carried.add(2 * count + 1)
        count += len(page)
    flat = [p for page in paragraphs_by_page for p in page]
    return "\n\n".join(flat), page_starts, carried


def _drop_running_lines(pages: list[list[Line]]) -> None:
    if len(pages) > 1:
        widest = max((len(line.text) for lines in pages for line in lines), default=0)
        for edge in (0, -1):
            counts = Counter(lines[edge].text for lines in pages if lines)
            for text, count in counts.items():
                if count == len(pages) and len(text) <= widest * RUNNING_RATIO:
                    for lines in pages:
                        if lines and lines[edge].text == text:
                            lines.pop(edge)
    for lines in pages:
        for edge in (0, -1):
            if lines and PAGE_NUMBER.match(lines[edge].text):
                lines.pop(edge)


def _mark_footnotes(pages: list[list[Paragraph]], body_size: float) -> list[list[str]]:
    """Rewrite the footnotes at the foot of each page as ``^(N)`` bodies and calls.

    The footnote area is the run of paragraphs at the bottom of a page set smaller than the
    body, from the first ``N text`` whose N follows on from the last footnote. In it, further
    ``N text`` open footnotes and other paragraphs go on the footnote before them (a list inside
    a footnote). Small paragraphs just before the first new footnote are the rest of the
    previous page's last footnote when that one stopped mid-sentence (the page model of
    ``capuy.read.pagebreaks``). Calls are the same numbers glued to a word in the body.
    """
    result: list[list[str]] = []
    expected = 1
    last_note: tuple[int, int] | None = None  # where the last footnote written sits in result
    for page in pages:
        texts = [p.text for p in page]
        start = len(page)
        while start > 0 and page[start - 1].size < body_size - 0.5:
            start -= 1
        first = next((i for i in range(start, len(texts)) if _opens_note(texts[i], expected)), None)
        if first is None:  # footnotes set in the body size: the numbered run at the very end
            start = len(texts)
            while start > 0 and FOOTNOTE_LINE.match(texts[start - 1]):
                start -= 1
            first = next(
                (i for i in range(start, len(texts)) if _opens_note(texts[i], expected)), None
            )
        if first is None:
            result.append(texts)
            continue
        body = texts[:first]
        if last_note is not None and ends_open(_note_at(result, last_note)):
            carried = texts[start:first]
            if carried:
                body = texts[:start]
                page_index, note_index = last_note
                result[page_index][note_index] += " " + " ".join(carried)
        notes: list[str] = []
        search_from = (0, 0)
        for text in texts[first:]:
            match = FOOTNOTE_LINE.match(text)
            if match and _opens_note(text, expected):
                label = int(match.group(1))
                notes.append(f"^({label}) {match.group(2)}")
                if not any(f"^({label})" in text for text in body):
                    search_from = _mark_call(body, len(body), label, search_from)
                expected = label + 1
            else:
                notes[-1] = f"{notes[-1]} {text}"
        result.append(body + notes)
        last_note = (len(result) - 1, len(result[-1]) - 1)
    return result


def _opens_note(text: str, expected: int) -> bool:
    match = FOOTNOTE_LINE.match(text)
    return bool(match) and expected <= int(match.group(1)) < expected + 5  # type: ignore[union-attr]


def _note_at(result: list[list[str]], where: tuple[int, int]) -> str:
    return result[where[0]][where[1]]


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
