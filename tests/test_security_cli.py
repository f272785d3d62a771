"""``capuy convert`` on what the probe gave it: a 49 MB text (it ran 300 s without a word),
a folder named like a .docx, an output path that is a folder — each one line, exit status 2."""

from __future__ import annotations

import time
from pathlib import Path

from typer.testing import CliRunner

from capuy.cli import app
from tests.conftest import seed

runner = CliRunner()


def test_convert_refuses_a_text_too_long_to_lay_out_quickly(tmp_path: Path) -> None:
    text = seed("002").read_text(encoding="utf-8")
    big = tmp_path / "dai.txt"
    big.write_text(text * (2_100_000 // len(text) + 1), encoding="utf-8")
    started = time.monotonic()
    result = runner.invoke(app, ["convert", str(big), "-o", str(tmp_path / "ra.docx")])
    assert result.exit_code == 2, result.output
    assert "quá dài để dàn trang" in result.output
    assert not (tmp_path / "ra.docx").exists()
    assert time.monotonic() - started < 120  # a bound, not a benchmark: it ran 300 s before


def test_convert_says_a_folder_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "DIR.docx"
    folder.mkdir()
    result = runner.invoke(app, ["convert", str(folder), "-o", str(tmp_path / "ra.docx")])
    assert result.exit_code == 2 and "là một thư mục" in result.output
    out_folder = tmp_path / "ra"
    out_folder.mkdir()
    result = runner.invoke(app, ["convert", str(seed("002")), "-o", str(out_folder)])
    assert result.exit_code == 2 and "là một thư mục" in result.output
