"""Server-sent events for the screens (hall projector, chair's and secretary's console).

A stream holds one server thread while it is open (``capuy serve`` runs gunicorn's threaded
workers), so streams are for the few screens, not for every phone: phones poll a cheap
version number instead (``views.room_state``). Each stream ends after ``STREAM_SECONDS`` and
the browser's EventSource reconnects by itself (``retry``), sending ``Last-Event-ID``; a
changed room is then sent whole — so a screen that lost its connection catches up, and a
thread is never pinned for the whole meeting. See docs/decisions.md.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from capuy.accounts.access import require_role
from capuy.meetingroom import live
from capuy.meetingroom.access import get_room
from capuy.meetingroom.models import Session
from capuy.meetingroom.state import snapshot

STREAM_SECONDS = 50.0
HEARTBEAT_SECONDS = 15.0


def _event(event_id: str, data: dict) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"id: {event_id}\nevent: state\ndata: {payload}\n\n"


def _stream(room_id: int, last_id: str, seconds: float) -> Iterator[str]:
    yield "retry: 1000\n\n"
    deadline = time.monotonic() + seconds
    beat = time.monotonic() + HEARTBEAT_SECONDS
    seen = live.generation()
    # the database connection is closed by Django when the response is (request_finished)
    while True:
        try:
            event_id, data = snapshot(room_id)
        except Session.DoesNotExist:
            return
        if event_id != last_id:
            last_id = event_id
            yield _event(event_id, data)
        now = time.monotonic()
        if now >= deadline:
            return
        if now >= beat:
            beat = now + HEARTBEAT_SECONDS
            yield ": còn kết nối\n\n"
        seen = live.wait_for_change(seen, timeout=min(deadline, beat) - now)


@require_role()
def events(request: HttpRequest, pk: int) -> StreamingHttpResponse:
    session = get_room(request.user, pk)
    last_id = request.headers.get("Last-Event-ID", "")[:60]
    seconds = STREAM_SECONDS
    if request.GET.get("mot-lan"):  # one snapshot and done (tests, or a very old browser)
        seconds = 0.0
    response = StreamingHttpResponse(
        _stream(session.pk, last_id, seconds), content_type="text/event-stream; charset=utf-8"
    )
    response["Cache-Control"] = "no-store"
    response["X-Accel-Buffering"] = "no"  # a reverse proxy must not buffer the stream
    return response


@require_role()
@never_cache
def snapshot_json(request: HttpRequest, pk: int) -> JsonResponse:
    session = get_room(request.user, pk)
    event_id, data = snapshot(session.pk)
    return JsonResponse({"id": event_id, "state": data}, json_dumps_params={"ensure_ascii": False})


@require_role()
@never_cache
def screen(request: HttpRequest, pk: int) -> HttpResponse:
    """The hall's big screen: everything drawn by screen.js from the stream."""
    session = get_room(request.user, pk)
    return render(request, "meetingroom/screen.html", {"session": session})
