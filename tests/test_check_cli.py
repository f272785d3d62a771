"""``capuy check``: the JSON contract, exit statuses, --select/--ignore and the config file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from capuy.api import check_documents, load_documents
from capuy.check import CheckConfig, check, findings_to_json, load_config
from capuy.cli import app
from capuy.errors import InputError
from tests.conftest import SEED_FILES, seed

runner = CliRunner()
KEYS = ["rule", "category", "severity", "line", "excerpt", "message", "suggestion"]


def test_json_contract_on_a_seed() -> None:
    result = runner.invoke(app, ["check", str(seed("002")), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["findings"]
    assert data["findings"], "seed 002 has errors"
    for finding in data["findings"]:
        assert list(finding) == KEYS
        assert finding["category"] in {
            "arithmetic",
            "citation-date",
            "citation-type",
            "citation-conflict",
            "term",
            "spelling",
            "duplicate",
            "format",
            "other",
        }
        assert finding["severity"] in {"error", "warning", "info"}
        assert isinstance(finding["line"], int) and finding["line"] >= 1
    assert {"rule": "format.blank-number", "line": 3} in [
        {"rule": f["rule"], "line": f["line"]} for f in data["findings"]
    ]


def test_findings_to_json_matches_check_files() -> None:
    docs = load_documents([seed("003")])
    data = findings_to_json(check(docs))
    assert all(list(f) == KEYS for f in data["findings"])


def test_human_report_groups_by_section() -> None:
    result = runner.invoke(app, ["check", str(seed("001"))])
    assert result.exit_code == 0
    assert "III. MỘT SỐ NHIỆM VỤ TRỌNG TÂM QUÝ II/2024" in result.output
    assert "Tu tưởng" in result.output and "→ Tư tưởng" in result.output
    assert "Tổng:" in result.output


def test_several_files_exit_zero_with_findings() -> None:
    result = runner.invoke(app, ["check", *map(str, SEED_FILES), "--json"])
    assert result.exit_code == 0
    rules = {f["rule"] for f in json.loads(result.output)["findings"]}
    assert "citation-conflict.numbering" in rules


def test_several_files_on_two_processes_give_the_same_findings() -> None:
    one = runner.invoke(app, ["check", *map(str, SEED_FILES), "--json"])
    two = runner.invoke(app, ["check", *map(str, SEED_FILES), "--json", "--jobs", "2"])
    assert two.exit_code == 0, two.output
    assert json.loads(two.output) == json.loads(one.output)
    assert json.loads(two.output)["findings"]


def test_jobs_below_one_is_refused() -> None:
    result = runner.invoke(app, ["check", str(seed("001")), "--jobs", "0"])
    assert result.exit_code == 2


def test_select_and_ignore_by_category() -> None:
    only = runner.invoke(app, ["check", str(seed("001")), "--json", "--select", "arithmetic"])
    categories = {f["category"] for f in json.loads(only.output)["findings"]}
    assert categories == {"arithmetic"}
    without = runner.invoke(
        app, ["check", str(seed("001")), "--json", "--ignore", "spelling,duplicate"]
    )
    categories = {f["category"] for f in json.loads(without.output)["findings"]}
    assert categories and not categories & {"spelling", "duplicate"}


def test_config_file_switches_rules_off(tmp_path: Path) -> None:
    config = tmp_path / "capuy-check.yaml"
    config.write_text("check:\n  disable: [spelling.confusion, format]\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(seed("002")), "--json", "--config", str(config)])
    rules = {f["rule"] for f in json.loads(result.output)["findings"]}
    assert "spelling.confusion" not in rules and not any(r.startswith("format") for r in rules)
    assert "spelling.place-name" in rules
    assert load_config(config) == CheckConfig(disable=frozenset({"spelling.confusion", "format"}))


def test_config_in_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "capuy-check.yaml").write_text("ignore: [spelling]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_config() == CheckConfig(ignore=frozenset({"spelling"}))


@pytest.mark.parametrize(
    ("args", "vietnamese"),
    [
        (["/no/such/file.txt"], "Lỗi:"),
        (["{seed}", "--select", "spelin"], "không có nhóm/quy tắc spelin"),
        (["{seed}", "--config", "/no/such/config.yaml"], "Không tìm thấy tệp cấu hình"),
        (["{seed}", "--config", "{dir}"], "là một thư mục, không phải tệp cấu hình"),
        (["{dir}"], "là một thư mục, không phải tệp"),
        (["{seed}", "--config", "{unknown}"], "Tệp cấu hình: không có nhóm/quy tắc colour"),
    ],
)
def test_bad_input_exits_2_with_one_line(args: list[str], vietnamese: str, tmp_path: Path) -> None:
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text("disable: [colour]\n", encoding="utf-8")
    args = [
        a.replace("{seed}", str(seed("000")))
        .replace("{dir}", str(tmp_path))
        .replace("{unknown}", str(unknown))
        for a in args
    ]
    result = runner.invoke(app, ["check", *args])
    assert result.exit_code == 2
    assert vietnamese in result.output and "Error:" in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    english = result.output.split("Error:", 1)[1]
    assert "cấu hình" not in english and "thư mục" not in english


def test_select_on_the_command_line_replaces_the_config_select(tmp_path: Path) -> None:
    config = tmp_path / "capuy-check.yaml"
    config.write_text("select: [spelling]\ndisable: [arithmetic.anniversary]\n", encoding="utf-8")
    args = ["check", str(seed("001")), "--json", "--config", str(config)]
    result = runner.invoke(app, [*args, "--select", "arithmetic"])
    assert result.exit_code == 0, result.output
    rules = {f["rule"] for f in json.loads(result.output)["findings"]}
    assert rules == {"arithmetic.letters-cases", "arithmetic.received-carried"}


def test_bad_config_content(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("disable: {a: 1}\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_config(bad)
    bad.write_text("colour: red\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_config(bad)


def test_check_extracts_documents_straight_from_the_reader() -> None:
    from capuy.read import read_file

    raw = check_documents([read_file(seed("000"))])
    assert findings_to_json(raw) == findings_to_json(check(load_documents([seed("000")])))


def test_no_suggestion_is_null_in_json() -> None:
    findings = findings_to_json(check(load_documents([seed("003")])))["findings"]
    numbering = [f for f in findings if f["rule"] == "citation-conflict.numbering"]
    assert numbering and all(f["suggestion"] is None for f in numbering)
    assert all(f["suggestion"] != "" for f in findings)


def test_human_report_reads_as_blocks() -> None:
    """Wrapped lines keep their indent, nothing is padded with spaces, findings in the appendix
    are grouped under it (not under the last body section), and several files get a total."""
    result = runner.invoke(app, ["check", str(seed("000")), str(seed("002"))], terminal_width=80)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert all(line == line.rstrip() for line in lines)
    assert all(len(line) <= 80 for line in lines)
    sources = {str(seed("000")), str(seed("002"))}
    assert all(
        line.startswith("  ") or line in sources or line.startswith("Tất cả") for line in lines
    )
    appendix = lines.index("  PHỤ LỤC — một số văn bản quan trọng ban hành trong tháng 02/2024")
    assert any("dòng 147:" in line for line in lines[appendix:])
    assert lines[-1] == "Tất cả 2 tệp: 16 lỗi, 4 cảnh báo, 0 ghi chú"


def test_a_text_too_long_to_proofread_is_one_line_and_status_2(tmp_path: Path) -> None:
    """A 2.7 MB paragraph (the reader takes up to 50 MB) would take minutes and gigabytes."""
    from capuy.check.engine import MAX_CHECK_CHARS

    huge = tmp_path / "huge.txt"
    huge.write_text("Báo cáo. " * (MAX_CHECK_CHARS // 9 + 1000), encoding="utf-8")
    result = runner.invoke(app, ["check", str(huge)])
    assert result.exit_code == 2
    assert "Tệp quá dài để soát lỗi" in result.output and "too long to proofread" in result.output
    assert "Traceback" not in result.output


def test_header_missing_excerpt_is_the_start_of_a_long_first_line(tmp_path: Path) -> None:
    text = tmp_path / "one-paragraph.txt"
    text.write_text("Báo cáo tình hình. " * 500, encoding="utf-8")
    [finding] = [f for f in check(load_documents([text])) if f.rule == "format.header-missing"]
    assert finding.excerpt.startswith("Báo cáo tình hình.") and len(finding.excerpt) <= 90


def test_summarised_excerpt_is_shown_in_its_source_sentence() -> None:
    """003:14 "19 đảng bộ (15 đảng bộ xã, phường; 03 đảng bộ cơ quan)": the finding's excerpt
    is a summary, the report shows the sentence as written around its first piece."""
    args = ["check", str(seed("003")), "--select", "arithmetic"]
    result = runner.invoke(app, args, terminal_width=200)
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())  # as read, whatever the terminal's width
    assert "có 19 đảng bộ (15 đảng bộ xã, phường; 03 đảng bộ cơ quan)" in shown


def test_a_corrupt_pdf_is_one_line_on_stderr(tmp_path: Path) -> None:
    import subprocess
    import sys

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 junk")
    done = subprocess.run(
        [sys.executable, "-m", "capuy.cli", "check", str(broken)], capture_output=True
    )
    assert done.returncode == 2
    assert done.stderr.decode("utf-8").strip().splitlines() == [
        f"Lỗi: Tệp PDF hỏng: {broken} / Error: corrupt PDF: {broken}"
    ]
