"""A report's body (the authoring format, docs/authoring.md) ⇄ the HTML of the rich-text editor.

The editor (django-prose-editor: Tiptap/ProseMirror) edits HTML; the report keeps Markdown. The
two conversions keep what the model reads (``capuy.read.markdown.parse_authoring``): headings
with their written labels, paragraphs, bold and italic, lists (``-`` at the first level, ``+``
under it, ``1.`` numbered), pipe tables whose first row is the header, and footnotes, which stay
``[^n]`` text in the editor (a call ``[^1]`` inside the sentence, the note a paragraph
``[^1]: …``) so the author sees and moves them like any word.

- ``markdown_to_html``: markdown-it-py (the reader's own parser, same plugins) renders the
  body; footnote calls and notes are rendered back as their ``[^n]`` text; raw HTML is
  escaped, never passed through.
- ``html_to_markdown``: no-break spaces (a browser types one for a trailing space) become
  spaces; then markdownify (pinned; docs/decisions.md) writes ATX headings, ``**`` /
  ``*`` emphasis, ``-`` / ``+`` bullets by depth and pipe tables; ``[^n]`` text is left
  unescaped so the reader sees footnotes again.

The front matter is not part of the editor's HTML: ``split_front_matter`` takes it off (the
header form edits it, ``capuy.reports.header_form``) and ``join_front_matter`` puts it back.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdownify import MarkdownConverter
from mdit_py_plugins.footnote import footnote_plugin

_FENCE = re.compile(r"\A---\n(?P<head>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FOOTNOTE_LINE = re.compile(r"^\\?\[\\?\^([^\]\s]+)\\?\]:", re.MULTILINE)
_BLOCK_START = re.compile(r"\A(\d{0,9})([-+>#]|(?<=\d)[.)])(?=\s|\Z)")
_FOOTNOTE_CALL = re.compile(r"\\?\[\\?\^([^\]\s]+)\\?\]")


def split_front_matter(text: str) -> tuple[str, str]:
    """``(front matter block with its --- lines, body)``; ``("", text)`` without one."""
    text = text.replace("\r\n", "\n")
    match = _FENCE.match(text)
    if match is None:
        return "", text
    return match.group(0).rstrip("\n") + "\n", text[match.end() :].lstrip("\n")


def join_front_matter(front: str, body: str) -> str:
    """The whole text again: the block, a blank line, the body ending in one newline."""
    body = body.strip("\n") + "\n"
    return f"{front.rstrip(chr(10))}\n\n{body}" if front else body


# ---------------------------------------------------------------------- Markdown → HTML


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table").use(footnote_plugin)

    def footnote_ref(renderer: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
        return html.escape(f"[^{tokens[idx].meta.get('label', idx)}]")

    def footnote_open(renderer: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
        return "<p>" + html.escape(f"[^{tokens[idx].meta.get('label', idx)}]: ")

    def nothing(renderer: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
        return ""

    md.add_render_rule("footnote_ref", footnote_ref)
    md.add_render_rule("footnote_open", footnote_open)
    md.add_render_rule("footnote_close", lambda *a: "</p>\n")
    for rule in ("footnote_block_open", "footnote_block_close", "footnote_anchor"):
        md.add_render_rule(rule, nothing)
    return md


_MD = _parser()


def markdown_to_html(body: str) -> str:
    """The body (no front matter) as the editor's HTML."""
    tokens = _MD.parse(body)
    inside_note = False
    for token in tokens:  # a note's paragraphs are run together inside its one <p>
        if token.type == "footnote_open":
            inside_note = True
        elif token.type == "footnote_close":
            inside_note = False
        elif inside_note and token.type in ("paragraph_open", "paragraph_close"):
            token.hidden = True
    return _MD.renderer.render(tokens, _MD.options, {})


# ---------------------------------------------------------------------- HTML → Markdown


class _Converter(MarkdownConverter):
    """markdownify with the authoring format's conventions (see the module's docstring)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(
            heading_style="ATX",
            bullets="-+",
            strong_em_symbol="*",
            escape_misc=False,
            escape_asterisks=True,
            escape_underscores=True,
            table_infer_header=True,
            strip=["a", "img"],
            **options,
        )

    def escape(self, text: str, parent_tags: Any) -> str:
        text = super().escape(text, parent_tags)  # type: ignore[misc]
        if "td" in parent_tags or "th" in parent_tags:
            text = text.replace("|", r"\|")
        return str(text)

    def convert_p(self, el: Any, text: str, parent_tags: Any) -> str:
        """A paragraph that begins like a list item, a heading or a quote stays a paragraph."""
        if "_inline" not in parent_tags and "li" not in parent_tags:
            text = _BLOCK_START.sub(r"\1\\\2", text.lstrip(" \t\r\n"))
        return str(super().convert_p(el, text, parent_tags))  # type: ignore[misc]

    def convert_script(self, el: Any, text: str, parent_tags: Any) -> str:
        return ""  # never text, never markup

    convert_style = convert_script
    convert_iframe = convert_script

    def convert_hr(self, el: Any, text: str, parent_tags: Any) -> str:
        return "\n\n"  # a rule has no place in the format: dropped

    def convert_br(self, el: Any, text: str, parent_tags: Any) -> str:
        return " " if "td" in parent_tags or "th" in parent_tags else "  \n"


def _tidy(markdown: str) -> str:
    """Blank lines collapsed to one, no trailing spaces except a hard break's, footnote marks
    unescaped, one newline at the end."""
    markdown = _FOOTNOTE_LINE.sub(lambda m: f"[^{m.group(1)}]:", markdown)
    markdown = _FOOTNOTE_CALL.sub(lambda m: f"[^{m.group(1)}]", markdown)
    lines = [line if line.endswith("  ") else line.rstrip() for line in markdown.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip("\n") + "\n"


def html_to_markdown(markup: str) -> str:
    """The editor's HTML as the body of an authoring-format text."""
    return _tidy(_Converter().convert((markup or "").replace("\xa0", " ").replace("&nbsp;", " ")))
