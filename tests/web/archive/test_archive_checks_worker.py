"""The archive-wide check queued from the command line and run by a real ``capuy worker``
process, on a real SQLite data folder holding the seed reports as register documents:
``capuy jobs run archive_check --param org=ID --wait`` follows it to the end."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from capuy.api import find_seeds_dir

ROOT = Path(__file__).resolve().parents[3]
DEADLINE_S = 300
SETUP = """
import datetime as dt, sys
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from pathlib import Path
from capuy.documents.models import Direction, Document
from capuy.orgs.models import Organisation
org = Organisation.objects.create(name="Đảng bộ thị xã Đức Phổ", committee_name="Thị ủy Đức Phổ",
                                  kind="dang_bo_huyen", code="TU")
for seed in sys.argv[1:]:
    Document.objects.create(direction=Direction.INCOMING, organisation=org, type_code="BC",
        issued_on=dt.date(2024, 3, 1), summary=Path(seed).stem, sender="Đảng ủy cấp dưới",
        text=Path(seed).read_text(encoding="utf-8"))
print(org.pk)
"""


@pytest.fixture
def data() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="capuy-archive-check-") as folder:
        yield Path(folder) / "data"


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAPUY_")}
    env.update(
        CAPUY_DATA_DIR=str(data),
        CAPUY_VOCAB_DIR=str(data / "vocab"),
        CAPUY_WORKER_BEAT="1",
        CAPUY_LO_POOL="0",
        CAPUY_QUEUE_URL="db",
        PYTHONPATH=str(ROOT),
        DJANGO_SETTINGS_MODULE="capuy.web.settings",
    )
    return env


def test_a_worker_checks_the_archive_queued_from_the_command_line(data: Path) -> None:
    seeds = sorted(str(p) for p in find_seeds_dir().glob("*.txt"))
    if not seeds:
        pytest.skip("no seed reports (CAPUY_SEEDS)")
    data.mkdir()
    made = subprocess.run(
        [sys.executable, "-c", SETUP, *seeds],
        cwd=ROOT, env=_env(data), capture_output=True, text=True, timeout=DEADLINE_S,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr[-3000:]
    org = made.stdout.strip().splitlines()[-1]
    log = (data / "worker.log").open("wb")
    worker = subprocess.Popen(
        [sys.executable, "-m", "capuy.cli", "worker", "--threads", "1", "--pool", "0"],
        cwd=ROOT, env=_env(data), stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        queued = subprocess.run(
            [sys.executable, "-m", "capuy.cli", "jobs", "run", "archive_check",
             "--param", f"org={org}", "--wait"],
            cwd=ROOT, env=_env(data), capture_output=True, text=True, timeout=DEADLINE_S,
        )  # fmt: skip
        assert worker.poll() is None, (data / "worker.log").read_text()[-3000:]
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    output = queued.stdout + queued.stderr
    assert queued.returncode == 0, output[-3000:]
    assert f"Xong: Đã soát {len(seeds)} văn bản của Đảng bộ thị xã Đức Phổ:" in output
    with sqlite3.connect(data / "capuy.sqlite3") as conn:
        rows = conn.execute(
            "SELECT d.summary, c.errors, c.warnings FROM archive_documentcheck c "
            "JOIN documents_document d ON d.id = c.document_id"
        ).fetchall()
        state, done, total = conn.execute(
            "SELECT state, done, total FROM jobs_job WHERE kind = 'archive_check'"
        ).fetchone()
    assert (state, done, total) == ("done", len(seeds), len(seeds))
    assert sorted(r[0] for r in rows) == sorted(Path(s).stem for s in seeds)
    assert all(errors > 0 for _, errors, _ in rows)  # real reports, real mistakes
