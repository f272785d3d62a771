"""Clean a page image before Tesseract: remove isolated specks.

Why: a scan's dust and toner specks — single dots a pixel or two across, far from any letter —
are what Tesseract reads as stray punctuation (". : - _ ˆ") between words and as a space that
cuts a symbol ("20- NQ/TW"). At 200 dpi, where a speck is as large as a letter's dot relative
to the text, most character errors of the benchmark scans were these (BENCHMARKS.md, "ocr4").

What is removed is, first, a dark spot that has at most ``SPECK_PIXELS`` dark pixels in the 7×7
window around it: smaller than any glyph part at the resolution Tesseract reads (300 dpi: a full
stop, a dot below "ạ" or an acute accent covers 8 pixels or more of such a window), and with
nothing else within three pixels — so the thin tip of a serif, next to its stem, stays; second,
a clump of at most ``CLUMP_PIXELS`` with nothing else within five pixels, and compact (5 ink
pixels in its own 3×3, which the thin end of a table's rule is not): a 2×2 speck of a 200-dpi
scan, brought to 300 dpi, is 3×3 and the first rule keeps it. A white pinhole inside a stroke
(every 3×3 neighbour dark but one at most) is filled. A speck's grey halo (scanner blur, JPEG)
goes with it.

How, and why this way: the project depends on Pillow, not numpy, so the work is Pillow's C
filters, and few of them. Box filters count the ink of each 7×7, 11×11 and 3×3 window; the speck
marks and the ink are then packed into one byte per pixel (ink 1, speck 18) and a single 3×3
sum, the centre weighted 9, answers both remaining questions at once: is there a speck within
one pixel (the halo to whiten: sum ≥ 18) and is a white centre ringed by seven or more ink
neighbours (the pinhole: a sum of 7 or 8). Until December 2026 (round five) the halo was a 3×3
maximum filter — a rank filter, the slowest of Pillow's — and the pinholes a second 3×3 pass;
without the clump rule the output is the same pixel for pixel (tests/test_read_ocr_clean.py)
in half the time; the clump rule's two box counts bring it back to 0,86 of the old time
(BENCHMARKS.md, "OCR, fifth round"). Not one pass: Pillow has no connected components.
"""

from __future__ import annotations

from typing import Any

SPECK_PIXELS = 4
"""A dark pixel with at most this many dark pixels in its 7×7 window is a speck."""
DARK = 128
"""Grey level below which a pixel is ink."""
CLUMP_PIXELS = 10
"""A compact dark clump of at most this many pixels with nothing else in its 11×11 window is a
speck too: a 2×2 speck of a 200-dpi scan brought to 300 dpi (3×3, or 3×4 off the grid), and
dust that clumps. Glyph parts this small (the dot below "ạ" in a small font) sit within a few
pixels of their letter, which then falls in the window. 10, not more: at 12 the clean pages of
the development sets (laid out and rasterised, no noise) lost 200–450 ink pixels a page, at 10
the same as without the rule (BENCHMARKS.md, "OCR, fifth round")."""
SPECK_MARK = 18
"""A speck pixel's value in the packed image: more than any ink count of the 3×3 sum (8
neighbours + the centre's 9 = 17), so a sum of 18 or more means a speck within one pixel. The
sum may then pass 255 and be clipped: only "a speck is near" is read from it, never the ink."""


def _pinhole(total: int) -> int:
    """255 where the packed 3×3 sum says: the centre is white and 7 or 8 neighbours are ink."""
    return 255 if 7 <= total < 9 else 0  # neighbours + 9 × centre, no speck near (< 18)


def despeckle(image: Any) -> Any:
    """``image`` (Pillow, mode "L") without isolated specks and pinholes."""
    from PIL import Image, ImageChops, ImageFilter, ImageOps

    assert isinstance(image, Image.Image)
    ink = image.point(lambda v: 255 if v < DARK else 0)  # ink = 255
    around = ink.filter(ImageFilter.BoxBlur(3))  # the mean of the 7×7 window
    # 49 pixels of 0/255: n ink pixels give n × 5,2; a speck has at most SPECK_PIXELS
    limit = int(SPECK_PIXELS * 255 / 49 + 0.5)
    lone = around.point(lambda v: SPECK_MARK if v <= limit else 0)
    # a clump: little ink in the 11×11 window, but 5 or more in the pixel's own 3×3 — compact,
    # not the thin end of a table's rule (1 pixel wide, a bump: 4 at most in its 3×3); the
    # halo then takes the clump's corners (4 in their 3×3)
    around11 = ink.filter(ImageFilter.BoxBlur(5))
    limit11 = int((CLUMP_PIXELS + 0.5) * 255 / 121)
    sparse = around11.point(lambda v: 255 if v <= limit11 else 0)
    compact = ink.filter(ImageFilter.BoxBlur(1)).point(lambda v: SPECK_MARK if v >= 128 else 0)
    lone = ImageChops.lighter(lone, ImageChops.multiply(sparse, compact))
    packed = ImageChops.add(ImageChops.multiply(ink, lone), ink.point(lambda v: 1 if v else 0))
    # one 3×3 sum over the packed marks; a zero border so the page's edge counts as paper
    weights = [1, 1, 1, 1, 9, 1, 1, 1, 1]
    total = ImageOps.expand(packed, 1, fill=0).filter(ImageFilter.Kernel((3, 3), weights, 1))
    total = total.crop((1, 1, image.width + 1, image.height + 1))
    halo = total.point(lambda v: 255 if v >= SPECK_MARK else 0)  # a speck within one pixel
    hole = total.point(_pinhole)  # a pinhole has no speck near (17 < 18): never clipped
    # the pinholes first, the specks last: a speck with a hole in it (a clump's ring) goes whole
    filled = Image.composite(Image.new("L", image.size, 0), image, hole)
    return Image.composite(Image.new("L", image.size, 255), filled, halo)
