"""Stage — outline: the headings of the body as a ``Section`` tree.

**What is an outline item.** A body block (not a list item, not a table) whose text starts with
a label of one of these shapes, followed by a letter:

=================  ==========================  ======
shape              examples                    rank
=================  ==========================  ======
part               ``PHẦN THỨ NHẤT``           0
roman              ``I-``, ``II.``, ``IV.``    1
number             ``1.``, ``10.``             2
dotted             ``1.1.``, ``1.1 ``, ``2.10.``  3, 4 … (one per dot)
letter             ``a)``                      6
=================  ==========================  ======

A numbered paragraph in running text ("1. Tiếp tục thực hiện quy trình … (a long sentence)"
under "III. MỘT SỐ NHIỆM VỤ TRỌNG TÂM") is an outline item too: the label says where it sits,
and the checker needs it to follow the numbering. Parenthesised numbers ("(1) …"), bullets
(``-``, ``+``, ``*``) and bold lead-ins without a label ("**Một là,** phải …") are not.
A heading without a label (``## Kết luận``, a Word "Heading 2", or a short bold paragraph
without final punctuation) is an item with label ``""``: a heading ranks by its own level, a
bold paragraph nests under the item it follows.

**Level** comes from the label's shape, never from the markdown ``#`` count (seed 003 writes
``## **2. Hạn chế…**`` beside ``### **1. Ưu điểm…**``): items nest by rank with a stack, and
``Section.level`` is the depth in the resulting tree (``I`` is 1, ``1.`` under it 2 …).

**Title** is the text after the label without the markup: a bold run-in title
("**2.1. Xây dựng Đảng về chính trị:** Tăng cường …", known from ``Block.emphasis`` or from
the markdown of the source line) gives the bold part; otherwise the first sentence of the
block (up to ". " before a capital), final period removed.
"""

from __future__ import annotations

import re

from capuy.extract import tokens
from capuy.model import Block, Document, Section

_HEADING_MARKS = re.compile(r"^\s*#+\s*")
_RUN_IN = re.compile(r"^\*{2,3}(?P<bold>[^*]+?)\*{2,3}(?P<rest>.*)$")
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZĐÀ-Ỹ])")


def label_of(text: str) -> tuple[str, int, str] | None:
    """(label, rank, rest) when ``text`` starts with an outline label."""
    first = text.split("\n", 1)[0].strip()
    if match := tokens.LABEL_PART.match(first):
        return "PHẦN " + match.group("label"), 0, match.group("title")
    if (match := tokens.LABEL_ROMAN.match(first)) and match.group("title")[0].isalpha():
        return match.group("label"), 1, match.group("title")
    if match := tokens.LABEL_DOTTED.match(first):
        label = match.group("label")
        return label, 2 + label.count("."), match.group("title")
    if match := tokens.LABEL_NUMBER.match(first):
        return match.group("label"), 2, match.group("title")
    if match := tokens.LABEL_LETTER.match(first):
        return match.group("label"), 6, match.group("title")
    return None


def _unlabelled_heading(block: Block, current_rank: int) -> tuple[str, int, str] | None:
    """A markdown/Word heading or a short bold paragraph without a label (label "")."""
    text = " ".join(block.text.split())
    if not text or len(text) > 150:
        return None
    if block.kind == "heading":
        return "", max(1, block.level), text
    if block.kind == "paragraph" and block.bold and not text.endswith((".", ":", ";", ",")):
        return "", current_rank + 1, text
    return None


def is_outline_block(block: Block) -> bool:
    return block.kind in {"paragraph", "heading"} and label_of(block.text) is not None


def _bold_lead_in(block: Block) -> str | None:
    """The bold run the block starts with, when more text follows it (a run-in title)."""
    for start, end, style in block.emphasis:
        if style == "bold" and start == 0 and block.text[end:].strip(" *:."):
            return block.text[:end]
    return None


def _title(block: Block, raw_line: str, label: str) -> str:
    lead_in = _bold_lead_in(block)
    if lead_in is not None:
        found = label_of(lead_in)
        text = found[2] if found else lead_in
        return text.strip().rstrip(":.").strip()
    raw = _HEADING_MARKS.sub("", raw_line.strip())
    run_in = _RUN_IN.match(raw)
    if run_in and run_in.group("rest").strip(" *"):
        bold = run_in.group("bold").strip()
        found = label_of(bold)
        text = found[2] if found else bold
        return text.strip().rstrip(":").strip()
    found = label_of(block.text.replace("\n", " "))
    rest = found[2] if found else block.text
    rest = re.sub(r"\s+", " ", rest).strip()
    sentence = _SENTENCE_END.split(rest, 1)[0]
    return sentence.strip().rstrip(".").strip()


def extract_outline(doc: Document, start: int, stop: int) -> list[Section]:
    """The outline of ``doc.blocks[start:stop]`` as a tree."""
    roots: list[Section] = []
    stack: list[tuple[int, Section]] = []
    for block in doc.blocks[start:stop]:
        if block.kind not in {"paragraph", "heading"}:
            continue
        found = label_of(block.text)
        if found is None:
            found = _unlabelled_heading(block, stack[-1][0] if stack else 0)
        if found is None:
            continue
        label, rank, _ = found
        raw_line = doc.lines[block.line - 1] if 0 < block.line <= len(doc.lines) else block.text
        section = Section(
            label=label, title=_title(block, raw_line, label), level=0, line=block.line
        )
        while stack and stack[-1][0] >= rank:
            stack.pop()
        if stack:
            stack[-1][1].children.append(section)
        else:
            roots.append(section)
        section.level = len(stack) + 1
        stack.append((rank, section))
    return roots
