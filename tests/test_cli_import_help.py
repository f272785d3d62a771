"""``capuy import --help`` says when ``--org`` is required: the command refuses to run without it
as soon as the database holds more than one organisation, so "optional" alone misleads a new
user (met on 4 December 2026)."""

from __future__ import annotations

from typer.testing import CliRunner

from capuy.cli import app


def test_import_help_says_org_is_required_with_several_organisations() -> None:
    done = CliRunner().invoke(app, ["import", "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    org_line = " ".join(
        line for line in done.output.splitlines() if "--org" in line or "bắt buộc" in line
    )
    assert "--org" in org_line and "bắt buộc khi" in org_line, done.output
