"""YAML front matter: the ``---`` … ``---`` block at the top of an authoring-format file.

One parser for every place that reads it, with two modes:

- **strict** (``capuy render``, the report workflow): a block that is not valid YAML, not a
  mapping, or (when ``keys`` is given) has an unknown key raises ``InputError`` with the line;
- **lenient** (the extractor and the plain-text reader, which read whatever is there and never
  fail on it): such a block gives ``None``.

The block is found the same way everywhere: the first line is ``---`` and the block closes at
the next line that is ``---`` or ``...``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml

from capuy.errors import InputError

__all__ = ["front_matter_block", "front_matter_of", "parse_front_matter"]


def front_matter_block(lines: list[str]) -> tuple[str, int] | None:
    """The YAML text between the ``---`` lines at the top, and the closing line (1-based)."""
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() in {"---", "..."}:
            return "\n".join(lines[1:index]), index + 1
    return None


def parse_front_matter(
    raw: str, *, strict: bool, keys: Iterable[str] | None = None
) -> dict[str, Any] | None:
    """The mapping ``raw`` holds (``{}`` when empty in strict mode). Strict: ``InputError`` on
    bad YAML, a non-mapping or a key outside ``keys``; lenient: ``None`` instead."""
    try:
        data = yaml.safe_load(raw) if raw.strip() or not strict else {}
    except yaml.YAMLError as error:
        if not strict:
            return None
        mark = getattr(error, "problem_mark", None)
        where = f" (dòng {mark.line + 2})" if mark is not None else ""
        raise InputError(
            f"Phần đầu YAML không hợp lệ{where}",
            f"invalid YAML front matter{where.replace('dòng', 'line')}",
        ) from None
    if not isinstance(data, dict):
        if not strict:
            return None
        raise InputError(
            "Phần đầu YAML phải là các cặp khóa: giá trị",
            "the YAML front matter must be a mapping of keys to values",
        )
    if keys is not None:
        unknown = sorted(set(map(str, data)) - set(keys))
        if unknown:
            if not strict:
                return None
            raise InputError(
                f"Khóa không biết trong phần đầu: {', '.join(unknown)}",
                f"unknown front-matter keys: {', '.join(unknown)}",
            )
    return data


def front_matter_of(text: str) -> dict[str, Any]:
    """The front matter of a composed report's text (strict; ``{}`` when the block is empty).
    ``InputError`` when the text has none."""
    block = front_matter_block(text.split("\n"))
    if block is None:
        raise InputError("Văn bản thiếu phần đầu YAML", "the text lacks its YAML front matter")
    return parse_front_matter(block[0], strict=True) or {}
