"""``capuy report`` composes and lays out the same report as the web page; bad input gives one
line in Vietnamese and English and exit status 2."""

from __future__ import annotations

import docx
import pytest
from typer.testing import CliRunner

from capuy.cli import app
from capuy.reports.compose import compose

pytestmark = pytest.mark.django_db


def test_report_command_writes_the_composed_report(tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out, md = tmp_path / "bc.docx", tmp_path / "bc.md"
    result = CliRunner().invoke(
        app,
        [
            "report",
            "--org",
            "Thị ủy Đức Phổ",
            "--kind",
            "monthly",
            "--period",
            "2024-02",
            "-o",
            str(out),
            "--md",
            str(md),
        ],
    )
    assert result.exit_code == 0, result.output
    assert md.read_text(encoding="utf-8") == compose(tree.town, "monthly", "2024-02").markdown
    text = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG THÁNG 02/2024" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--org", "Thị ủy Không Có", "--kind", "monthly", "--period", "2024-02"],
            "Không tìm thấy tổ chức",
        ),
        (["--org", "Thị ủy Đức Phổ", "--kind", "weekly", "--period", "2024-02"], "Loại báo cáo"),
        (["--org", "Thị ủy Đức Phổ", "--kind", "quarterly", "--period", "2024-Q7"], "không hợp lệ"),
    ],
)
def test_bad_input_is_one_line_and_status_2(tree, tmp_path, args, message) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["report", *args, "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2
    assert message in result.output and " / " in result.output
    assert "Traceback" not in result.output
