"""The room's templates are ready for ``Content-Security-Policy: default-src 'self'``: no
inline script, no inline event handler, no inline style; scripts and styles are static files."""

from __future__ import annotations

import re
from pathlib import Path

import capuy.meetingroom

TEMPLATES = sorted((Path(capuy.meetingroom.__file__).parent / "templates").rglob("*.html"))


def test_templates_exist() -> None:
    assert len(TEMPLATES) >= 8


def test_no_inline_script_handler_or_style() -> None:
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), path.name
        assert not re.search(r"\son[a-z]+\s*=", text, re.I), path.name
        assert not re.search(r"\sstyle\s*=", text, re.I), path.name
        assert "<style" not in text, path.name
        assert "javascript:" not in text, path.name
