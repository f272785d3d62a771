"""htmx and the browser's history: a page that answers ``HX-Request`` with a fragment must not
have that fragment shown as the page.

- ``Vary: HX-Request`` on every response, so no cache (the browser's, a proxy's) serves the
  fragment of a live search where the whole page was asked for, or the other way round.
- When htmx restores a page it has no copy of (``HX-History-Restore-Request``, after Back), it
  wants the whole page though it sends ``HX-Request``: the header is dropped before the view
  sees it, so every view that serves fragments serves the page.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers


class HtmxHistoryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.headers.get("HX-History-Restore-Request") == "true":
            request.META.pop("HTTP_HX_REQUEST", None)
            request.__dict__.pop("headers", None)  # a cached property: read again from META
        response = self.get_response(request)
        patch_vary_headers(response, ("HX-Request",))
        return response
