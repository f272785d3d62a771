"""The OCR repair tables (``ocr_repairs.yaml``), loaded once and frozen."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from capuy.vocab.loader import load_data, resolve_source

__all__ = ["OcrRepairs", "ocr_repairs"]


@dataclass(frozen=True)
class OcrRepairs:
    """``digits``: letter → digit in numbers; ``separators``: character → "/" or "-";
    ``letters``: letter → letter in codes; ``date_words``: folded spelling → word;
    ``fixed_lines``: lines whose wording is fixed."""

    digits: tuple[tuple[str, str], ...]
    separators: tuple[tuple[str, str], ...]
    letters: tuple[tuple[str, str], ...]
    date_words: tuple[tuple[str, str], ...]
    fixed_lines: tuple[str, ...]


@cache
def ocr_repairs() -> OcrRepairs:
    data = load_data("ocr_repairs")
    sources = data["sources"]
    for section in ("digits", "separators", "letters", "date_words", "fixed_lines"):
        for entry in data[section]:
            resolve_source(entry, sources, f"ocr_repairs.yaml {section}")
    return OcrRepairs(
        digits=tuple((str(e["read"]), str(e["means"])) for e in data["digits"]),
        separators=tuple((str(e["read"]), str(e["means"])) for e in data["separators"]),
        letters=tuple((str(e["read"]), str(e["means"])) for e in data["letters"]),
        date_words=tuple(
            (str(folded), str(e["word"])) for e in data["date_words"] for folded in e["folded"]
        ),
        fixed_lines=tuple(str(e["text"]) for e in data["fixed_lines"]),
    )
