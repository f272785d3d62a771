"""The checker on a real DOCX: seed 001 laid out in the official format by the renderer, read
back by the DOCX reader. Lines are then paragraph indexes (DESIGN.md §4)."""

from __future__ import annotations

from pathlib import Path

import docx

from capuy.api import check_files, convert_file, load_documents
from capuy.check import check
from tests.conftest import seed

KEY_ERRORS = {
    ("arithmetic.received-carried", "225 đơn/211 vụ"),
    ("arithmetic.letters-cases", "19 đơn/26 vụ"),
    ("citation-date.after-report", "37-NQ/TW"),
    ("citation-date.term", "37-NQ/TW"),
    ("citation-date.implements-earlier", "254-KH/TU"),
    ("citation-type.code", "39-CT/TU"),
    ("spelling.confusion", "Tu tưởng"),
    ("spelling.confusion", "kiến trách"),
    ("spelling.place-name", "Châu Ô"),
    ("duplicate.word", "tư công tư công"),
    ("duplicate.sentence", "Tăng cường công tác tuần tra"),
}


def _has(findings: list, rule: str, text: str) -> bool:
    return any(f.rule == rule and text in f.excerpt for f in findings)


def test_docx_finds_what_the_text_finds(tmp_path: Path) -> None:
    out = tmp_path / "001.docx"
    convert_file(seed("001"), out)
    from_docx = check_files([out])
    from_text = check(load_documents([seed("001")]))
    for rule, text in KEY_ERRORS:
        assert _has(from_text, rule, text)
        assert _has(from_docx, rule, text), (rule, text)
    paragraphs = len(docx.Document(str(out)).paragraphs)
    assert all(f.line >= 1 for f in from_docx)
    body = [f for f in from_docx if f.rule == "spelling.confusion" and "Tu tưởng" in f.excerpt]
    assert body[0].line <= paragraphs
