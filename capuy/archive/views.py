"""Pages of the intake: upload, a run's progress and report, the review list and form.

Every query is scoped (``capuy.accounts.access``): runs by organisation, items by organisation
and clearance, so a run or an item out of the user's reach answers 404, and a Mật file's name
never shows to a user without that clearance. Uploading and reviewing need the clerk (văn thư)
or administrator role on the organisation.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from capuy.accounts.access import (
    get_scoped_object_or_404,
    has_role,
    organisations_with_role,
    require_role,
    scope_queryset,
)
from capuy.archive import background
from capuy.archive.filing import PROBLEMS, capacity_code
from capuy.archive.forms import ReviewForm, UploadForm
from capuy.archive.models import ImportItem, ImportRun
from capuy.archive.report import confidence_label, csv_bytes, summary_of
from capuy.archive.review import save_review
from capuy.archive.runner import default_jobs
from capuy.documents.forms import REGISTERING_ROLES
from capuy.documents.models import Direction

PAGE_SIZE = 50


def _runs(user: Any) -> QuerySet[ImportRun]:
    return scope_queryset(ImportRun.objects.select_related("organisation"), user)


def _items(user: Any) -> QuerySet[ImportItem]:
    return scope_queryset(
        ImportItem.objects.select_related("document", "run"),
        user,
        classification_field="classification",
    )


def _safe_name(name: str) -> str:
    """A file name that cannot leave the upload folder: NFC, no path, no control characters."""
    base = Path(unicodedata.normalize("NFC", name).replace("\\", "/")).name
    base = re.sub(r"[\x00-\x1f/]", "_", base).strip(" .") or "tep"
    return base[:180]


def _stage(files: list[Any]) -> Path:
    """Save the uploaded files in a fresh folder under the data dir; a ZIP stays a ZIP."""
    folder = Path(settings.DATA_DIR) / "import-uploads" / uuid.uuid4().hex
    folder.mkdir(parents=True)
    used: set[str] = set()
    last = folder
    for upload in files:
        name = _safe_name(upload.name)
        stem, suffix = Path(name).stem, Path(name).suffix
        counter = 1
        while name.lower() in used:
            counter += 1
            name = f"{stem} ({counter}){suffix}"
        used.add(name.lower())
        last = folder / name
        with open(last, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    if len(files) == 1 and last.suffix.lower() == ".zip":
        return last
    return folder


@require_http_methods(["GET", "POST"])
@require_role(*REGISTERING_ROLES)
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        files = form.cleaned_data["files"]
        source = _stage(files)
        label = files[0].name if len(files) == 1 else f"{len(files)} tệp tải lên"
        run = ImportRun.objects.create(
            organisation=organisation,
            source=str(source),
            origin=ImportRun.Origin.UPLOAD,
            started_by=request.user,
            message=label[:500],
        )
        background.start(run, source, default_jobs())
        return redirect("archive:run", pk=run.pk)
    runs = _runs(request.user).filter(
        organisation__in=organisations_with_role(request.user, *REGISTERING_ROLES).values("pk")
    )[:20]
    pending = _review_items(request.user).count()
    return render(request, "archive/upload.html", {"form": form, "runs": runs, "pending": pending})


def _run_context(request: HttpRequest, run: ImportRun) -> dict[str, Any]:
    items = _items(request.user).filter(run=run)
    summary = summary_of(items)
    percent = int(100 * run.done / run.total) if run.total else 0
    return {
        "run": run,
        "summary": summary,
        "percent": percent,
        "running": run.state == ImportRun.State.RUNNING,
    }


@require_GET
@require_role()
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_scoped_object_or_404(
        ImportRun.objects.select_related("organisation"), request.user, pk=pk
    )
    context = _run_context(request, run)
    status = request.GET.get("ket_qua", "")
    items = _items(request.user).filter(run=run).order_by("pk")
    if status in ImportItem.Status.values:
        items = items.filter(status=status)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("trang"))
    context.update(
        page=page,
        status=status,
        statuses=ImportItem.Status.choices,
        problems=PROBLEMS,
        rows=[(item, confidence_label(item.ocr_confidence)) for item in page],
    )
    return render(request, "archive/run.html", context)


@require_GET
@require_role()
def run_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """HTMX fragment polled every second while the run goes on; stops polling when done. The
    poll that sees the run done reloads the page (``HX-Refresh``): the table of files under the
    counts was rendered while the run was going on, and said "Chưa có tệp nào." beside "Đã xong:
    6/6 tệp" until the clerk thought of reloading."""
    run = get_scoped_object_or_404(
        ImportRun.objects.select_related("organisation"), request.user, pk=pk
    )
    context = _run_context(request, run)
    response = render(request, "archive/_progress.html", context)
    if not context["running"] and request.headers.get("HX-Request"):
        response["HX-Refresh"] = "true"
    return response


@require_GET
@require_role()
def run_csv(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_scoped_object_or_404(ImportRun.objects, request.user, pk=pk)
    response = HttpResponse(
        csv_bytes(_items(request.user).filter(run=run)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="capuy-nhap-{run.pk}.csv"'
    return response


def _review_items(user: Any) -> QuerySet[ImportItem]:
    """Items a person must complete or check, in the units where the user registers."""
    return (
        _items(user)
        .filter(organisation__in=organisations_with_role(user, *REGISTERING_ROLES).values("pk"))
        .filter(
            Q(status=ImportItem.Status.REVIEW)
            | Q(status=ImportItem.Status.IMPORTED, low_confidence=True, reviewed_at__isnull=True)
        )
        .order_by("pk")
    )


@require_GET
@require_role(*REGISTERING_ROLES)
def review_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(_review_items(request.user), PAGE_SIZE).get_page(request.GET.get("trang"))
    rows = [
        (item, [PROBLEMS.get(p, p) for p in item.problems], confidence_label(item.ocr_confidence))
        for item in page
    ]
    return render(request, "archive/review_list.html", {"page": page, "rows": rows})


def _iso_date(raw: str) -> dt.date | None:
    """The form shows a date as dd/mm/yyyy only when given a date, not the ISO text stored."""
    try:
        return dt.date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def _initial(item: ImportItem) -> dict[str, Any]:
    meta = item.metadata or {}
    document = item.document
    if document is not None:
        return {
            "direction": document.direction,
            "issuing_body": document.issuing_body_id,
            "sender": document.sender,
            "type_code": document.type_code,
            "number": document.number,
            "symbol": document.symbol,
            "issued_on": document.issued_on,
            "summary": document.summary,
            "signer_name": document.signer_name,
            "signer_title": document.signer_title,
            "signer_capacity": document.signer_capacity,
            "classification": document.classification,
        }
    number = meta.get("number") or ""
    return {
        "direction": Direction.INCOMING,
        "sender": meta.get("issuer", ""),
        "type_code": meta.get("type_code", ""),
        "number": int(number) if str(number).isdigit() else None,
        "symbol": meta.get("symbol", ""),
        "issued_on": _iso_date(meta.get("date") or ""),
        "summary": meta.get("summary") or meta.get("title", ""),
        "signer_name": meta.get("signer_name", ""),
        "signer_title": meta.get("signer_title", ""),
        "signer_capacity": capacity_code(meta.get("signer_capacity") or ""),
        "classification": item.classification,
    }


@require_http_methods(["GET", "POST"])
@require_role(*REGISTERING_ROLES)
def review_item(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_scoped_object_or_404(
        _review_items(request.user) | _items(request.user).filter(reviewed_at__isnull=False),
        request.user,
        classification_field="classification",
        pk=pk,
    )
    if not has_role(request.user, *REGISTERING_ROLES, organisation=item.organisation):
        raise Http404("Không tìm thấy.")
    form = ReviewForm(request.POST or None, user=request.user, item=item, initial=_initial(item))
    if request.method == "POST" and form.is_valid():
        try:
            document = save_review(item, form.cleaned_data, request.user)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error.messages)
        else:
            messages.success(
                request, f"Đã vào sổ {document.symbol or document.type_name} từ tệp {item.path}."
            )
            return redirect("archive:review")
    context = {
        "item": item,
        "form": form,
        "problems": [PROBLEMS.get(p, p) for p in item.problems],
        "confidence": confidence_label(item.ocr_confidence),
        "excerpt": item.text[:3000],
    }
    return render(request, "archive/review_item.html", context)


@require_GET
@require_role(*REGISTERING_ROLES)
def item_original(request: HttpRequest, pk: int) -> Any:
    """The stored original of an item (for the reviewer to compare), scoped like the item."""
    from django.http import FileResponse

    item = get_scoped_object_or_404(
        _items(request.user), request.user, classification_field="classification", pk=pk
    )
    if not item.original:
        raise Http404("Không có tệp gốc.")
    suffix = Path(item.original.name).suffix.lower()
    return FileResponse(
        item.original.open("rb"), as_attachment=True, filename=f"tep-goc-{item.pk}{suffix}"
    )
