"""The jobs pages (``/cong-viec/``): a user's organisation's jobs, their progress, the result
file; and ``/healthz/full`` (staff, or ``Authorization: Bearer $CAPUY_HEALTH_TOKEN``)."""

from __future__ import annotations

import hmac
import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from capuy.accounts.access import require_role, scope_queryset
from capuy.jobs.models import Job

PAGE_SIZE = 50


def visible_jobs(user: Any) -> QuerySet[Job]:
    """The jobs of the user's units (and clearance); staff also see the installation-wide
    jobs (no unit: the search index, the backups)."""
    base = Job.objects.select_related("organisation", "requested_by")
    jobs = scope_queryset(base, user, "organisation", "classification")
    if getattr(user, "is_staff", False) and user.is_active:
        jobs = jobs | base.filter(organisation__isnull=True, classification=0)
    return jobs


def _job(request: HttpRequest, pk: int) -> Job:
    try:
        return visible_jobs(request.user).get(pk=pk)
    except Job.DoesNotExist as exc:
        raise Http404("Không tìm thấy.") from exc


@require_GET
@require_role()
def job_list(request: HttpRequest) -> HttpResponse:
    jobs = visible_jobs(request.user)
    state = request.GET.get("trang_thai", "")
    if state in Job.State.values:
        jobs = jobs.filter(state=state)
    page = Paginator(jobs, PAGE_SIZE).get_page(request.GET.get("trang"))
    from capuy.jobs.registry import kind_of

    staff_kinds = [(k, spec.label) for k in STAFF_KINDS if (spec := kind_of(k))]
    return render(
        request,
        "jobs/list.html",
        {
            "page": page,
            "state": state,
            "states": Job.State.choices,
            "staff_kinds": staff_kinds if request.user.is_staff else [],
        },
    )


@require_GET
@require_role()
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "jobs/detail.html", {"job": _job(request, pk)})


@require_GET
@require_role()
def job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The fragment polled (every second, by HTMX) while the job is not finished."""
    return render(request, "jobs/_progress.html", {"job": _job(request, pk)})


@require_GET
@require_role()
def job_result(request: HttpRequest, pk: int) -> FileResponse:
    job = _job(request, pk)
    if job.state != Job.State.DONE or not job.result_file:
        raise Http404("Công việc chưa có tệp kết quả.")
    root = Path(settings.MEDIA_ROOT).resolve()
    path = (root / job.result_file).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise Http404("Tệp kết quả không còn.")
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name)


# installation-wide jobs an administrator of the server (a staff user) may start from the page
STAFF_KINDS = ("search_rebuild", "backup")


@require_POST
@require_role()
def job_start(request: HttpRequest) -> HttpResponse:
    """Queue an installation-wide job (rebuild the search index, back up now): staff only."""
    from capuy.jobs.registry import kind_of
    from capuy.jobs.runner import enqueue

    if not request.user.is_staff:
        raise PermissionDenied("Chỉ quản trị máy chủ mới chạy được việc này.")
    kind = request.POST.get("loai", "")
    spec = kind_of(kind) if kind in STAFF_KINDS else None
    if spec is None:
        raise Http404("Không có loại việc này.")
    job = enqueue(kind, spec.label, user=request.user)
    return redirect("jobs:detail", pk=job.pk)


def _token_ok(request: HttpRequest) -> bool:
    token = os.environ.get("CAPUY_HEALTH_TOKEN", "")
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return bool(token) and hmac.compare_digest(token.encode(), given.encode())


@require_GET
def health_full(request: HttpRequest) -> HttpResponse:
    """JSON for monitoring; 503 when something is wrong. Staff or the token only: it names
    the workers' machines and the disk's size."""
    if not request.user.is_authenticated and not _token_ok(request):
        return redirect_to_login(request.get_full_path())
    if not (request.user.is_staff or _token_ok(request)):
        return JsonResponse(
            {"ok": False, "error": "Cần đăng nhập quản trị hoặc mã giám sát."}, status=403
        )
    from capuy.jobs.health import report

    data = report()
    return JsonResponse(
        data, status=200 if data["ok"] else 503, json_dumps_params={"ensure_ascii": False}
    )
