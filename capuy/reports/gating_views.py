"""Pages of the checker's gate: setting a finding aside with a reason, and the confirmation
step before an act that cannot be undone (issuing takes a number; sending leaves the office).
The confirmation is a page of its own with a form, not a script's pop-up."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from capuy.accounts.access import require_role
from capuy.errors import InputError
from capuy.reports import dismissals, workflow
from capuy.reports.gating import IRREVERSIBLE
from capuy.reports.models import Report
from capuy.reports.views import _report

_ACT = {"ban-hanh": "issue", "gui": "submit"}


@require_POST
@require_role(*workflow.WRITERS)
def report_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    if not workflow.can(request.user, "save", report):
        raise PermissionDenied("Bạn không thể bỏ qua phát hiện của báo cáo này.")
    raw = request.POST.get("phat_hien", "")
    index = int(raw) if raw.isdigit() and len(raw) < 6 else -1
    try:
        dismissal = dismissals.dismiss(report, index, request.POST.get("ly_do", ""), request.user)
    except InputError as error:
        messages.error(request, error.vi)
        return redirect("reports:detail", pk=report.pk)
    if report.state == Report.State.DRAFT and not dismissals.blocking(report):
        report.state = Report.State.CHECKED
        report.save(update_fields=["state", "updated_at"])
    messages.success(request, f"Đã bỏ qua phát hiện [{dismissal.rule}]: {dismissal.reason}")
    return redirect("reports:detail", pk=report.pk)


@require_GET
@require_role()
def report_confirm(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report = _report(request, pk)
    if action not in IRREVERSIBLE:
        raise Http404("Thao tác này không cần xác nhận.")
    if not workflow.can(request.user, _ACT[action], report):
        raise PermissionDenied("Bạn không thể thực hiện thao tác này với báo cáo.")
    return render(
        request,
        "reports/confirm.html",
        {
            "report": report,
            "action": action,
            "step": IRREVERSIBLE[action],
            "dismissed": report.dismissals.select_related("user"),
        },
    )
