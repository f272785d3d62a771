"""Keep every web worker's cached vocabulary in step with the overlay directory.

A save in one gunicorn worker clears only that process's caches; the others notice the change
here, by the overlay directory's modification time (files are written by rename and removed
by unlink, both of which touch it), at the cost of one ``stat`` per request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

import capuy.vocab as vocab
from capuy.vocab.loader import overlay_stamp

_seen: tuple[str, int | None] | None = None
_lock = threading.Lock()


def refresh_if_changed() -> bool:
    """Reload the vocabulary when the overlay directory changed since the last look."""
    global _seen
    stamp = overlay_stamp()
    if stamp == _seen:
        return False
    with _lock:
        _seen = stamp
        vocab.reload()
    return True


class VocabOverlayMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        refresh_if_changed()
        return self.get_response(request)
