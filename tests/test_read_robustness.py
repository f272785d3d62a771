"""Whatever text or bytes come in, the readers return a consistent Document or an InputError."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capuy.errors import InputError
from capuy.model import Document
from capuy.read import read_file, read_text
from tests.conftest import seed
from tests.test_read_docx import build_report_docx

PIECES = [
    "Nghị quyết", "khóa XIII", "đảng viên", "Đ/c", "(1)", "1.1.", "I-", "a)", "- ", "+ ", "* ",
    "*", "**", "***", "#", "## ", "<sup>1</sup>", "<sup>", "</sup>", "<i>", "</i>", "<b>", "^(2)",
    "⁽³⁾", "¹", "²⁰", "[^4]", "\t", "\n", "\n\n", "  ", " ", ".", ",", ";", ":", "m²", "|", "---",
    "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "bền vững", "Chi bộ Kho", "_", "\\", "&amp;", "`", "<sup>²</sup>", "<sup>٣</sup>",
]  # fmt: skip


def check_consistent(doc: Document) -> None:
    for block in doc.blocks:
        assert 1 <= block.line <= len(doc.lines)
        assert block.text == block.text.strip() or block.kind == "table"
        starts = [start for start, _ in block.segments]
        assert starts == sorted(starts)
        assert all(0 <= start <= len(block.text) for start in starts)
        assert all(1 <= line <= len(doc.lines) for _, line in block.segments)
        assert all(0 <= ref.offset <= len(block.text) for ref in block.footnote_refs)
        assert all(0 <= s < e <= len(block.text) for s, e, _ in block.emphasis)
    for note in doc.footnotes:
        assert 1 <= note.line <= len(doc.lines)
        assert note.ref_line is None or 1 <= note.ref_line <= len(doc.lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_any_markdownish_text_reads_consistently(text: str) -> None:
    check_consistent(read_text(text, fmt="md"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_reads_consistently(text: str) -> None:
    check_consistent(read_text(text))


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_seeds_read_consistently(prefix: str) -> None:
    check_consistent(read_file(seed(prefix)))


@pytest.fixture(scope="module")
def good_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_report_docx(tmp_path_factory.mktemp("robust") / "r.docx").read_bytes()


@pytest.mark.parametrize("cut", [10, 100, 1000, 5000, 20000, -200, -22])
def test_truncated_docx_is_an_input_error(good_docx: bytes, tmp_path: Path, cut: int) -> None:
    path = tmp_path / "cut.docx"
    path.write_bytes(good_docx[:cut])
    with pytest.raises(InputError):
        read_file(path)


@pytest.mark.parametrize(
    ("part", "payload"),
    [
        ("word/document.xml", b"<w:document"),
        ("word/document.xml", b""),
        ("word/numbering.xml", b"not xml"),
        ("word/footnotes.xml", b"<w:footnotes><unclosed>"),
        ("word/styles.xml", b"\x00\x01"),
        ("[Content_Types].xml", b"<Types/>"),
    ],
)
def test_docx_with_a_broken_part_is_an_input_error(
    good_docx: bytes, tmp_path: Path, part: str, payload: bytes
) -> None:
    source = tmp_path / "good.docx"
    source.write_bytes(good_docx)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            dst.writestr(item.filename, payload if item.filename == part else src.read(item))
    with pytest.raises(InputError):
        read_file(broken)


def small_pdf(tmp_path: Path) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 72 770 Td (Bao cao thang 02) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(stream)
    path = tmp_path / "nho.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path.read_bytes()


def test_small_pdf_reads(tmp_path: Path) -> None:
    path = tmp_path / "ok.pdf"
    path.write_bytes(small_pdf(tmp_path))
    assert [b.text for b in read_file(path).blocks] == ["Bao cao thang 02"]


@pytest.mark.parametrize("fraction", [0.1, 0.3, 0.5, 0.7, 0.9, 0.97])
def test_truncated_or_damaged_pdf_never_crashes(tmp_path: Path, fraction: float) -> None:
    data = small_pdf(tmp_path)
    cut = int(len(data) * fraction)
    for variant in (data[:cut], data[:cut] + b"\x00" * 7 + data[cut + 7 :]):
        path = tmp_path / "hong.pdf"
        path.write_bytes(variant)
        try:
            check_consistent(read_file(path))
        except InputError as error:
            assert "\n" not in error.vi


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a<sup>²</sup> b", "a² b"),  # a superscript digit inside <sup>: not an ASCII label
        ("x<sup>٣</sup>", "x٣"),
        ("m<sup>2</sup> đất", "m2 đất"),  # exponent after a unit stays text
    ],
)
def test_odd_sup_contents_stay_text(text: str, expected: str) -> None:
    (block,) = read_text(text, fmt="md").blocks
    assert (block.text, block.footnote_refs) == (expected, [])
