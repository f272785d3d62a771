"""Tesseract's words → a document: the words' boxes (TSV) become visual lines (a line with a
wide gap is two: the header's two columns; specks of dirt dropped), and the pages' lines go
through the same layout rules as a PDF's text layer (``capuy.read.pdf_layout``) to paragraphs,
repaired (``capuy.read.ocr_repair``) and read as plain text, each block with its mean word
confidence. No Tesseract here: ``capuy.read.ocr`` runs it and hands over the pages.
"""

# Long: Tesseract's words to lines and the lines to a document's paragraphs are one pass over a
# page (the table rows as tab-separated lines, the header's star and specks) that shares the
# line type and its measures; the table's own rules are in ocr_order and ocr_rows.

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from statistics import median
from typing import Any

from capuy.model import Block, Document
from capuy.read.ocr_cells import grid_items
from capuy.read.ocr_citations import UNSURE_CONFIDENCE
from capuy.read.ocr_grid import Grid
from capuy.read.ocr_order import HEADER_LINES, header_columns, header_end, table_rows
from capuy.read.ocr_print_order import in_print_order
from capuy.read.ocr_repair import repair_ocr_text
from capuy.read.ocr_rows import Carry, head_words
from capuy.read.pdf import PAGE_NUMBER
from capuy.read.pdf_layout import Geometry, Line, paragraphs
from capuy.read.plaintext import read_paged_text
from capuy.text import normalize_tones, search_key
from capuy.vocab.ocr import ocr_repairs
from capuy.vocab.spelling import hunspell_syllables

__all__ = ["OcrLine", "OcrPage", "document_from_pages", "is_speck", "tsv_lines"]

WORD_GAP_HEIGHTS = 1.5
"""Two words further apart than this many line heights are in different columns (a word gap is
about a third of a height; the header's columns are inches apart)."""
SIZE_SNAP = 0.45
"""Line heights within 45 % of the body's are the body size: an OCR line is as tall as its tallest
glyph, so "sau:" and "ĐẢNG" differ by half while printed in one size."""
TALL_WORD = 1.35
"""Of the line's median word height: a word box taller than this is Tesseract's misjudged box,
not a larger letter (a capital with its mark is 1,3 times a lower-case word)."""
SPECK_CONFIDENCE = 75.0
JUNK_CONFIDENCE = 30.0
_CODE_SHAPED = re.compile(r"\d.*[-/].*[A-ZĐ]{2}|\d{1,2}/\d{1,2}/\d{2,4}")
_CODE_HALF = re.compile(r"[A-ZĐÐ][\w|]{0,6}/[\w|/-]{1,10}[.,;]?$")
"""The codes of a symbol wrapped onto a line of their own ("CTI/IW" of "28-CT/TW" in a table
cell, read at confidence 26): never dirt either."""
"""Digits, then a separator, then capitals (a symbol), or a slashed date."""
_ROMAN = re.compile(r"[IVXLC]{2,8}")
_EDGE_PUNCTUATION = "().,;:!?\"'“”«»_"
"""Below this Tesseract is guessing at dirt, a rule line or a seal."""
_RECIPIENTS = "noi nhan"
_COLUMN_SPLIT = 0.45
"""A line starting right of this share of the page width is in the closing's right column."""


@dataclass
class OcrLine:
    text: str
    left: int
    top: int
    height: int
    confidences: list[float] = field(default_factory=list)
    right: int = 0
    """The right edge of the line's last word (0: not known)."""
    boxes: list[tuple[int, int]] = field(default_factory=list)
    """Each word's left and right edge, in the order of ``text.split(" ")`` (empty: not known),
    so a line Tesseract ran across two table cells can be cut at the column's edge."""
    spans: list[tuple[int, int]] = field(default_factory=list)
    """Each word's top and bottom, in the same order (empty: not known)."""

    def steady(self) -> tuple[int, int]:
        """The line's top and height, not those of its tallest box where that is much taller
        than most (``TALL_WORD``): Tesseract now and then gives a word a box half a line too tall
        ("Nghị" 107 pixels among words of 55), which made the line a size of its own — a
        paragraph break in mid-sentence, a citation cut from its date. Then the height is the
        upper quartile of the words' and the foot their median foot."""
        if len(self.spans) < 3:
            return self.top, self.height
        heights = sorted(bottom - top for top, bottom in self.spans)
        if heights[-1] <= TALL_WORD * heights[len(heights) // 2]:
            return self.top, self.height
        height = heights[3 * len(heights) // 4]
        foot = sorted(bottom for _top, bottom in self.spans)[len(self.spans) // 2]
        return foot - height, height


@dataclass
class OcrPage:
    width: int
    height: int
    dpi: int
    lines: list[OcrLine]
    pdf: bytes
    tsv: str = ""
    """Tesseract's own output for the page, kept so the layout and repairs can be re-run on it
    without Tesseract (``benchmarks/bench_ocr.py`` caches it)."""
    grid: Grid | None = None
    """The page's ruled tables, found in its image (``ocr_grid``): their words are read cell by
    cell; None or no table: the word-box rules guess the tables."""

    def to_json(self) -> dict[str, Any]:
        """The page as kept without its image: Tesseract's TSV and the grid (the OCR bench's
        cache, the tests' fixtures) — the layout and repairs re-run on it without Tesseract."""
        grid = (self.grid or Grid([])).to_json()
        return {
            "width": self.width,
            "height": self.height,
            "dpi": self.dpi,
            "tsv": self.tsv,
            "grid": grid,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OcrPage:
        """A page kept by ``to_json``, its lines read again from its TSV."""
        tsv = data["tsv"]
        grid = Grid.from_json(data.get("grid"))
        return cls(data["width"], data["height"], data["dpi"], tsv_lines(tsv), b"", tsv, grid)


def tsv_lines(tsv: str) -> list[OcrLine]:
    """Tesseract's TSV → visual lines (words joined by a space), a wide gap starting a new one."""
    lines: list[OcrLine] = []
    current: OcrLine | None = None
    key = None
    last_right = 0
    rows = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row, text, left, width in _words(rows):
        top, height, conf = int(row["top"]), int(row["height"]), float(row["conf"])
        if text.strip("|") != text:  # a table's rule read as "|": a cell ends there
            rule_before = text.startswith("|")
            text = text.strip("|")
            if rule_before or not text:
                current = None
            if not text:
                continue
        row_key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
        fixed = _fixed_word(text)
        after_number = current is not None and row_key == key and _after_number(current, text)
        if (
            fixed == text
            and is_speck(text, conf)
            and not (after_number and conf >= SPECK_CONFIDENCE)
        ):
            continue
        text = fixed
        # the taller of the line so far and the word: a bullet "-" is a few pixels high, and
        # the gap after it is a word gap of the text line, not a column gap
        gap_limit = WORD_GAP_HEIGHTS * max(current.height if current else 0, height)
        off_line = current is not None and (
            # back to the left: Tesseract joined two columns' lines (a box overlapping the one
            # before by less than a line height is only a loose box: "định" drawn over "số")
            left < last_right - max(current.height, height)
            or top > current.top + current.height  # wholly below the line so far
            or top + height < current.top  # wholly above it
        )
        if current is None or row_key != key or left - last_right > gap_limit or off_line:
            current = OcrLine(text, left, top, height, [conf], left + width)
            lines.append(current)
        else:
            current.text += " " + text
            current.top = min(current.top, top)
            current.height = max(current.height, height)
            current.confidences.append(conf)
            current.right = max(current.right, left + width)
        current.boxes.append((left, left + width))
        current.spans.append((top, top + height))
        key = row_key
        last_right = left + width
    return [line for line in lines if _not_dirt(line)]


NUMBER_HEIGHT = 0.5
"""Of the body's line height: a digit is at least this high (a speck spelled "1" is lower)."""
CELL_NUMBER = re.compile(r"\d{1,4}(?:[.,]\d{1,3})*[.%]?|%")
"""A number alone in a table cell: a row's number ("2", "1.1"), a year wrapped onto its own
line, the "%" after a number ("Đạt 95 %": alone, with no letter, it went as a speck)."""


def number_words(tsv: str) -> list[OcrLine]:
    """Each number-shaped word of the page, however unsure Tesseract was of it, as a line of
    its own: a ruled table's cell places it (``ocr_grid``). Alone on a line at a low confidence
    a group row's "2" or a wrapped "2021" is dropped as dirt (``is_speck``, ``_not_dirt``), and
    inside a cell's rules it is none."""
    rows = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    found = []
    for row, text, left, width in _words(rows):
        if CELL_NUMBER.fullmatch(text):
            top, height = int(row["top"]), int(row["height"])
            found.append(
                OcrLine(
                    text,
                    left,
                    top,
                    height,
                    [float(row["conf"])],
                    left + width,
                    [(left, left + width)],
                    [(top, top + height)],
                )
            )
    return found


def _words(rows: Iterable[dict[str, str]]) -> Iterator[tuple[dict[str, str], str, int, int]]:
    """Tesseract's words (row, text, left, width), a word read across a table's rule split at
    its "|" ("28-NQ/ĐU|Nghị", "số|Chỉ" at 200 dpi: two cells' words with the rule between, no
    gap) — each part's box by its share of the characters, so the part after the rule starts
    at the column's edge."""
    for row in rows:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, width = int(row["left"]), int(row["width"])
        parts = re.split(r"(?<=[^|\s])\|(?=[^|\s])", text)
        start = 0
        for index, part in enumerate(parts):
            piece = f"{'|' if index else ''}{part}{'|' if index < len(parts) - 1 else ''}"
            end = start + len(part) + 1
            x = left + width * start // len(text)
            yield row, piece, x, width * min(end, len(text)) // len(text) - (x - left)
            start = end


_UNITS = ("%", "‰")


def _after_number(line: OcrLine, text: str) -> bool:
    """A percent sign read surely right after a number of its line ("100 %" of "100 % chi bộ",
    the sign at confidence 93): a unit, not a stray mark (a lone mark is dirt otherwise)."""
    words = line.text.split()
    return text in _UNITS and bool(words) and words[-1].rstrip(",.").replace(",", "").isdigit()


@cache
def _fixed_words() -> dict[str, str]:
    """The format's fixed lines (``vocab/ocr_repairs.yaml``: "Nơi nhận:") by their letters
    folded, spaces and marks dropped."""
    return {re.sub(r"[^a-z]", "", search_key(line)): line for line in ocr_repairs().fixed_lines}


def _fixed_word(text: str) -> str:
    """A word whose letters are a whole fixed line's is that line, never dirt: "Nơinhận" read at
    confidence 0 (the label's two words as one, no Vietnamese syllable) went as a speck, and
    without its label the closing's two columns were read interleaved."""
    return _fixed_words().get(re.sub(r"[^a-z]", "", search_key(text)), text)


def _not_dirt(line: OcrLine) -> bool:
    """A line made only of words Tesseract was unsure of is a stain or a seal that happened to
    spell a syllable ("ki" at confidence 9 above a header), not text — unless it is two real
    syllables or more (a table's column head "Kết nạp" read at confidence 0 between rules), a
    symbol's codes wrapped onto their own line, or a date or symbol alone (a wrapped cell's
    "5/10/2002" read at confidence 5: Tesseract's dictionary has no such words)."""
    return bool(
        max(line.confidences) >= JUNK_CONFIDENCE
        or (len(words := line.text.split()) >= 2 and all(_is_word(word) for word in words))
        or _CODE_HALF.match(line.text)
        or _CODE_SHAPED.search(line.text)
    )


def _is_word(text: str) -> bool:
    """A real word however unsure Tesseract is of it: a Vietnamese syllable of two letters or
    more (Debian's hunspell-vi list; "chuẩn" and "triển" were read at confidence 9 and 14 on a
    held-out seed) or a Roman numeral ("XXI)." of a term). Dirt makes "HH", "ng", "„.;"."""
    core = text.strip(_EDGE_PUNCTUATION)
    if len(core) < 2:
        return False
    if _ROMAN.fullmatch(core):
        return True
    return normalize_tones(core).lower() in hunspell_syllables()


def is_speck(text: str, confidence: float) -> bool:
    """A "word" Tesseract made of dirt on the page: no letter or digit and a low confidence
    (a real "*" or "-" of the header is read with a high one). A word shaped like a document
    symbol or a date ("218-QĐ/UBKTTU", "23/01/2024") is never dirt, however unsure Tesseract
    is of it: its language model does not know such words, so they come with low confidences,
    and they are what the repairs (``ocr_repair``) check against the vocabulary."""
    if _CODE_SHAPED.search(text) or _CODE_HALF.match(text) or _is_word(text):
        return False
    if confidence < JUNK_CONFIDENCE:
        return True
    if len(text) == 1 and not text.isalnum() and text not in "*-+":
        return True  # a stray mark of a rule line or a stain
    return confidence < SPECK_CONFIDENCE and not any(ch.isalnum() for ch in text)


def closing_columns(lines: list[OcrLine], width: int) -> list[OcrLine]:
    """The closing read column by column: the recipients ("Nơi nhận:" and its list, the left
    column) before the signature (the right column). Tesseract reads the two side by side row
    by row, so "T/M BAN THƯỜNG VỤ" came between "Nơi nhận:" and its list and the list was lost
    (the issuer's archive copy "Lưu Văn phòng Thị ủy" with it)."""
    for index, line in enumerate(lines):
        label = search_key(line.text.lstrip(_EDGE_PUNCTUATION + " "))  # "_Nơi nhận:" underlined
        if label.startswith(_RECIPIENTS) and line.left < width * _COLUMN_SPLIT:
            rest = lines[index + 1 :]
            left = [other for other in rest if other.left < width * _COLUMN_SPLIT]
            right = [other for other in rest if other.left >= width * _COLUMN_SPLIT]
            return [*lines[: index + 1], *left, *right]
    return _unlabelled_closing(lines, width)


_CAPACITY = re.compile(r"^(?:T/M|K/T|T/L|TUQ|TM\.|KT\.|TL\.|Q\.)\s")
"""The signature's capacity line (HD 36-HD/VPTW, "quyền hạn, chức vụ của người ký": "T/M BAN
THƯỜNG VỤ", "K/T BÍ THƯ", "T/L BAN THƯỜNG VỤ", an acting head's "Q. TRƯỞNG BAN"), the first line of the closing's right
column."""
_LIST_ITEM = ("-", "+", "•")


def _unlabelled_closing(lines: list[OcrLine], width: int) -> list[OcrLine]:
    """The closing read column by column when "Nơi nhận:" itself was not read (a thông báo's at
    300 dpi): from the signature's capacity line in the right column on, the recipients' list
    items beside it (the left column, each opening with "-") go before the signature — the two
    columns stand side by side and the list is printed first. Without a list item first in the
    left column beside the signature (a biên bản's two signers) the order stays Tesseract's."""
    split = width * _COLUMN_SPLIT
    for index, line in enumerate(lines):
        if line.left >= split and _CAPACITY.match(line.text.strip()):
            rest = lines[index:]
            left = [other for other in rest if other.left < split]
            if not left or not left[0].text.lstrip().startswith(_LIST_ITEM):
                return lines
            right = [other for other in rest if other.left >= split]
            return [*lines[:index], *left, *right]
    return lines


def _row_line(cells: list[list[OcrLine]], going_on: bool = False) -> OcrLine:
    """A scanned table row as one line: its cells' texts (each cell's lines joined) separated by
    tabs, as the plain-text reader takes a table row — so a symbol and the date in the next cell
    are read as one citation, as in the document's own table. Leading empty cells are left out:
    the reader takes a row that starts with a tab for the wrapped lines of the row above —
    which is what a row ``going_on`` from the page before is, so its own are kept."""
    lines = [line for cell in cells for line in cell]
    first = min(lines, key=lambda line: line.top)
    while not cells[0] and not going_on:  # a row whose number was not read: a tab first would
        cells = cells[1:]  # continue the last
    return OcrLine(
        "\t".join(_cell_text(cell) for cell in cells),
        min(line.left for line in lines),
        first.top,
        first.height,
        [c for line in lines for c in line.confidences],
        max(line.right for line in lines),
    )


CELL_GAP = 0.6
"""Of the column tolerance: the least gap before a word that starts a cell inside a line. At
300 dpi a word gap is 15–25 pixels ("Quý IV/2025"), the gap across a column's rule and the
cells' padding 45–50 ("ngày" | "Quý"); the tolerance is 45."""


def cut_at_column(line: OcrLine, x: float, near: float) -> tuple[OcrLine, OcrLine] | None:
    """``line`` cut before its word that starts at the column edge ``x`` (within ``near``) after
    a gap of at least ``CELL_GAP`` of it: the two cells Tesseract read as one line. None where
    no word starts there or the words' boxes are not known."""
    words = line.text.split(" ")
    if len(words) != len(line.boxes) or len(words) != len(line.confidences):
        return None
    for index in range(1, len(words)):
        left, before = line.boxes[index][0], line.boxes[index - 1][1]
        if -near / 2 <= left - x <= near and left - before >= CELL_GAP * near:
            return (
                replace(
                    line,
                    text=" ".join(words[:index]),
                    confidences=line.confidences[:index],
                    right=before,
                    boxes=line.boxes[:index],
                    spans=line.spans[:index],
                ),
                replace(
                    line,
                    text=" ".join(words[index:]),
                    left=left,
                    confidences=line.confidences[index:],
                    boxes=line.boxes[index:],
                    spans=line.spans[index:],
                ),
            )
    return None


def _cell_text(cell: list[OcrLine]) -> str:
    text = ""
    for line in cell:
        glue = "" if not text or re.search(r"\d-$", text) else " "  # "số 37-" / "QĐ/TW"
        text = f"{text}{glue}{line.text}"
    return text.replace("\t", " ")


STAR_HEIGHT = 0.6
"""The "*" under the issuer is under this share of the body's line height."""


def _header_star(lines: list[OcrLine], body_px: float, width: int) -> list[OcrLine]:
    """The header's "*" (the ornament under the issuer) read as a small mark of its own: a
    line of three characters at most and well under the body's height among the first page's
    header lines, in the left column — Tesseract reads the star "3k", "x" or "#". Read as "*",
    the header's issuer, number and date lines around it are read as they are. Any other line
    as small there with no real word in it, or read unsure, is specks (a turned page's "7n. x_"
    under the Party title, "F:" beside it, "Than:" at confidence 36 between the kind and the
    summary): dropped, as it ended the header before the place-date line."""
    fixed: list[OcrLine] = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        small = (
            index < HEADER_LINES
            and text != "*"
            and (line.height <= STAR_HEIGHT * body_px or _tall_mark(line, body_px))
        )
        if small and len(text) <= 3 and line.left < width * _COLUMN_SPLIT:
            line = replace(line, text="*")
        elif small and (
            max(line.confidences, default=100.0) < SPECK_CONFIDENCE
            or not any(_is_word(word) or _CODE_SHAPED.search(word) for word in text.split())
        ):
            continue
        fixed.append(line)
    return fixed


def _tall_mark(line: OcrLine, body_px: float) -> bool:
    """A mark no wider than a letter whose box Tesseract stretched over two lines, read unsure:
    the star under the issuer read "»x" at confidence 33 in a box 103 pixels high (the body's
    lines 50), so it was no small mark, and the header ended before its number line."""
    narrow = 0 < line.right - line.left <= body_px
    unsure = max(line.confidences, default=100.0) < SPECK_CONFIDENCE
    return narrow and unsure and line.height >= TALL_MARK * body_px


TALL_MARK = 1.5
"""Of the body's line height: a box this tall on a mark of three characters at most is two
lines' height, not a letter's."""


_DATE_TAIL = re.compile(r"^(?P<lead>\S.*?) (?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})$")
"""The place and date line's end, "26 tháng 02 năm 2024", after what was read before it."""
DATE_LEAD_CONFIDENCE = 50.0
"""Words before the day read under this confidence are noise where "ngày" was printed."""


def _header_date(lines: list[OcrLine], width: int) -> list[OcrLine]:
    """The place and date line whose "ngày" (and place) Tesseract read as noise ("IQÄy 26
    tháng 02 năm 2024", the first word at confidence 32): in the header's right column, under
    the Party title, the one line ending in a day, month and year is the place and date (HD
    36-HD/VPTW), so the unsure words before its day are read "ngày" — else the header had no
    date, and without the date line its kind and title were not found either. A word read
    surely, or a "ngày" read, stays as it is."""
    fixed: list[OcrLine] = []
    for index, line in enumerate(lines):
        found = _DATE_TAIL.match(line.text.strip())
        if index < HEADER_LINES and found and line.left >= width * _COLUMN_SPLIT:
            lead = found.group("lead").split()
            unsure = all(conf < DATE_LEAD_CONFIDENCE for conf in line.confidences[: len(lead)])
            if unsure and "ngay" not in search_key(found.group("lead")).split():
                tail = line.text.strip()[len(found.group("lead")) :]
                line = replace(
                    line, text="ngày" + tail, confidences=[0.0, *line.confidences[len(lead) :]]
                )
        fixed.append(line)
    return fixed


def _layout_pages(pages: list[OcrPage]) -> tuple[list[list[Line]], list[list[list[float]]]]:
    """Each page's OCR lines as layout lines in points (sizes snapped to the body's), in reading
    order, with their words' confidences."""
    heights = [line.height for page in pages for line in page.lines if line.text]
    body_px = median(heights) if heights else 1
    layout_pages: list[list[Line]] = []
    confidences: list[list[list[float]]] = []
    carry: Carry | None = None
    for page in pages:
        scale = 72.0 / page.dpi
        body_pt = body_px * scale
        lines: list[Line] = []
        confs: list[list[float]] = []
        ordered = list(page.lines)  # Tesseract's reading order: block by block, column-aware
        for edge in (0, -1):  # a page number, not a number in a ruled table's cell read last
            line = ordered[edge] if ordered else None
            if line and PAGE_NUMBER.match(line.text) and not (page.grid and page.grid.holds(line)):
                ordered.pop(edge)
        head = 0
        if page is pages[0]:
            ordered = _header_date(_header_star(ordered, body_px, page.width), page.width)
            head = header_end(ordered) + 1  # no table in the header: its two columns and a
            ordered = header_columns(ordered, page.width)  # garbled issuer are no table's cells
        body, carry = _body_lines(ordered[head:], page.dpi, body_px, carry, page)
        ordered = closing_columns([*ordered[:head], *body], page.width)
        for line in ordered:
            top, height = line.steady()
            size = height * scale
            if abs(size / body_pt - 1) <= SIZE_SNAP:
                size = body_pt
            y = (page.height - top - height) * scale
            lines.append(Line(line.text, line.left * scale, y, round(size, 1)))
            confs.append(line.confidences)
        layout_pages.append(lines)
        confidences.append(confs)
    return layout_pages, confidences


DUST_HEIGHT = 0.2
"""Of the body's line height: a "letter" lower than this is a speck Tesseract spelled ("ý" and
"VÌ" 4–5 pixels high beside a table's 50-pixel lines at 200 dpi)."""


def _dust(line: OcrLine, body_px: float) -> bool:
    """A line too low for its letters or digits (a modifier mark "ˆ" is no letter: it is left
    to the speck rules, as before)."""
    return line.height < DUST_HEIGHT * body_px and any(
        ch.isalnum() and unicodedata.category(ch) != "Lm" for ch in line.text
    )


def _body_lines(
    lines: list[OcrLine],
    dpi: int,
    body_px: float,
    carry: Carry | None,
    page: OcrPage | None = None,
) -> tuple[list[OcrLine], Carry | None]:
    """A page's lines below the header, specks spelled as letters dropped (``_dust``: they made
    rows of five "cells"), with each table row as one line (``_row_line``), and what the next
    page needs to go on with a table this one ends in (``Carry``; None: the page does not end
    in a table row). ``carry``: the same from the page before. A ruled table (``page.grid``) is
    read from its cells, the rest of the page by the word-box rules (``table_rows``)."""
    carried: set[int] = set()
    lines = in_print_order([line for line in lines if not _dust(line, body_px)])
    if page is not None and page.grid is not None and page.grid.tables:
        items = grid_items(
            lines,
            page.grid,
            lambda part, top: table_rows(part, dpi, cut_at_column, carry if top else None, carried),
            carry is not None,
            carried,
            [n for n in number_words(page.tsv) if n.height >= NUMBER_HEIGHT * body_px],
        )
    else:
        items = table_rows(lines, dpi, cut_at_column, carry, carried)
    while items and not isinstance(items[-1], list) and items[-1].height < DUST_HEIGHT * body_px:
        items.pop()  # a mark Tesseract put last ("ˆ" two pixels high): no line after a table
    body = [
        _row_line(item, id(item) in carried) if isinstance(item, list) else item for item in items
    ]
    if not items or not isinstance(items[-1], list):
        return body, None
    rows = [item if isinstance(item, list) and id(item) not in carried else None for item in items]
    firsts = [row for row, before in zip(rows, [None, *rows], strict=False) if row and not before]
    heads = tuple(head_words([[line.text for line in cell] for cell in row]) for row in firsts)
    start = next(index for index, row in enumerate(rows) if row is firsts[-1])
    last = [row for row in rows[start:] if row]
    edges = tuple(
        float(min((line.left for row in last for line in row[column]), default=0))
        for column in range(len(last[0]))
    )
    return body, Carry(heads, edges)


@dataclass
class _Paragraph:
    text: str
    confidence: float
    repairs: list[str]


def _repaired_paragraphs(
    lines: list[Line], confs: list[list[float]], geometry: Geometry
) -> list[_Paragraph]:
    """One page's paragraphs, repaired, each with its mean word confidence and the repairs
    made against the vocabulary (the words read unsure are what lets a date be repaired)."""
    found: list[_Paragraph] = []
    index = 0
    for paragraph in paragraphs(lines, geometry):
        words: list[float] = []
        unsure: list[str] = []
        consumed = ""
        while index < len(lines) and len(consumed) < len(paragraph.text):
            consumed += (" " if consumed else "") + lines[index].text
            words.extend(confs[index])
            unsure += [
                word
                for word, conf in zip(lines[index].text.split(" "), confs[index], strict=False)
                if conf < UNSURE_CONFIDENCE
            ]
            index += 1
        notes: list[str] = []
        text = repair_ocr_text(paragraph.text, unsure, notes)
        found.append(_Paragraph(text, sum(words) / len(words) if words else 0.0, notes))
    return found


def _printed(page: list[_Paragraph]) -> list[_Paragraph]:
    """A page's paragraphs in print order: a row going on from the page before (a line opening
    with a tab, first in the document's order so that it joins that row) after the table's head
    printed again above it."""
    if len(page) > 1 and page[0].text.startswith("\t") and "\t" in page[1].text:
        return [page[1], page[0], *page[2:]]
    return page


def one_table_a_run(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each run of table blocks one table: a scanned table's rows are paragraphs
    apart (each page line is a paragraph, so the plain-text reader sees a blank line between
    rows and takes each row for a table of its own), and the document's table is one — its
    rows and their cells together, as the source has them, over a page break too (its head
    printed again is a row of it)."""
    merged: list[Block] = []
    for block in blocks:
        last = merged[-1] if merged else None
        if block.kind != "table" or last is None or last.kind != "table":
            merged.append(block)
            continue
        shift = len(last.text) + 1
        last.text = f"{last.text}\n{block.text}"  # each row's cells as read: offsets hold
        width = max(len(row) for row in [*last.rows, *block.rows])
        last.rows = [row + [""] * (width - len(row)) for row in [*last.rows, *block.rows]]
        last.row_lines = [*last.row_lines, *block.row_lines]
        last.segments = [*last.segments, *((shift + at, line) for at, line in block.segments)]
        last.footnote_refs = [
            *last.footnote_refs,
            *(replace(ref, offset=shift + ref.offset) for ref in block.footnote_refs),
        ]
    return merged


def document_from_pages(pages: list[OcrPage], source: str, fmt: str) -> tuple[Document, list[str]]:
    """Pages of lines → paragraphs (PDF layout rules) → the plain-text reader, with confidences
    and repair notes; also each page's repaired text. A bare page number at the top or foot of a
    page is dropped."""
    layout_pages, confidences = _layout_pages(pages)
    geometry = Geometry.of(layout_pages)
    found: list[_Paragraph] = []
    page_texts: list[str] = []
    page_starts: set[int] = set()
    for lines, confs in zip(layout_pages, confidences, strict=True):
        page_paragraphs = _repaired_paragraphs(lines, confs, geometry)
        if page_paragraphs:
            page_starts.add(2 * len(found) + 1)
        found += page_paragraphs
        page_texts.append("\n".join(p.text for p in _printed(page_paragraphs)))
    document = read_paged_text(
        "\n\n".join(p.text for p in found), source=source, fmt=fmt, page_starts=page_starts
    )
    document.blocks = one_table_a_run(document.blocks)
    by_line = {2 * i + 1: paragraph for i, paragraph in enumerate(found)}
    for block in document.blocks:
        lines_of_block = {block.line} | {line for _start, line in block.segments}
        if block.kind == "table":
            lines_of_block |= set(block.row_lines)
        values = [by_line[line].confidence for line in lines_of_block if line in by_line]
        block.confidence = round(sum(values) / len(values), 1) if values else None
        block.repairs = [
            note
            for line in sorted(lines_of_block)
            if line in by_line
            for note in by_line[line].repairs
        ]
    all_words = [c for page in confidences for line in page for c in line]
    document.encoding = "ocr"
    document.confidence = round(sum(all_words) / len(all_words), 1) if all_words else None
    return document, page_texts
