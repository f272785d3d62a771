"""Specks removed before Tesseract (``capuy.read.ocr_clean.despeckle``): dust it would read as
stray punctuation goes, every part of a glyph stays — a full stop, the dot below "ạ", an acute
accent, the hook of "ả" — and a pinhole in a stroke is filled.

Shapes drawn to size at 300 dpi, then a real page: a report laid out by ``capuy convert``,
printed by LibreOffice and rasterised by ``pdftoppm`` at 300 dpi, and at 200 dpi brought to
300 as the reader brings a 200-dpi scan, with the benchmark's speckle.
"""

from __future__ import annotations

import random

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from capuy.read.ocr_clean import despeckle
from tests.ocr_pages import rasterised_page


def _ink(image: Image.Image) -> int:
    return sum(image.point(lambda v: 1 if v < 128 else 0).histogram()[1:])


def _shape(draw: str) -> Image.Image:
    image = Image.new("L", (60, 60), 255)
    pen = ImageDraw.Draw(image)
    if draw == "speck":
        image.putpixel((30, 30), 0)
    elif draw == "speck 2×2":
        pen.rectangle((30, 30, 31, 31), fill=0)
    elif draw == "full stop":  # ~6 px across at 300 dpi in 13 pt
        pen.ellipse((27, 27, 32, 32), fill=0)
    elif draw == "dot below":  # the nặng tone's dot: ~4 px
        pen.ellipse((28, 28, 31, 31), fill=0)
    elif draw == "acute accent":  # a short thin slanted stroke, 2 px wide
        pen.line((26, 34, 32, 26), fill=0, width=2)
    elif draw == "hook":  # the hỏi tone: a small open curve
        pen.arc((26, 24, 34, 32), start=200, end=90, fill=0, width=2)
    elif draw == "stroke with pinhole":
        pen.rectangle((20, 10, 25, 50), fill=0)
        image.putpixel((22, 30), 255)
    return image


@pytest.mark.parametrize(
    ("draw", "ink_after"),
    [
        ("speck", 0),
        ("speck 2×2", 0),
        ("full stop", None),  # None: every ink pixel kept
        ("dot below", None),
        ("acute accent", None),
        ("hook", None),
        ("stroke with pinhole", 6 * 41),  # the hole filled: the whole bar is ink
    ],
)
def test_specks_go_glyph_parts_stay(draw: str, ink_after: int | None) -> None:
    image = _shape(draw)
    cleaned = despeckle(image)
    assert _ink(cleaned) == (_ink(image) if ink_after is None else ink_after)


SOURCE = """---
superior: HUYỆN ỦY SƠN TỊNH
issuer: ĐẢNG ỦY THỊ TRẤN TỊNH HÀ
issuer_code: ĐU
number: 18
place: Tịnh Hà
date: '2026-01-22'
kind: THÔNG BÁO
summary: kết quả rà soát việc thực hiện các chỉ thị, kết luận của Trung ương
draft: false
---

Thực hiện Quy định số 22-QĐ/TW, ngày 28/7/2021 của Ban Chấp hành Trung ương; Kết luận số
21-KL/TW ngày 25 tháng 10 năm 2021; Chỉ thị số 35-CT/TW (ngày 14/6/2024). Đảng ủy thị trấn đã
quán triệt, triển khai đầy đủ; những hạn chế được khắc phục kịp thời, bảo đảm dân chủ, kỷ cương.
"""


def _speckled(image: Image.Image, native_dpi: int, seed: int) -> Image.Image:
    """The benchmark's speckle (0,25 % of the pixels flipped) at the scan's own resolution,
    then the page brought to 300 dpi as the reader rasterises a scanned PDF."""
    rng = random.Random(seed)
    scan = image.copy()
    for _ in range(scan.width * scan.height // 400):
        x, y = rng.randrange(scan.width), rng.randrange(scan.height)
        scan.putpixel((x, y), 0 if scan.getpixel((x, y)) > 128 else 255)
    return _at_300(scan, native_dpi)


def _at_300(image: Image.Image, native_dpi: int) -> Image.Image:
    if native_dpi == 300:
        return image
    size = (image.width * 300 // native_dpi, image.height * 300 // native_dpi)
    return image.resize(size, Image.Resampling.BICUBIC)


@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.parametrize("dpi", [300, 200])
def test_a_real_page_keeps_its_letters_and_loses_its_dust(tmp_path, dpi: int) -> None:  # type: ignore[no-untyped-def]
    page = Image.open(rasterised_page(SOURCE, tmp_path, dpi)).convert("L")
    clean = _at_300(page, dpi)
    # the letters: a clean page loses almost no ink (grey edge pixels at most)
    assert _ink(clean) - _ink(despeckle(clean)) <= _ink(clean) // 1000
    # the dust: of the dark specks put on the blank paper, almost none is left
    letters = clean.point(lambda v: 255 if v < 200 else 0).filter(ImageFilter.MaxFilter(9))
    blank = ImageChops.invert(letters)

    def dust(image: Image.Image) -> int:
        return _ink(ImageChops.lighter(image, ImageChops.invert(blank)))

    speckled = _speckled(page, dpi, seed=dpi)
    assert dust(speckled) > 1000
    assert dust(despeckle(speckled)) <= dust(speckled) // 50
