"""``format.placeholder``: a mark a template left for a person to fill in ("[Chuyên viên bổ
sung nội dung.]") still in the text — an error, because such a text is not finished (a report
was once issued with six of them). The marks are data: ``capuy/vocab/placeholders.yaml``."""

from __future__ import annotations

from collections.abc import Iterator

from capuy.check.registry import RULES, register
from capuy.check.units import excerpt, text_units
from capuy.model import Document, Finding
from capuy.vocab.placeholders import placeholders


def _texts(doc: Document) -> Iterator[tuple[str, int]]:
    if doc.header.summary:
        yield doc.header.summary, doc.header.lines.get("summary", 1)
    for unit in text_units(doc):
        yield unit.text, unit.line
    for appendix in doc.appendices:
        for text in (appendix.caption, appendix.note):
            if text:
                yield text, appendix.line
        for block in appendix.blocks:
            yield block.text, block.line


@register("format.placeholder", "format", "template placeholders left unfilled")
def placeholder(doc: Document) -> Iterator[Finding]:
    rule = RULES["format.placeholder"]
    marks = placeholders()
    for text, line in _texts(doc):
        for mark in marks:
            for match in mark.pattern.finditer(text):
                yield rule.finding(
                    "error",
                    line,
                    excerpt(text, match.start(), match.end()),
                    f"Còn {mark.name} “{match.group(0)}”: hãy viết nội dung thay cho chỗ này "
                    "trước khi trình duyệt",
                    "",
                    mark.source,
                )
