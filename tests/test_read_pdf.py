"""The .pdf reader on real PDFs made by LibreOffice from DOCX files with Vietnamese text."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from capuy.errors import InputError
from capuy.model import Document
from capuy.read import read_file
from tests.test_read_docx import FOOTNOTE_TEXTS, build_report_docx

pytestmark = [
    pytest.mark.pdf,
    pytest.mark.skipif(
        shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed"
    ),
]

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
EVERY_LETTER = [
    unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS for tone in TONES
] + ["đ"]
EVERY_WORD = " ".join(EVERY_LETTER + [letter.upper() for letter in EVERY_LETTER])


def to_pdf(source: Path, outdir: Path) -> Path:
    """Convert with LibreOffice headless, in a private profile (other runs may be converting)."""
    profile = outdir / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = outdir / (source.stem + ".pdf")
    assert pdf.is_file()
    return pdf


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdf")


@pytest.fixture(scope="module")
def report_pdf(pdf_dir: Path) -> Path:
    return to_pdf(build_report_docx(pdf_dir / "bao-cao.docx"), pdf_dir)


@pytest.fixture(scope="module")
def report(report_pdf: Path) -> Document:
    return read_file(report_pdf)


def test_every_vietnamese_letter_survives(pdf_dir: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Kiểm tra dấu tiếng Việt:")
    document.add_paragraph(EVERY_WORD)
    document.add_paragraph(
        "Thị ủy Đức Phổ; khiển trách 19, cảnh cáo 08, cách chức 01; 1.044,9 tỷ đồng."
    )
    path = pdf_dir / "dau.docx"
    document.save(str(path))
    doc = read_file(to_pdf(path, pdf_dir))
    texts = [b.text for b in doc.blocks]
    assert texts == [
        "Kiểm tra dấu tiếng Việt:",
        EVERY_WORD,
        "Thị ủy Đức Phổ; khiển trách 19, cảnh cáo 08, cách chức 01; 1.044,9 tỷ đồng.",
    ]
    assert all(unicodedata.is_normalized("NFC", line) for line in doc.lines)
    assert doc.format == "pdf"


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("paragraph", "ĐẢNG BỘ TỈNH QUẢNG NGÃI"),
        ("paragraph", "Số 708-BC/TU"),
        ("paragraph", "Đức Phổ, ngày 26 tháng 02 năm 2024"),
        ("paragraph", "I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM"),
        ("paragraph", "1.1. Tiếp tục lãnh đạo công tác bồi thường."),
        ("paragraph", "a) Về công tác chính trị, tư tưởng."),
        ("paragraph", "II- NHIỆM VỤ TRỌNG TÂM THÁNG 3/2024"),
        ("paragraph", "Kịp thời ban hành Chương trình thực hiện Nghị quyết khóa XIII đưa ra các nhóm nhiệm vụ trọng tâm."),
        ("list_item", "Triển khai Chương trình kiểm tra, giám sát."),
        ("list_item", "Thường trực Tỉnh ủy,"),
        ("paragraph", "T/M BAN THƯỜNG VỤ"),
    ],
)  # fmt: skip
def test_paragraphs_rebuilt_from_visual_lines(report: Document, kind: str, text: str) -> None:
    assert (kind, text) in [(b.kind, b.text) for b in report.blocks]


def test_running_header_and_footer_dropped(report: Document, report_pdf: Path) -> None:
    assert len(PdfReader(report_pdf).pages) >= 2
    assert "KHÔNG ĐỌC" not in "\n".join(report.lines)


def test_footnotes_found_and_linked(report: Document) -> None:
    assert [(f.label, f.text) for f in report.footnotes] == [
        ("1", FOOTNOTE_TEXTS[1]),
        ("2", FOOTNOTE_TEXTS[2]),
    ]
    (body,) = [b for b in report.blocks if b.text.startswith("Kịp thời ban hành")]
    assert report.footnotes[0].ref_line == body.line
    (ref,) = body.footnote_refs
    assert body.text[: ref.offset].endswith("khóa XIII")


def test_pdf_locked_only_against_editing_is_read(report_pdf: Path, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=report_pdf)
    writer.encrypt(user_password="", owner_password="chủ sở hữu", algorithm="RC4-128")
    locked = tmp_path / "khoa-sua.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    assert PdfReader(locked).is_encrypted
    assert "BÁO CÁO" in [b.text for b in read_file(locked).blocks]


def test_password_encrypted_pdf_is_refused(report_pdf: Path, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=report_pdf)
    writer.encrypt(user_password="mat-khau", owner_password="chu", algorithm="RC4-128")
    locked = tmp_path / "ma-hoa.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(InputError) as error:
        read_file(locked)
    assert "mã hóa" in error.value.vi and "encrypted" in error.value.en


def test_pdf_without_text_layer_or_images_is_refused(tmp_path: Path) -> None:
    """A PDF with no text layer is a scan and is recognised (tests/test_read_ocr.py); a blank
    page has nothing to recognise and says so in one line."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    scan = tmp_path / "ban-quet.pdf"
    with scan.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(InputError) as error:
        read_file(scan)
    assert "nhận dạng" in error.value.vi and "neither a text layer" in error.value.en


FILLER = (
    "tiếp tục lãnh đạo, chỉ đạo thực hiện các nhiệm vụ trên các lĩnh vực kinh tế - xã hội, "
    "quốc phòng, an ninh, công tác xây dựng đảng và hệ thống chính trị; tập trung giải quyết "
    "các vụ việc phức tạp, bức xúc, nổi cộm mà cán bộ, đảng viên và nhân dân quan tâm; "
)


def test_paragraph_cut_by_page_break_is_whole_again(pdf_dir: Path) -> None:
    paragraphs = [
        f"Đoạn {n:02d}: " + FILLER * 4 + f"hoàn thành phần {n:02d}." for n in range(1, 13)
    ]
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = pdf_dir / "nhieu-trang.docx"
    document.save(str(path))
    pdf = to_pdf(path, pdf_dir)
    assert len(PdfReader(pdf).pages) >= 2
    doc = read_file(pdf)
    assert [b.text for b in doc.blocks] == [text.strip() for text in paragraphs]
    assert len({line for b in doc.blocks for _, line in b.segments}) > len(doc.blocks)
