"""Undo page breaks: join a paragraph or a footnote that a page break cut in two.

Text copied out of a printed report comes in page order::

    [body of page N] [footnotes of page N] [body of page N+1]
    [rest of a footnote cut at the bottom of page N] [new footnotes of page N+1] …

so a paragraph cut at the foot of page N continues after page N's footnote bodies, and a
footnote cut at the foot of page N continues just before page N+1's footnote bodies.

Rules (each one read off the seeds, see tests/test_read_pagebreaks.py):

* A paragraph that starts with a lower-case letter, while the last footnote printed is
  unfinished (ends without punctuation) and which is immediately followed by a footnote body,
  is the rest of that footnote.
* Otherwise a paragraph that starts with a lower-case letter continues the last body paragraph
  or list item (``hợp); (2) Báo cáo…`` after ``(01 trường``).
* A paragraph that starts otherwise continues the last body paragraph only across footnote
  bodies and only when that paragraph ended mid-sentence (``…triển khai thực hiện`` /
  footnotes / ``Chỉ thị của Ban Thường vụ…``).
* Never joined: headings, tables, list items, a lone ``*``, all-capitals lines (titles,
  ``BÍ THƯ``), ``Nơi nhận:`` and signature capacities (``T/M``, ``K/T`` …); and nothing is
  joined into a heading, a table, an all-capitals block or a numbered heading line
  (``1.5. Công tác dân vận…``) across footnotes.

Joined parts are separated by one space; ``segments`` keep the source line of each part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from capuy.model import Block, Footnote, FootnoteRef
from capuy.read.emphasis import shift

OUTLINE_LABEL = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?|[IVXLCDM]+\s*[-.–]|[a-zđ]\)|\(\d+\)|PHẦN\b|Phần\b|Mục\b)",
)
NEVER_CONTINUES = re.compile(r"^(?:Nơi nhận|T/M\b|TM\.|K/T\b|KT\.|T/L\b|TL\.|TUQ\b)")


@dataclass
class Item:
    """A rendered block or footnote body, in reading order."""

    kind: str
    block: Block | None = None
    footnote: Footnote | None = None


def starts_lower(text: str) -> bool:
    """True when the first character is a lower-case letter (``(kỳ báo cáo…)`` is not)."""
    return bool(text) and text[0].isalpha() and text[0].islower()


def ends_open(text: str) -> bool:
    """True when the text stops mid-sentence: on a letter, a digit or a comma."""
    tail = text.rstrip()
    return bool(tail) and (tail[-1].isalnum() or tail[-1] == ",")


def is_all_caps(text: str) -> bool:
    return text.upper() == text and text.lower() != text


def _can_receive(block: Block) -> bool:
    return (
        block.kind in ("paragraph", "list_item")
        and block.text != "*"
        and not is_all_caps(block.text)
    )


def _can_continue(block: Block) -> bool:
    return (
        block.kind == "paragraph"
        and block.text != "*"
        and not is_all_caps(block.text)
        and not NEVER_CONTINUES.match(block.text)
    )


def continues_body(
    block: Block, previous: Block, across_footnotes: bool, lower_needs_open: bool = False
) -> bool:
    """Whether ``block`` is the rest of ``previous`` cut by a page break.

    ``lower_needs_open``: a lower-case start is not enough, ``previous`` must also stop
    mid-sentence (files with one paragraph per line, where a title's second line is a block).
    """
    if not (_can_continue(block) and _can_receive(previous)) or OUTLINE_LABEL.match(block.text):
        return False
    if starts_lower(block.text):
        return ends_open(previous.text) or not lower_needs_open
    return across_footnotes and ends_open(previous.text) and not OUTLINE_LABEL.match(previous.text)


def assemble(
    items: list[Item],
    page_starts: set[int] | None = None,
    continuations: frozenset[int] | set[int] = frozenset(),
    lower_needs_open: bool = False,
) -> tuple[list[Block], list[Footnote]]:
    """Blocks and footnotes in reading order, with page-break cuts joined.

    ``page_starts`` (PDF, where pages are known) limits body joins to blocks that open a page;
    for text files it is None and page breaks are inferred from the text alone.
    ``continuations`` are page-opening lines known from the layout to go on the last paragraph.
    """
    blocks: list[Block] = []
    footnotes: list[Footnote] = []
    last_body: Block | None = None
    across_footnotes = False
    unfinished: Footnote | None = None
    for index, item in enumerate(items):
        if item.footnote is not None:
            footnotes.append(item.footnote)
            unfinished = item.footnote if ends_open(item.footnote.text) else None
            across_footnotes = True
            continue
        block = item.block
        assert block is not None
        following = items[index + 1] if index + 1 < len(items) else None
        if (
            unfinished is not None
            and block.kind == "paragraph"
            and starts_lower(block.text)
            and following is not None
            and following.footnote is not None
        ):
            _join_footnote(unfinished, block)
            unfinished = unfinished if ends_open(unfinished.text) else None
            continue
        may_continue = page_starts is None or block.line in page_starts
        known = block.line in continuations and block.kind == "paragraph"
        if (
            may_continue
            and last_body is not None
            and (
                (known and _can_receive(last_body))
                or continues_body(block, last_body, across_footnotes, lower_needs_open)
            )
        ):
            _join_block(last_body, block)
            across_footnotes = False
            continue
        blocks.append(block)
        across_footnotes = False
        last_body = block if block.kind in ("paragraph", "list_item") else None
    return blocks, footnotes


def _join_block(target: Block, part: Block) -> None:
    base = len(target.text) + 1
    target.text = f"{target.text} {part.text}"
    target.segments.extend((base + start, line) for start, line in part.segments)
    target.footnote_refs.extend(
        FootnoteRef(ref.label, base + ref.offset) for ref in part.footnote_refs
    )
    target.emphasis.extend(shift(part.emphasis, base))
    target.bold = target.bold and part.bold
    target.italic = target.italic and part.italic


def _join_footnote(target: Footnote, part: Block) -> None:
    base = len(target.text) + 1
    target.text = f"{target.text} {part.text}"
    target.segments.extend((base + start, line) for start, line in part.segments)
