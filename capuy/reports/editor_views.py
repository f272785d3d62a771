"""The report draft edited as a document (issue 11): the header as a form, the body in a
rich-text editor (django-prose-editor), the official-layout preview and the checker's findings
beside it, saved by ``autosave`` (JSON) through ``capuy.reports.workflow.save_text`` — the one
way a report's text is saved, so the check, the state and the history follow as for the source
text. Scoped like the report's page (organisation and clearance); only writers of the unit, only
while the report may be edited (draft or checked)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from capuy.accounts.access import get_scoped_object_or_404, require_role
from capuy.errors import InputError
from capuy.read.frontmatter import front_matter_block
from capuy.reports import workflow
from capuy.reports.header_form import HeaderForm, current_front_matter
from capuy.reports.models import Report
from capuy.reports.preview import preview_of
from capuy.reports.richtext import html_to_markdown, markdown_to_html, split_front_matter

SEVERITY = {"error": "lỗi", "warning": "cảnh báo"}
NOT_EDITABLE = "Báo cáo không còn ở trạng thái dự thảo: không sửa được nữa."


def _report(request: HttpRequest, pk: int) -> Report:
    return get_scoped_object_or_404(
        Report.objects.select_related("organisation"),
        request.user,
        org_field="organisation",
        classification_field="classification",
        pk=pk,
    )


def findings_json(report: Report) -> list[dict[str, Any]]:
    """The findings for the page; ``where`` says "Phần đầu" or "Nội dung" rather than a source
    line the editor does not show (the line stays, for the preview's ``data-line``)."""
    block = front_matter_block(report.body.split("\n"))
    header_end = block[1] if block else 0
    return [
        {
            "line": f.get("line", 0),
            "where": "Phần đầu" if int(f.get("line") or 0) <= header_end else "Nội dung",
            "severity": f.get("severity", "info"),
            "severity_vi": SEVERITY.get(f.get("severity", ""), "ghi chú"),
            "rule": f.get("rule", ""),
            "message": f.get("message", ""),
            "excerpt": f.get("excerpt", ""),
            "suggestion": f.get("suggestion", ""),
        }
        for f in report.findings
    ]


def _saved_at(report: Report) -> str:
    return timezone.localtime(report.checked_at).strftime("%H:%M") if report.checked_at else ""


@require_GET
@require_role(*workflow.WRITERS)
def report_editor(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    if not workflow.can(request.user, "save", report):
        messages.info(request, NOT_EDITABLE)
        return redirect("reports:detail", pk=report.pk)
    front = current_front_matter(report.body)
    if front is None:
        messages.warning(
            request,
            "Phần đầu văn bản hiện không đọc được: hãy điền lại các trường bên dưới "
            "(bản cũ vẫn còn trong “Sửa mã nguồn” cho đến khi lưu).",
        )
    _, body = split_front_matter(report.body)
    context = {
        "report": report,
        "form": HeaderForm(initial=HeaderForm.initial_from(front or {})),
        "body_html": markdown_to_html(body),
        "preview": preview_of(report.body),
        "findings": findings_json(report),
        "saved_at": _saved_at(report),
    }
    return render(request, "reports/editor.html", context)


@require_POST
@require_role(*workflow.WRITERS)
def report_autosave(request: HttpRequest, pk: int) -> JsonResponse:
    """Save the header fields and the editor's HTML; answer with the new findings, the state
    and the preview. Nothing is saved when the header is refused (400, the errors by field)."""
    report = _report(request, pk)
    if not workflow.can(request.user, "save", report):
        return JsonResponse({"ok": False, "message": NOT_EDITABLE}, status=409)
    form = HeaderForm(request.POST)
    if not form.is_valid():
        errors = {name: [str(m) for m in msgs] for name, msgs in form.errors.items()}
        return JsonResponse(
            {"ok": False, "message": "Chưa lưu: phần đầu có trường chưa hợp lệ.", "errors": errors},
            status=400,
        )
    body = html_to_markdown(request.POST.get("noi_dung_html", ""))
    try:
        text = form.text_with(body, current_front_matter(report.body))
        workflow.save_text(report, text, request.user)
    except InputError as error:
        return JsonResponse({"ok": False, "message": f"Chưa lưu: {error.vi}"}, status=400)
    return JsonResponse(
        {
            "ok": True,
            "saved_at": _saved_at(report),
            "state": report.state,
            "state_display": str(report.get_state_display()),
            "error_count": sum(1 for f in report.findings if f.get("severity") == "error"),
            "findings": findings_json(report),
            "preview": preview_of(report.body),
        }
    )
