"""Old word-processor files through LibreOffice: .doc, .odt and .rtf made by LibreOffice from a
real DOCX (the header DOCX of tests/test_extract_header_plain.py and one with .VnTime runs),
read back through ``read_file``; a file LibreOffice cannot open is one clear line."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from capuy.errors import InputError
from capuy.read import read_file
from tests.test_extract_header_plain import assert_header, make_docx

pytestmark = [
    pytest.mark.pdf,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed"),
]
FILTERS = {"doc": "doc:MS Word 97", "odt": "odt", "rtf": "rtf"}


@pytest.fixture(scope="module")
def old_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same two DOCX saved by LibreOffice as .doc, .odt and .rtf."""
    work = tmp_path_factory.mktemp("old")
    make_docx(work / "header.docx", "table")
    legacy = docx.Document()
    paragraph = legacy.add_paragraph()
    paragraph.add_run("Thực hiện ").font.name = "Times New Roman"
    paragraph.add_run("NghÞ quyÕt sè 19-NQ/TW").font.name = ".VnTime"
    legacy.add_paragraph().add_run("b¸o c¸o").font.name = ".VnTimeH"
    legacy.save(work / "legacy.docx")
    out = work / "out"
    files: dict[str, Path] = {}
    for suffix, export in FILTERS.items():
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                export,
                "--outdir",
                str(out),
                str(work / "header.docx"),
                str(work / "legacy.docx"),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        for stem in ("header", "legacy"):
            files[f"{stem}.{suffix}"] = out / f"{stem}.{suffix}"
    return files


@pytest.mark.parametrize("suffix", sorted(FILTERS))
def test_old_format_reads_like_the_docx(old_files: dict[str, Path], suffix: str) -> None:
    path = old_files[f"header.{suffix}"]
    assert read_file(path).format == suffix
    assert_header(path)


@pytest.mark.parametrize("suffix", sorted(FILTERS))
def test_legacy_font_runs_survive_the_old_format(old_files: dict[str, Path], suffix: str) -> None:
    document = read_file(old_files[f"legacy.{suffix}"])
    assert document.lines == ["Thực hiện Nghị quyết số 19-NQ/TW", "BÁO CÁO"]


def test_a_file_libreoffice_cannot_open(tmp_path: Path) -> None:
    path = tmp_path / "hong.doc"
    # OLE magic then text: without a forced import filter LibreOffice "opens" it as plain text
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Bao cao thang 02 " * 100)
    with pytest.raises(InputError) as error:
        read_file(path)
    assert "LibreOffice" in error.value.vi and "cannot open" in error.value.en
    assert "\n" not in error.value.vi


def test_libreoffice_time_limit(tmp_path: Path, old_files: dict[str, Path], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # 50 ms: no LibreOffice starts and converts in that, however fast and warm the machine
    # (a limit of 1 s was met on a quiet machine and the test failed).
    monkeypatch.setenv("CAPUY_OFFICE_TIMEOUT_S", "0.05")
    with pytest.raises(InputError) as error:
        read_file(old_files["header.odt"])
    assert "quá 0,05 giây" in error.value.vi
    assert "over 0.05 s" in error.value.en
