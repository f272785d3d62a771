"""Job kinds for the job tests, loaded by the worker processes the tests start through
``CAPUY_JOB_MODULES=tests.web.jobs_probe`` (an installation's own kinds load the same way).

- ``probe_gate``: writes ``start <pid>`` to its log, reports step 1 of 3, waits for its gate
  file, then writes ``finish <pid>`` — so a test can kill the worker while the job is mid-way.
- ``probe_flaky``: fails on its first attempt with a Vietnamese reason, succeeds on the next.
- ``probe_broken``: always fails with an unexpected error (a ``ZeroDivisionError``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from capuy.errors import InputError
from capuy.jobs.registry import JobKind, Progress, Result, register_kind

GATE_TIMEOUT_S = 600


def gate(job: Any, progress: Progress) -> Result:
    log, door = Path(job.params["log"]), Path(job.params["gate"])
    with log.open("a") as handle:
        handle.write(f"start {os.getpid()}\n")
    progress(1, 3, "Bước 1: chờ cửa mở")
    waited = time.monotonic()
    while not door.exists():
        if time.monotonic() - waited > GATE_TIMEOUT_S:
            raise InputError("Cửa không mở", "the gate never opened")
        time.sleep(0.05)
    progress(2, 3, "Bước 2")
    with log.open("a") as handle:
        handle.write(f"finish {os.getpid()}\n")
    return Result(message=f"Xong ở tiến trình {os.getpid()}.")


def flaky(job: Any, progress: Progress) -> Result:
    if job.attempts == 1:
        raise InputError("Máy chủ tệp chưa sẵn sàng", "the file server is not ready")
    progress(1, 1)
    return Result(message="Lần sau thì được.")


def broken(job: Any, progress: Progress) -> Result:
    return Result(message=str(1 // int(job.params.get("zero", 0))))


register_kind(JobKind("probe_gate", "Việc thử có cửa chờ", gate, max_attempts=3))
register_kind(JobKind("probe_flaky", "Việc thử lỗi một lần", flaky, max_attempts=3, backoff_s=30))
register_kind(JobKind("probe_broken", "Việc thử luôn lỗi", broken, max_attempts=2, backoff_s=1))
