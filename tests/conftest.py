"""Shared fixtures: the real seed reports in ``../shared/seeds`` (never copied, never edited),
found where ``capuy seeds`` finds them (``capuy.api.find_seeds_dir``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from capuy.api import find_seeds_dir

ROOT = Path(__file__).resolve().parents[1]


SEEDS_DIR = find_seeds_dir()
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))


def seed(prefix: str) -> Path:
    """The seed whose file name starts with ``prefix`` (``"000"``, ``"001"`` …)."""
    (match,) = [p for p in SEED_FILES if p.name.startswith(prefix)]
    return match


# The fixtures through which a test reaches the Django database (pytest-django's own names).
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
    }
)


def uses_the_database(item: pytest.Item) -> bool:
    """Whether a test reaches the database engine the suite runs on.

    Through pytest-django (the ``django_db`` mark or one of its fixtures, directly or through
    another fixture), or — for a test that reaches the engine some other way, such as a
    subprocess given ``CAPUY_DATABASE_URL`` — by the ``database`` mark.
    """
    if item.get_closest_marker("django_db") or item.get_closest_marker("database"):
        return True
    return bool(DATABASE_FIXTURES.intersection(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With ``CAPUY_TESTS_DATABASE_ONLY=1``, keep only the tests that reach the database.

    ``scripts/test.sh`` sets it for its PostgreSQL half: a test that never touches the database
    (the readers, the checker, the renderer, OCR — two thirds of the suite) gives the same result
    on either engine, and runs once, in the SQLite half. The deselected count is printed.
    """
    if os.environ.get("CAPUY_TESTS_DATABASE_ONLY") != "1":
        return
    kept = [item for item in items if uses_the_database(item)]
    dropped = [item for item in items if not uses_the_database(item)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    return SEED_FILES


@pytest.fixture(scope="session", autouse=True)
def isolated_vocab_overlay(tmp_path_factory):
    """Point the vocabulary overlay at an empty folder for the whole run.

    The web settings default ``CAPUY_VOCAB_DIR`` to ``./data/vocab``, where an administrator's
    edits made in a local demo live; without this, such edits would change the tests' results.
    """
    from capuy import vocab

    folder = tmp_path_factory.mktemp("vocab-overlay")
    previous = os.environ.get("CAPUY_VOCAB_DIR")
    os.environ["CAPUY_VOCAB_DIR"] = str(folder)
    vocab.reload()
    yield folder
    if previous is None:
        os.environ.pop("CAPUY_VOCAB_DIR", None)
    else:
        os.environ["CAPUY_VOCAB_DIR"] = previous
    vocab.reload()
