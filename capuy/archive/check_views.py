"""``/luu-tru/soat-loi/``: which archived documents have errors, and the button that checks a
unit's whole archive again (an ``archive_check`` job, ``capuy.archive.checks``).

The list is the register's own scoped query (``visible_documents``: the user's units and
clearance) joined to each document's last check, so a result is seen only by who may see the
document. A document whose text changed after its check shows as "Đã sửa sau lần soát". A
document's page shows its result too (``section_context``, a detail section).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from capuy.accounts.access import organisations_with_role, require_role, visible_organisations
from capuy.archive.checks import start_check, text_hash
from capuy.archive.models import DocumentCheck
from capuy.documents.forms import REGISTERING_ROLES
from capuy.documents.queries import visible_documents

PAGE_SIZE = 50
FILTERS: dict[str, tuple[str, dict[str, Any]]] = {
    "loi": ("Có lỗi", {"archive_check__errors__gt": 0}),
    "da-soat": ("Đã soát", {"archive_check__isnull": False}),
    "chua-soat": ("Chưa soát", {"archive_check__isnull": True}),
    "": ("Tất cả", {}),
}
STATUS_LABELS = {
    "none": "Chưa soát",
    "stale": "Đã sửa sau lần soát — chưa soát lại",
    "error": "Có lỗi",
    "warning": "Có cảnh báo",
    "info": "Có gợi ý",
    "": "Không phát hiện lỗi",
}


def status_of(document: Any, result: DocumentCheck | None) -> str:
    """``none`` (never checked), ``stale`` (its text changed since), else the worst severity."""
    if result is None:
        return "none"
    if result.text_sha256 != text_hash(document.text):
        return "stale"
    return result.worst


def _result(document: Any) -> DocumentCheck | None:
    try:
        return document.archive_check
    except DocumentCheck.DoesNotExist:
        return None


def _startable(user: Any) -> Any:
    return organisations_with_role(user, *REGISTERING_ROLES).order_by("path")[:300]


@require_GET
@require_role()
def check_list(request: HttpRequest) -> HttpResponse:
    documents = visible_documents(request.user).exclude(text="").select_related("archive_check")
    unit = None
    raw_unit = request.GET.get("don_vi", "")
    if raw_unit.isdigit():
        unit = visible_organisations(request.user).filter(pk=int(raw_unit)).first()
        if unit is None:
            raise Http404("Không tìm thấy.")
        documents = documents.filter(organisation__path__startswith=unit.path)
    chosen = request.GET.get("loc", "loi")
    chosen = chosen if chosen in FILTERS else "loi"
    documents = documents.filter(**FILTERS[chosen][1])
    worst_first = F("archive_check__errors").desc(nulls_last=True)  # never checked: last
    documents = documents.order_by(worst_first, "-issued_on", "-pk")
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("trang"))
    rows = []
    for document in page:
        result = _result(document)
        status = status_of(document, result)
        rows.append({"document": document, "result": result, "status": status,
                     "label": STATUS_LABELS[status]})  # fmt: skip
    return render(
        request,
        "archive/checks.html",
        {
            "rows": rows,
            "page": page,
            "unit": unit,
            "chosen": chosen,
            "filters": [(key, label) for key, (label, _) in FILTERS.items()],
            "startable": _startable(request.user),
        },
    )


@require_POST
@require_role(*REGISTERING_ROLES)
def check_start(request: HttpRequest) -> HttpResponse:
    raw = request.POST.get("organisation", "")
    org = (
        organisations_with_role(request.user, *REGISTERING_ROLES).filter(pk=int(raw)).first()
        if raw.isdigit()
        else None
    )
    if org is None:
        raise PermissionDenied("Bạn không có quyền soát kho lưu trữ của đơn vị này.")
    job = start_check(org, request.user)
    messages.success(request, f"Đã đưa việc soát lỗi kho lưu trữ của {org.name} vào hàng đợi.")
    return redirect("jobs:detail", pk=job.pk)


def section_context(request: HttpRequest, document: Any) -> dict[str, Any]:
    """A document's page: its last check (the page's document is already the visible one)."""
    result = DocumentCheck.objects.filter(document=document).first()
    status = status_of(document, result)
    return {"result": result, "status": status, "label": STATUS_LABELS[status]}
