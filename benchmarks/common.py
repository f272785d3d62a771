"""What the benchmarks share: where the seed reports are, and a best-of-N timer."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path


def seeds_dir() -> Path:
    """The seed reports beside the repository (``../shared/seeds``); CAPUY_SEEDS overrides."""
    repo = Path(__file__).resolve().parents[1]
    for candidate in (os.environ.get("CAPUY_SEEDS", ""), str(repo.parent / "shared" / "seeds")):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    raise SystemExit("seeds not found: set CAPUY_SEEDS or put them in ../shared/seeds")


def best_of(run: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs in seconds: the least disturbed by other work."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best
