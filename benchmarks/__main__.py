"""Run every benchmark module, or those named on the command line (``python -m benchmarks extract``)."""

from __future__ import annotations

import importlib
import platform
import sys
from pathlib import Path


def main() -> None:
    names = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    wanted = sys.argv[1:]
    if wanted:
        names = [n for n in names if n.removeprefix("bench_") in wanted]
    print(f"# capuy benchmarks — {platform.platform()}, Python {platform.python_version()}")
    for name in names:
        print(f"\n## {name.removeprefix('bench_')}")
        importlib.import_module(f"benchmarks.{name}").main()


if __name__ == "__main__":
    main()
