"""Scans → text: scanned PDFs and page images (.png .jpg .tif, multi-page TIFF) through Tesseract.

Engine: Debian's ``tesseract-ocr`` with ``tesseract-ocr-vie``, driven through pytesseract (see
docs/decisions.md: one process per page that writes the words with their boxes and confidences
(TSV) and a one-page PDF with an invisible text layer in the same pass, a time limit that kills
the process, no compiled binding to keep in step with the Debian library).

Per page: straighten it — a quarter turn or upside down from Tesseract's orientation detection
(``--psm 0``, Debian ``tesseract-ocr-osd``), a slight skew from the angle whose row profile is
sharpest — then recognise it. The words' boxes become visual lines (a line with a wide gap is
two: the header's two columns), and the same layout rules as a PDF's text layer
(``capuy.read.pdf_layout``) join them into paragraphs. What Vietnamese OCR gets wrong in the
parts that matter most (symbols, codes, dates, the fixed header lines) is repaired from the
vocabulary (``capuy.read.ocr_repair``). Every block carries its mean word confidence
(``Block.confidence``, 0–100) and the document its mean (``Document.confidence``).

The page PDFs are merged into one searchable PDF (the scan with its text layer):
``searchable_pdf(path)`` returns it without recognising the file twice.

Limits: ``MAX_PAGES`` pages, ``timeout_s()`` seconds per file (``CAPUY_OCR_TIMEOUT_S``), every
failure a one-line ``InputError``.
"""
# Long: one Tesseract pass per page gives words, confidence and the text layer; layout and repairs follow it in order.

from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from capuy.errors import InputError, MissingProgramError
from capuy.model import Document
from capuy.read.ocr_repair import repair_ocr_text
from capuy.read.pdf import PAGE_NUMBER
from capuy.read.pdf_layout import Geometry, Line, paragraphs
from capuy.read.plaintext import read_paged_text

LANG = "vie"
DPI = 300
"""Resolution a scanned PDF is rasterised at (and assumed for an image without one)."""
MAX_PAGES = 100
DEFAULT_TIMEOUT_S = 900
WORD_GAP_HEIGHTS = 1.5
"""Two words further apart than this many line heights are in different columns (a word gap is
about a third of a height; the header's columns are inches apart)."""
SIZE_SNAP = 0.45
"""Line heights within 45 % of the body's are the body size: an OCR line is as tall as its tallest
glyph, so "sau:" and "ĐẢNG" differ by half while printed in one size."""
SPECK_CONFIDENCE = 75.0
JUNK_CONFIDENCE = 30.0
"""Below this Tesseract is guessing at dirt, a rule line or a seal."""
SKEW_RANGE = 5.0
SKEW_STEP = 0.25


@dataclass
class OcrLine:
    text: str
    left: int
    top: int
    height: int
    confidences: list[float] = field(default_factory=list)


@dataclass
class OcrPage:
    width: int
    height: int
    dpi: int
    lines: list[OcrLine]
    pdf: bytes


@dataclass
class OcrResult:
    """The document read from a scan, the scan as a searchable PDF, and each page's text."""

    document: Document
    pdf: bytes
    pages: int
    page_texts: list[str] = field(default_factory=list)


_CACHE: dict[str, OcrResult] = {}
"""The last file recognised (by content hash), so ``searchable_pdf`` after ``read_file`` is free."""


def timeout_s() -> int:
    try:
        return max(1, int(os.environ.get("CAPUY_OCR_TIMEOUT_S", DEFAULT_TIMEOUT_S)))
    except ValueError:
        return DEFAULT_TIMEOUT_S


def _need(program: str, package: str) -> str:
    found = shutil.which(program)
    if not found:
        raise MissingProgramError(
            f"Không tìm thấy {program}: chạy 'make system-deps' để cài {package}",
            f"{program} not found: run 'make system-deps' to install {package}",
        )
    return found


def _check_language() -> None:
    tesseract = _need("tesseract", "tesseract-ocr tesseract-ocr-vie")
    listed = subprocess.run(
        [tesseract, "--list-langs"], capture_output=True, text=True, timeout=60, check=False
    )
    if LANG not in listed.stdout.split():
        raise MissingProgramError(
            "Tesseract thiếu dữ liệu tiếng Việt: cài gói tesseract-ocr-vie",
            "Tesseract has no Vietnamese data: install tesseract-ocr-vie",
        )


def read_scan(data: bytes, source: str, kind: str) -> Document:
    """Recognise a scanned PDF (``kind`` "pdf") or a page image ("image") into a ``Document``."""
    return recognise(data, source, kind).document


def recognise(data: bytes, source: str, kind: str) -> OcrResult:
    key = hashlib.sha256(data).hexdigest()
    if key in _CACHE:
        cached = _CACHE[key]
        cached.document.source = source
        return cached
    _check_language()
    deadline = time.monotonic() + timeout_s()
    with tempfile.TemporaryDirectory(prefix="capuy-ocr-") as tmp:
        work = Path(tmp)
        pages = [
            _recognise_page(image, dpi, work / f"p{index}", deadline, source)
            for index, (image, dpi) in enumerate(_page_images(data, kind, work, deadline, source))
        ]
    if not any(line.text for page in pages for line in page.lines):
        raise InputError(
            f"Không nhận dạng được chữ nào trong bản quét: {source}",
            f"no text recognised in the scan: {source}",
        )
    document, page_texts = _document(pages, source, "pdf" if kind == "pdf" else "image")
    result = OcrResult(document, _merge_pdfs([page.pdf for page in pages]), len(pages), page_texts)
    _CACHE.clear()
    _CACHE[key] = result
    return result


def searchable_pdf(path: str | Path) -> bytes:
    """The scan at ``path`` as one PDF with its recognised text layer (searchable, copyable)."""
    data = Path(path).read_bytes()
    kind = "pdf" if data.startswith(b"%PDF-") else "image"
    return recognise(data, str(path), kind).pdf


# --- pages ----------------------------------------------------------------------------


def _remaining(deadline: float, source: str) -> int:
    left = deadline - time.monotonic()
    if left <= 0:
        limit = timeout_s()
        raise InputError(
            f"Nhận dạng chữ quá thời hạn {limit} giây: {source}",
            f"OCR took longer than the {limit} s limit: {source}",
        )
    return max(1, int(left))


def _page_images(
    data: bytes, kind: str, work: Path, deadline: float, source: str
) -> Iterator[tuple[object, int]]:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    if kind == "pdf":
        pdftoppm = _need("pdftoppm", "poppler-utils")
        pdf = work / "scan.pdf"
        pdf.write_bytes(data)
        try:
            subprocess.run(
                [pdftoppm, "-r", str(DPI), "-gray", "-png", str(pdf), str(work / "page")],
                capture_output=True,
                timeout=_remaining(deadline, source),
                check=True,
            )
        except subprocess.TimeoutExpired:
            _remaining(0, source)
        except subprocess.CalledProcessError as exc:
            raise InputError(
                f"Không tách được trang của PDF quét: {source}",
                f"cannot rasterise the scanned PDF: {source}",
            ) from exc
        files = sorted(work.glob("page-*.png"))
        if len(files) > MAX_PAGES:
            raise _too_many(source)
        for file in files:
            with Image.open(file) as image:
                yield image.convert("L"), DPI
        return
    try:
        image = Image.open(io.BytesIO(data))
        frames = [frame.convert("L") for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise InputError(
            f"Tệp ảnh hỏng hoặc không đọc được: {source}",
            f"corrupt or unreadable image: {source}",
        ) from exc
    if len(frames) > MAX_PAGES:
        raise _too_many(source)
    dpi_info = image.info.get("dpi")
    dpi = int(round(float(dpi_info[0]))) if dpi_info and float(dpi_info[0]) >= 70 else DPI
    for frame in frames:
        yield frame, dpi


def _too_many(source: str) -> InputError:
    return InputError(
        f"Bản quét quá dài (trên {MAX_PAGES} trang): {source}",
        f"scan too long (over {MAX_PAGES} pages): {source}",
    )


def _straighten(image: object, dpi: int, work: Path, deadline: float, source: str) -> object:
    """Turn the page upright (orientation detection) and undo a slight skew."""
    import pytesseract
    from PIL import Image

    assert isinstance(image, Image.Image)
    half = image.resize((max(1, image.width // 2), max(1, image.height // 2)))
    try:
        osd = pytesseract.image_to_osd(  # at half size: orientation needs no fine detail
            half,
            config=f"--dpi {max(70, dpi // 2)} -c min_characters_to_try=20",
            output_type=pytesseract.Output.DICT,
            timeout=_remaining(deadline, source),
        )
        rotate = int(osd.get("rotate", 0))
        if rotate and float(osd.get("orientation_conf", 0)) >= 2.0:
            image = image.rotate(-rotate, expand=True, fillcolor=255)
    except pytesseract.TesseractError:
        pass  # too little text to tell the orientation: read it as it is
    except RuntimeError:  # pytesseract's timeout
        _remaining(0, source)
    angle = skew_angle(image)
    if abs(angle) >= SKEW_STEP:
        image = image.rotate(angle, expand=False, fillcolor=255, resample=Image.Resampling.BICUBIC)
    return image


def skew_angle(image: object) -> float:
    """The small rotation (degrees) that makes the text rows sharpest (projection profile)."""
    from PIL import Image

    assert isinstance(image, Image.Image)
    small = image.copy()
    small.thumbnail((800, 800))
    ink = small.point(lambda v: 255 if v < 128 else 0)
    best_angle, best_score = 0.0, -1.0
    steps = int(SKEW_RANGE / SKEW_STEP)
    for step in range(-steps, steps + 1):
        angle = step * SKEW_STEP
        turned = ink.rotate(angle, expand=False, fillcolor=0) if angle else ink
        width, height = turned.size
        values = list(turned.resize((1, height), Image.Resampling.BOX).tobytes())
        score = sum((values[i] - values[i - 1]) ** 2 for i in range(1, len(values)))
        if score > best_score:
            best_angle, best_score = angle, score
    return best_angle


def _recognise_page(image: object, dpi: int, base: Path, deadline: float, source: str) -> OcrPage:
    import pytesseract
    from PIL import Image

    assert isinstance(image, Image.Image)
    image = _straighten(image, dpi, base.parent, deadline, source)
    assert isinstance(image, Image.Image)
    png = base.with_suffix(".png")
    image.save(png, dpi=(dpi, dpi))
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        pytesseract.pytesseract.run_tesseract(
            str(png),
            str(base),
            extension="pdf",
            lang=LANG,
            config=f"--dpi {dpi} --psm 3 -c tessedit_create_tsv=1",
            timeout=_remaining(deadline, source),
        )
    except RuntimeError:  # pytesseract's "Tesseract process timeout"
        _remaining(0, source)
    except pytesseract.TesseractNotFoundError as exc:
        raise MissingProgramError(
            "Không chạy được tesseract: cài tesseract-ocr tesseract-ocr-vie",
            "cannot run tesseract: install tesseract-ocr tesseract-ocr-vie",
        ) from exc
    except pytesseract.TesseractError as exc:
        raise InputError(
            f"Tesseract không đọc được trang ảnh: {source}",
            f"Tesseract failed on a page image: {source}",
        ) from exc
    tsv = base.with_suffix(".tsv").read_text(encoding="utf-8")
    pdf = base.with_suffix(".pdf").read_bytes()
    width, height = image.size
    return OcrPage(width, height, dpi, tsv_lines(tsv), pdf)


def tsv_lines(tsv: str) -> list[OcrLine]:
    """Tesseract's TSV → visual lines (words joined by a space), a wide gap starting a new one."""
    lines: list[OcrLine] = []
    current: OcrLine | None = None
    key = None
    last_right = 0
    rows = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in rows:
        if row.get("level") != "5":
            continue
        text = (row.get("text") or "").strip()
        if not text:
            continue
        left, top = int(row["left"]), int(row["top"])
        width, height = int(row["width"]), int(row["height"])
        conf = float(row["conf"])
        if is_speck(text, conf):
            continue
        row_key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
        gap_limit = WORD_GAP_HEIGHTS * (current.height if current else height)
        off_line = current is not None and (
            left < last_right  # back to the left: Tesseract joined two columns' lines
            or top > current.top + current.height  # wholly below the line so far
            or top + height < current.top  # wholly above it
        )
        if current is None or row_key != key or left - last_right > gap_limit or off_line:
            current = OcrLine(text, left, top, height, [conf])
            lines.append(current)
        else:
            current.text += " " + text
            current.top = min(current.top, top)
            current.height = max(current.height, height)
            current.confidences.append(conf)
        key = row_key
        last_right = left + width
    return lines


def is_speck(text: str, confidence: float) -> bool:
    """A "word" Tesseract made of dirt on the page: no letter or digit and a low confidence
    (a real "*" or "-" of the header is read with a high one)."""
    if confidence < JUNK_CONFIDENCE:
        return True
    if len(text) == 1 and not text.isalnum() and text not in "*-+":
        return True  # a stray mark of a rule line or a stain
    return confidence < SPECK_CONFIDENCE and not any(ch.isalnum() for ch in text)


# --- document -------------------------------------------------------------------------


def _document(pages: list[OcrPage], source: str, fmt: str) -> tuple[Document, list[str]]:
    """Pages of lines → paragraphs (PDF layout rules) → the plain-text reader, with confidences;
    also each page's repaired text. A bare page number at the top or foot of a page is dropped."""
    heights = [line.height for page in pages for line in page.lines if line.text]
    body_px = median(heights) if heights else 1
    layout_pages: list[list[Line]] = []
    confidences: list[list[list[float]]] = []
    for page in pages:
        scale = 72.0 / page.dpi
        body_pt = body_px * scale
        lines: list[Line] = []
        confs: list[list[float]] = []
        ordered = list(page.lines)  # Tesseract's reading order: block by block, column-aware
        for edge in (0, -1):
            if ordered and PAGE_NUMBER.match(ordered[edge].text):
                ordered.pop(edge)
        for line in ordered:
            size = line.height * scale
            if abs(size / body_pt - 1) <= SIZE_SNAP:
                size = body_pt
            y = (page.height - line.top - line.height) * scale
            lines.append(Line(line.text, line.left * scale, y, round(size, 1)))
            confs.append(line.confidences)
        layout_pages.append(lines)
        confidences.append(confs)
    geometry = Geometry.of(layout_pages)
    texts: list[str] = []
    page_texts: list[str] = []
    paragraph_confs: list[float] = []
    page_starts: set[int] = set()
    for lines, confs in zip(layout_pages, confidences, strict=True):
        page_paragraphs = paragraphs(lines, geometry)
        page_texts.append("\n".join(repair_ocr_text(p.text) for p in page_paragraphs))
        if page_paragraphs:
            page_starts.add(2 * len(texts) + 1)
        index = 0
        for paragraph in page_paragraphs:
            words: list[float] = []
            consumed = ""
            while index < len(lines) and len(consumed) < len(paragraph.text):
                consumed += (" " if consumed else "") + lines[index].text
                words.extend(confs[index])
                index += 1
            texts.append(repair_ocr_text(paragraph.text))
            paragraph_confs.append(sum(words) / len(words) if words else 0.0)
    document = read_paged_text("\n\n".join(texts), source=source, fmt=fmt, page_starts=page_starts)
    by_line = {2 * i + 1: conf for i, conf in enumerate(paragraph_confs)}
    for block in document.blocks:
        lines_of_block = {block.line} | {line for _start, line in block.segments}
        if block.kind == "table":
            lines_of_block |= set(block.row_lines)
        values = [by_line[line] for line in lines_of_block if line in by_line]
        block.confidence = round(sum(values) / len(values), 1) if values else None
    all_words = [c for page in confidences for line in page for c in line]
    document.encoding = "ocr"
    document.confidence = round(sum(all_words) / len(all_words), 1) if all_words else None
    return document, page_texts


def _merge_pdfs(parts: list[bytes]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        for page in PdfReader(io.BytesIO(part)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
