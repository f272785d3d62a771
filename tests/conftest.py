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
