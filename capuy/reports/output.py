"""A report's text → DOCX and PDF through ``capuy.render``, and → findings through
``capuy.check``: the same path for the web pages and the ``capuy report`` command."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from capuy.api import check_text, parse_markdown
from capuy.check.report import findings_to_json
from capuy.model import Document
from capuy.render import docx_to_pdf, render_docx


def parse(markdown: str, source: str = "bao-cao.md") -> Document:
    """The authoring text as a model document (``InputError`` on bad front matter)."""
    return parse_markdown(markdown, source)


def write_docx(markdown: str, out: Path) -> Path:
    return render_docx(parse(markdown), out)


def write_pdf(markdown: str, out: Path, converter: Any = None) -> Path:
    """DOCX then PDF; ``converter`` is a running ``PdfConverter`` (warm), else a cold one."""
    with tempfile.TemporaryDirectory(prefix="capuy-report-") as tmp:
        docx = write_docx(markdown, Path(tmp) / "bao-cao.docx")
        if converter is not None:
            converter.convert(docx, out)
        else:
            docx_to_pdf(docx, out)
    return out


def docx_bytes(markdown: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="capuy-report-") as tmp:
        return write_docx(markdown, Path(tmp) / "bao-cao.docx").read_bytes()


def pdf_bytes(markdown: str, converter: Any = None) -> bytes:
    with tempfile.TemporaryDirectory(prefix="capuy-report-") as tmp:
        return write_pdf(markdown, Path(tmp) / "bao-cao.pdf", converter).read_bytes()


def findings_of(markdown: str, source: str = "bao-cao.md") -> list[dict[str, Any]]:
    """What ``capuy check`` says of the text, line numbers being those of the text itself.

    The text is read back like a file and extracted (``capuy.api.check_text``), so the checker sees the
    report exactly as it would see the .md on disk."""
    data = findings_to_json(check_text(markdown, source))
    return list(data["findings"]) if isinstance(data, dict) else list(data)
