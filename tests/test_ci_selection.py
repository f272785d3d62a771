"""The PostgreSQL half of ``scripts/test.sh`` runs only the tests that reach the database
(``CAPUY_TESTS_DATABASE_ONLY=1``, tests/conftest.py). These check, on real test files, that the
selection keeps every test that touches the engine and drops only those that cannot."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _collected(*files: str, database_only: bool) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["CAPUY_TESTS_DATABASE_ONLY"] = "1" if database_only else "0"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *files],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    # 5 is pytest's "no tests collected": every test of the file deselected.
    assert done.returncode in (0, 5), done.stdout[-2000:] + done.stderr[-2000:]
    return [line for line in done.stdout.splitlines() if "::" in line]


@pytest.mark.parametrize(
    ("test_file", "kept_on_postgresql"),
    [
        # pytest-django's db fixture on every test: all kept.
        ("tests/web/test_base_settings.py::test_postgresql_when_database_url_is_set", 1),
        # No database at all (the number formats): none kept.
        ("tests/test_text_numbers.py", 0),
        # Reaches PostgreSQL through clusters and processes of its own: the "database" mark.
        ("tests/web/test_replica_pg.py", 1),
    ],
)
def test_the_postgresql_half_keeps_what_reaches_the_database(
    test_file: str, kept_on_postgresql: int
) -> None:
    everything = _collected(test_file, database_only=False)
    kept = _collected(test_file, database_only=True)
    assert everything, f"{test_file} collected nothing"
    assert set(kept) <= set(everything)
    assert (len(kept) == len(everything)) if kept_on_postgresql else not kept


def test_a_file_that_mixes_both_keeps_only_its_database_tests() -> None:
    every = _collected("tests/web/test_base_backup.py", database_only=False)
    kept = _collected("tests/web/test_base_backup.py", database_only=True)
    dropped = set(every) - set(kept)
    assert kept and dropped
    # Refusing a bad archive happens before the database is touched; a real backup needs it.
    assert all("refuses" in test or "missing_file" in test for test in dropped)
    assert any("backup" in test for test in kept)
