"""``capuy extract --json`` and ``capuy check --json`` on the seeds, byte for byte as before.

The architecture issue (10) moves code between modules without changing behaviour; these
golden files, written with the code before the first move, are the proof.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from capuy.cli import app
from tests.conftest import SEED_FILES, SEEDS_DIR
from tests.golden import assert_golden


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout.replace(str(SEEDS_DIR), "SEEDS")


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_extract_json_is_unchanged(path) -> None:  # type: ignore[no-untyped-def]
    assert_golden(f"extract/{path.name[:3]}.json", _run("extract", "--json", str(path)))


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_check_json_is_unchanged(path) -> None:  # type: ignore[no-untyped-def]
    assert_golden(f"check/{path.name[:3]}.json", _run("check", "--json", str(path)))


def test_check_json_of_all_seeds_together_is_unchanged() -> None:
    """Files checked together are also compared with each other (citation conflicts …)."""
    assert_golden("check/all.json", _run("check", "--json", *map(str, SEED_FILES)))
