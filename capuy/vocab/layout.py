"""The official layout as data: loader for ``layout.yaml`` (DESIGN.md §5).

The renderer asks this module for every size, style and margin, so a new guideline changes the
YAML file only. Every component carries its ``source`` (Hướng dẫn 36-HD/VPTW unless said
otherwise); ``load_layout`` refuses a table where one is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from capuy.vocab.loader import load_data

LAYOUT_FILE = Path(__file__).with_name("layout.yaml")
ALIGNMENTS = ("left", "center", "right", "justify")


@dataclass(frozen=True)
class TextStyle:
    """How one component is set: size in points, weight, slant, alignment and spacing."""

    name: str
    size_pt: float
    source: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    caps: bool = False
    boxed: bool = False
    align: str = "left"
    space_before_pt: float = 0.0
    space_after_pt: float = 0.0
    first_line_indent_cm: float = 0.0
    line_spacing_pt: float | None = None
    keep_with_next: bool = False
    note: str = ""


@dataclass(frozen=True)
class PageLayout:
    width_mm: float
    height_mm: float
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float
    header_distance_mm: float
    footer_distance_mm: float

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.margin_left_mm - self.margin_right_mm


@dataclass(frozen=True)
class Layout:
    font_name: str
    page: PageLayout
    page_number: TextStyle
    components: dict[str, TextStyle]
    header_left_mm: float
    header_right_mm: float
    title_rule_mm: float
    signature_left_mm: float
    signature_right_mm: float
    page_number_on_first_page: bool = False
    date_pad_day_below: int = 10
    date_pad_month_below: int = 3
    sources: dict[str, str] = field(default_factory=dict)

    def style(self, name: str) -> TextStyle:
        """The style of component ``name`` (``title``, ``body``, ``heading_2`` …)."""
        try:
            return self.components[name]
        except KeyError:
            raise KeyError(f"layout.yaml has no component {name!r}") from None

    def heading(self, level: int) -> TextStyle:
        """Heading styles exist for levels 1–4; deeper levels are set like level 4."""
        return self.style(f"heading_{min(max(level, 1), 4)}")


class LayoutError(ValueError):
    """The style table is malformed (a programming error in the data file, not user input)."""


_STYLE_KEYS = {
    "size_pt",
    "bold",
    "italic",
    "underline",
    "caps",
    "boxed",
    "align",
    "space_before_pt",
    "space_after_pt",
    "first_line_indent_cm",
    "line_spacing_pt",
    "keep_with_next",
    "source",
    "note",
    "position",
    "first_page",
    "enabled",
}


def _text_style(name: str, raw: dict[str, Any]) -> TextStyle:
    unknown = set(raw) - _STYLE_KEYS
    if unknown:
        raise LayoutError(f"{name}: unknown keys {sorted(unknown)}")
    if not str(raw.get("source", "")).strip():
        raise LayoutError(f"{name}: every value needs its source")
    align = raw.get("align", "left")
    if align not in ALIGNMENTS:
        raise LayoutError(f"{name}: align must be one of {ALIGNMENTS}")
    line_spacing = raw.get("line_spacing_pt")
    return TextStyle(
        name=name,
        size_pt=float(raw["size_pt"]),
        source=str(raw["source"]),
        bold=bool(raw.get("bold", False)),
        italic=bool(raw.get("italic", False)),
        underline=bool(raw.get("underline", False)),
        caps=bool(raw.get("caps", False)),
        boxed=bool(raw.get("boxed", False)),
        align=align,
        space_before_pt=float(raw.get("space_before_pt", 0)),
        space_after_pt=float(raw.get("space_after_pt", 0)),
        first_line_indent_cm=float(raw.get("first_line_indent_cm", 0)),
        line_spacing_pt=float(line_spacing) if line_spacing is not None else None,
        keep_with_next=bool(raw.get("keep_with_next", False)),
        note=str(raw.get("note", "")),
    )


def parse_layout(data: dict[str, Any]) -> Layout:
    """Build a ``Layout`` from the YAML mapping, checking that every value has a source."""
    try:
        font = data["font"]
        page = data["page"]
        header = data["header_table"]
        signature = data["signature_table"]
        date_line = data["date_line"]
        for name, section in (
            ("date_line", date_line),
            ("font", font),
            ("page", page),
            ("header_table", header),
            ("signature_table", signature),
        ):
            if not str(section.get("source", "")).strip():
                raise LayoutError(f"{name}: every value needs its source")
        if not str(page.get("margin_source", "")).strip():
            raise LayoutError("page: margins need their source")
        components = {
            name: _text_style(name, raw)
            for name, raw in data["components"].items()
            if "size_pt" in raw
        }
        return Layout(
            font_name=str(font["name"]),
            page=PageLayout(
                width_mm=float(page["width_mm"]),
                height_mm=float(page["height_mm"]),
                margin_top_mm=float(page["margin_top_mm"]),
                margin_bottom_mm=float(page["margin_bottom_mm"]),
                margin_left_mm=float(page["margin_left_mm"]),
                margin_right_mm=float(page["margin_right_mm"]),
                header_distance_mm=float(page["header_distance_mm"]),
                footer_distance_mm=float(page["footer_distance_mm"]),
            ),
            page_number=_text_style("page_number", data["page_number"]),
            components=components,
            header_left_mm=float(header["left_width_mm"]),
            header_right_mm=float(header["right_width_mm"]),
            title_rule_mm=float(header["title_rule_mm"]),
            signature_left_mm=float(signature["left_width_mm"]),
            signature_right_mm=float(signature["right_width_mm"]),
            page_number_on_first_page=bool(data["page_number"].get("first_page", False)),
            date_pad_day_below=int(date_line["pad_day_below"]),
            date_pad_month_below=int(date_line["pad_month_below"]),
            sources={
                "font": str(font["source"]),
                "page": str(page["source"]),
                "margins": str(page["margin_source"]),
                "header_table": str(header["source"]),
                "signature_table": str(signature["source"]),
                "date_line": str(date_line["source"]),
            },
        )
    except KeyError as missing:
        raise LayoutError(f"layout.yaml lacks {missing}") from None


@cache
def load_layout(path: Path = LAYOUT_FILE) -> Layout:
    """The official layout (cached): ``capuy/vocab/layout.yaml`` through ``capuy.vocab.loader``
    (so an administrator's overlay applies), or the file at ``path`` (a test's own layout)."""
    if path == LAYOUT_FILE:
        return parse_layout(load_data("layout"))
    with path.open(encoding="utf-8") as handle:
        return parse_layout(yaml.safe_load(handle))
