"""Golden files: what capuy says about the seeds, kept byte for byte across refactorings.

``CAPUY_WRITE_GOLDEN=1`` rewrites them (only when a change of behaviour is intended, and then
in its own commit, so the diff of ``tests/expected/golden`` shows exactly what changed).
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "expected" / "golden"


def assert_golden(name: str, text: str) -> None:
    """``text`` equals ``tests/expected/golden/<name>`` (written when CAPUY_WRITE_GOLDEN=1)."""
    path = GOLDEN / name
    if os.environ.get("CAPUY_WRITE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file (behaviour changed)"
