"""kill -9 in the middle of ``capuy import``, then run it again: it carries on, nothing is
half-written and nothing is filed twice. A real subprocess on a real SQLite file."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.web.archive.conftest import manifest

SETUP = """
import datetime as dt, django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "capuy.web.settings"
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from capuy.orgs.models import Body, CommitteeTerm, Organisation
town = Organisation.objects.create(name="Đảng bộ thị xã Đức Phổ", committee_name="Thị ủy Đức Phổ",
                                   kind="dang_bo_huyen", code="TU")
for kind, name in [("btv", "Ban Thường vụ Thị ủy"), ("ubkt", "Ủy ban Kiểm tra Thị ủy"),
                   ("ban_to_chuc", "Ban Tổ chức Thị ủy")]:
    Body.objects.create(organisation=town, kind=kind, name=name)
for ordinal, start, end in ((18, 2005, 2010), (19, 2010, 2015), (20, 2015, 2020), (21, 2020, 2025)):
    CommitteeTerm.objects.create(organisation=town, ordinal=ordinal, start_year=start, end_year=end,
        start_date=dt.date(start, 1, 1) if ordinal == 18 else dt.date(start, 8, 1),
        end_date=None if ordinal == 21 else dt.date(end, 7, 31))
"""


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CAPUY_DATABASE_URL"}
    env["CAPUY_DATA_DIR"] = str(data_dir)
    env["COLUMNS"] = "120"
    return env


def _capuy(data_dir: Path, *args: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from capuy.cli import main; main()", *args]
    return subprocess.Popen(
        command,
        env=_env(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _prepare(data_dir: Path) -> None:
    subprocess.run([sys.executable, "-c", SETUP], env=_env(data_dir), check=True, timeout=300)


def _rows(data_dir: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(f"file:{data_dir / 'capuy.sqlite3'}?mode=ro", uri=True) as db:
        return db.execute(sql).fetchall()


def _outcome(data_dir: Path) -> dict[str, tuple]:
    """path → (status, symbol, date, direction) of the newest run's items."""
    rows = _rows(
        data_dir,
        "SELECT i.path, i.status, d.symbol, d.issued_on, d.direction FROM archive_importitem i "
        "LEFT JOIN documents_document d ON d.id = i.document_id "
        "WHERE i.run_id = (SELECT MAX(id) FROM archive_importrun)",
    )
    return {path: rest for path, *rest in rows}


@pytest.mark.slow
def test_kill_minus_nine_then_run_again(docx_archive: Path, tmp_path: Path) -> None:
    killed, clean = tmp_path / "killed", tmp_path / "clean"
    for data_dir in (killed, clean):
        _prepare(data_dir)
    args = ("import", str(docx_archive), "--org", "Thị ủy Đức Phổ", "--jobs", "2")
    args += ("--csv", str(tmp_path / "bao-cao.csv"))  # not in the working directory

    process = _capuy(killed, *args)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        try:
            done = _rows(killed, "SELECT COUNT(*) FROM archive_importitem")[0][0]
        except sqlite3.OperationalError:  # the tables are not there yet
            done = 0
        if done >= 5 or process.poll() is not None:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the import ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # its reading workers, if still alive
    total = len(manifest(docx_archive))
    partial = _rows(killed, "SELECT COUNT(*) FROM archive_importitem")[0][0]
    assert 5 <= partial < total, "killed in the middle"
    assert _rows(killed, "SELECT state FROM archive_importrun") == [("running",)]

    # Nothing half-written: every filed document has its journal line and a complete original.
    orphans = _rows(
        killed,
        "SELECT COUNT(*) FROM documents_document d WHERE NOT EXISTS "
        "(SELECT 1 FROM archive_importitem i WHERE i.document_id = d.id)",
    )
    assert orphans == [(0,)]

    resumed = _capuy(killed, *args)
    assert resumed.wait(timeout=600) == 0, resumed.stderr.read().decode()
    reference = _capuy(clean, *args)
    assert reference.wait(timeout=600) == 0, reference.stderr.read().decode()

    assert _rows(killed, "SELECT COUNT(*), MIN(state) FROM archive_importrun") == [(1, "finished")]
    assert _outcome(killed) == _outcome(clean), "resumed run = a run never interrupted"
    assert len(_outcome(killed)) == total
    duplicates = _rows(
        killed,
        "SELECT symbol, issued_on, COUNT(*) FROM documents_document WHERE symbol != '' "
        "GROUP BY organisation_id, symbol, issued_on, sender HAVING COUNT(*) > 1",
    )
    assert duplicates == []
    for name, sha in _rows(
        killed, "SELECT original, sha256 FROM archive_importitem WHERE original != ''"
    ):
        data = (killed / "files" / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha

    again = _capuy(killed, *args)
    assert again.wait(timeout=600) == 0
    report = (tmp_path / "bao-cao.csv").read_text("utf-8-sig").splitlines()
    assert report[0].startswith("Tệp,Kết quả") and len(report) == total + 1
    documents = _rows(killed, "SELECT COUNT(*) FROM documents_document")
    assert documents == _rows(clean, "SELECT COUNT(*) FROM documents_document")
