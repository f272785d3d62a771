"""Shared pages: the home page (per role, built from the registered panels) and health check."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from capuy.accounts.access import primary_organisation, require_role, roles_of
from capuy.web.home import panels


@require_GET
@require_role()
def home(request: HttpRequest) -> HttpResponse:
    """What the user should see first: the panels their roles call for, each one scoped."""
    roles = roles_of(request.user)
    shown = []
    for panel in panels():
        if panel.roles is not None and not (roles & panel.roles):
            continue
        shown.append({"panel": panel, "context": panel.context(request)})
    return render(
        request,
        "web/home.html",
        {"panels": shown, "organisation": primary_organisation(request.user)},
    )


@require_GET
def health(request: HttpRequest) -> HttpResponse:
    """For the benchmark and monitoring: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 400 page, saying why when the clerk can act on it. Choosing more files than Django
    lets one request carry (``DATA_UPLOAD_MAX_NUMBER_FILES``) stops the request before any form
    sees it, so the upload form's own "at most 100 files; make a ZIP" never showed: the clerk
    got "Dữ liệu gửi lên không hợp lệ." and did not know what to change."""
    message = ""
    if isinstance(exception, TooManyFilesSent):
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FILES
        message = (
            f"Mỗi lần tải lên tối đa {limit} tệp. Hãy chọn ít tệp hơn, hoặc nén cả thư mục "
            "thành một tệp ZIP rồi tải lên tệp ZIP đó."
        )
    back = request.path if request.method == "POST" else "/"
    return render(request, "400.html", {"message": message, "back": back}, status=400)
