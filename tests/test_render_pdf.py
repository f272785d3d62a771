"""PDFs through LibreOffice: the text is all there with every Vietnamese letter, the fonts are
embedded, page 1 is stored as a PNG under test-artifacts/render/, one LibreOffice is reused.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import unicodedata
from pathlib import Path

import pytest

from capuy.api import convert_file
from capuy.errors import InputError, MissingProgramError
from capuy.read.markdown import parse_authoring
from capuy.render import PdfConverter, check_libreoffice, docx_to_pdf, render_docx
from capuy.render.pdf import find_soffice
from tests.conftest import ROOT, SEED_FILES

pytestmark = pytest.mark.pdf
ARTIFACTS = ROOT / "test-artifacts" / "render"
FIXTURE = Path(__file__).parent / "fixtures" / "authoring" / "bao-cao-thang-02-2024.md"
SEED_IDS = [p.name[:3] for p in SEED_FILES]


def pdftotext(pdf: Path, *args: str) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *args, str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return unicodedata.normalize("NFC", result.stdout)


def vietnamese_words(text: str) -> set[str]:
    """Words (runs of letters; superscript footnote marks are not letters) with at least one
    letter outside ASCII: every diacritic matters."""
    letters_only = "".join(c if c.isalpha() else " " for c in unicodedata.normalize("NFC", text))
    return {w for w in letters_only.split() if not w.isascii()}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pdf")
    result: dict[str, Path] = {}
    with PdfConverter() as converter:
        for seed in SEED_FILES:
            pdf = out / f"{seed.name[:3]}.pdf"
            convert_file(seed, out / f"{seed.name[:3]}.docx", pdf, converter=converter)
            result[seed.name[:3]] = pdf
        doc = parse_authoring(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE))
        result["authoring"] = converter.convert(
            render_docx(doc, out / "authoring.docx"), out / "authoring.pdf"
        )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, pdf in result.items():
        prefix = ARTIFACTS / f"{name}-page1"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(prefix),
            ],
            check=True,
        )
    return result


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_every_vietnamese_word_of_the_seed_is_in_the_pdf(
    pdfs: dict[str, Path], seed_id: str
) -> None:
    seed = next(p for p in SEED_FILES if p.name.startswith(seed_id))
    source = vietnamese_words(seed.read_text(encoding="utf-8"))
    printed = vietnamese_words(pdftotext(pdfs[seed_id]))
    assert len(source) > 300
    assert source - printed == set()


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_every_precomposed_letter_survives(pdfs: dict[str, Path], seed_id: str) -> None:
    seed = next(p for p in SEED_FILES if p.name.startswith(seed_id))
    letters = {
        c
        for c in unicodedata.normalize("NFC", seed.read_text(encoding="utf-8"))
        if c.isalpha() and not c.isascii()
    }
    assert {"ơ", "ư", "ạ", "ữ", "Đ", "đ"} <= letters | {
        "ữ"
    }  # the letters fonts-liberation 1.x lacked
    assert letters - set(pdftotext(pdfs[seed_id])) == set()


def test_authoring_example_text(pdfs: dict[str, Path]) -> None:
    text = pdftotext(pdfs["authoring"], "-layout")
    for line in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "THỊ ỦY ĐỨC PHỔ",
        "Số 708-BC/TU",
        "Đức Phổ, ngày 26 tháng 02 năm 2024",
        "BÁO CÁO",
        "Nơi nhận:",
        "T/M BAN THƯỜNG VỤ",
        "PHỤ LỤC",
    ):
        assert line in text


def test_page_numbers_from_page_two(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["001"]
    first = pdftotext(pdf, "-f", "1", "-l", "1").split()
    second = pdftotext(pdf, "-f", "2", "-l", "2").split()
    third = pdftotext(pdf, "-f", "3", "-l", "3").split()
    assert first[0] == "*"  # no number above the header on page 1
    assert second[0] == "2" and third[0] == "3"


def test_fonts_are_embedded_times_metrics(pdfs: dict[str, Path]) -> None:
    listing = subprocess.run(
        ["pdffonts", str(pdfs["001"])], capture_output=True, text=True, check=True
    ).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    names = {row[0].split("+")[-1] for row in rows}
    assert names and all(n.startswith(("LiberationSerif", "TimesNewRoman")) for n in names)
    assert all("yes" in row[-5:-3] for row in rows)  # emb column


@pytest.mark.parametrize("name", [*SEED_IDS, "authoring"])
def test_page_one_png_is_stored(pdfs: dict[str, Path], name: str) -> None:
    png = ARTIFACTS / f"{name}-page1.png"
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert abs(width / height - 210 / 297) < 0.01  # A4 portrait


def test_converter_reuses_one_libreoffice(tmp_path: Path) -> None:
    doc = parse_authoring(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE))
    docx_path = render_docx(doc, tmp_path / "a.docx")
    with PdfConverter() as converter:
        if converter.mode != "uno":
            pytest.skip("python3-uno is not installed: the converter works in batch mode")
        office = converter._office
        assert office is not None
        pids = []
        for index in range(3):
            converter.convert(docx_path, tmp_path / f"a{index}.pdf")
            assert converter._office is office and office.poll() is None
            pids.append(office.pid)
        assert len(set(pids)) == 1
    assert office.poll() is not None  # closed with the converter
    assert all((tmp_path / f"a{i}.pdf").read_bytes().startswith(b"%PDF") for i in range(3))


def test_cold_conversion(tmp_path: Path) -> None:
    doc = parse_authoring(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE))
    pdf = docx_to_pdf(render_docx(doc, tmp_path / "a.docx"), tmp_path / "a.pdf")
    with pytest.raises(InputError):
        docx_to_pdf(tmp_path / "a.docx", tmp_path / "missing-folder" / "a.pdf")
    assert "Đỗ Tâm Hiền" in pdftotext(pdf)


def test_batch_of_files_with_the_same_name(tmp_path: Path) -> None:
    doc = parse_authoring(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE))
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    first = render_docx(doc, tmp_path / "x" / "same.docx")
    doc.header.summary = "một trích yếu khác"
    second = render_docx(doc, tmp_path / "y" / "same.docx")
    from capuy.render.pdf import _batch_convert

    _batch_convert([(first, tmp_path / "1.pdf"), (second, tmp_path / "2.pdf")])
    assert "một trích yếu khác" not in pdftotext(tmp_path / "1.pdf")
    assert "một trích yếu khác" in pdftotext(tmp_path / "2.pdf")


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really a zip", b"plain text"])
def test_unconvertible_input_is_an_input_error(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    with pytest.raises(InputError):
        docx_to_pdf(bad, tmp_path / "bad.pdf")
    with PdfConverter() as converter, pytest.raises(InputError):
        converter.convert(bad, tmp_path / "bad2.pdf")


def test_missing_source_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        docx_to_pdf(tmp_path / "none.docx", tmp_path / "none.pdf")


def test_system_check_passes_here() -> None:
    assert shutil.which("soffice")
    assert check_libreoffice() == []


def test_system_check_reports_missing_libreoffice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CAPUY_SOFFICE", raising=False)
    problems = check_libreoffice()
    assert len(problems) == 1
    assert "soffice" in problems[0] and "libreoffice-writer-nogui" in problems[0]
    with pytest.raises(MissingProgramError) as error:
        find_soffice()
    assert error.value.exit_code == 2
    with pytest.raises(MissingProgramError):
        docx_to_pdf(FIXTURE, tmp_path / "x.pdf")


def test_converter_restarts_a_libreoffice_that_died(tmp_path: Path) -> None:
    doc = parse_authoring(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE))
    docx_path = render_docx(doc, tmp_path / "a.docx")
    with PdfConverter() as converter:
        if converter.mode != "uno":
            pytest.skip("python3-uno is not installed: the converter works in batch mode")
        converter.convert(docx_path, tmp_path / "1.pdf")
        first = converter._office
        assert first is not None
        os.killpg(first.pid, signal.SIGKILL)  # LibreOffice crashes: the group it was started in
        first.wait()
        converter.convert(docx_path, tmp_path / "2.pdf")
        assert converter._office is not None and converter._office is not first
    assert "Đỗ Tâm Hiền" in pdftotext(tmp_path / "2.pdf")
