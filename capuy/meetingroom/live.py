"""Live updates: who waits for a room's change, and how a change wakes them.

A change to a room (a poll opened or closed, attendance, the agenda, a ballot cast) calls
``bump``: it raises the room's ``version`` (except for a ballot, whose count is read live),
wakes the streams of this process at once, and on PostgreSQL sends ``NOTIFY capuy_room``
(delivered when the transaction commits) so the other web workers wake too. Each worker
process keeps ONE listening connection (a daemon thread started on first use), whatever the
number of open streams; SQLite has no NOTIFY between processes, so there a waiting stream
re-reads the room every ``POLL_SECONDS`` (a few indexed queries) — well inside the 2 s the
hall's screen is allowed.

The streams themselves (server-sent events) are in ``views_live``; this module knows nothing
of HTTP.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.db import connection, transaction
from django.db.models import F

CHANNEL = "capuy_room"
POLL_SECONDS = 0.5
log = logging.getLogger(__name__)

_changed = threading.Condition()
_generation = 0
_listener: threading.Thread | None = None
_listener_lock = threading.Lock()


def _wake() -> None:
    global _generation
    with _changed:
        _generation += 1
        _changed.notify_all()


def bump(session_id: int, *, version: bool = True) -> None:
    """Announce that room ``session_id`` changed (after the current transaction commits)."""
    from capuy.meetingroom.models import Session

    if version:
        Session.objects.filter(pk=session_id).update(version=F("version") + 1)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_notify(%s, %s)", [CHANNEL, str(session_id)])
    transaction.on_commit(_wake)


def generation() -> int:
    with _changed:
        return _generation


def wait_for_change(seen: int, timeout: float) -> int:
    """Block until something changed after generation ``seen`` (or ``timeout``); returns the
    generation now. On SQLite the wait is capped at ``POLL_SECONDS`` (the caller re-reads)."""
    _ensure_listener()
    if connection.vendor != "postgresql":
        timeout = min(timeout, POLL_SECONDS)
    with _changed:
        _changed.wait_for(lambda: _generation != seen, timeout=timeout)
        return _generation


def _ensure_listener() -> None:
    """Start this process's LISTEN thread on PostgreSQL (once; after fork, in the worker)."""
    global _listener
    if connection.vendor != "postgresql":
        return
    with _listener_lock:
        if _listener is not None and _listener.is_alive():
            return
        params: dict[str, Any] = connection.get_connection_params()
        _listener = threading.Thread(
            target=_listen, args=(params,), name="capuy-room-listen", daemon=True
        )
        _listener.start()


def _listen(params: dict[str, Any]) -> None:
    """LISTEN on a connection of its own; wake the streams on every notification."""
    import time

    import psycopg

    params = {k: v for k, v in params.items() if k not in ("cursor_factory", "context")}
    while True:
        try:
            with psycopg.connect(**params, autocommit=True) as conn:
                conn.execute(f"LISTEN {CHANNEL}")
                _wake()  # anything missed while (re)connecting
                for _ in conn.notifies():
                    _wake()
        except Exception:  # noqa: BLE001 — the database restarted: reconnect, never die
            log.warning("meetingroom: LISTEN connection lost; reconnecting", exc_info=True)
            time.sleep(1)
