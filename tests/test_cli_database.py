"""``capuy report`` on a data directory with no database: one line in Vietnamese and English
saying how to create it, exit status 2, no traceback; ``capuy migrate`` creates it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _capuy(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAPUY_", "DJANGO_"))}
    env["CAPUY_DATA_DIR"] = str(data)
    return subprocess.run(
        [sys.executable, "-m", "capuy.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_report_without_a_database_says_how_to_create_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    args = ("report", "--org", "Thị ủy Đức Phổ", "--kind", "monthly", "--period", "2024-02")
    result = _capuy(data, *args, "-o", str(tmp_path / "bc.docx"))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Chưa có cơ sở dữ liệu" in lines[0] and "no database" in lines[0]
    assert "capuy demo --no-serve" in lines[0] and "capuy migrate" in lines[0]
    assert not (tmp_path / "bc.docx").exists()
    assert not (data / "capuy.sqlite3").exists()  # nothing created by asking

    migrated = _capuy(data, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert "đã áp dụng" in migrated.stdout
    # now the database exists, empty: the unit is what is missing, still one line, status 2
    result = _capuy(data, *args, "-o", str(tmp_path / "bc.docx"))
    assert result.returncode == 2 and "Không tìm thấy tổ chức" in result.stderr
    assert "Traceback" not in result.stderr
    again = _capuy(data, "migrate")
    assert again.returncode == 0 and "đã cập nhật sẵn" in again.stdout
