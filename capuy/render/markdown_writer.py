"""``capuy.model.Document`` → the authoring text (Markdown with YAML front matter), the inverse
of ``capuy.read.markdown.parse_authoring``.

Used when a draft edited in Word comes back: the DOCX is read by capuy's DOCX reader,
extracted and laid out (``capuy.render.layout_document``), and written here as the text the
report keeps — so ``parse_authoring(write_markdown(doc))`` gives the same header, signature,
recipients, blocks (kind, text, emphasis, footnote calls, list markers), footnotes and
appendices as ``doc``. Text that Markdown would read as markup (``*``, ``_``, ``[``, a ``#``
or ``1.`` at the start of a line …) is escaped with a backslash.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from capuy.model import Appendix, Block, Document, Header, Signature

_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)]))(?=\s|$)")


def _guard(match: re.Match[str]) -> str:
    """A line start Markdown would read as a heading, quote or list marker, escaped."""
    if match.group(2):
        return match.group(1) + "\\" + match.group(2)
    return match.group(1) + match.group(3) + "\\" + match.group(4)


def _escape(text: str, starts: bool = True) -> str:
    out = _INLINE.sub(r"\\\1", text)
    if starts:
        out = "\n".join(_LINE_START.sub(_guard, line) for line in out.split("\n"))
    return out


def _inline(block: Block) -> str:
    """The block's text with ``**bold**``, ``*italic*`` and ``[^n]`` calls put back (a
    heading's emphasis over its whole text is its style, not markup)."""
    marks: list[tuple[int, int, str]] = []  # (offset, order, text): closes before opens
    starts = block.kind != "heading"
    for start, end, kind in block.emphasis:
        if not starts and start == 0 and end >= len(block.text):
            continue
        mark = "**" if kind == "bold" else "*"
        if end > start:
            marks.append((start, 2, mark))
            marks.append((end, 0, mark))
    for ref in block.footnote_refs:
        marks.append((ref.offset, 1, f"[^{ref.label}]"))
    marks.sort(key=lambda m: (m[0], m[1]))
    out, pos = [], 0
    for offset, _, mark in marks:
        out.append(_escape(block.text[pos:offset], starts and pos == 0))
        out.append(mark)
        pos = max(pos, offset)
    out.append(_escape(block.text[pos:], starts and pos == 0))
    return "".join(out).replace("\n", "\\\n")


def _table(rows: list[list[str]]) -> str:
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    cells = [
        [_escape(c, starts=False).replace("\n", " ") for c in r] + [""] * (width - len(r))
        for r in rows
    ]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
    return "\n".join(lines)


def _block(block: Block, previous: Block | None) -> str:
    if block.kind == "heading":
        return "#" * max(1, min(block.level, 6)) + " " + _inline(block)
    if block.kind == "table":
        return _table(block.rows)
    if block.kind == "list_item":
        label = block.label or "-"
        nested = label == "+" and previous is not None and previous.kind == "list_item"
        return ("  " if nested else "") + f"{label} " + _inline(block)
    return _inline(block)


def _blocks(blocks: list[Block]) -> list[str]:
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        text = _block(block, previous)
        if previous is not None and previous.kind == "list_item" and block.kind == "list_item":
            parts[-1] += "\n" + text  # one list
        else:
            parts.append(text)
        previous = block
    return parts


def _appendix(appendix: Appendix) -> list[str]:
    parts = ["# " + _escape(appendix.title).lstrip("\\")]
    if appendix.caption:
        parts.append(_escape(appendix.caption))
    if appendix.note:
        parts.append(_escape(appendix.note))
    parts += _blocks(appendix.blocks)
    written = [b.rows for b in appendix.blocks if b.kind == "table"]
    parts += [_table(t.rows) for t in appendix.tables if t.rows not in written]
    return parts


def front_matter(header: Header, signature: Signature | None, recipients: list[str]) -> str:
    data: dict[str, Any] = {}
    for key in ("superior", "issuer", "number", "symbol", "place"):
        if getattr(header, key):
            data[key] = getattr(header, key)
    if header.date is not None:
        data["date"] = header.date.isoformat()
    data["kind"] = header.kind
    if header.summary:
        data["summary"] = header.summary
    data["draft"] = header.draft
    for key in ("classification", "urgency"):
        if getattr(header, key):
            data[key] = getattr(header, key)
    if signature is not None:
        data["signature"] = {
            "capacity": signature.capacity,
            "title": signature.title,
            "name": signature.name,
        }
    if recipients:
        data["recipients"] = list(recipients)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def write_markdown(doc: Document) -> str:
    """The authoring text of ``doc`` (a laid-out document: body blocks, header, signature,
    recipients, footnotes, appendices)."""
    parts = _blocks(doc.blocks)
    for appendix in doc.appendices:
        parts += _appendix(appendix)
    notes = [f"[^{f.label}]: " + _escape(f.text).replace("\n", "\n    ") for f in doc.footnotes]
    body = "\n\n".join(p for p in parts if p)
    if notes:
        body += "\n\n" + "\n".join(notes)
    head = front_matter(doc.header, doc.signature, doc.recipients)
    return f"---\n{head}---\n\n{body}\n"
