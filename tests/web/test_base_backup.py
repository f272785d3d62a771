"""Backup and restore round trip: the database (SQLite backup API / pg_dump) and attached files."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest
from django.db import connection

from capuy.errors import InputError
from capuy.orgs.models import Body, Organisation
from capuy.web.backup import _pg_program, backup, read_manifest, restore
from tests.web.conftest import Tree


def pg_dump_available() -> bool:
    try:
        _pg_program("pg_dump")
        return True
    except InputError:
        return False


@pytest.fixture
def media(settings: object, tmp_path: Path) -> Path:
    root = tmp_path / "files"
    (root / "van-ban" / "2024" / "02").mkdir(parents=True)
    settings.MEDIA_ROOT = root  # type: ignore[attr-defined]
    return root


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_brings_everything_back(
    tree: Tree, media: Path, tmp_path: Path
) -> None:
    if connection.vendor == "postgresql" and not pg_dump_available():
        pytest.skip("pg_dump not installed")
    attachment = media / "van-ban" / "2024" / "02" / "708-BC-TU.txt"
    attachment.write_text("Báo cáo công tác tháng 02, nhiệm vụ trọng tâm tháng 3 năm 2024")
    stages: list[str] = []
    archive = backup(tmp_path / "sao-luu.tar.gz", progress=lambda s, d, t: stages.append(s))
    manifest = read_manifest(archive)
    assert manifest["engine"] == connection.vendor
    assert manifest["tables"]["orgs.Organisation"] == 5
    assert any(s.startswith("Sao lưu cơ sở dữ liệu") for s in stages)

    # damage: a unit renamed, one deleted, one added, the attachment lost
    Organisation.objects.filter(pk=tree.pho_minh.pk).update(name="ĐÃ SỬA")
    Body.objects.filter(organisation=tree.town).delete()
    Organisation.objects.create(name="Đảng bộ thừa", kind="dang_bo_co_so", parent=tree.town)
    attachment.unlink()

    restore(archive)
    names = set(Organisation.objects.values_list("name", flat=True))
    assert names == {
        "Đảng bộ tỉnh Quảng Ngãi",
        "Đảng bộ thị xã Đức Phổ",
        "Đảng bộ phường Phổ Hòa",
        "Chi bộ Tổ dân phố 1",
        "Đảng bộ phường Phổ Minh",
    }
    assert set(Body.objects.values_list("code", flat=True)) == {"TU", "UBKTTU"}
    assert attachment.read_text().startswith("Báo cáo công tác tháng 02")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "không đọc được"),
        (b"not a tar file at all", "không đọc được"),
        ("tar-without-manifest", "thiếu manifest.json"),
        ("tar-with-escape", "đường dẫn không an toàn"),
    ],
)
def test_restore_refuses_bad_archives(tmp_path: Path, content: object, reason: str) -> None:
    path = tmp_path / "hong.tar.gz"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        with tarfile.open(path, "w:gz") as tar:
            if content == "tar-with-escape":
                manifest = b'{"format": "capuy-backup/1", "database": "capuy.sqlite3"}'
                for name, data in [
                    ("manifest.json", manifest),
                    ("capuy.sqlite3", b"x"),
                    ("../ngoai.txt", b"x"),
                ]:
                    info = tarfile.TarInfo(name)
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
            else:
                info = tarfile.TarInfo("capuy.sqlite3")
                tar.addfile(info, io.BytesIO(b""))
    with pytest.raises(InputError) as caught:
        read_manifest(path)
    assert reason in caught.value.vi


def test_restore_of_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Không có tệp"):
        read_manifest(tmp_path / "khong-co.tar.gz")


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_commands(tree: Tree, media: Path, tmp_path: Path) -> None:
    if connection.vendor == "postgresql" and not pg_dump_available():
        pytest.skip("pg_dump not installed")
    from typer.testing import CliRunner

    from capuy.cli import app

    archive = tmp_path / "ban-sao.tar.gz"
    result = CliRunner().invoke(app, ["backup", str(archive)])
    assert result.exit_code == 0, result.output
    assert "Đã sao lưu vào" in result.output
    Organisation.objects.filter(pk=tree.pho_minh.pk).delete()
    result = CliRunner().invoke(app, ["restore", str(archive)], input="n\n")
    assert result.exit_code == 1 and "Đã hủy" in result.output
    assert not Organisation.objects.filter(name="Đảng bộ phường Phổ Minh").exists()
    result = CliRunner().invoke(app, ["restore", str(archive), "--yes"])
    assert result.exit_code == 0, result.output
    assert "Đã khôi phục xong" in result.output
    assert Organisation.objects.filter(name="Đảng bộ phường Phổ Minh").exists()


def test_restore_command_refuses_a_bad_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from capuy.cli import app

    bad = tmp_path / "khong-phai.tar.gz"
    bad.write_text("không phải bản sao lưu")
    result = CliRunner().invoke(app, ["restore", str(bad), "--yes"])
    assert result.exit_code == 2
    assert "Tệp sao lưu không hợp lệ" in result.output and "Traceback" not in result.output
