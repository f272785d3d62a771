"""Read again what Tesseract could not read in a scan's header: a run of words it was unsure
of, in the first page's top part, re-read alone as a block (``--psm 6``).

Why: laid out tight, the issuer's bold capitals ("ĐẢNG ỦY XÃ PHỔ CHÂU") sit close under the
superior's line, with the place and date beside them in the other column. Tesseract's page
layout (``--psm 3``) then takes the issuer and the place-date for one text line twice as high
as a line and reads the issuer as noise at confidence 0–30 ("Ko) m_j n K29 HYU"); the same
box read alone reads right. The header's kind, number, date and summary are found from the
issuer on, so one such line cost a document its whole header (BENCHMARKS.md, "ocr4").

Only the first page's top fifth is looked at, only runs of two words or more whose confidence
is under ``UNSURE``, and the new reading replaces the run only when Tesseract is surer of it;
new words on top of words already read well are dropped (no line twice). One extra Tesseract
call per such run: none on a clean header.
"""

from __future__ import annotations

import csv
import io
from typing import Any

HEADER_SHARE = 0.2
"""The header lies in the first page's top fifth."""
UNSURE = 50.0
"""Words read under this confidence are noise-like."""
SURER = 20.0
"""The re-read replaces the run when its mean confidence is this much higher."""
MARGIN = 10


def _rows(tsv: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    return list(reader.fieldnames or []), list(reader)


def _box(row: dict[str, str]) -> tuple[int, int, int, int]:
    left, top = int(row["left"]), int(row["top"])
    return left, top, left + int(row["width"]), top + int(row["height"])


def _words(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [row for row in rows if row.get("level") == "5" and (row.get("text") or "").strip()]


def unsure_runs(tsv: str, page_height: int) -> list[list[dict[str, str]]]:
    """Runs of two or more consecutive words of one line, read under ``UNSURE``, in the top
    ``HEADER_SHARE`` of the page."""
    return _runs(_rows(tsv)[1], page_height)


def _runs(rows: list[dict[str, str]], page_height: int) -> list[list[dict[str, str]]]:
    runs: list[list[dict[str, str]]] = []
    current: list[dict[str, str]] = []
    key = None
    for row in _words(rows):
        line = (row["block_num"], row["par_num"], row["line_num"])
        unsure = float(row["conf"]) < UNSURE and int(row["top"]) < page_height * HEADER_SHARE
        if unsure and line == key and current:
            current.append(row)
        else:
            if len(current) >= 2:
                runs.append(current)
            current = [row] if unsure else []
        key = line
    if len(current) >= 2:
        runs.append(current)
    return runs


def _overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Over half of word ``a`` lies on ``b`` (a speck's small box inside ``a`` does not)."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return False
    return width * height > 0.5 * max(1, (a[2] - a[0]) * (a[3] - a[1]))


def reread_header(image: Any, tsv: str, read: Any) -> str:
    """``tsv`` with each unsure run of the header replaced by ``read(crop)`` (Tesseract's TSV
    of the cropped box, ``--psm 6``) when that is surer; the page's TSV as it was otherwise."""
    fields, rows = _rows(tsv)
    runs = _runs(rows, image.height)
    if not runs:
        return tsv
    kept_boxes = [
        _box(row) for row in _words(rows) if float(row["conf"]) >= UNSURE
    ]  # words read well: never read twice
    for number, run in enumerate(runs):
        boxes = [_box(row) for row in run]
        left = max(0, min(b[0] for b in boxes) - MARGIN)
        # Tesseract's boxes of noise leave out a capital's marks ("Ả", "Ổ"): half a letter up
        lift = max(MARGIN, sorted(b[3] - b[1] for b in boxes)[len(boxes) // 2] // 2)
        top = max(0, min(b[1] for b in boxes) - lift)
        right = min(image.width, max(b[2] for b in boxes) + MARGIN)
        bottom = min(image.height, max(b[3] for b in boxes) + MARGIN)
        _new_fields, new_rows = _rows(read(image.crop((left, top, right, bottom))))
        words = _words(new_rows)
        for word in words:
            word["left"] = str(int(word["left"]) + left)
            word["top"] = str(int(word["top"]) + top)
        words = [word for word in words if not any(_overlaps(_box(word), b) for b in kept_boxes)]
        if not words:
            continue
        before = sum(float(row["conf"]) for row in run) / len(run)
        after = sum(float(word["conf"]) for word in words) / len(words)
        if after < before + SURER:
            continue
        first = run[0]
        for word in words:  # lines of their own, in the run's block and paragraph
            word["page_num"], word["block_num"] = first["page_num"], first["block_num"]
            word["par_num"] = first["par_num"]
            word["line_num"] = f"{first['line_num']}r{number}.{word['line_num']}"
        ids = {id(row) for row in run}
        at = next(index for index, row in enumerate(rows) if id(row) in ids)
        rows = (
            [row for row in rows[:at] if id(row) not in ids]
            + words
            + [row for row in rows[at:] if id(row) not in ids]
        )
    lines = ["\t".join(fields)] + ["\t".join(row.get(f) or "" for f in fields) for row in rows]
    return "\n".join(lines) + "\n"
