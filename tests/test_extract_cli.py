"""``capuy extract FILE [--json]`` and the seed demo run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from capuy import cli
from capuy.cli import app
from capuy.seeds import run_demo
from tests.conftest import SEED_FILES, SEEDS_DIR

runner = CliRunner()

TOP_KEYS = {
    "source": str,
    "kind": str,
    "number": str,
    "date": (str, type(None)),
    "issuer": str,
    "title": str,
    "sections": list,
    "footnotes": list,
    "citations": list,
    "quantities": list,
}
SECTION_KEYS = {"label": str, "title": str, "level": int, "line": int, "children": list}
FOOTNOTE_KEYS = {"label": str, "line": int, "text": str}
CITATION_KEYS = {
    "symbol": str,
    "number": str,
    "type_code": str,
    "issuer_code": str,
    "type_word": str,
    "date": (str, type(None)),
    "line": int,
    "text": str,
}
QUANTITY_KEYS = {
    "kind": str,
    "value": (int, float),
    "text": str,
    "line": int,
    "unit": str,
    "label": str,
    "of": str,
    "denominator": (int, float, type(None)),
    "denominator_unit": str,
    "parts": list,
    "ratio": (dict, type(None)),
}


def _check(obj: dict, keys: dict) -> None:  # type: ignore[type-arg]
    assert set(obj) == set(keys)
    for key, kind in keys.items():
        assert isinstance(obj[key], kind), key


def _walk_sections(sections: list[dict]) -> None:  # type: ignore[type-arg]
    for section in sections:
        _check(section, SECTION_KEYS)
        _walk_sections(section["children"])


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_json_output_follows_the_contract_exactly(path: Path) -> None:
    # A real process, so the bytes on stdout are what a caller gets (UTF-8, no escapes).
    done = subprocess.run(
        [sys.executable, "-m", "capuy.cli", "extract", str(path), "--json"],
        capture_output=True,
        check=True,
    )
    text = done.stdout.decode("utf-8")
    assert "\\u" not in text  # ensure_ascii=False: Vietnamese as written
    data = json.loads(text)
    _check(data, TOP_KEYS)
    _walk_sections(data["sections"])
    for footnote in data["footnotes"]:
        _check(footnote, FOOTNOTE_KEYS)
    for citation in data["citations"]:
        _check(citation, CITATION_KEYS)
        if citation["date"] is not None:
            assert len(citation["date"]) == 10 and citation["date"][4] == "-"
    for quantity in data["quantities"]:
        _check(quantity, QUANTITY_KEYS)
        for part in quantity["parts"]:
            _check(part, QUANTITY_KEYS)
    assert data["citations"] and data["sections"]


def test_json_of_seed_000_has_number_date_and_the_first_citation() -> None:
    result = runner.invoke(app, ["extract", str(SEED_FILES[0]), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["kind"], data["number"], data["date"]) == ("BÁO CÁO", "708-BC/TU", "2024-02-26")
    assert data["citations"][0] == {
        "symbol": "01-KL/TW",
        "number": "01",
        "type_code": "KL",
        "issuer_code": "TW",
        "type_word": "Kết luận",
        "date": "2021-05-18",
        "line": 23,
        "text": "Kết luận số 01-KL/TW ngày 18/5/2021",
    }


def test_default_view_prints_outline_citations_and_quantities(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cli.console, "width", 240)
    result = runner.invoke(app, ["extract", str(SEED_FILES[1])])
    assert result.exit_code == 0
    assert "KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ I/2024" in result.stdout
    assert "citations (52)" in result.stdout
    assert "26/2022/UBTVQH15" in result.stdout
    assert "quantities (" in result.stdout


@pytest.mark.parametrize(
    "name,content",
    [
        ("missing.txt", None),
        ("empty.txt", b""),
        ("binary.docx", b"not a zip at all"),
        ("a-folder", "dir"),
        ("broken.pdf", b"%PDF-1.4 junk"),  # pypdf logs "EOF marker not found" before failing
    ],
)
def test_bad_input_is_one_line_in_vietnamese_and_english_with_status_2(
    tmp_path: Path, name: str, content: bytes | str | None
) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    done = subprocess.run(
        [sys.executable, "-m", "capuy.cli", "extract", str(path)], capture_output=True
    )
    assert done.returncode == 2
    message = done.stderr.decode("utf-8").strip()
    assert len(message.splitlines()) == 1
    assert "Lỗi" in message and "Error" in message
    assert "Traceback" not in message


def test_seed_demo_extracts_every_seed_and_prints_a_summary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``run_demo`` (now behind ``capuy seeds``; the web app took over ``capuy demo``)."""
    monkeypatch.setenv("CAPUY_SEEDS", str(SEEDS_DIR))
    console = Console(record=True, width=240)
    run_demo(console)
    output = console.export_text()
    for path in SEED_FILES:
        assert path.name in output
    assert "708-BC/TU" in output and "-BC/HU" in output and "-KL/TU" in output
    # one line per seed: what was read, and what the checker found by severity
    assert "BÁO CÁO 708-BC/TU, 26/02/2024: 19 mục, 0 chú thích, 18 viện dẫn" in output
    # 001: the Central catalogue (issue 13) settles 138-QĐ/TW (no warning) and finds 37-NQ/TW dated 2024
    assert "BÁO CÁO -BC/HU, chưa ghi ngày" in output and "23 lỗi, 6 cảnh báo, 1 ghi chú" in output


def test_seeds_command_runs_the_seed_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPUY_SEEDS", str(SEEDS_DIR))
    monkeypatch.setattr(cli.console, "width", 240)
    result = runner.invoke(app, ["seeds"])
    assert result.exit_code == 0, result.stdout
    assert SEED_FILES[0].name in result.stdout


def test_default_view_prints_square_brackets_as_text(tmp_path: Path) -> None:
    """Report text is never read as Rich markup ("[/bold]" would otherwise crash the view)."""
    path = tmp_path / "ngoac.md"
    path.write_text(
        "I. KẾT QUẢ [/bold] [1]\n\nTheo Nghị quyết số 45-NQ/TW ngày 24/11/2023 [/i], kết nạp "
        "28 đảng viên [/].\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert "[/bold] [1]" in result.stdout


def test_several_files_at_once() -> None:
    """Human view: one after the other; --json: one contract object per file, in a list (a
    single file still prints the object itself)."""
    paths = [str(p) for p in SEED_FILES[:2]]
    result = runner.invoke(app, ["extract", *paths, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [d["source"] for d in data] == paths
    assert [d["number"] for d in data] == ["708-BC/TU", "-BC/HU"]
    result = runner.invoke(app, ["extract", *paths])
    assert result.exit_code == 0, result.output
    assert "Số 708-BC/TU" in result.output and "Số -BC/HU" in result.output
