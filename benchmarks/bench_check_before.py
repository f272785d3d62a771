"""The checker now against the checker from before the language model, in the same run.

Issue 14 asks that ``capuy check`` with the model loaded must not get slower than it was. This
benchmark times, alternating in one run, three interpreters (see ``check_worker.py``):

* **before** — a commit from before the language model (43ef42c, the parent of 54e01bf),
  checked out in its own worktree with its own venv: its read + extract and its ``check``;
* **now, unseen model** — this tree's ``check`` with a model built without the seeds, so
  ``spelling.context`` does its whole work, as on a report the model has not read;
* **now, shipped model** — this tree's ``check`` with the default model, which has read the
  seeds (so ``spelling.context`` takes them as written).

Each side also times its own read + extract, so both framings of the goal come out of one run:
the direct one (check now ÷ check before, paired per trial) and the ratio one (check ÷ read +
extract, the 1,64× of BENCHMARKS.md). CPU time (``process_time``) inside each worker, median
and range over the trials, since the machine is shared.

Run (the old tree is made once, outside the repository's worktrees)::

    git worktree add --detach /tmp/cs3_old 43ef42c
    (cd /tmp/cs3_old && python3 -m venv .venv && .venv/bin/pip install -q -e .)
    CAPUY_BENCH_BEFORE=/tmp/cs3_old python -m benchmarks check_before

``CAPUY_BENCH_MAIN=/path/to/a/worktree/of/main`` adds a fourth side, that revision's ``check``
with the unseen model run by this venv (``PYTHONPATH`` puts its ``capuy`` first), and prints
this tree's check ÷ that one's, paired per trial: an A/B of a branch in the same run.
``CAPUY_BENCH_BEFORE_TRIALS`` (default 10) and ``CAPUY_BENCH_BEFORE_ROUNDS`` (rounds of the
four seeds per measurement, default 3) change the amount of work. Without
``CAPUY_BENCH_BEFORE`` it says how to run and returns.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

from benchmarks.common import seeds_dir

WORKER = Path(__file__).with_name("check_worker.py")


class Side:
    """One worker interpreter and the CPU seconds it reported."""

    def __init__(self, name: str, python: str, cwd: Path, model: str, rounds: int) -> None:
        self.name = name
        self.process = subprocess.Popen(
            [python, str(WORKER), str(seeds_dir()), str(rounds), model],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(cwd)},
        )
        ready = self._read().split()
        self.bytes_per_round, self.findings = int(ready[1]) * rounds, int(ready[2])
        self.times: dict[str, list[float]] = {"extract": [], "check": []}

    def _read(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"{self.name}: the worker stopped")
        return line

    def measure(self, what: str) -> float:
        assert self.process.stdin is not None
        self.process.stdin.write(what + "\n")
        self.process.stdin.flush()
        seconds = float(self._read())
        self.times[what].append(seconds)
        return seconds

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        self.process.wait()

    def mb_s(self, what: str) -> list[float]:
        return [self.bytes_per_round / 1e6 / t for t in self.times[what]]


def _spread(values: list[float], digits: int = 2) -> str:
    """Median and range, the Vietnamese way (comma decimals)."""
    low, mid, high = min(values), statistics.median(values), max(values)
    text = f"{mid:.{digits}f} ({low:.{digits}f}–{high:.{digits}f})"
    return text.replace(".", ",")


def main() -> None:
    before = os.environ.get("CAPUY_BENCH_BEFORE")
    if not before:
        print("set CAPUY_BENCH_BEFORE to a worktree of the commit before the model (see the")
        print("module's docstring: benchmarks/bench_check_before.py); skipped")
        return
    old = Path(before)
    trials = int(os.environ.get("CAPUY_BENCH_BEFORE_TRIALS", "10"))
    rounds = int(os.environ.get("CAPUY_BENCH_BEFORE_ROUNDS", "3"))
    here = Path(__file__).resolve().parents[1]
    sides = [
        Side("before (no model)", str(old / ".venv" / "bin" / "python"), old, "none", rounds),
        Side("now, unseen model", sys.executable, here, "unseen", rounds),
        Side("now, shipped model", sys.executable, here, "shipped", rounds),
    ]
    other = os.environ.get("CAPUY_BENCH_MAIN")
    if other:  # another revision of today's code, e.g. main beside a branch, same venv
        sides.append(Side("main, unseen model", sys.executable, Path(other), "unseen", rounds))
    load = os.getloadavg()[0]
    for trial in range(trials):
        turn = trial % len(sides)
        for side in sides[turn:] + sides[:turn]:  # rotate the order each trial
            side.measure("extract")
            side.measure("check")
    for side in sides:
        side.close()
    _report(sides, trials, rounds, load, os.getloadavg()[0])


def _report(sides: list[Side], trials: int, rounds: int, load0: float, load1: float) -> None:
    old = sides[0]
    print(
        f"{trials} trials × {rounds} rounds of the four seeds ({old.bytes_per_round / rounds / 1e3:.0f} "
        f"kB); CPU time; load average {load0:.1f} → {load1:.1f}; median (min–max)"
    )
    print(
        f"{'side':<20} {'findings':>8} {'read+extract MB/s':>22} {'check MB/s':>22} "
        f"{'check ÷ own read+extract':>26}"
    )
    for side in sides:
        ratio = [c / e for c, e in zip(side.times["check"], side.times["extract"], strict=True)]
        print(
            f"{side.name:<20} {side.findings:>8} {_spread(side.mb_s('extract')):>22} "
            f"{_spread(side.mb_s('check')):>22} {_spread(ratio):>26}"
        )
    for side in sides[1:]:
        direct = [n / b for n, b in zip(side.times["check"], old.times["check"], strict=True)]
        yardstick = [n / b for n, b in zip(side.times["check"], old.times["extract"], strict=True)]
        extract = [n / b for n, b in zip(side.times["extract"], old.times["extract"], strict=True)]
        print(
            f"{side.name}: check CPU ÷ before's check {_spread(direct)}; "
            f"÷ before's read+extract {_spread(yardstick)}; "
            f"read+extract now ÷ before {_spread(extract)}"
        )
    if len(sides) > 3:
        mine, main = sides[1], sides[3]
        paired = [n / b for n, b in zip(mine.times["check"], main.times["check"], strict=True)]
        print(f"this tree ÷ main (unseen model): check CPU {_spread(paired)}")


if __name__ == "__main__":
    main()
