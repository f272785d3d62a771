"""ZIPs from outside are refused before anything is written when they try to escape, bomb or
flood; folders are walked without system litter; the legacy encoders agree with glibc iconv."""

from __future__ import annotations

import shutil
import stat
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest

from capuy.archive import sources
from capuy.archive.legacy import TCVN3, encode_vni, tcvn3_runs
from capuy.errors import InputError


def _zip(path: Path, members: dict[str, bytes], **options) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, **options) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../ngoai.docx", "trỏ ra ngoài"),
        ("a/../../ngoai.docx", "trỏ ra ngoài"),
        ("/etc/passwd", "trỏ ra ngoài"),
        ("C:/Windows/x.docx", "trỏ ra ngoài"),
    ],
)
def test_zip_member_escaping_its_folder_is_refused(tmp_path: Path, name: str, reason: str) -> None:
    bundle = _zip(tmp_path / "kho.zip", {"ok.txt": b"van ban", name: b"x"})
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(InputError) as error:
        sources.unpack_zip(bundle, target)
    assert reason in error.value.vi
    assert not any(target.iterdir()), "nothing is written before the check"


def test_zip_symlink_member_is_refused(tmp_path: Path) -> None:
    bundle = tmp_path / "kho.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        info = zipfile.ZipInfo("lien-ket.docx")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    with pytest.raises(InputError, match="liên kết"):
        sources.unpack_zip(bundle, tmp_path)


def test_zip_bomb_and_flood_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = _zip(tmp_path / "bom.zip", {"bom.txt": b"0" * (20 * 1024 * 1024)})
    with pytest.raises(InputError, match="bom ZIP"):
        sources.unpack_zip(bomb, tmp_path)
    monkeypatch.setattr(sources, "MAX_MEMBERS", 5)
    flood = _zip(tmp_path / "lu.zip", {f"{i}.txt": b"x" for i in range(6)})
    with pytest.raises(InputError, match="quá giới hạn"):
        sources.unpack_zip(flood, tmp_path)


def test_zip_names_from_vietnamese_windows_keep_their_letters(tmp_path: Path) -> None:
    """A ZIP made without the UTF-8 flag: the name's UTF-8 bytes come back as written."""
    name = "Báo cáo tháng 2.txt"
    bundle = tmp_path / "kho.zip"

    class LegacyName(zipfile.ZipInfo):
        """Writes the name's bytes without the UTF-8 flag, as old Windows zippers do."""

        def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # noqa: N802 — zipfile's name
            return name.encode("utf-8"), self.flag_bits & ~0x800

    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr(LegacyName(name), "Nội dung".encode())
    with zipfile.ZipFile(bundle) as archive:
        assert not archive.infolist()[0].flag_bits & 0x800
    target = tmp_path / "out"
    target.mkdir()
    assert sources.unpack_zip(bundle, target) == []
    assert [f.relpath for f in sources.walk_folder(target)] == [unicodedata.normalize("NFC", name)]


def test_oversized_member_is_reported_not_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1000)
    bundle = _zip(tmp_path / "kho.zip", {"lon.pdf": bytes(range(256)) * 8, "nho.txt": b"abc"})
    target = tmp_path / "out"
    target.mkdir()
    assert sources.unpack_zip(bundle, target) == ["lon.pdf"]
    assert [f.relpath for f in sources.walk_folder(target)] == ["nho.txt"]


def test_walk_skips_litter_and_symlinks(tmp_path: Path) -> None:
    (tmp_path / "2008").mkdir()
    (tmp_path / "2008" / "a.docx").write_bytes(b"x")
    (tmp_path / "Thumbs.db").write_bytes(b"x")
    (tmp_path / "~$a.docx").write_bytes(b"x")
    (tmp_path / "lien-ket.docx").symlink_to("/etc/passwd")
    assert [f.relpath for f in sources.walk_folder(tmp_path)] == ["2008/a.docx"]


@pytest.mark.skipif(shutil.which("iconv") is None, reason="glibc iconv not installed")
def test_tcvn3_table_agrees_with_glibc_iconv() -> None:
    """glibc's TCVN5712-1 is TCVN 5712:1993; every letter the .VnTime font holds has the same
    byte in both (VN3 is the lower half of that table)."""
    for letter, encoded in TCVN3.items():
        reference = subprocess.run(
            ["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"],
            input=letter.encode(),
            capture_output=True,
            check=True,
        ).stdout
        assert encoded.encode("cp1252") == reference, letter
    assert len(TCVN3) == 12 * 6 + 8


def test_legacy_encoders_on_a_seed_sentence() -> None:
    sentence = "Ủy ban Kiểm tra Thị ủy thực hiện giám sát chuyên đề đối với 05 tổ chức đảng"
    runs = tcvn3_runs(sentence)
    assert runs[0] == (".VnTimeH", TCVN3["ủ"])  # a toned capital needs the capitals font
    assert all(font in (".VnTime", ".VnTimeH") for font, _ in runs)
    assert "Ó" in "".join(text for _, text in runs)  # ể = 0xD3 in TCVN3
    assert encode_vni("thực hiện giám sát") == "thöïc hieän giaùm saùt"
    assert encode_vni("Đảng") == "Ñaûng"
