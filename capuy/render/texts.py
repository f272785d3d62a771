"""What the components of a Party document say, as the official layout writes them.

Pure functions (no DOCX): the date line with HD36's leading zeros, the number line, the
appendix note made from the header, the summary split from its reporting period, list markers
put back, recipients punctuated, table column widths. ``docx_writer`` draws what these return.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

from capuy.model import Block, FootnoteRef, Header
from capuy.vocab.layout import Layout

PLACE_BLANK = "…………"
CELL_MARGIN_MM = 1.9  # Word's default left/right cell margin (0.08 in)


def date_line(header: Header, layout: Layout) -> str:
    """``Đức Phổ, ngày 26 tháng 02 năm 2024`` (blank day and month in an undated draft)."""
    place = header.place
    when = header.date
    if when is None:
        text = "ngày      tháng      năm"
    else:
        day = f"{when.day:02d}" if when.day < layout.date_pad_day_below else str(when.day)
        month = f"{when.month:02d}" if when.month < layout.date_pad_month_below else str(when.month)
        text = f"ngày {day} tháng {month} năm {when.year}"
    # Without a known place, the dotted blank of a printed form, as offices leave it.
    return f"{place or PLACE_BLANK}, {text}"


def number_line(header: Header) -> str:
    """``Số 708-BC/TU``; ``Số -BC/HU`` for a draft not numbered yet."""
    return f"Số {header.symbol}" if header.symbol else "Số"


def sentence_case(kind: str) -> str:
    """``BÁO CÁO`` → ``Báo cáo`` (for the appendix note)."""
    lowered = kind.strip().lower()
    return lowered[:1].upper() + lowered[1:]


def appendix_note(header: Header) -> str:
    """``(kèm theo Báo cáo số 708-BC/TU ngày 26/02/2024)`` from the header, when it is numbered."""
    if not header.kind or not header.number:
        return ""
    when = f" ngày {header.date:%d/%m/%Y}" if isinstance(header.date, date) else ""
    return f"(kèm theo {sentence_case(header.kind)} số {header.symbol}{when})"


def summary_parts(summary: str) -> list[tuple[str, bool]]:
    """The summary's lines grouped into paragraphs; a bracketed line ("(kỳ báo cáo từ …)") is
    the reporting period, set apart (True)."""
    parts: list[tuple[str, bool]] = []
    for line in (piece.strip() for piece in summary.split("\n")):
        if not line:
            continue
        is_period = line.startswith("(") and line.endswith(")")
        if parts and not is_period and not parts[-1][1]:
            parts[-1] = (parts[-1][0] + "\n" + line, False)
        else:
            parts.append((line, is_period))
    return parts


def with_marker(block: Block) -> Block:
    """A list item with its marker (``label``) put back before the text, offsets shifted: the
    DOCX keeps "- " / "+ " in the text (notes/APIS.md)."""
    if not block.label or block.text.startswith(f"{block.label} "):
        return block
    prefix = f"{block.label} "
    shift = len(prefix)
    return replace(
        block,
        text=prefix + block.text,
        emphasis=[(s + shift, e + shift, m) for s, e, m in block.emphasis],
        footnote_refs=[FootnoteRef(r.label, r.offset + shift) for r in block.footnote_refs],
        label="",
    )


def recipient_lines(recipients: list[str]) -> list[str]:
    """``- Thường trực Tỉnh ủy,`` … ``- Lưu Văn phòng Thị ủy.`` (HD36: one per line, a dash
    before, a comma after, a full stop after the last), whatever punctuation came in."""
    names = [r.strip().removeprefix("- ").strip().rstrip(",.;").strip() for r in recipients]
    names = [n for n in names if n]
    return [f"- {n}{'.' if i == len(names) - 1 else ','}" for i, n in enumerate(names)]


def text_mm(chars: int, size_pt: float) -> float:
    """Printed width of ``chars`` characters of Times at ``size_pt`` (average 0.55 em), in mm."""
    return chars * size_pt * 0.55 * 25.4 / 72


def column_widths(
    rows: list[list[str]], columns: int, total_mm: float, size_pt: float
) -> list[float]:
    """Column widths: a column of short cells ("Báo cáo", "Quyết định", "02") gets what its
    longest cell needs on one line; the others share the rest by the square root of their
    average text length, none narrower than its longest word."""
    fixed: dict[int, float] = {}
    floors: list[float] = []
    weights: list[float] = []
    for c in range(columns):
        cells = [row[c] for row in rows if c < len(row)]
        longest = max((len(cell) for cell in cells), default=1)
        word = max((len(w) for cell in cells for w in cell.split()), default=1)
        floors.append(text_mm(word, size_pt) + 2 * CELL_MARGIN_MM)
        if longest <= 20:
            fixed[c] = text_mm(longest, size_pt) + 2 * CELL_MARGIN_MM
        average = sum(len(cell) for cell in cells) / len(cells) if cells else 1
        weights.append(max(math.sqrt(average), 1.0))
    free = [c for c in range(columns) if c not in fixed]
    if not free or sum(fixed.values()) >= total_mm:
        raw = [fixed.get(c, floors[c]) for c in range(columns)]
        return [w * total_mm / sum(raw) for w in raw]
    rest = total_mm - sum(fixed.values())
    share = sum(weights[c] for c in free)
    widths = [
        fixed[c] if c in fixed else max(floors[c], rest * weights[c] / share)
        for c in range(columns)
    ]
    scale = total_mm / sum(widths)
    return [w * scale for w in widths]
