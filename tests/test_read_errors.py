"""Bad input never crashes: every case gives one ``InputError`` line (exit status 2)."""

from __future__ import annotations

import codecs
import unicodedata
import zipfile
from pathlib import Path

import pytest

import capuy.read.limits
from capuy.errors import InputError
from capuy.read import read_file
from tests.conftest import seed

VIETNAMESE = "Thị ủy Đức Phổ: kỷ luật 28 đảng viên (khiển trách 19, cảnh cáo 08, cách chức 01)."
CP1258_BASE_MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn: precomposed there


def cp1258_bytes(text: str) -> bytes:
    """Encode as Windows-1258 does: base letter (â, ơ, ư…) + a combining tone mark."""
    out = b""
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        base = decomposed[0] + "".join(c for c in decomposed[1:] if c in CP1258_BASE_MARKS)
        tones = "".join(c for c in decomposed[1:] if c not in CP1258_BASE_MARKS)
        out += unicodedata.normalize("NFC", base).encode("cp1258") + tones.encode("cp1258")
    return out


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "vi", "en"),
    [
        ("rong.txt", b"", "rỗng", "empty"),
        ("rong.docx", b"", "rỗng", "empty"),
        ("rong.pdf", b"", "rỗng", "empty"),
        ("trang.md", b"  \n\n\t \n", "rỗng", "empty"),
        ("anh.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "ảnh hỏng", "corrupt"),
        ("anh.png", b"Bao cao thang 02", "không đúng định dạng", "not that format"),
        ("anh.bmp", b"BM" + bytes(range(256)), "không hỗ trợ", "unsupported"),
        ("khong-duoi", b"\x00\x01\x02\x03binary", "không hỗ trợ", "unsupported"),
        ("nhi-phan.txt", b"\x00\x00\x00\x01\x02\x03" * 20, "dữ liệu nhị phân", "binary data"),
        ("zip-doi-ten.txt", b"PK\x03\x04" + b"\x00" * 40, "không hỗ trợ", "unsupported"),
        ("cu.doc", "Báo cáo tháng".encode(), "không đúng định dạng", "not that format"),
        ("ma-hoa.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "mã hóa", "encrypted"),
        ("khong-phai-zip.docx", "Báo cáo tháng".encode(), "hỏng", "corrupt"),
        ("zip-hong.docx", b"PK\x03\x04" + b"\xff" * 200, "hỏng", "corrupt"),
        ("khong-phai.pdf", b"Bao cao thang 02", "hỏng", "corrupt"),
        ("pdf-cut.pdf", b"%PDF-1.7\n1 0 obj <<", "hỏng", "corrupt"),
        ("cp.txt", b"\x81\x8d\x8f\x90\x9d\x9e" * 4, "cp1258", "cp1258"),
    ],
)
def test_bad_files_raise_input_error(
    tmp_path: Path, name: str, data: bytes, vi: str, en: str
) -> None:
    with pytest.raises(InputError) as error:
        read_file(write(tmp_path, name, data))
    assert vi in error.value.vi
    assert en in error.value.en
    assert error.value.exit_code == 2
    assert "\n" not in error.value.vi and "\n" not in error.value.en


def test_zip_without_word_parts_is_corrupt_docx(tmp_path: Path) -> None:
    path = tmp_path / "thieu-phan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("ghi-chu.txt", "không phải tài liệu Word")
    with pytest.raises(InputError) as error:
        read_file(path)
    assert "DOCX" in error.value.en


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_file(tmp_path / "khong-co.txt")
    with pytest.raises(InputError, match="is a folder, not a file"):  # issue 18: say so
        read_file(tmp_path)


def test_size_limit_is_checked_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert capuy.read.limits.MAX_FILE_BYTES == 50 * 1024 * 1024
    monkeypatch.setattr(capuy.read.limits, "MAX_FILE_BYTES", 1000)
    path = write(tmp_path, "lon.txt", ("Báo cáo. " * 200).encode())
    with pytest.raises(InputError) as error:
        read_file(path)
    assert "quá lớn" in error.value.vi and "too large" in error.value.en


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", VIETNAMESE.encode("utf-8")),
        ("utf-8-sig", codecs.BOM_UTF8 + VIETNAMESE.encode("utf-8")),
        ("utf-16-le", codecs.BOM_UTF16_LE + VIETNAMESE.encode("utf-16-le")),
        ("utf-16-be", codecs.BOM_UTF16_BE + VIETNAMESE.encode("utf-16-be")),
        ("cp1258", cp1258_bytes(VIETNAMESE)),
        ("utf-8 NFD", unicodedata.normalize("NFD", VIETNAMESE).encode("utf-8")),
    ],
)
def test_text_encodings_decode_to_nfc(tmp_path: Path, encoding: str, data: bytes) -> None:
    doc = read_file(write(tmp_path, "bao-cao.txt", data))
    assert [b.text for b in doc.blocks] == [VIETNAMESE]
    assert doc.lines == [VIETNAMESE]


def test_seed_read_the_same_from_a_markdown_file(tmp_path: Path) -> None:
    copy = write(tmp_path, "ket-luan.md", seed("002").read_bytes())
    from_md = read_file(copy)
    from_txt = read_file(seed("002"))
    assert from_md.format == "md"
    assert [(b.kind, b.text, b.line) for b in from_md.blocks] == [
        (b.kind, b.text, b.line) for b in from_txt.blocks
    ]


def encrypted_pdf(tmp_path: Path) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="mat-khau", owner_password="chu", algorithm="RC4-128")
    path = tmp_path / "enc.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path.read_bytes()


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("hong.docx", lambda tmp: b"PK\x03\x04" + b"\xff" * 300),
        ("ma-hoa.pdf", encrypted_pdf),
        ("rong.txt", lambda tmp: b""),
        ("la.bin", lambda tmp: bytes(range(256)) * 4),
        ("cp.txt", lambda tmp: b"\x81\x8d\x8f\x90" * 10),
    ],
)
def test_cli_extract_exits_2_with_one_line(tmp_path: Path, name: str, make) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    path = write(tmp_path, name, make(tmp_path))
    capuy = Path(sys.executable).parent / "capuy"
    result = subprocess.run(
        [str(capuy), "extract", str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Lỗi" in lines[0] and "Error" in lines[0]
