"""The report's PDF as a background job: converted by a worker's warm LibreOffice.

The download view (``views.report_download``) queues it when a worker is alive and shows its
progress, then the file; with no worker it converts in the request as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

from capuy.errors import InputError
from capuy.jobs import pool
from capuy.jobs.registry import JobKind, Progress, Result, register_kind
from capuy.jobs.runner import enqueue
from capuy.reports.output import write_pdf


def file_name(report: Any) -> str:
    return f"bao-cao-{report.kind}-{report.period}".replace("/", "-")


def report_pdf(job: Any, progress: Progress) -> Result:
    from capuy.reports.models import Report

    report = Report.objects.filter(pk=job.params.get("report")).first()
    if report is None:
        raise InputError("Báo cáo không còn (đã bị xóa)", "the report no longer exists")
    relative = Path("cong-viec") / str(job.pk) / f"{file_name(report)}.pdf"
    out = Path(settings.MEDIA_ROOT) / relative
    out.parent.mkdir(parents=True, exist_ok=True)
    converters = pool.current()
    progress(0, 1, "Đang chuyển sang PDF" + (" (LibreOffice sẵn sàng)" if converters else ""))
    if converters is not None:
        with converters.converter() as converter:
            write_pdf(report.body, out, converter)
    else:
        write_pdf(report.body, out)
    return Result(
        message=f"Đã chuyển {report.symbol or file_name(report)} sang PDF.", file=str(relative)
    )


def queue_report_pdf(report: Any, user: Any) -> Any:
    return enqueue(
        "report_pdf",
        f"Chuyển báo cáo {report.symbol or file_name(report)} sang PDF",
        {"report": report.pk},
        user=user,
        organisation=report.organisation,
        classification=report.classification,
    )


def register() -> None:
    register_kind(
        JobKind("report_pdf", "Chuyển báo cáo sang PDF", report_pdf, max_attempts=3, backoff_s=5)
    )
