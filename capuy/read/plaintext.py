"""The .txt/.md reader: source lines → blocks and footnotes (Markdown-ish, as offices type it).

Steps: split the lines into raw blocks (runs of non-blank lines; list items, ``#`` headings,
footnote bodies, a lone ``*`` and tab-separated tables start their own); render each raw block's
inline markup (``capuy.read.inline``); join paragraphs cut by page breaks and footnotes cut by
page breaks (``capuy.read.pagebreaks``); link footnotes to their call sites.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from capuy.model import Block, BlockKind, Document, Footnote, FootnoteRef
from capuy.read.footnotes import BODY_START, label_of, link_footnotes
from capuy.read.frontmatter import front_matter_block
from capuy.read.inline import render_inline
from capuy.read.pagebreaks import Item, assemble

HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
LIST_ITEM = re.compile(r"^\s*([-+*•–])\s+(\S.*)$")
LONE_STAR = "*"
THEMATIC_BREAK = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
"""A Markdown rule (``---``, ``***``): layout, not text."""
ONE_LINE_MIN_LINES = 10
ONE_LINE_BLANK_SHARE = 20
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
PIPE_RULE = re.compile(r"^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?\|?\s*$")


@dataclass
class RawBlock:
    """Source lines of one block before inline rendering."""

    kind: str
    pieces: list[tuple[int, str]] = field(default_factory=list)
    label: str = ""
    level: int = 0
    rows: list[list[list[tuple[int, str]]]] = field(default_factory=list)
    row_lines: list[int] = field(default_factory=list)


def read_text(text: str, source: str = "<text>", fmt: str = "txt") -> Document:
    """Read a plain-text or Markdown report (the seeds' format) into a ``Document``.

    ``Document.lines`` are the source lines (NFC); every ``Block.line`` / ``Footnote.line`` is a
    1-based index into them.
    """
    return read_paged_text(text, source=source, fmt=fmt)


def read_paged_text(
    text: str,
    source: str,
    fmt: str,
    page_starts: set[int] | None = None,
    continuations: set[int] | None = None,
) -> Document:
    """``read_text`` for text whose page boundaries are known (lines that open a page), and
    where some page-opening lines are known to continue the previous paragraph (PDF layout)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    body = _without_front_matter(lines) if fmt == "md" else lines
    body = ["" if THEMATIC_BREAK.match(line) else line for line in body]
    one_line = _one_line_paragraphs(body)
    raws = split_blocks(body, one_line_paragraphs=one_line)
    items = [item for raw in raws if (item := render(raw)) is not None]
    blocks, footnotes = assemble(
        items, page_starts, continuations or set(), lower_needs_open=one_line
    )
    link_footnotes(blocks, footnotes)
    return Document(source=source, format=fmt, lines=lines, blocks=blocks, footnotes=footnotes)


def _is_table_line(line: str, table_open: bool) -> bool:
    body = line.rstrip()
    if "\t" not in body:
        return False
    return "\t" in body.lstrip("\t") or (table_open and body.startswith("\t"))


def _next_nonblank(lines: list[str], start: int) -> int:
    index = start
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _without_front_matter(lines: list[str]) -> list[str]:
    """Blank out a YAML front matter (``---`` … ``---`` at the top), keeping line numbers."""
    block = front_matter_block(lines)
    if block is None:
        return lines
    end = block[1]
    return [""] * end + lines[end:]


def _one_line_paragraphs(lines: list[str]) -> bool:
    """Word's "Save as Plain Text" writes one paragraph per line with no blank line between.

    Such a file (at least 10 lines, fewer than one blank line in 20) is read one block per
    line; the seeds, like typed Markdown, separate paragraphs with blank lines.
    """
    blank = sum(1 for line in lines if not line.strip())
    filled = len(lines) - blank
    return filled >= ONE_LINE_MIN_LINES and blank * ONE_LINE_BLANK_SHARE < filled


def split_blocks(lines: list[str], one_line_paragraphs: bool = False) -> list[RawBlock]:
    """Group source lines into raw blocks (see the module docstring)."""
    # Long: a one-pass state machine over lines whose states share local variables.
    raws: list[RawBlock] = []
    current: RawBlock | None = None
    index = 0
    while index < len(lines):
        line_no, line = index + 1, lines[index]
        stripped = line.strip()
        table_open = current is not None and current.kind == "table"
        if not stripped:
            following = _next_nonblank(lines, index)
            if (
                table_open
                and following < len(lines)
                and lines[following].startswith("\t")
                and lines[following].strip()
            ):
                index = following
                continue
            current = None
            index += 1
            continue
        index += 1
        if _is_table_line(line, table_open):
            if not table_open:
                current = RawBlock("table")
                raws.append(current)
            assert current is not None
            _add_tab_row(current, line_no, line)
            continue
        if PIPE_ROW.match(line):
            if not table_open:
                current = RawBlock("table")
                raws.append(current)
            assert current is not None
            if not PIPE_RULE.match(line):
                cells = line.strip().strip("|").split("|")
                current.rows.append([[(line_no, cell.strip())] for cell in cells])
                current.row_lines.append(line_no)
            continue
        if heading := HEADING.match(line):
            raws.append(
                RawBlock("heading", [(line_no, heading.group(2))], level=len(heading.group(1)))
            )
            current = None
        elif stripped == LONE_STAR:
            raws.append(RawBlock("star", [(line_no, LONE_STAR)]))
            current = None
        elif body := BODY_START.match(line):
            current = RawBlock("footnote", [(line_no, body.group("rest"))], label=label_of(body))
            raws.append(current)
        elif item := LIST_ITEM.match(line):
            current = RawBlock("list_item", [(line_no, item.group(2))], label=item.group(1))
            raws.append(current)
        elif (
            current is not None
            and current.kind in ("paragraph", "list_item", "footnote")
            and not one_line_paragraphs
        ):
            current.pieces.append((line_no, line))
        else:
            current = RawBlock("paragraph", [(line_no, line)])
            raws.append(current)
    return raws


def _add_tab_row(table: RawBlock, line_no: int, line: str) -> None:
    """Add a tab-separated row; a row whose first cell is empty continues the previous row."""
    cells = line.rstrip().split("\t")
    if table.rows and not cells[0].strip():
        previous = table.rows[-1]
        for column, cell in enumerate(cells[1:], start=1):
            if not cell.strip():
                continue
            while len(previous) <= column:
                previous.append([])
            previous[column].append((line_no, cell.strip()))
        return
    table.rows.append([[(line_no, cell.strip())] if cell.strip() else [] for cell in cells])
    table.row_lines.append(line_no)


def render(raw: RawBlock) -> Item | None:
    """Render one raw block's inline markup; ``None`` when nothing visible is left."""
    if raw.kind == "table":
        return _render_table(raw)
    if raw.kind == "star":
        line = raw.pieces[0][0]
        return Item("paragraph", Block(kind="paragraph", text="*", line=line, segments=[(0, line)]))
    rendered = render_inline(raw.pieces)
    if not rendered.text:
        return None
    line = raw.pieces[0][0]
    if raw.kind == "footnote":
        note = Footnote(label=raw.label, text=rendered.text, line=line, segments=rendered.segments)
        return Item("footnote", footnote=note)
    kind: BlockKind = (
        "heading"
        if raw.kind == "heading"
        else ("list_item" if raw.kind == "list_item" else "paragraph")
    )
    block = Block(
        kind=kind,
        text=rendered.text,
        line=line,
        level=raw.level,
        label=raw.label,
        bold=rendered.bold,
        italic=rendered.italic,
        footnote_refs=rendered.refs,
        segments=rendered.segments,
        emphasis=rendered.emphasis,
    )
    return Item(kind, block)


def _render_table(raw: RawBlock) -> Item | None:
    rows: list[list[str]] = []
    segments: list[tuple[int, int]] = []
    refs: list[FootnoteRef] = []
    offset = 0
    width = max((len(row) for row in raw.rows), default=0)
    for row_line, row in zip(raw.row_lines, raw.rows, strict=True):
        cells: list[str] = []
        segments.append((offset, row_line))
        for cell_pieces in row + [[]] * (width - len(row)):
            parts = [render_inline([piece]) for piece in cell_pieces]
            cell_text = ""
            for (piece_line, _), part in zip(cell_pieces, parts, strict=True):
                if cell_text:
                    cell_text += " "
                base = offset + sum(len(c) + 1 for c in cells) + len(cell_text)
                if piece_line != row_line:
                    segments.append((base, piece_line))
                    segments.append((base + len(part.text), row_line))
                refs.extend(FootnoteRef(r.label, base + r.offset) for r in part.refs)
                cell_text += part.text
            cells.append(cell_text)
        rows.append(cells)
        offset += len("\t".join(cells)) + 1
    if not rows:
        return None
    text = "\n".join("\t".join(cells) for cells in rows)
    block = Block(
        kind="table",
        text=text,
        line=raw.row_lines[0],
        rows=rows,
        row_lines=list(raw.row_lines),
        segments=segments,
        footnote_refs=refs,
    )
    return Item("table", block)
