"""``capuy render`` and ``capuy convert``: files written, bad input on one line with exit 2."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from capuy.cli import app
from capuy.read import read_file
from tests.conftest import SEED_FILES, seed

runner = CliRunner()
FIXTURE = Path(__file__).parent / "fixtures" / "authoring" / "bao-cao-thang-02-2024.md"


def is_docx_with_footnotes(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        return {"word/document.xml", "word/footnotes.xml"} <= set(archive.namelist())


def test_render_writes_the_docx(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    result = runner.invoke(app, ["render", str(FIXTURE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert is_docx_with_footnotes(out)
    assert str(out) in result.output


@pytest.mark.pdf
def test_render_with_pdf(tmp_path: Path) -> None:
    out, pdf = tmp_path / "a.docx", tmp_path / "a.pdf"
    result = runner.invoke(app, ["render", str(FIXTURE), "-o", str(out), "--pdf", str(pdf)])
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF")


def test_convert_one_seed(tmp_path: Path) -> None:
    out = tmp_path / "001.docx"
    result = runner.invoke(app, ["convert", str(seed("001")), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(read_file(out).footnotes) == 20


@pytest.mark.pdf
def test_convert_every_seed_into_folders(tmp_path: Path) -> None:
    docx_dir, pdf_dir = tmp_path / "docx", tmp_path / "pdf"
    args = ["convert", *map(str, SEED_FILES), "-o", str(docx_dir), "--pdf", str(pdf_dir)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in docx_dir.glob("*.docx")) == [p.stem for p in SEED_FILES]
    assert sorted(p.stem for p in pdf_dir.glob("*.pdf")) == [p.stem for p in SEED_FILES]
    assert "04" in result.output


@pytest.mark.parametrize(
    ("command", "content", "fragment"),
    [
        ("render", None, "no such file"),
        ("render", "---\nsummary: x\n---\n", "kind"),
        ("render", "---\nkind: BÁO CÁO\ndate: 26/02/2024\n---\n", "ISO"),
        ("render", b"\xff\xfe\x00binary", "UTF-8"),
        ("convert", None, "not found"),
        ("convert", b"\x00\x01\x02 not a document", ""),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, command: str, content: str | bytes | None, fragment: str
) -> None:
    source = tmp_path / ("in.md" if command == "render" else "in.txt")
    if isinstance(content, str):
        source.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        source.write_bytes(content)
    result = runner.invoke(app, [command, str(source), "-o", str(tmp_path / "out.docx")])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "Lỗi" in lines[0] and "Error" in lines[0]
    assert fragment in lines[0]
    assert "Traceback" not in result.output
    assert not (tmp_path / "out.docx").exists()


def test_pdf_without_libreoffice_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CAPUY_SOFFICE", raising=False)
    out = tmp_path / "a.docx"
    result = runner.invoke(
        app, ["render", str(FIXTURE), "-o", str(out), "--pdf", str(tmp_path / "a.pdf")]
    )
    assert result.exit_code == 2
    assert "soffice" in result.output and "libreoffice-writer-nogui" in result.output
    assert not out.exists()  # checked before any work
