"""Backup and restore keep everything in the data folder that is not rebuilt (issue 18,
finding 6): the vocabulary edits (``vocab/*.yaml``) come back as they were at backup time,
later edits are undone, and what is rebuilt or secret (static files, the secret key, older
backups) is left out of the archive."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest
from django.db import connection

from capuy.vocab.loader import load_data
from capuy.web.backup import backup, read_manifest, restore
from tests.web.conftest import Tree


@pytest.mark.django_db(transaction=True)
def test_vocabulary_edits_survive_backup_and_restore(
    tree: Tree, settings: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the database part is covered by test_base_backup; this is the data folder")
    data = tmp_path / "data"
    vocab = data / "vocab"
    vocab.mkdir(parents=True)
    (data / "static").mkdir()
    (data / "static" / "capuy.css").write_text("body{}")
    (data / "secret_key").write_text("khong-duoc-sao-luu")
    settings.DATA_DIR = data  # type: ignore[attr-defined]
    settings.MEDIA_ROOT = data / "files"  # type: ignore[attr-defined]
    monkeypatch.setenv("CAPUY_VOCAB_DIR", str(vocab))
    from capuy import vocab as vocab_pkg

    packaged = (Path(vocab_pkg.__file__).parent / "issuers.yaml").read_text(encoding="utf-8")
    edited = "# sửa của quản trị: thêm ghi chú\n" + packaged
    (vocab / "issuers.yaml").write_text(edited, encoding="utf-8")
    vocab_pkg.reload()
    assert load_data("issuers") is not None

    archive = backup(data / "sao-luu" / "capuy.tar.gz")
    manifest = read_manifest(archive)
    assert manifest["data"] == ["vocab"]
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "data/vocab/issuers.yaml" in names
    assert not any(n.startswith(("data/static", "data/secret_key", "data/sao-luu")) for n in names)

    # after the backup: the edit changed again, another file edited
    (vocab / "issuers.yaml").write_text(packaged, encoding="utf-8")
    (vocab / "terms.yaml").write_text("# sửa sau\n", encoding="utf-8")
    restore(archive)
    assert (vocab / "issuers.yaml").read_text(encoding="utf-8") == edited
    assert not (vocab / "terms.yaml").exists()
    assert (data / "secret_key").read_text() == "khong-duoc-sao-luu"
    vocab_pkg.reload()
