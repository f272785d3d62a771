"""Reads of the dashboards and of search on a PostgreSQL streaming replica.

``CAPUY_DATABASE_REPLICA_URL`` (optional, PostgreSQL only) adds the database alias ``replica``.
``ReplicaReadsMiddleware`` marks the GET requests of the views named in
``settings.REPLICA_VIEWS`` (the home page's panels and figures, the indicators' roll-ups, the
search page); while a request is marked, ``ReplicaRouter`` sends its reads to the replica.
Everything else goes to the primary: every write, every read of any other page, every read
inside a transaction, and the reads of the tables a request needs fresh wherever it is
(sessions, users and their roles, jobs, one-time form tokens, the audit log).

The replica is used only while it is healthy and close: its lag is read (at most every
``CHECK_EVERY_S`` seconds per process) as ``now() - pg_last_xact_replay_timestamp()`` when it
has received WAL it has not replayed yet, and as 0 when it has replayed all it received (an
idle primary writes nothing, so the last replayed commit's age says nothing then). A replica
that cannot be reached, or whose lag is over ``settings.REPLICA_MAX_LAG_S``
(``CAPUY_REPLICA_MAX_LAG_S``, 5 s), is skipped: the reads go to the primary until it is back.
So a marked page shows data at most that many seconds old, and never fails for the replica.
"""

from __future__ import annotations

import contextlib
import contextvars
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
CHECK_EVERY_S = 1.0
DEFAULT_MAX_LAG_S = 5.0
PRIMARY_ONLY_APPS = frozenset(
    {"sessions", "auth", "accounts", "axes", "jobs", "formtokens", "auditlog", "contenttypes",
     "admin", "messages"}
)  # fmt: skip
LAG_SQL = (
    "SELECT pg_is_in_recovery(), CASE "
    "WHEN NOT pg_is_in_recovery() THEN 0 "
    "WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0 "
    "ELSE COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()), "
    "1e9) END"
)

_reads: contextvars.ContextVar[bool] = contextvars.ContextVar("capuy_replica_reads", default=False)
_lock = threading.Lock()
_status: dict[str, Any] = {"checked": -1e9}


def configured() -> bool:
    return REPLICA in settings.DATABASES


def max_lag_s() -> float:
    return float(getattr(settings, "REPLICA_MAX_LAG_S", DEFAULT_MAX_LAG_S))


@contextmanager
def replica_reads() -> Iterator[None]:
    """Reads inside go to the replica when it is usable (what the middleware does for a page)."""
    token = _reads.set(True)
    try:
        yield
    finally:
        _reads.reset(token)


def _measure() -> dict[str, Any]:
    start = time.perf_counter()
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute(LAG_SQL)
            in_recovery, lag = cursor.fetchone()
    except Exception as error:  # noqa: BLE001 — an unreachable replica is a state, not a crash
        with contextlib.suppress(Exception):  # already broken
            connections[REPLICA].close()
        return {"ok": False, "error": str(error).strip()[:200]}
    lag_s = round(float(lag), 3)
    return {
        "ok": lag_s <= max_lag_s(),
        "in_recovery": bool(in_recovery),
        "lag_s": lag_s,
        "ms": round(1000 * (time.perf_counter() - start), 2),
    }


def status(force: bool = False) -> dict[str, Any]:
    """The replica's last measured state (measured again when older than ``CHECK_EVERY_S``):
    ``configured``, ``ok`` (reachable and lag within the bound), ``lag_s``, ``max_lag_s``."""
    if not configured():
        return {"configured": False, "ok": True, "used": False}
    now = time.monotonic()
    with _lock:
        fresh = not force and now - _status["checked"] < CHECK_EVERY_S
        if fresh:
            return dict(_status["report"])
    report = {"configured": True, "max_lag_s": max_lag_s(), **_measure()}
    report["used"] = report["ok"]
    with _lock:
        _status.update(checked=time.monotonic(), report=report)
    return dict(report)


def usable() -> bool:
    return configured() and bool(status()["ok"])


class ReplicaRouter:
    """``DATABASE_ROUTERS``: marked reads to the replica when usable, all else to the primary."""

    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        if not _reads.get() or not configured():
            return None
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return None
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return None  # a transaction reads what it writes
        return REPLICA if usable() else None

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        both = {obj1._state.db, obj2._state.db}
        return True if both <= {DEFAULT_DB_ALIAS, REPLICA} else None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return False if db == REPLICA else None


def _marked(request: HttpRequest) -> bool:
    match = request.resolver_match
    if request.method not in ("GET", "HEAD") or match is None:
        return False
    views = getattr(settings, "REPLICA_VIEWS", ())
    return match.view_name in views or f"{match.namespace}:*" in views


class ReplicaReadsMiddleware:
    """Marks the requests of ``settings.REPLICA_VIEWS`` (``"home"``, ``"search:*"``…)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            return self.get_response(request)
        finally:
            token = getattr(request, "_capuy_replica_token", None)
            if token is not None:
                _reads.reset(token)

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: Any) -> None:
        if configured() and _marked(request):
            request._capuy_replica_token = _reads.set(True)
