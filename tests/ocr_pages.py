"""Real scanned pages for the OCR tests: a report in capuy's authoring format laid out by
``capuy convert``, printed by LibreOffice, rasterised by ``pdftoppm``, cropped and read by
Tesseract — the one path the scan tests share, so each test module states only its source text
and where to crop.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from capuy.model import Document
from capuy.read.ocr_layout import OcrPage, tsv_lines

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract-ocr not installed (make system-deps)"
)


def rasterised_page(source: str, work: Path, dpi: int = 300) -> Path:
    """Page 1 of ``source`` (capuy's authoring format) as printed: a grey PNG at ``dpi``."""
    from capuy.api import convert_file
    from capuy.render import PdfConverter

    markdown = work / "bao-cao.md"
    markdown.write_text(source, encoding="utf-8")
    with PdfConverter() as converter:
        convert_file(markdown, work / "b.docx", work / "b.pdf", converter=converter)
    command = ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", "1", "-l", "1"]
    subprocess.run([*command, work / "b.pdf", work / "p"], check=True)
    (png,) = work.glob("p-*.png")
    return png


def scanned_page(source: str, work: Path, keep: float, dpi: int = 300) -> Document:
    """Page 1 of ``source`` as printed, at ``dpi``, cropped to its top ``keep`` share (cut in a
    blank band the caller chose), read through ``read_file`` — Tesseract and every repair."""
    from PIL import Image

    from capuy.read import read_file

    image = Image.open(rasterised_page(source, work, dpi)).convert("L")
    image.crop((0, 0, image.width, int(image.height * keep))).save(
        work / "quet.png", dpi=(dpi, dpi)
    )
    return read_file(work / "quet.png")


def scanned_pages(source: str, work: Path, dpi: int = 300) -> Document:
    """Every page of ``source`` as printed, rasterised at ``dpi`` into an image-only PDF (a
    scan without noise), read through ``read_file`` — for what runs across a page break."""
    from PIL import Image

    from capuy.api import convert_file
    from capuy.read import read_file
    from capuy.render import PdfConverter

    markdown = work / "bao-cao.md"
    markdown.write_text(source, encoding="utf-8")
    with PdfConverter() as converter:
        convert_file(markdown, work / "b.docx", work / "b.pdf", converter=converter)
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", work / "b.pdf", work / "p"], check=True
    )
    images = [Image.open(png).convert("L") for png in sorted(work.glob("p-*.png"))]
    scan = work / "quet.pdf"
    images[0].save(scan, save_all=True, append_images=images[1:], resolution=float(dpi))
    return read_file(scan)


TSV_HEAD = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
)
"""Tesseract's TSV columns (its level 5 rows: one word each)."""


def words_tsv(words: Sequence[tuple[object, ...]]) -> str:
    """Tesseract's TSV of ``words`` kept from a real recognition as tuples (block, paragraph,
    line, left, top, width, height, confidence, text): the fixtures state only the words."""
    rows = [
        f"5\t1\t{b}\t{p}\t{n}\t{i}\t{x}\t{y}\t{w}\t{h}\t{c}\t{t}"
        for i, (b, p, n, x, y, w, h, c, t) in enumerate(words, start=1)
    ]
    return "\n".join([TSV_HEAD, *rows]) + "\n"


def word_page(words: Sequence[tuple[object, ...]]) -> OcrPage:
    """An A4 page at 300 dpi of ``words`` (a 200-dpi scan is read brought to 300 dpi)."""
    tsv = words_tsv(words)
    return OcrPage(2481, 3508, 300, tsv_lines(tsv), b"", tsv)
