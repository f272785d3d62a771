"""Pages of a report's versions and its Word round trip: the list of versions with a diff
between any two, the draft as DOCX with the checker's findings as Word comments, and a DOCX
uploaded back as the next version. Scoped like the report page (``views._report``)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from capuy.accounts.access import require_role
from capuy.errors import InputError
from capuy.reports import versions
from capuy.reports.models import Report, ReportVersion
from capuy.reports.views import _report
from capuy.reports.workflow import WRITERS


def _pick(request: HttpRequest, name: str, rows: list[ReportVersion], default: int) -> int:
    raw = request.GET.get(name, "")
    numbers = {v.number for v in rows}
    if raw.isdigit() and len(raw) < 9 and int(raw) in numbers:
        return int(raw)
    return default


def _version_context(request: HttpRequest, report: Report) -> dict[str, Any]:
    rows = list(ReportVersion.objects.filter(report=report).select_related("author"))
    context: dict[str, Any] = {
        "report": report,
        "versions": rows,
        "hunks": None,
        "dismissed": report.dismissals.select_related("user"),
    }
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


def docx_upload_text(upload: Any) -> str:
    """The authoring text of an uploaded DOCX: checked as any attachment (size, magic,
    zip bombs: ``validate_attachment``), then read in a bounded child process. Raises
    ``InputError`` with the reason in Vietnamese."""
    import tempfile
    from pathlib import Path

    from django.core.exceptions import ValidationError

    from capuy.documents.attachments import validate_attachment
    from capuy.errors import InputError
    from capuy.read.sandbox import read_text_limited
    from capuy.reports.output import parse

    name = str(getattr(upload, "name", "") or "")
    if Path(name).suffix.lower() != ".docx":
        raise InputError(
            "Chỉ nhận tệp Word (.docx) tải về từ trang này và đã sửa.", "only .docx files"
        )
    try:
        validate_attachment(upload, name, getattr(upload, "size", None))
    except ValidationError as error:
        raise InputError(" ".join(error.messages), "invalid upload") from error
    upload.seek(0)
    with tempfile.TemporaryDirectory(prefix="capuy-word-") as tmp:
        path = Path(tmp) / "du-thao.docx"
        path.write_bytes(upload.read())
        text = read_text_limited(path, Path(name).name[:120], module="capuy.render.docx_markdown")
    parse(text)  # what the report keeps must lay out (InputError otherwise)
    return text


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split()).rstrip(",;.")
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return value


def keep_written_form(old: str, new: str) -> str:
    """``new`` with each front-matter value that Word did not change (equal but for line
    breaks, spaces and a list item's closing comma) written as ``old`` had it; a symbol read
    back from the page (``-BC/ĐU``) that the old text derived from ``issuer_code`` is left to
    be derived again."""
    import yaml

    from capuy.read.frontmatter import front_matter_of
    from capuy.reports.output import parse

    try:
        before, after = front_matter_of(old), front_matter_of(new)
        old_symbol = parse(old).header.symbol
    except InputError:
        return new
    data = dict(after)
    for key, value in before.items():
        if key in data and value != data[key] and _norm(value) == _norm(data[key]):
            data[key] = value
    if "symbol" not in before and "issuer_code" in before and data.get("symbol") == old_symbol:
        rebuilt: dict[str, Any] = {}
        for key, value in data.items():
            if key == "symbol":
                rebuilt["issuer_code"] = before["issuer_code"]
            else:
                rebuilt[key] = value
        data = rebuilt
    if data == after:
        return new
    end = new.index("\n---", 4)
    head = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return "---\n" + head + new[end + 1 :]


@require_POST
@require_role(*WRITERS)
def report_upload_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """A DOCX edited in Word becomes the report's next version (nothing kept on error)."""
    from django.contrib import messages
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import redirect

    from capuy.reports import workflow

    report = _report(request, pk)
    if not workflow.can(request.user, "save", report):
        raise PermissionDenied("Bạn không thể sửa báo cáo này.")
    upload = request.FILES.get("tep")
    try:
        if upload is None:
            raise InputError("Hãy chọn tệp Word (.docx) để tải lên.", "no file")
        text = keep_written_form(report.body, docx_upload_text(upload))
        workflow.save_text(report, text, request.user, source="word")
    except InputError as error:
        messages.error(request, f"Không nhận tệp Word: {error.vi} Báo cáo giữ nguyên.")
        return redirect("reports:detail", pk=report.pk)
    version = report.versions.order_by("-number").first()
    messages.success(
        request,
        f"Đã nhận bản Word thành phiên bản {version.number if version else ''}; "
        f"kiểm tra: {report.error_count} lỗi.",
    )
    return redirect("reports:detail", pk=report.pk)
