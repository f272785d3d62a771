"""Pages of a report's versions and its Word round trip: the list of versions with a diff
between any two, the draft as DOCX with the checker's findings as Word comments, and a DOCX
uploaded back as the next version. Scoped like the report page (``views._report``)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from capuy.accounts.access import require_role
from capuy.reports import versions
from capuy.reports.models import Report, ReportVersion
from capuy.reports.views import _report


def _pick(request: HttpRequest, name: str, rows: list[ReportVersion], default: int) -> int:
    raw = request.GET.get(name, "")
    numbers = {v.number for v in rows}
    if raw.isdigit() and len(raw) < 9 and int(raw) in numbers:
        return int(raw)
    return default


def _version_context(request: HttpRequest, report: Report) -> dict[str, Any]:
    rows = list(ReportVersion.objects.filter(report=report).select_related("author"))
    context: dict[str, Any] = {"report": report, "versions": rows, "hunks": None}
    if len(rows) >= 2:
        newest, older = rows[0].number, rows[1].number
        a, b = _pick(request, "a", rows, older), _pick(request, "b", rows, newest)
        by_number = {v.number: v for v in rows}
        hunks = versions.diff(by_number[a].body, by_number[b].body)
        context.update(a=a, b=b, hunks=hunks, changes=versions.changed(hunks))
    return context


@require_GET
@require_role()
def report_versions(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    return render(request, "reports/versions.html", _version_context(request, report))


@require_GET
@require_role()
def report_version_text(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    report = _report(request, pk)
    version = ReportVersion.objects.filter(report=report, number=number).first()
    if version is None:
        raise Http404("Không có phiên bản này.")
    response = HttpResponse(
        version.body.encode("utf-8"), content_type="text/markdown; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="bao-cao-{report.pk}-phien-ban-{version.number}.md"'
    )
    return response


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@require_GET
@require_role()
def report_docx_commented(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft as DOCX with the checker's findings (those not set aside) as Word comments."""
    from django.contrib import messages
    from django.shortcuts import redirect

    from capuy.errors import InputError
    from capuy.render.comments import annotate
    from capuy.reports.dismissals import open_findings
    from capuy.reports.output import docx_bytes

    report = _report(request, pk)
    try:
        data = annotate(docx_bytes(report.body), open_findings(report))
    except InputError as error:
        messages.error(request, error.vi)
        return redirect("reports:detail", pk=report.pk)
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = (
        f'attachment; filename="bao-cao-{report.pk}-kem-y-kien-kiem-tra.docx"'
    )
    return response
