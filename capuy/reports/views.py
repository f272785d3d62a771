"""Pages of the reports: list and compose, edit with the checker's findings beside the text
(saved by HTMX), approve / issue / submit by role, downloads, and the board of subordinate
reports. Every query is scoped: a report is seen by the users of its unit and of the units
above it, up to their clearance."""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from capuy.accounts.access import (
    get_scoped_object_or_404,
    primary_organisation,
    require_role,
    scope_queryset,
    visible_organisations,
)
from capuy.errors import InputError
from capuy.reports import workflow
from capuy.reports.board import subordinate_board
from capuy.reports.dismissals import annotated_findings
from capuy.reports.forms import BoardForm, ComposeForm
from capuy.reports.gating import IRREVERSIBLE, next_step
from capuy.reports.models import Report
from capuy.reports.output import docx_bytes, pdf_bytes
from capuy.reports.period_words import period_slug, spec_label


def visible_reports(user: Any) -> QuerySet[Report]:
    return scope_queryset(
        Report.objects.select_related("organisation", "document"),
        user,
        org_field="organisation",
        classification_field="classification",
    )


def _report(request: HttpRequest, pk: int) -> Report:
    return get_scoped_object_or_404(
        Report.objects.select_related("organisation", "document", "approved_by"),
        request.user,
        org_field="organisation",
        classification_field="classification",
        pk=pk,
    )


@require_GET
@require_role()
def report_list(request: HttpRequest) -> HttpResponse:
    form = ComposeForm(user=request.user)
    reports = visible_reports(request.user)[:200]
    return render(request, "reports/list.html", {"form": form, "reports": reports})


@require_POST
@require_role(*workflow.WRITERS)
def report_compose(request: HttpRequest) -> HttpResponse:
    form = ComposeForm(request.POST, user=request.user)
    if form.is_valid():
        data = form.cleaned_data
        try:
            report = workflow.create_report(
                data["to_chuc"], data["loai"], data["ky"], request.user, topic=data["chu_de"]
            )
        except InputError as error:
            form.add_error("ky", error.vi)
        else:
            messages.success(request, f"Đã soạn dự thảo: {report.title}.")
            return redirect("reports:detail", pk=report.pk)
    reports = visible_reports(request.user)[:200]
    return render(request, "reports/list.html", {"form": form, "reports": reports}, status=400)


def _previous(report: Report) -> Report | None:
    return (
        Report.objects.filter(
            organisation=report.organisation, kind=report.kind, end__lt=report.start
        )
        .order_by("-end")
        .first()
    )


_LINKS = {
    "documents.Document": "documents:detail",
    "meetings.Meeting": "meetings:detail",
    "meetings.Task": "meetings:task",
    "reports.Report": "reports:detail",
}


def _link_maker(name: str) -> Any:
    """``pk -> reverse(name, args=[pk])`` that reverses once: the URL of pk 0 split at its
    ``/0/`` (every pattern of ``_LINKS`` is ``…/<int:pk>/…``); reverse() itself otherwise."""
    url = reverse(name, args=[0])
    head, sep, tail = url.rpartition("/0/")
    if not sep:
        return lambda pk: reverse(name, args=[pk])
    return lambda pk: f"{head}/{int(pk)}/{tail}"


def _provenance(report: Report) -> list[dict[str, Any]]:
    rows = []
    makers: dict[str, Any] = {}
    for source in report.provenance:
        name = _LINKS.get(source.get("model", ""))
        if name and name not in makers:
            makers[name] = _link_maker(name)
        links = [(pk, makers[name](pk)) for pk in source.get("ids", [])[:50]] if name else []
        rows.append(
            {
                **source,
                "links": links,
                "count": len(source.get("ids", [])),
                # "số liệu chỉ tiêu", not "indicators.IndicatorValue"; 66345 written 66.345
                "model": _record_name(source.get("model", "")),
                "value": _figure(source.get("value", "")),
            }
        )
    return rows


def _record_name(label: str) -> str:
    from django.apps import apps

    try:
        return str(apps.get_model(label)._meta.verbose_name) if label else ""
    except (LookupError, ValueError):
        return ""


def _figure(value: Any) -> Any:
    from capuy.text import format_number

    text = str(value)
    return format_number(text) if re.fullmatch(r"-?\d+(\.\d+)?", text) else value


def int_writer() -> Any:
    """``n -> str``: an int as the template would write it (``{{ n }}`` with the thousands
    separator on: 1.044), computed directly — Django's localize() costs ~15 µs a number and a
    report page writes four per finding (hundreds of findings on a long report). Anything but
    an int is returned unchanged, for the template to localise as before."""
    from django.conf import settings
    from django.utils.formats import get_format, localize

    exact = settings.USE_THOUSAND_SEPARATOR and get_format("NUMBER_GROUPING") == 3
    separator = get_format("THOUSAND_SEPARATOR")

    def write(value: Any) -> Any:
        if type(value) is not int:
            return value
        return f"{value:,}".replace(",", separator) if exact else localize(value)

    return write


def _findings(report: Report) -> list[dict[str, Any]]:
    """The findings with ``line_text`` and ``index_text``: their numbers already written."""
    found = annotated_findings(report)
    write = int_writer()
    for finding in found:
        finding["line_text"] = write(finding.get("line"))
        finding["index_text"] = write(finding["index"])
    return found


def _context(request: HttpRequest, report: Report) -> dict[str, Any]:
    user = request.user
    return {
        "report": report,
        "previous": _previous(report),
        "provenance": _provenance(report),
        "can_edit": workflow.can(user, "save", report),
        "can_approve": workflow.can(user, "approve", report),
        "can_issue": workflow.can(user, "issue", report),
        "can_submit": workflow.can(user, "submit", report),
        "can_revert": workflow.can(user, "revert", report),
        "today": timezone.localdate(),
        "findings": _findings(report),
        "next_step": next_step(report),
    }


@require_GET
@require_role()
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    return render(request, "reports/detail.html", _context(request, report))


@require_POST
@require_role(*workflow.WRITERS)
def report_save(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    try:
        workflow.save_text(report, request.POST.get("noi_dung", ""), request.user)
    except InputError as error:
        messages.error(request, error.vi)
    if request.headers.get("HX-Request") == "true":
        return render(request, "reports/_status.html", _context(request, report))
    return redirect("reports:detail", pk=report.pk)


_ACTIONS = {
    "duyet": (workflow.approve, "Đã duyệt báo cáo."),
    "ban-hanh": (workflow.issue, "Đã ban hành báo cáo: số {symbol}."),
    "gui": (workflow.submit, "Đã gửi báo cáo lên cấp trên."),
    "tra-ve": (workflow.revert, "Đã trả báo cáo về dự thảo: có thể sửa lại."),
}


@require_POST
@require_role()
def report_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report = _report(request, pk)
    if action not in _ACTIONS:
        raise PermissionDenied("Thao tác không hợp lệ.")
    step, done = _ACTIONS[action]
    if action in IRREVERSIBLE and request.POST.get("xac_nhan") != "1":
        return redirect("reports:confirm", pk=report.pk, action=action)  # asked first
    try:
        step(report, request.user)
    except InputError as error:
        messages.error(request, error.vi)
    except ValidationError as error:  # the register refused the number: nothing was kept
        report.refresh_from_db()
        messages.error(
            request,
            "Không thực hiện được: "
            + "; ".join(error.messages)
            + ". Có thể trả báo cáo về dự thảo để sửa.",
        )
    else:
        messages.success(request, done.format(symbol=report.symbol))
    return redirect("reports:detail", pk=report.pk)


def _pdf_job(report: Any, user: Any) -> Any:
    """The background job making this report's PDF (one already under way is reused), or None
    when no worker runs."""
    from capuy.jobs.models import Job
    from capuy.jobs.workers import any_worker_alive
    from capuy.reports.jobs import queue_report_pdf

    if not any_worker_alive():
        return None
    waiting = Job.objects.filter(
        kind="report_pdf",
        params__report=report.pk,
        requested_by=user,
        state__in=[Job.State.QUEUED, Job.State.RUNNING],
    ).first()
    return waiting or queue_report_pdf(report, user)


@require_GET
@require_role()
def report_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = _report(request, pk)
    name = period_slug(report.kind, spec_label(report.kind, report.period))
    try:
        if fmt == "docx":
            data = docx_bytes(report.body)
            kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        elif fmt == "pdf":
            if (job := _pdf_job(report, request.user)) is not None:
                return redirect("jobs:detail", pk=job.pk)  # its page shows progress, then the file
            data = pdf_bytes(report.body)  # no worker runs: converted here, cold
            kind = "application/pdf"
        elif fmt == "md":
            data = report.body.encode("utf-8")
            kind = "text/markdown; charset=utf-8"
        else:
            raise InputError("Định dạng không hỗ trợ", f"unsupported format {fmt!r}")
    except InputError as error:
        messages.error(request, error.vi)
        return redirect("reports:detail", pk=report.pk)
    response = HttpResponse(data, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_GET
@require_role()
def report_board(request: HttpRequest) -> HttpResponse:
    form = BoardForm(request.GET or None)
    org = primary_organisation(request.user)
    wanted = request.GET.get("to_chuc")
    if wanted and wanted.isdigit() and len(wanted) < 18:
        org = visible_organisations(request.user).filter(pk=int(wanted)).first() or org
    rows: list[Any] = []
    error = ""
    if org is not None and form.is_bound and form.is_valid():
        try:
            rows = subordinate_board(
                org, form.cleaned_data["loai"], form.cleaned_data["ky"], timezone.localdate()
            )
        except InputError as exc:
            error = exc.vi
    return render(
        request, "reports/board.html", {"form": form, "rows": rows, "org": org, "error": error}
    )
