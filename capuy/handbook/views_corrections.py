"""The office's page of members' correction requests (đề nghị sửa hồ sơ): the specialists and
administrators of a committee see the requests of the members below it, answer them (done or
refused, with an answer), the change is audited and the member is notified. Each request
shown is a view of that member's personal data, so it is logged (``ProfileView``)."""

from __future__ import annotations

from typing import Any

from auditlog.context import set_actor
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from capuy.accounts.access import organisations_with_role
from capuy.handbook.models import CorrectionRequest
from capuy.handbook.scope import OFFICE_ROLES
from capuy.handbook.services import log_profile_view, notify_members
from capuy.text.normalize import nfc

PAGE = 50
PAGE_NAME = "handbook:corrections"


def office_requests(user: Any) -> QuerySet[CorrectionRequest]:
    units = organisations_with_role(user, *OFFICE_ROLES).values("pk")
    return CorrectionRequest.objects.filter(member__organisation__in=units).select_related(
        "member__organisation"
    )


def _answer(request: HttpRequest, rows: QuerySet[CorrectionRequest]) -> None:
    raw = str(request.POST.get("pk", ""))[:12]
    item = rows.filter(pk=int(raw)).first() if raw.isdigit() else None
    if item is None:
        raise Http404("Không tìm thấy.")
    status = request.POST.get("trang_thai", "")
    answer = nfc(request.POST.get("tra_loi", "")).strip()[:2000]
    if status not in (CorrectionRequest.Status.DONE, CorrectionRequest.Status.REFUSED):
        messages.error(request, "Chọn “Đã xử lý” hoặc “Không sửa”.")
        return
    if status == CorrectionRequest.Status.REFUSED and not answer:
        messages.error(request, "Không sửa thì phải trả lời lý do cho đảng viên.")
        return
    with set_actor(request.user), transaction.atomic():
        item.status, item.answer = status, answer
        item.save(update_fields=["status", "answer"])
        label = CorrectionRequest.Status(status).label
        notify_members(
            [item.member],
            "correction",
            f"Đề nghị sửa “{item.field}”: {label.lower()}. {answer}".strip(),
            "/so-tay/ho-so/",
        )
    messages.success(request, f"Đã trả lời đề nghị của đồng chí {item.member.full_name}.")


@login_required
@require_http_methods(["GET", "POST"])
def corrections(request: HttpRequest) -> HttpResponse:
    if not organisations_with_role(request.user, *OFFICE_ROLES).exists():
        raise Http404("Không tìm thấy.")
    rows = office_requests(request.user)
    if request.method == "POST":
        _answer(request, rows)
        return redirect(PAGE_NAME)
    show_all = request.GET.get("xem") == "tat-ca"
    shown = list((rows if show_all else rows.filter(status=CorrectionRequest.Status.OPEN))[:PAGE])
    for item in {r.member_id: r for r in shown}.values():
        log_profile_view(request.user, item.member, "đề nghị sửa hồ sơ")
    return render(
        request,
        "handbook/corrections.html",
        {
            "rows": shown,
            "show_all": show_all,
            "open_count": rows.filter(status=CorrectionRequest.Status.OPEN).count(),
            "statuses": [
                (CorrectionRequest.Status.DONE, "Đã xử lý"),
                (CorrectionRequest.Status.REFUSED, "Không sửa"),
            ],
        },
    )
