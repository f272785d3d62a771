"""Stage — appendix: "PHỤ LỤC" with its caption, its "(kèm theo …)" note and its tables.

Seed 000 prints title, caption and note on one source line ("PHỤ LỤC**một số văn bản …***(kèm
theo Báo cáo số 708-BC/TU ngày 26/02/2024 của Ban Thường vụ Thị ủy)*"), so the block is split
by pattern: the title word(s), the caption up to the parenthesised note, the note. The DOCX
layout writes them as separate paragraphs, which fill caption and note in turn. The tables
that follow are the reader's table blocks; tab-separated lines the reader left as paragraphs
are made into rows here, and a row that starts with a tab (a cell continued after a page
break) is joined to the row above.
"""

from __future__ import annotations

import re

from capuy.extract.layout import APPENDIX, clean
from capuy.model import Appendix, Block, Table

_NOTE = re.compile(r"\((?:kèm|ban hành kèm)\s+theo\b[^)]*\)", re.IGNORECASE)
_TITLE = re.compile(r"^\s*(?P<title>PHỤ\s+LỤC(?:\s+(?:[IVXLC]+|\d+|SỐ\s+\d+))?)\b\s*[.:]?\s*")


def _rows_from_text(block: Block) -> tuple[list[list[str]], list[int]]:
    rows: list[list[str]] = []
    row_lines: list[int] = []
    offset = 0
    for piece in block.text.split("\n"):
        line = block.line_at(offset)
        offset += len(piece) + 1
        if not piece.strip():
            continue
        cells = [clean(cell) for cell in piece.split("\t")]
        if piece.startswith("\t") and rows:
            rows[-1][-1] = (rows[-1][-1] + " " + " ".join(c for c in cells if c)).strip()
            continue
        rows.append(cells)
        row_lines.append(line)
    return rows, row_lines


def extract_appendices(blocks: list[Block], start: int) -> list[Appendix]:
    appendices: list[Appendix] = []
    for block in blocks[start:]:
        text = clean(block.text.replace("\n", " ")) if block.kind != "table" else ""
        if block.kind != "table" and APPENDIX.match(text):
            title_match = _TITLE.match(text)
            assert title_match is not None
            rest = text[title_match.end() :]
            note = _NOTE.search(rest)
            caption = rest[: note.start()] if note else rest
            appendices.append(
                Appendix(
                    title=re.sub(r"\s+", " ", title_match.group("title")),
                    caption=caption.strip(" .:"),
                    note=note.group(0) if note else "",
                    line=block.line,
                )
            )
            continue
        if not appendices:
            continue
        current = appendices[-1]
        if block.kind == "table":
            rows = [[clean(c) for c in row] for row in block.rows]
            if rows and rows[0] and not rows[0][0] and current.tables:
                last = current.tables[-1]
                last.rows[-1][-1] = (last.rows[-1][-1] + " " + " ".join(rows[0])).strip()
                rows = rows[1:]
                if not rows:
                    continue
            current.tables.append(
                Table(
                    rows=rows,
                    line=block.line,
                    row_lines=list(block.row_lines)[-len(rows) :],
                )
            )
        elif "\t" in block.text:
            rows, row_lines = _rows_from_text(block)
            if block.text.startswith("\t") and current.tables and rows:
                last = current.tables[-1]
                last.rows[-1][-1] = (last.rows[-1][-1] + " " + " ".join(rows[0])).strip()
                rows, row_lines = rows[1:], row_lines[1:]
            if rows:
                current.tables.append(Table(rows=rows, line=row_lines[0], row_lines=row_lines))
        elif not current.tables and (not current.note or not current.caption):
            # The DOCX layout puts title, caption and note in paragraphs of their own.
            paragraph = clean(block.text.replace("\n", " "))
            note = _NOTE.search(paragraph)
            if note and not current.note:
                current.note = note.group(0)
                caption = paragraph[: note.start()].strip(" .:")
                current.caption = current.caption or caption
            elif not current.caption:
                current.caption = paragraph.strip(" .:")
            else:
                current.blocks.append(block)
        else:
            current.blocks.append(block)
    return appendices
