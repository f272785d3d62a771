"""Pre-Unicode Vietnamese (TCVN3/ABC, VNI, VIQR, Windows-1258, UTF-16) read back exactly.

References outside capuy: glibc ``iconv -f TCVN5712-1`` for the TCVN table, Python's ``cp1258``
codec for Windows-1258. Files are real: plain-text bytes written to disk and DOCX packages built
with python-docx (``.VnTime``/``.VnTimeH``/``VNI-Times`` runs beside Unicode runs), read back
through ``capuy.read.read_file``.
"""

from __future__ import annotations

import codecs
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capuy.read import read_file
from capuy.read.legacy import (
    decode_bytes,
    decode_viqr,
    detect_bytes,
    encode_cp1258,
    encode_tcvn3_plain,
    encode_viqr,
    encode_vni_bytes,
    font_encoding,
    repair_text,
    tcvn3_font_runs,
    vni_font_runs,
)
from capuy.read.limits import decode_text
from tests.conftest import SEED_FILES

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
PLAIN_PUNCTUATION = str.maketrans({"“": '"', "”": '"', "–": "-"})


def seed_text(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def seed_words() -> list[str]:
    words: set[str] = set()
    for path in SEED_FILES:
        words |= set(re.findall(r"[^\W\d_]+", seed_text(path)))
    return sorted(words)


def test_tcvn3_table_matches_glibc_iconv() -> None:
    """Every byte of the TCVN 5712 table decodes as glibc's iconv decodes it."""
    if shutil.which("iconv") is None:
        pytest.skip("iconv missing")
    checked = 0
    for byte in [*range(1, 32), *range(0x80, 0x100)]:
        reference = subprocess.run(
            ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"],
            input=bytes([byte]),
            capture_output=True,
            check=False,
        )
        expected = reference.stdout.decode()
        if reference.returncode or len(expected) != 1 or unicodedata.combining(expected):
            continue
        if not expected.isalpha():
            continue
        assert decode_bytes(bytes([byte]), "tcvn3") == expected, hex(byte)
        checked += 1
    assert checked == 134  # every non-ASCII Vietnamese letter, capitals included


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_tcvn3_encoder_matches_iconv_on_a_seed(path: Path) -> None:
    text = seed_text(path).translate(SUPERSCRIPTS).translate(PLAIN_PUNCTUATION)
    ours = encode_tcvn3_plain(text)
    reference = subprocess.run(
        ["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"],
        input=text.encode(),
        capture_output=True,
        check=True,
    ).stdout
    assert ours == reference


def test_cp1258_encoder_agrees_with_python_codec() -> None:
    text = seed_text(SEED_FILES[0])
    encoded = encode_cp1258(text.translate(SUPERSCRIPTS).translate(PLAIN_PUNCTUATION))
    decoded = unicodedata.normalize("NFC", encoded.decode("cp1258"))
    assert decoded == text.translate(SUPERSCRIPTS).translate(PLAIN_PUNCTUATION)


def test_font_names() -> None:
    assert font_encoding(".VnTime") == ("tcvn3", False)
    assert font_encoding(".VnTimeH") == ("tcvn3", True)
    assert font_encoding(".VnArialH") == ("tcvn3", True)
    assert font_encoding("VNI-Times") == ("vni", False)
    assert font_encoding("Times New Roman") is None
    assert font_encoding("") is None


PLAIN_CASES = {
    # encoding: (how the seed text is written, what it must read back as)
    "tcvn3": lambda t: encode_tcvn3_plain(t.translate(PLAIN_PUNCTUATION)),
    "vni": lambda t: encode_vni_bytes(t),
    "viqr": lambda t: encode_viqr(t.translate(PLAIN_PUNCTUATION)).encode("ascii"),
    "cp1258": lambda t: encode_cp1258(t),
    "utf-16-le": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16 no BOM": lambda t: t.encode("utf-16-le"),
    "utf-8-sig": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
}
EXPECTED_ENCODING = {
    "tcvn3": "tcvn3",
    "vni": "vni",
    "viqr": "viqr",
    "cp1258": "cp1258",
    "utf-16-le": "utf-16",
    "utf-16 no BOM": "utf-16-le",
    "utf-8-sig": "utf-8-sig",
}


@pytest.mark.parametrize("encoding", sorted(PLAIN_CASES))
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_written_in_a_legacy_encoding_reads_back_identical(
    tmp_path: Path, path: Path, encoding: str
) -> None:
    """The seed, written as an office's old file would be, reads back line for line. Characters
    the encoding cannot hold (superscript digits; “ ” – in TCVN3 and VIQR) are written as plain
    digits and ASCII first, and the expectation is that same text."""
    text = seed_text(path).translate(SUPERSCRIPTS)
    if encoding in ("tcvn3", "viqr"):
        text = text.translate(PLAIN_PUNCTUATION)
    file = tmp_path / f"{encoding}.txt"
    file.write_bytes(PLAIN_CASES[encoding](text))
    document = read_file(file)
    assert document.encoding == EXPECTED_ENCODING[encoding]
    assert document.lines == read_file_text(tmp_path, text).lines


def read_file_text(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    unicode_file = tmp_path / "unicode.txt"
    unicode_file.write_text(text, encoding="utf-8")
    return read_file(unicode_file)


def legacy_docx(path: Path, paragraphs: list[str], runs_of) -> None:  # type: ignore[no-untyped-def]
    """A DOCX whose paragraphs are written run by run in the legacy fonts (Unicode runs between
    for what those fonts cannot hold), the body's default font left Times New Roman."""
    document = docx.Document()
    for text in paragraphs:
        paragraph = document.add_paragraph()
        for piece, font in runs_of(text):
            run = paragraph.add_run(piece)
            run.font.name = font or "Times New Roman"
    document.save(path)


@pytest.mark.parametrize(("name", "runs_of"), [("tcvn3", tcvn3_font_runs), ("vni", vni_font_runs)])
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_docx_with_legacy_font_runs_reads_back_identical(
    tmp_path: Path, path: Path, name: str, runs_of
) -> None:  # type: ignore[no-untyped-def]
    paragraphs = [line.strip() for line in seed_text(path).split("\n") if line.strip()]
    file = tmp_path / f"{name}.docx"
    legacy_docx(file, paragraphs, runs_of)
    document = read_file(file)
    assert document.encoding == name
    assert document.lines == paragraphs


def test_docx_mixing_unicode_body_with_vntime_runs(tmp_path: Path) -> None:
    """The usual case: a Unicode body where one paragraph was pasted from an old .VnTime file
    and a heading was typed in the capitals font."""
    file = tmp_path / "tron.docx"
    document = docx.Document()
    document.add_paragraph("Thị ủy Đức Phổ báo cáo tháng 02 năm 2024.")
    pasted = document.add_paragraph()
    pasted.add_run("Thực hiện ").font.name = "Times New Roman"
    pasted.add_run("NghÞ quyÕt sè 19-NQ/TW").font.name = ".VnTime"
    pasted.add_run(" ngày 25/10/2017.").font.name = "Times New Roman"
    heading = document.add_paragraph()
    heading.add_run("i- t×nh h×nh").font.name = ".VnTimeH"
    document.save(file)
    assert read_file(file).lines == [
        "Thị ủy Đức Phổ báo cáo tháng 02 năm 2024.",
        "Thực hiện Nghị quyết số 19-NQ/TW ngày 25/10/2017.",
        "I- TÌNH HÌNH",
    ]


def test_docx_style_font_decides_for_runs_without_their_own(tmp_path: Path) -> None:
    file = tmp_path / "kieu.docx"
    document = docx.Document()
    document.styles["Normal"].font.name = ".VnTime"
    document.add_paragraph("B¸o c¸o c«ng t¸c th¸ng 02")
    document.save(file)
    assert read_file(file).lines == ["Báo cáo công tác tháng 02"]


def test_unicode_text_saved_from_a_vntime_document_is_repaired(tmp_path: Path) -> None:
    """Word's "save as Unicode text" of a .VnTime document: the font's bytes as Latin-1 letters."""
    file = tmp_path / "luu-unicode.txt"
    file.write_text("B¸O C¸O\n\nc«ng t¸c th¸ng 02, nhiÖm vô träng t©m th¸ng 3\n", "utf-8")
    document = read_file(file)
    assert document.encoding == "tcvn3"
    assert document.lines == ["BÁO CÁO", "", "công tác tháng 02, nhiệm vụ trọng tâm tháng 3"]


def test_viqr_escapes_keep_literal_marks() -> None:
    text = "Hà Nội. Có gì? đã xong; add, ca."
    assert decode_viqr(encode_viqr(text)) == text


def test_garbage_bytes_are_not_read_as_legacy_text() -> None:
    assert detect_bytes(b"\x81\x8d\x8f\x90\x9d\x9e" * 4) is None


# --- detection never misfires on Unicode ----------------------------------------------


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seeds_are_left_alone(path: Path) -> None:
    data = path.read_bytes()
    assert decode_text(data, str(path)) == (data.decode("utf-8"), "utf-8")


WORDS = seed_words()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).flatmap(
        lambda words: st.lists(
            st.sampled_from([" ", " ", ", ", ". ", "\n", "; ", ": "]),
            min_size=len(words),
            max_size=len(words),
        ).map(lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True)))
    )
)
def test_random_vietnamese_text_is_never_converted(text: str) -> None:
    assert repair_text(text) == (text, None)
    assert decode_text(text.encode("utf-8"), "x") == (text, "utf-8")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_with_a_vietnamese_letter_is_never_converted(text: str) -> None:
    text = text + " Đảng ủy"
    assert repair_text(text) == (text, None)
