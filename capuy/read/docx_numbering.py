"""Word list numbering (``w:numPr`` + ``numbering.xml``) → the label Word would print.

python-docx has no API for numbering, so this reads the raw XML: a paragraph's ``numId`` and
``ilvl`` (on the paragraph or inherited from its style) select a level of an abstract
numbering whose ``lvlText`` (``%1-``, ``%1.%2.``, ``%1)``) and ``numFmt`` (``upperRoman``,
``decimal``, ``lowerLetter`` …) give the label; counters run per list and reset deeper levels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

from capuy.text import int_to_roman


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """The lists of one document and their running counters."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: etree._Element | None) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        abstract: dict[str, dict[int, Level]] = {}
        for node in root.iter(qn("w:abstractNum")):
            abstract[node.get(qn("w:abstractNumId"), "")] = {
                int(lvl.get(qn("w:ilvl"), "0")): _level(lvl) for lvl in node.iter(qn("w:lvl"))
            }
        for num in root.iter(qn("w:num")):
            abstract_id = _val(num.find(qn("w:abstractNumId")))
            levels = dict(abstract.get(abstract_id or "", {}))
            for override in num.iter(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                if (lvl := override.find(qn("w:lvl"))) is not None:
                    levels[ilvl] = _level(lvl)
                if (start := _val(override.find(qn("w:startOverride")))) is not None:
                    base = levels.get(ilvl, Level())
                    levels[ilvl] = Level(base.fmt, base.text, int(start))
            numbering.levels[num.get(qn("w:numId"), "")] = levels
        return numbering

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Advance the list ``num_id`` at ``ilvl``; return ``(label, numFmt)``.

        ``numId`` 0 means "no numbering" in Word; unknown lists give an empty label.
        """
        levels = self.levels.get(num_id)
        if num_id == "0" or not levels or ilvl not in levels:
            return "", ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return level.text, "bullet"
        if level.fmt == "none":
            return "", "none"

        def substitute(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            sub = levels.get(index, Level())
            value = counters.get(index, sub.start)
            return format_counter(value, sub.fmt)

        return re.sub(r"%(\d)", substitute, level.text), level.fmt


def format_counter(value: int, fmt: str) -> str:
    """A counter in Word's number formats (the ones Party documents use)."""
    if fmt == "upperRoman":
        return int_to_roman(value)
    if fmt == "lowerRoman":
        return int_to_roman(value).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _val(node: etree._Element | None) -> str | None:
    return None if node is None else node.get(qn("w:val"))


def _level(lvl: etree._Element) -> Level:
    return Level(
        fmt=_val(lvl.find(qn("w:numFmt"))) or "decimal",
        text=_val(lvl.find(qn("w:lvlText"))) or "",
        start=int(_val(lvl.find(qn("w:start"))) or "1"),
    )
