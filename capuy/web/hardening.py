"""Request and response hardening, the same for every page of every app.

Requests (``BoundedInputMiddleware``), before any view or form sees them:

- a body larger than ``CAPUY_MAX_REQUEST_BYTES`` (default: the attachment limit + 1 MB) is
  refused with 413 before it is read; form fields without files are further capped by
  Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (settings: 2 MB);
- every text field is bounded: over ``CAPUY_MAX_FIELD_CHARS`` (300.000 characters, a
  60-page report is about 150.000) the request is refused with 400 and a Vietnamese page,
  so no model, log or audit table receives it — the probe grew the database by 90 MB with
  three anonymous log-in posts whose user name was 10.000.000 characters;
- every text value of the query string and the form is put in Unicode NFC (Vietnamese typed
  on some systems arrives decomposed, NFD, and then compares unequal), except passwords,
  which are compared as typed.

Responses (``SecurityHeadersMiddleware``):

- ``Content-Security-Policy``: ``default-src 'self'``, no inline script, no inline style, no
  plug-ins, no framing, forms only to this site. capuy ships every script and style as a
  static file (htmx included) and uses no CDN, so nothing needs an exception. A header of our
  own rather than django-csp: the policy is one constant string with no nonces or per-view
  changes, and one dependency less to keep up;
- ``Cache-Control: no-store`` on every page and download (static files are served before
  this middleware by WhiteNoise, with their own long cache): a shared office computer's
  browser cache must not keep a record after log-out.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.loader import render_to_string

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
MAX_FIELD_CHARS = 300_000
NOT_NORMALISED = ("password", "password1", "password2", "old_password", "new_password1",
                  "new_password2")  # fmt: skip


def max_request_bytes() -> int:
    from capuy.documents.attachments import max_attachment_bytes

    default = max_attachment_bytes() + 1024 * 1024
    return int(getattr(settings, "CAPUY_MAX_REQUEST_BYTES", None) or default)


def _refuse(request: HttpRequest, status: int, message: str) -> HttpResponse:
    html = render_to_string("400.html", {"message": message}, request=request)
    return HttpResponse(html, status=status)


def _nfc(data: QueryDict) -> QueryDict | None:
    """A copy of ``data`` in NFC, or None when it already is (the usual case: no copy)."""
    if all(unicodedata.is_normalized("NFC", v) for k in data for v in data.getlist(k)) and all(
        unicodedata.is_normalized("NFC", k) for k in data
    ):
        return None
    copy = QueryDict(mutable=True, encoding=data.encoding)
    for key in data:
        values = data.getlist(key)
        if key not in NOT_NORMALISED:
            values = [unicodedata.normalize("NFC", v) for v in values]
        copy.setlist(unicodedata.normalize("NFC", key), values)
    copy._mutable = False
    return copy


class BoundedInputMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = max_request_bytes()
        if length > limit:
            return _refuse(
                request,
                413,
                f"Dữ liệu gửi lên quá lớn (tối đa {limit // 1048576} MB).",
            )
        most = int(getattr(settings, "CAPUY_MAX_FIELD_CHARS", MAX_FIELD_CHARS))
        sources = [("GET", request.GET)]
        if request.method == "POST":
            sources.append(("POST", request.POST))  # may raise RequestDataTooBig → 400
        for name, data in sources:
            for key in data:
                if len(key) > 200 or any(len(v) > most for v in data.getlist(key)):
                    return _refuse(
                        request,
                        400,
                        f"Một trường dữ liệu quá dài (tối đa {most:,} ký tự).".replace(",", "."),
                    )
            normalised = _nfc(data)
            if normalised is not None:
                setattr(request, name, normalised)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["Cache-Control"] = "no-store"
        return response


def bounded_login_name(request: HttpRequest, credentials: dict[str, object] | None) -> str:
    """The user name django-axes keeps for a failed log-in: NFC, at most 150 characters (the
    longest a user name can be), whatever was posted."""
    raw = (credentials or {}).get("username")
    if raw is None:
        raw = request.POST.get("username", "") if request.method == "POST" else ""
    return unicodedata.normalize("NFC", str(raw))[:150]
