"""Inline Markdown/HTML of one block → plain text, emphasis, footnote calls, line map.

Markdown emphasis is parsed by markdown-it-py (only the emphasis, HTML-inline, escape, entity
and newline rules: ``1.`` or ``#`` inside a line must stay text). What it leaves behind is
cleaned here: stray ``*`` (``PHỤ LỤC**một số…***(kèm theo…)*``), ``<i>``/``<b>``/``<sup>``
tags and footnote call marks. Where markup glued two pieces together without a space (title,
caption and note of an appendix), a ``\\n`` is put between them so they stay apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from capuy.model import FootnoteRef
from capuy.read.emphasis import emphasis_ranges, shift_spans
from capuy.read.footnotes import CALL_MARK, is_exponent, label_of

_OPENERS = set("([{“‘\"'/-–\n")
_CLOSERS = set(")]}”’\"'.,;:!?…/-–%\n")
_BOLD_TAGS = {"b", "strong"}
_ITALIC_TAGS = {"i", "em"}
_MARKUP = re.compile(r"[*_<&\\`]")
"""Characters that may start markup for the enabled rules; without them the parser is skipped."""
_TAG = re.compile(r"^<\s*(/?)\s*([a-zA-Z]+)[^>]*?(/?)>$")


@dataclass
class Rendered:
    """Plain text of a block with where each part came from."""

    text: str = ""
    segments: list[tuple[int, int]] = field(default_factory=list)
    refs: list[FootnoteRef] = field(default_factory=list)
    bold: bool = False
    italic: bool = False
    emphasis: list[tuple[int, int, str]] = field(default_factory=list)


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("zero", {"html": True}).enable(
        ["emphasis", "html_inline", "newline", "escape", "entity"]
    )


class _Writer:
    """Accumulates visible text, its emphasis spans and the source line of each part.

    Text is written a run at a time (not per character): emphasis is kept as spans
    ``(start, end, bold, italic)``, one per write.
    """

    def __init__(self, lines: list[int]) -> None:
        self.lines = lines
        self.line_index = 0
        self.parts: list[str] = []
        self.length = 0
        self.last = ""
        self.spans: list[tuple[int, int, bool, bool]] = []
        self.segments: list[tuple[int, int]] = [(0, lines[0])]
        self.refs: list[FootnoteRef] = []
        self.bold_depth = 0
        self.italic_depth = 0
        self.visible = 0
        self.bold_chars = 0
        self.italic_chars = 0
        self.boundary = False
        self.drop_space = False

    def mark_boundary(self) -> None:
        self.boundary = True

    def _append(self, text: str) -> None:
        bold, italic = self.bold_depth > 0, self.italic_depth > 0
        self.parts.append(text)
        self.spans.append((self.length, self.length + len(text), bold, italic))
        self.length += len(text)
        self.last = text[-1]
        visible = len("".join(text.split()))
        self.visible += visible
        self.bold_chars += visible if bold else 0
        self.italic_chars += visible if italic else 0

    def put(self, ch: str) -> None:
        self._append(ch)

    def newline(self) -> None:
        self.put("\n")
        self.boundary = False
        if self.line_index + 1 < len(self.lines):
            self.line_index += 1
            self.segments.append((self.length, self.lines[self.line_index]))

    def write(self, text: str) -> None:
        if self.drop_space and text:
            self.drop_space = False
            if text[0] == " ":
                text = text[1:]
        if not text:
            return
        if self.boundary and self.length and self._glued(self.last, text[0]):
            self._append("\n")
        self.boundary = False
        self._append(text)

    @staticmethod
    def _glued(left: str, right: str) -> bool:
        """Markup sat between two pieces with no space or punctuation to separate them."""
        return not (left.isspace() or right.isspace() or left in _OPENERS or right in _CLOSERS)

    def text_before(self) -> str:
        return "".join(self.parts[-8:])[-8:]

    def text(self) -> str:
        return "".join(self.parts)

    def ref(self, label: str) -> None:
        self.refs.append(FootnoteRef(label=label, offset=self.length))
        self.drop_space = not self.length or self.last.isspace()


def render_inline(pieces: list[tuple[int, str]]) -> Rendered:
    """Render the source lines of one block (``(line_no, text)``) as plain text.

    Lines are joined with ``\\n``; trailing spaces (Markdown hard breaks) are dropped.
    """
    if not pieces:
        return Rendered()
    lines = [line for line, _ in pieces]
    source = "\n".join(text.rstrip() for _, text in pieces)
    writer = _Writer(lines)
    if _MARKUP.search(source):
        _walk(_parser().parseInline(source)[0].children or [], writer)
    else:  # no Markdown/HTML at all: what markdown-it would give, without parsing
        for index, line in enumerate(source.split("\n")):
            if index:
                writer.newline()
            _write_text(line.lstrip(" ") if index else line, writer)
    text = writer.text()
    stripped = text.rstrip()
    refs = [r for r in writer.refs if r.offset <= len(stripped)]
    lead = len(text) - len(text.lstrip())
    if lead:
        text = text[lead:]
        refs = [FootnoteRef(r.label, max(0, r.offset - lead)) for r in refs]
        segments = [(max(0, s - lead), line) for s, line in writer.segments]
    else:
        segments = writer.segments
    text = text.rstrip()
    segments = _dedupe([(s, line) for s, line in segments if s == 0 or s < len(text)])
    return Rendered(
        emphasis=emphasis_ranges(text, shift_spans(writer.spans, -lead)),
        text=text,
        segments=segments,
        refs=refs,
        bold=writer.visible > 0 and writer.bold_chars == writer.visible,
        italic=writer.visible > 0 and writer.italic_chars == writer.visible,
    )


def _dedupe(segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    for start, line in segments:
        if result and result[-1][0] == start:
            result[-1] = (start, line)
        elif not result or result[-1][1] != line:
            result.append((start, line))
    return result


def _walk(tokens: list[Token], writer: _Writer) -> None:
    sup: list[str] | None = None
    for token in tokens:
        kind = token.type
        if kind in ("softbreak", "hardbreak"):
            writer.newline()
        elif kind in ("strong_open", "strong_close"):
            writer.bold_depth += 1 if kind == "strong_open" else -1
            writer.mark_boundary()
        elif kind in ("em_open", "em_close"):
            writer.italic_depth += 1 if kind == "em_open" else -1
            writer.mark_boundary()
        elif kind == "html_inline":
            tag = _TAG.match(token.content.strip())
            if not tag:
                _write_text(token.content, writer)
                continue
            closing, name = tag.group(1) == "/", tag.group(2).lower()
            if name == "sup":
                if not closing:
                    sup = []
                elif sup is not None:
                    _end_sup("".join(sup), writer)
                    sup = None
            elif name in _BOLD_TAGS:
                writer.bold_depth = max(0, writer.bold_depth + (-1 if closing else 1))
                writer.mark_boundary()
            elif name in _ITALIC_TAGS:
                writer.italic_depth = max(0, writer.italic_depth + (-1 if closing else 1))
                writer.mark_boundary()
            elif name == "br":
                writer.put("\n")
        elif sup is not None:
            sup.append(token.content)
        else:
            _write_text(token.content, writer)
    if sup is not None:
        _write_text("".join(sup), writer)


def _end_sup(content: str, writer: _Writer) -> None:
    label = content.strip()
    if label.isascii() and label.isdigit() and not is_exponent(writer.text_before()):
        writer.ref(str(int(label)))
    else:
        writer.write(label)


def _write_text(text: str, writer: _Writer) -> None:
    """Write a text run: stray ``*`` are dropped (as boundaries), call marks become refs."""
    pos = 0
    for match in CALL_MARK.finditer(text):
        _write_plain(text[pos : match.start()], writer)
        if match.group("sup") and is_exponent(writer.text_before()):
            writer.write(match.group(0))
        else:
            writer.ref(label_of(match))
        pos = match.end()
    _write_plain(text[pos:], writer)


def _write_plain(text: str, writer: _Writer) -> None:
    parts = text.split("*")
    for index, part in enumerate(parts):
        if index:
            writer.mark_boundary()
        writer.write(part)
