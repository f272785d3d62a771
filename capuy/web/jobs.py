"""The backup as a background job: each night (Huey's schedule) and on demand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from capuy.jobs.registry import JobKind, Progress, Result, register_kind


def backup_job(job: Any, progress: Progress) -> Result:
    from capuy.web.backup import backup

    target = job.params.get("path")

    def report(stage: str, done: int, total: int) -> None:
        progress(done, total, f"Sao lưu: {stage}")

    path = backup(Path(target) if target else None, progress=report)
    size = f"{path.stat().st_size / 1024**2:.1f}".replace(".", ",")
    return Result(message=f"Đã sao lưu vào {path} ({size} MB).")


def register() -> None:
    register_kind(JobKind("backup", "Sao lưu dữ liệu", backup_job, max_attempts=3, backoff_s=60))
