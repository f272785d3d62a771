"""What the benchmarks share: where the seed reports are, and a best-of-N timer."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path


def seeds_dir() -> Path:
    """The seed reports, found where the tests and ``capuy seeds`` find them."""
    from capuy.api import find_seeds_dir
    from capuy.errors import InputError

    try:
        return find_seeds_dir()
    except InputError as error:
        raise SystemExit(error.en) from None


def best_of(run: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs in seconds: the least disturbed by other work."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best
