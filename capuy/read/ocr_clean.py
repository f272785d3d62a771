"""Clean a page image before Tesseract: remove isolated specks.

Why: a scan's dust and toner specks — single dots a pixel or two across, far from any letter —
are what Tesseract reads as stray punctuation (". : - _ ˆ") between words and as a space that
cuts a symbol ("20- NQ/TW"). At 200 dpi, where a speck is as large as a letter's dot relative
to the text, most character errors of the benchmark scans were these (BENCHMARKS.md, "ocr4").

What is removed is a dark spot that has at most ``SPECK_PIXELS`` dark pixels in the 7×7 window
around it: smaller than any glyph part at the resolution Tesseract reads (300 dpi: a full stop,
a dot below "ạ" or an acute accent covers 8 pixels or more of such a window), and with nothing
else within three pixels — so the thin tip of a serif, next to its stem, stays. A white pinhole
inside a stroke (every 3×3 neighbour dark but one at most) is filled. A speck's grey halo
(scanner blur, JPEG) goes with it. Only Pillow's C filters
are used: a few hundred milliseconds per A4 page.
"""

from __future__ import annotations

from typing import Any

SPECK_PIXELS = 4
"""A dark pixel with at most this many dark pixels in its 7×7 window is a speck."""
DARK = 128
"""Grey level below which a pixel is ink."""


def despeckle(image: Any) -> Any:
    """``image`` (Pillow, mode "L") without isolated specks and pinholes."""
    from PIL import Image, ImageChops, ImageFilter

    assert isinstance(image, Image.Image)
    ink = image.point(lambda v: 255 if v < DARK else 0)  # ink = 255
    around = ink.filter(ImageFilter.BoxBlur(3))  # the mean of the 7×7 window
    # 49 pixels of 0/255: n ink pixels give n × 5,2; a speck has at most SPECK_PIXELS
    limit = int(SPECK_PIXELS * 255 / 49 + 0.5)
    lone = around.point(lambda v: 255 if v <= limit else 0)
    speck = ImageChops.multiply(ink, lone)  # ink pixels in a near-empty window
    speck = speck.filter(ImageFilter.MaxFilter(3))  # with the grey halo around each
    around3 = ink.filter(ImageFilter.Kernel((3, 3), [1, 1, 1, 1, 0, 1, 1, 1, 1], scale=8))
    hole = ImageChops.multiply(
        ImageChops.invert(ink), around3.point(lambda v: 255 if v >= 7 * 255 // 8 else 0)
    )
    white = Image.new("L", image.size, 255)
    black = Image.new("L", image.size, 0)
    cleaned = Image.composite(white, image, speck)
    return Image.composite(black, cleaned, hole)
