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


REPORTING_LEVEL = 3  # down to grassroots committees and cells (organisations.yaml ``level``)


def units_reporting(org: Any) -> list[Any]:
    """``org`` and every unit under it that files its own report (no sub-cells of a
    grassroots committee), existing today."""
    from django.db.models import Q
    from django.utils import timezone

    from capuy.orgs.kinds import org_kind
    from capuy.orgs.models import Organisation

    today = timezone.localdate()
    units = Organisation.objects.filter(path__startswith=org.path).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=today)
    )
    return [u for u in units.order_by("tree_key") if org_kind(u.kind).level <= REPORTING_LEVEL]


def compose_subtree(job: Any, progress: Progress) -> Result:
    """Compose the period's report of every reporting unit of a subtree (drafts; a unit whose
    report exists keeps it), as the requesting user (their roles decide which units)."""
    from django.core.exceptions import PermissionDenied
    from django.urls import reverse

    from capuy.orgs.models import Organisation
    from capuy.reports.workflow import create_report

    org = Organisation.objects.get(pk=job.params["org"])
    kind, period = job.params["kind"], job.params["period"]
    units = units_reporting(org)
    made, skipped = 0, []
    for index, unit in enumerate(units):
        progress(index, len(units), f"Đang soạn báo cáo của {unit.name}")
        try:
            create_report(unit, kind, period, job.requested_by)
            made += 1
        except InputError as error:
            skipped.append(f"{unit.name}: {error.vi}")
        except PermissionDenied as error:
            skipped.append(f"{unit.name}: {error}")
    progress(len(units), len(units))
    if not made and skipped:
        raise InputError(f"Không soạn được báo cáo nào — {skipped[0]}", "no report composed")
    from capuy.reports.period_words import spec_label

    message = f"Đã soạn {made}/{len(units)} báo cáo {spec_label(kind, period)}"
    if skipped:
        message += f"; không soạn được {len(skipped)}: " + "; ".join(skipped[:3])
    return Result(message=message + ".", url=reverse("reports:list"))


def register() -> None:
    register_kind(
        JobKind("reports_subtree", "Soạn báo cáo của cả hệ thống", compose_subtree, max_attempts=2)
    )
    register_kind(
        JobKind("report_pdf", "Chuyển báo cáo sang PDF", report_pdf, max_attempts=3, backoff_s=5)
    )
