"""Scans through Tesseract (Debian tesseract-ocr-vie) and the repairs of its mistakes.

The scans are real: seed 002 laid out in the official format (``capuy convert``), printed to
PDF by LibreOffice, rasterised by ``pdftoppm`` and cropped to the top of page 1 so each
recognition stays a few seconds; then turned, skewed, stacked in a multi-page TIFF or wrapped
in an image-only PDF. The repair tests plant OCR's confusions into the seeds' own citation lines.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from capuy.api import extract_file
from capuy.errors import InputError
from capuy.extract import extract
from capuy.read import read_file
from capuy.read.ocr import searchable_pdf, skew_angle
from capuy.read.ocr_repair import repair_ocr_text
from tests.conftest import SEED_FILES, seed

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract-ocr not installed (make system-deps)"
)


@pytest.fixture(scope="module")
def page_top(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The top 40 % of page 1 of seed 002 as printed, at 300 dpi, as a Pillow image."""
    from PIL import Image

    from capuy.api import convert_file
    from capuy.render import PdfConverter

    work = tmp_path_factory.mktemp("scan")
    with PdfConverter() as converter:
        convert_file(seed("002"), work / "s.docx", work / "s.pdf", converter=converter)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "300",
            "-gray",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            work / "s.pdf",
            work / "p",
        ],
        check=True,
    )
    (png,) = work.glob("p-*.png")
    image = Image.open(png).convert("L")
    return image.crop((0, 0, image.width, int(image.height * 0.4)))


def save(image, path: Path, **options) -> Path:  # type: ignore[no-untyped-def]
    image.save(path, dpi=(300, 300), **options)
    return path


def assert_header(doc) -> None:  # type: ignore[no-untyped-def]
    """Seed 002's header as its text has it: a draft (no number) KẾT LUẬN of the conference."""
    extracted = extract(doc)
    truth = extract_file(seed("002"))
    assert extracted.header.kind == truth.header.kind == "KẾT LUẬN"
    assert extracted.header.symbol == truth.header.symbol == "-KL/TU"
    assert extracted.header.summary == truth.header.summary


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_png_scan_reads_header_with_confidence(tmp_path: Path, page_top) -> None:  # type: ignore[no-untyped-def]
    doc = read_file(save(page_top, tmp_path / "quet.png"))
    assert doc.encoding == "ocr"
    assert doc.format == "image"
    assert doc.confidence is not None and doc.confidence > 60
    assert all(block.confidence is not None for block in doc.blocks)
    assert all(0 <= block.confidence <= 100 for block in doc.blocks)  # type: ignore[operator]
    assert_header(doc)


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_turned_and_skewed_jpeg_is_straightened(tmp_path: Path, page_top) -> None:  # type: ignore[no-untyped-def]
    """A page photographed sideways and a little askew: turned upright, then deskewed."""
    turned = page_top.rotate(1.5, fillcolor=255, expand=True).rotate(90, expand=True)
    assert abs(skew_angle(page_top.rotate(1.5, fillcolor=255)) + 1.5) <= 0.5
    assert_header(read_file(save(turned, tmp_path / "nghieng.jpg", quality=90)))


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_multipage_tiff_and_image_pdf(tmp_path: Path, page_top) -> None:  # type: ignore[no-untyped-def]
    """Two pages in one TIFF, and the same pages as an image-only PDF: read in order; the PDF
    comes back searchable (its text layer holds the recognised words)."""
    from pypdf import PdfReader

    width, height = page_top.size
    first = page_top.crop((0, 0, width, height // 2))
    second = page_top.crop((0, height // 2, width, height))
    tiff = tmp_path / "hai-trang.tif"
    first.save(tiff, save_all=True, append_images=[second], dpi=(300, 300), compression="tiff_lzw")
    doc = read_file(tiff)
    text = "\n".join(doc.lines)
    assert text.index("KẾT LUẬN") < text.index("Tại Hội nghị ngày 11/10/2024")
    pdf = tmp_path / "ban-quet.pdf"
    first.save(pdf, save_all=True, append_images=[second], resolution=300.0)
    from_pdf = "\n".join(read_file(pdf).lines)
    assert from_pdf.index("KẾT LUẬN") < from_pdf.index("Tại Hội nghị ngày 11/10/2024")
    layer = PdfReader(io.BytesIO(searchable_pdf(pdf)))
    assert len(layer.pages) == 2
    recognised = " ".join(page.extract_text() for page in layer.pages)
    assert "KẾT" in recognised and "Hội nghị" in recognised


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_ocr_time_limit_is_a_one_line_error(
    tmp_path: Path, page_top, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CAPUY_OCR_TIMEOUT_S", "1")
    big = page_top.resize((page_top.width * 2, page_top.height * 2))
    with pytest.raises(InputError) as error:
        read_file(save(big, tmp_path / "cham.png"))
    assert "quá thời hạn" in error.value.vi and "limit" in error.value.en


# --- repairs (no OCR needed) -------------------------------------------------------


def seed_lines() -> list[tuple[str, int, str]]:
    rows = []
    for path in SEED_FILES:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        rows += [(path.name[:3], number, line) for number, line in enumerate(text.split("\n"), 1)]
    return rows


def test_repairs_leave_every_seed_line_alone() -> None:
    changed = [(s, n) for s, n, line in seed_lines() if repair_ocr_text(line) != line]
    assert changed == []


CONFUSIONS = [
    ("/", "I"),  # the slash read as a capital I
    ("/", "A"),  # … as A (123/HD/NN → 123/HDANN)
    ("/", ""),  # … dropped
    ("-", "—"),  # the hyphen as a long dash
    ("0", "O"),  # a zero in the number as O
    ("Đ", "D"),  # Đ of a code without its bar
]


@pytest.mark.parametrize(("right", "wrong"), CONFUSIONS)
def test_planted_symbol_confusions_are_repaired(right: str, wrong: str) -> None:
    """Every Party symbol of the seeds with one OCR confusion planted reads right again."""
    planted = repaired = 0
    for path in SEED_FILES:
        doc = extract_file(path)
        for citation in doc.citations:
            symbol = citation.symbol
            if citation.system != "party" or right not in symbol:
                continue
            at = {"/": symbol.rfind("/"), "-": symbol.find("-")}.get(right, -1)
            if right == "0":
                at = citation.number.find("0")
            if right == "Đ":
                at = symbol.find("Đ", symbol.find("-"))
            if at < 0:
                continue
            broken = symbol[:at] + wrong + symbol[at + len(right) :]
            line = f"thực hiện văn bản số {broken} ngày 26/02/2024 của Thị ủy"
            planted += 1
            repaired += repair_ocr_text(line) == line.replace(broken, symbol)
    assert planted >= 5
    assert repaired == planted


@pytest.mark.parametrize(
    ("ocr", "right"),
    [
        ("Đức Phổ, ngảy 26 thảng O2 nãm 2O24", "Đức Phổ, ngày 26 tháng 02 năm 2024"),
        ("Kết luận số 01-KL/TW ngày l8/5/2O21", "Kết luận số 01-KL/TW ngày 18/5/2021"),
        ("Quyết định số 06/QD-TTg", "Quyết định số 06/QĐ-TTg"),
        ("ĐẢNG CỘNG SAN VIET NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        # not dates, not symbols: left alone
        ("miền Nam 2024, giai đoạn 2021 - 2025", "miền Nam 2024, giai đoạn 2021 - 2025"),
        ("ngày 31/02/2024", "ngày 31/02/2024"),
        ("kết nạp 51/256 quần chúng", "kết nạp 51/256 quần chúng"),
    ],
)
def test_dates_codes_and_fixed_lines(ocr: str, right: str) -> None:
    assert repair_ocr_text(ocr) == right


def test_no_tesseract_gives_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the program the user is told what to install (MissingProgramError, exit 2)."""
    from PIL import Image

    monkeypatch.setenv("PATH", str(tmp_path))
    image = Image.new("L", (200, 100), 255)
    path = save(image, tmp_path / "trang.png")
    with pytest.raises(InputError) as error:
        read_file(path)
    assert "tesseract" in error.value.en
    assert re.search(r"tesseract-ocr", error.value.vi)
