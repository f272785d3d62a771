"""Rebuilding the search index as a background job (``capuy jobs run search_rebuild``)."""

from __future__ import annotations

from typing import Any

from capuy.jobs.registry import JobKind, Progress, Result, register_kind
from capuy.text.numbers import format_number


def rebuild_job(job: Any, progress: Progress) -> Result:
    from capuy.search.service import rebuild

    def report(label: str, done: int, total: int) -> None:
        progress(done, total, f"Đang lập chỉ mục: {label}")

    counts = rebuild(progress=report)
    return Result(message=f"Đã lập chỉ mục {format_number(sum(counts.values()))} mục.")


def register() -> None:
    register_kind(
        JobKind("search_rebuild", "Xây lại chỉ mục tìm kiếm", rebuild_job, max_attempts=2)
    )
