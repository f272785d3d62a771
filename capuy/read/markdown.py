"""The authoring format: Markdown with YAML front matter → ``capuy.model.Document``.

A reader (it was ``capuy.render.authoring``): ``capuy render`` and the report composer parse
here, then lay out; the front matter goes through ``capuy.read.frontmatter`` in strict mode.

Staff and the report composer write a document as text (``docs/authoring.md``): the front
matter carries the header, signature and recipients; the Markdown body carries headings (label
kept in the text: ``# I- …``, ``## 1. …``), paragraphs, ``-``/``+`` lists, tables, footnotes
(``[^1]``) and ``# PHỤ LỤC`` appendices. Parsing is markdown-it-py (CommonMark + tables) with
the front-matter and footnote plugins, so the syntax is the one every Markdown editor knows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from capuy.errors import InputError
from capuy.model import (
    Appendix,
    Block,
    Document,
    Footnote,
    FootnoteRef,
    Header,
    Section,
    Signature,
    Table,
)
from capuy.read.frontmatter import parse_front_matter
from capuy.read.headings import build_sections, split_label
from capuy.read.symbols import derive_symbol

FRONT_MATTER_KEYS = {
    "superior",
    "issuer",
    "issuer_code",
    "number",
    "symbol",
    "place",
    "date",
    "kind",
    "summary",
    "draft",
    "classification",
    "urgency",
    "signature",
    "recipients",
}
SIGNATURE_KEYS = {"capacity", "title", "name"}
APPENDIX_WORD = "PHỤ LỤC"
APPENDIX_NOTE = re.compile(r"^\(\s*kèm theo\b", re.IGNORECASE)


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(footnote_plugin)


@dataclass
class _Inline:
    """Plain text of an inline token with its emphasis ranges and footnote calls."""

    text: str = ""
    emphasis: list[tuple[int, int, str]] = field(default_factory=list)
    refs: list[tuple[int, int]] = field(default_factory=list)  # (markdown-it id, offset)


def _inline(token: Token) -> _Inline:
    out = _Inline()
    parts: list[str] = []
    length = 0
    open_marks: dict[str, list[int]] = {"bold": [], "italic": []}
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
            length += len(child.content)
        elif kind == "softbreak":
            parts.append(" ")
            length += 1
        elif kind == "hardbreak":
            parts.append("\n")
            length += 1
        elif kind in ("strong_open", "em_open"):
            open_marks["bold" if kind == "strong_open" else "italic"].append(length)
        elif kind in ("strong_close", "em_close"):
            mark = "bold" if kind == "strong_close" else "italic"
            if open_marks[mark]:
                start = open_marks[mark].pop()
                if length > start:
                    out.emphasis.append((start, length, mark))
        elif kind == "footnote_ref":
            out.refs.append((int(child.meta["id"]), length))
    out.text = unicodedata.normalize("NFC", "".join(parts))
    return out


def _text(value: Any) -> str:
    return unicodedata.normalize("NFC", str(value)).strip() if value is not None else ""


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(
            f"Ngày không hợp lệ: {value!r} (viết theo ISO, ví dụ 2024-02-26)",
            f"invalid date {value!r} (write it ISO, e.g. 2024-02-26)",
        ) from None


def _header(meta: dict[str, Any]) -> Header:
    kind = _text(meta.get("kind"))
    if not kind:
        raise InputError(
            "Thiếu 'kind' (tên loại văn bản, ví dụ BÁO CÁO) trong phần đầu",
            "front matter lacks 'kind' (the document type, e.g. BÁO CÁO)",
        )
    header = Header(
        superior=_text(meta.get("superior")),
        issuer=_text(meta.get("issuer")),
        number=_text(meta.get("number")),
        place=_text(meta.get("place")),
        date=_date(meta.get("date")),
        kind=kind,
        summary=_text(meta.get("summary")),
        draft=bool(meta.get("draft", False)),
        classification=_text(meta.get("classification")),
        urgency=_text(meta.get("urgency")),
    )
    symbol = _text(meta.get("symbol")).replace(" ", "")
    issuer_code = _text(meta.get("issuer_code"))
    if not symbol and not (header.issuer or issuer_code):
        if header.number:
            raise InputError(
                "Có 'number' nhưng thiếu 'issuer' (hoặc 'symbol') để ghi số và ký hiệu",
                "'number' given without 'issuer' (or 'symbol') to make the symbol",
            )
    elif not symbol:
        symbol = derive_symbol(
            header.number,
            header.kind.split("\n")[0],
            header.issuer,
            issuer_code,
        )
    elif not header.number:
        header.number = symbol.split("-", 1)[0] if "-" in symbol else ""
    header.symbol = symbol
    return header


def _signature(meta: dict[str, Any]) -> Signature | None:
    raw = meta.get("signature")
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(map(str, raw)) - SIGNATURE_KEYS:
        raise InputError(
            "'signature' phải có các khóa capacity, title, name",
            "'signature' must be a mapping with keys capacity, title, name",
        )
    return Signature(
        capacity=_text(raw.get("capacity")),
        title=_text(raw.get("title")),
        name=_text(raw.get("name")),
    )


def _recipients(meta: dict[str, Any]) -> list[str]:
    raw = meta.get("recipients") or []
    if not isinstance(raw, list):
        raise InputError("'recipients' phải là một danh sách", "'recipients' must be a list")
    return [_text(item).removeprefix("- ").strip() for item in raw if _text(item)]


class _BodyBuilder:
    """Walks markdown-it's token stream and collects blocks, footnotes and appendices."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.appendices: list[Appendix] = []
        self.footnote_texts: dict[int, tuple[str, int]] = {}
        self.ref_order: list[int] = []
        self._refs: list[tuple[Block, list[tuple[int, int]]]] = []

    def _target(self) -> list[Block]:
        return self.appendices[-1].blocks if self.appendices else self.blocks

    def _add(self, block: Block, refs: list[tuple[int, int]]) -> None:
        for footnote_id, _ in refs:
            if footnote_id not in self.ref_order:
                self.ref_order.append(footnote_id)
        self._refs.append((block, refs))
        if self.appendices and block.kind == "paragraph" and not block.footnote_refs:
            appendix = self.appendices[-1]
            if APPENDIX_NOTE.match(block.text) and not appendix.note:
                appendix.note = block.text
                return
            if not appendix.caption and not appendix.blocks and not appendix.tables:
                appendix.caption = block.text
                return
        self._target().append(block)

    def heading(self, token: Token, inline: _Inline) -> None:
        line = token.map[0] + 1 if token.map else 0
        if inline.text.upper().startswith(APPENDIX_WORD):
            self.appendices.append(Appendix(title=inline.text, line=line))
            return
        label, _ = split_label(inline.text)
        block = Block(
            kind="heading",
            text=inline.text,
            line=line,
            level=int(token.tag[1:]),
            label=label,
            emphasis=inline.emphasis,
        )
        self._add(block, inline.refs)

    def paragraph(self, line: int, inline: _Inline, marker: str, depth: int) -> None:
        """A paragraph, or a list item whose marker (``-``, ``+``, ``1.``) goes to ``label``
        (the reader's convention; the renderer prints it before the text)."""
        if marker:
            block = Block(
                kind="list_item",
                text=inline.text,
                line=line,
                level=depth,
                label=marker,
                emphasis=inline.emphasis,
            )
        else:
            block = Block(kind="paragraph", text=inline.text, line=line, emphasis=inline.emphasis)
        self._add(block, inline.refs)

    def table(self, line: int, rows: list[list[str]], row_lines: list[int]) -> None:
        block = Block(
            kind="table",
            text="\n".join("\t".join(r) for r in rows),
            line=line,
            rows=rows,
            row_lines=row_lines,
        )
        if self.appendices:
            self.appendices[-1].tables.append(Table(rows=rows, line=line, row_lines=row_lines))
        self._target().append(block)

    def footnotes(self) -> list[Footnote]:
        """Footnotes numbered 1, 2 … in the order they are first called, as Word prints them."""
        labels = {fid: str(n) for n, fid in enumerate(self.ref_order, start=1)}
        for block, refs in self._refs:
            block.footnote_refs = [FootnoteRef(labels[fid], offset) for fid, offset in refs]
        notes = []
        for fid in self.ref_order:
            if fid not in self.footnote_texts:
                continue
            text, line = self.footnote_texts[fid]
            ref_line = next(
                (b.line for b, refs in self._refs if any(f == fid for f, _ in refs)), None
            )
            notes.append(Footnote(label=labels[fid], text=text, line=line, ref_line=ref_line))
        return notes


def _walk(tokens: list[Token], builder: _BodyBuilder) -> None:
    markers: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            markers.append("")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            markers.pop()
        elif kind == "list_item_open":
            markers[-1] = f"{token.info}{token.markup}" if token.info else token.markup
            if markers[-1] == "*":
                markers[-1] = "-"
        elif kind == "heading_open":
            builder.heading(token, _inline(tokens[i + 1]))
            i += 2
        elif kind == "paragraph_open":
            line = token.map[0] + 1 if token.map else 0
            builder.paragraph(
                line, _inline(tokens[i + 1]), markers[-1] if markers else "", len(markers)
            )
            if markers:
                markers[-1] = ""  # a second paragraph in the same item is a continuation
            i += 2
        elif kind == "table_open":
            i = _table(tokens, i, builder)
        elif kind == "footnote_open":
            i = _footnote(tokens, i, builder)
        i += 1


def _table(tokens: list[Token], i: int, builder: _BodyBuilder) -> int:
    table_map = tokens[i].map
    line = table_map[0] + 1 if table_map else 0
    rows: list[list[str]] = []
    row_lines: list[int] = []
    while tokens[i].type != "table_close":
        token = tokens[i]
        if token.type == "tr_open":
            rows.append([])
            row_lines.append(token.map[0] + 1 if token.map else line)
        elif token.type == "inline":
            cell = _inline(token)
            if cell.refs:
                raise InputError(
                    f"Dòng {row_lines[-1]}: chú thích [^…] trong ô bảng chưa được hỗ trợ",
                    f"line {row_lines[-1]}: footnotes inside table cells are not supported",
                )
            rows[-1].append(cell.text)
        i += 1
    builder.table(line, rows, row_lines)
    return i


def _footnote(tokens: list[Token], i: int, builder: _BodyBuilder) -> int:
    footnote_id = int(tokens[i].meta["id"])
    texts: list[str] = []
    line = 0
    while tokens[i].type != "footnote_close":
        token = tokens[i]
        if token.type == "paragraph_open" and token.map and not line:
            line = token.map[0] + 1
        if token.type == "inline":
            texts.append(_inline(token).text)
        i += 1
    builder.footnote_texts[footnote_id] = ("\n".join(texts), line)
    return i


def parse_authoring(text: str, source: str = "<md>") -> Document:
    """Parse a document written in the authoring format (``docs/authoring.md``).

    Raises ``InputError`` for malformed front matter, a missing ``kind``, a date that is not
    ISO, or a symbol that cannot be derived.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    tokens = _markdown().parse(text)
    meta: dict[str, Any] = {}
    if tokens and tokens[0].type == "front_matter":
        meta = parse_front_matter(tokens[0].content, strict=True, keys=FRONT_MATTER_KEYS) or {}
        tokens = tokens[1:]
    elif text.lstrip().startswith("---"):
        raise InputError(
            "Phần đầu YAML chưa đóng bằng '---'", "front matter is not closed by '---'"
        )
    header = _header(meta)
    builder = _BodyBuilder()
    _walk(tokens, builder)
    footnotes = builder.footnotes()
    doc = Document(
        source=source,
        format="md",
        lines=text.split("\n"),
        header=header,
        blocks=builder.blocks,
        footnotes=footnotes,
        signature=_signature(meta),
        recipients=_recipients(meta),
        appendices=builder.appendices,
        title=header.summary,
    )
    doc.sections = build_sections(doc.blocks)
    return doc


__all__ = ["parse_authoring", "Section"]
