"""Read again the cells of a ruled table Tesseract was unsure of: each such cell's image alone,
inside its rules, as a block (``--psm 6``).

Why: in a page's layout (``--psm 3``) Tesseract reads a short cell beside its rules badly — a
group row's bold "2" as "ở)" or "°)" at confidence 0–40, a number wrapped alone under "Tổ dân
phố" as "s" at 20, "Văn" beside a rule at 0 — and such words are then dropped as dirt
(``ocr_layout.is_speck``): the row loses its number, the name a syllable. The same cell cut out
of the page reads right: no rule touches its letters, no neighbour's line pulls it off its own.
The grid (``capuy.read.ocr_grid``) says where each cell is.

Only cells holding a word under ``UNSURE`` are read again (none on a clean table), one
Tesseract call each. A cell with no word read well is replaced by the new reading when
Tesseract is surer of it by ``SURER`` on average; in a cell with words read well only the unsure
words are replaced, each by the new words in its box when each of those is surer by ``SURER``
and not unsure itself: a word read well is never read again (a whole cell's new reading lost
"05-" of "05-CT/TW" wrapped at a line's end, and made "Quý I" "Quý 1"). A cell where Tesseract saw
no word at all (a thin lone "1" at 200 dpi) is not read again.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from typing import Any

from capuy.read.ocr_grid import Grid, Table

__all__ = ["cell_boxes", "reread_cells"]

UNSURE = 50.0
"""A word read under this confidence makes its cell worth reading again."""
SURER = 10.0
"""The new reading replaces the cell's words when its mean confidence is this much higher."""
INSET = 0.02
"""Inch: the crop stays this far inside the cell's rules (a rule in the crop is read as "|")."""
LOW = 0.05
"""Inch: a "word" lower than this is a speck, not a reason to read the cell again."""
MARKS = frozenset("|_!")
NUMBER = re.compile(r"[\d.,/%-]+")
SYMBOL = re.compile(r"\d+-\w*[A-ZĐ]")
"""A symbol's number and code ("28-CT", "41-KU")."""
"""Characters a rule is read as: a word of only these is the rule, not the cell's text."""

Box = tuple[int, int, int, int]
Row = dict[str, str]


def cell_boxes(table: Table) -> Iterator[Box]:
    """Each cell's box (left, top, right, bottom), a cell merged down over the bands it spans."""
    for band, edges in enumerate(table.cells):
        for left, right in zip(edges, edges[1:], strict=False):
            if _joined(table, band, left):
                continue
            below = band + 1
            while below < len(table.cells) and _joined(table, below, left):
                below += 1
            yield left, table.rows[band], right, table.rows[below]


def _joined(table: Table, band: int, left: int) -> bool:
    return any(b == band and abs(x - left) <= 2 for b, x in table.joined)


def _rows(tsv: str) -> tuple[list[str], list[Row]]:
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    return list(reader.fieldnames or []), list(reader)


def _text(row: Row) -> str:
    return (row.get("text") or "").strip() if row.get("level") == "5" else ""


def _middle_in(row: Row, box: Box) -> bool:
    x = int(row["left"]) + int(row["width"]) / 2
    y = int(row["top"]) + int(row["height"]) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def _own(row: Row, dpi: int) -> bool:
    """A word of the cell's text: not a rule read as marks, not a speck."""
    text = _text(row)
    return bool(text.strip("".join(MARKS))) and int(row["height"]) >= LOW * dpi


def _across(row: Row) -> bool:
    """A word read across a column's rule ("05-|Ban": two cells' words): left as it is."""
    return "|" in _text(row).strip("|")


def _shape(text: str) -> list[str]:
    """The numbers ("9") and Roman numerals ("R") of a reading, in order."""
    roman = re.sub(r"(?<![^\W\d_])[IVXL]+(?![^\W\d_])", "R", text)
    return re.findall(r"9|R", re.sub(r"\d+", "9", roman))


def _kept_shape(old: list[Row], new: list[Row]) -> bool:
    """Whether the new reading keeps the old's numbers and Roman numerals: Tesseract on a cell
    alone reads "07" as "0Z" and "Quý I/2025" as "Quý 1/2025" as surely as it reads "°)" as
    "2"; a reading with a number or a numeral keeps them as they are."""
    was, now = " ".join(_text(r) for r in old), " ".join(_text(r) for r in new)
    if NUMBER.fullmatch(was):  # a number read unsure is a number still ("07", not "0Z")
        return bool(NUMBER.fullmatch(now))
    if _mixed(now) and not _mixed(was):
        return False  # a capital inside a word ("sỐ" for "số") is no printed word
    return not _shape(was) or _shape(was) == _shape(now)


def _mixed(text: str) -> bool:
    return any(a.islower() and b.isupper() for a, b in zip(text, text[1:], strict=False))


def _symbol(row: Row) -> bool:
    """A document's symbol ("41-KUTW_"): left to the repairs against the vocabulary, which
    know the codes; read alone it comes out another wrong symbol ("41-KU/EW") read surely."""
    return bool(SYMBOL.search(_text(row)))


def reread_cells(image: Any, tsv: str, grid: Grid, read: Callable[[Any], str]) -> str:
    """``tsv`` with the words of each table cell holding an unsure word replaced by
    ``read(crop)`` (Tesseract's TSV of the cell inside its rules, ``--psm 6``) when that is
    surer; the page's TSV as it was otherwise."""
    fields, rows = _rows(tsv)
    changed = False
    for table in grid.tables:
        inset = max(1, round(INSET * table.dpi))
        for number, box in enumerate(cell_boxes(table)):
            crop = (box[0] + inset, box[1] + inset, box[2] - inset, box[3] - inset)
            if crop[2] <= crop[0] or crop[3] <= crop[1]:
                continue
            words = [r for r in rows if _text(r) and _middle_in(r, box)]
            own = [r for r in words if _own(r, table.dpi) and not _across(r)]
            if not own or all(float(r["conf"]) >= UNSURE for r in own):
                continue
            new = [r for r in _rows(read(image.crop(crop)))[1] if _own(r, table.dpi)]
            for word in new:
                word["left"] = str(int(word["left"]) + crop[0])
                word["top"] = str(int(word["top"]) + crop[1])
            if all(float(r["conf"]) < UNSURE for r in own):  # nothing in it read well
                before = sum(float(r["conf"]) for r in own) / len(own)
                better = (
                    bool(new) and sum(float(r["conf"]) for r in new) / len(new) >= before + SURER
                )
                if better and _kept_shape(own, new) and not any(_symbol(r) for r in own):
                    gone = [r for r in words if not _across(r)]
                    rows = _replaced(rows, gone, new, f"c{table.top}.{number}")
                    changed = True
                continue
            for old in [r for r in own if float(r["conf"]) < UNSURE and not _symbol(r)]:
                over = [r for r in new if _middle_in(r, _box(old))]
                surer = float(old["conf"]) + SURER
                sure = all(float(r["conf"]) >= max(surer, UNSURE) for r in over)
                if over and sure and _kept_shape([old], over):
                    rows = _replaced(rows, [old], over, "")
                    changed = True
    if not changed:
        return tsv
    lines = ["\t".join(fields)] + ["\t".join(row.get(f) or "" for f in fields) for row in rows]
    return "\n".join(lines) + "\n"


def _box(row: Row) -> Box:
    left, top = int(row["left"]), int(row["top"])
    return left, top, left + int(row["width"]), top + int(row["height"])


def _replaced(rows: list[Row], old: list[Row], new: list[Row], tag: str) -> list[Row]:
    """``rows`` with ``old`` taken out and ``new`` (moved onto the page) put where the first of
    them was: in its line (``tag`` empty: a word read again in place) or, a whole cell read
    again, as lines of their own (``tag``: the cell's)."""
    first = old[0]
    for word in new:
        own = f"{word['block_num']}.{word['par_num']}.{word['line_num']}"  # the crop's line
        word["page_num"], word["block_num"] = first["page_num"], first["block_num"]
        word["par_num"] = first["par_num"]
        word["line_num"] = f"{first['line_num']}{tag}.{own}" if tag else first["line_num"]
    ids = {id(row) for row in old}
    at = next(index for index, row in enumerate(rows) if id(row) in ids)
    return (
        [row for row in rows[:at] if id(row) not in ids]
        + new
        + [row for row in rows[at:] if id(row) not in ids]
    )
