"""Scans → text: scanned PDFs and page images (.png .jpg .tif, multi-page TIFF) through Tesseract.

Engine: Debian's ``tesseract-ocr`` with ``tesseract-ocr-vie``, driven through pytesseract (see
docs/decisions.md: one process per page that writes the words with their boxes and confidences
(TSV) and a one-page PDF with an invisible text layer in the same pass, a time limit that kills
the process, no compiled binding to keep in step with the Debian library).

Per page: remove isolated specks (``capuy.read.ocr_clean``: dust Tesseract reads as stray
punctuation), straighten it — a quarter turn or upside down from Tesseract's orientation detection
(``--psm 0``, Debian ``tesseract-ocr-osd``), a slight skew from the angle whose row profile is
sharpest — then recognise it, and find its ruled tables' grid (``capuy.read.ocr_grid``: the
printed cell borders; a ruled table is read cell by cell from it). The words' boxes become
visual lines (a line with a wide gap is two: the header's two columns), and the same layout
rules as a PDF's text layer (``capuy.read.pdf_layout``) join them into paragraphs. What Vietnamese OCR gets wrong in the
parts that matter most (symbols, codes, dates, the fixed header lines) is repaired from the
vocabulary (``capuy.read.ocr_repair``). On the first page, a run of header words read as
noise is read again alone (``capuy.read.ocr_reread``; the searchable PDF's layer keeps the first
reading). Every block carries its mean word confidence
(``Block.confidence``, 0–100) and the document its mean (``Document.confidence``).

The page PDFs are merged into one searchable PDF (the scan with its text layer):
``searchable_pdf(path)`` returns it without recognising the file twice.

Limits: ``MAX_PAGES`` pages, ``timeout_s()`` seconds per file (``CAPUY_OCR_TIMEOUT_S``), every
failure a one-line ``InputError``.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from capuy.errors import InputError, MissingProgramError
from capuy.model import Document
from capuy.read.ocr_cellread import reread_cells
from capuy.read.ocr_clean import despeckle
from capuy.read.ocr_grid import Grid, find_grid
from capuy.read.ocr_layout import (  # the lines and the document: re-exported from here too
    JUNK_CONFIDENCE,
    SIZE_SNAP,
    SPECK_CONFIDENCE,
    WORD_GAP_HEIGHTS,
    OcrLine,
    OcrPage,
    document_from_pages,
    is_speck,
    tsv_lines,
)
from capuy.read.ocr_reread import reread_header
from capuy.text.numbers import format_number

__all__ = [
    "DPI",
    "JUNK_CONFIDENCE",
    "LANG",
    "MAX_PAGES",
    "SIZE_SNAP",
    "SPECK_CONFIDENCE",
    "WORD_GAP_HEIGHTS",
    "OcrLine",
    "OcrPage",
    "OcrResult",
    "is_speck",
    "read_scan",
    "recognise",
    "reread_tables",
    "searchable_pdf",
    "skew_angle",
    "timeout_s",
    "tsv_lines",
]

LANG = "vie"
DPI = 300
"""Resolution a scanned PDF is rasterised at (and assumed for an image without one)."""
MAX_PAGES = 100
DEFAULT_TIMEOUT_S = 900
SKEW_RANGE = 5.0
SKEW_STEP = 0.25


@dataclass
class OcrResult:
    """The document read from a scan, the scan as a searchable PDF, and each page's text."""

    document: Document
    pdf: bytes
    pages: int
    page_texts: list[str] = field(default_factory=list)
    ocr_pages: list[OcrPage] = field(default_factory=list)
    """The recognised pages (each with Tesseract's TSV): enough to re-run the layout."""


_CACHE: dict[str, OcrResult] = {}
"""The last file recognised (by content hash), so ``searchable_pdf`` after ``read_file`` is free."""


def timeout_s() -> float:
    """Seconds one file's OCR may take; a fraction is allowed (``0.05``), so a test can set a
    limit no real recognition meets however fast the machine."""
    try:
        return max(0.01, float(os.environ.get("CAPUY_OCR_TIMEOUT_S", DEFAULT_TIMEOUT_S)))
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
            _recognise_page(image, dpi, work / f"p{index}", deadline, source, index == 0)
            for index, (image, dpi) in enumerate(_page_images(data, kind, work, deadline, source))
        ]
    if not any(line.text for page in pages for line in page.lines):
        raise InputError(
            f"Không nhận dạng được chữ nào trong bản quét: {source}",
            f"no text recognised in the scan: {source}",
        )
    document, page_texts = document_from_pages(pages, source, "pdf" if kind == "pdf" else "image")
    result = OcrResult(
        document, _merge_pdfs([page.pdf for page in pages]), len(pages), page_texts, pages
    )
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
        shown = format_number(int(limit) if limit == int(limit) else limit)
        raise InputError(
            f"Nhận dạng chữ quá thời hạn {shown} giây: {source}",
            f"OCR took longer than the {limit:g} s limit: {source}",
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


def _recognise_page(
    image: object, dpi: int, base: Path, deadline: float, source: str, first: bool = False
) -> OcrPage:
    import pytesseract
    from PIL import Image

    assert isinstance(image, Image.Image)
    image = despeckle(image)  # before straightening: a turned speck blurs into a grey blot
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
    if first:  # the header's lines Tesseract read as noise, read again alone
        try:
            tsv = reread_header(image, tsv, _block_reader(dpi, deadline, source))
        except RuntimeError:  # pytesseract's timeout
            _remaining(0, source)
    pdf = base.with_suffix(".pdf").read_bytes()
    width, height = image.size
    grid = find_grid(image, dpi)  # the ruled tables, from the image Tesseract read
    tsv = _reread_cells(image, tsv, grid, dpi, deadline, source)
    return OcrPage(width, height, dpi, tsv_lines(tsv), pdf, tsv, grid)


def _reread_cells(
    image: object, tsv: str, grid: Grid, dpi: int, deadline: float, source: str
) -> str:
    """The page's TSV with its tables' unsure cells read again alone (``ocr_cellread``)."""
    try:
        return reread_cells(image, tsv, grid, _block_reader(dpi, deadline, source))
    except RuntimeError:  # pytesseract's timeout
        _remaining(0, source)
        return tsv


def _block_reader(dpi: int, deadline: float, source: str) -> Callable[[object], str]:
    """Tesseract on a piece of a page read as one block (``--psm 6``): its TSV."""
    import pytesseract

    def read(crop: object) -> str:
        config = f"--dpi {dpi} --psm 6"
        timeout = _remaining(deadline, source)
        return str(pytesseract.image_to_data(crop, lang=LANG, config=config, timeout=timeout))

    return read


def reread_tables(data: bytes, kind: str, pages: list[OcrPage], source: str = "") -> list[str]:
    """The TSV of each page of a scan recognised before the table cells were read again, with
    them read again: the same pages rasterised, cleaned and straightened the same way, the
    cells as the pages' grids have them; a page without a table is left as it is. For the
    benchmark's cache (``benchmarks/bench_ocr``): no Tesseract over whole pages again."""
    deadline = time.monotonic() + timeout_s()
    tsvs = [page.tsv for page in pages]
    if not any(page.grid and page.grid.tables for page in pages):
        return tsvs  # no table: no page to rasterise again
    with tempfile.TemporaryDirectory(prefix="capuy-ocr-") as tmp:
        work = Path(tmp)
        images = _page_images(data, kind, work, deadline, source)
        for index, (page, (image, dpi)) in enumerate(zip(pages, images, strict=False)):
            if page.grid and page.grid.tables:
                image = _straighten(despeckle(image), dpi, work, deadline, source)
                tsvs[index] = _reread_cells(image, page.tsv, page.grid, dpi, deadline, source)
    return tsvs


def _merge_pdfs(parts: list[bytes]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        for page in PdfReader(io.BytesIO(part)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
