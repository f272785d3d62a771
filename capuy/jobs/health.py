"""``/healthz/full``: the database, the queue and its backlog, the workers, LibreOffice, disk,
and the read replica when one is set (its lag; not part of ``ok``: the primary serves its reads
while it is away, so the report says ``degraded`` instead)."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Count, Min
from django.utils import timezone

from capuy.jobs.models import Job, WorkerBeat
from capuy.jobs.workers import is_dead

DISK_LOW_BYTES = 1024**3  # less than 1 GiB free under the data folder is a problem


def _database() -> dict[str, Any]:
    start = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 — the report says what is wrong
        return {"ok": False, "error": str(error)[:200]}
    return {
        "ok": True,
        "vendor": connection.vendor,
        "ms": round(1000 * (time.perf_counter() - start), 2),
    }


def _queue() -> dict[str, Any]:
    from capuy.jobs.queue import backend_name, backlog

    counts = dict(Job.objects.values_list("state").annotate(n=Count("pk")).order_by())
    oldest = Job.objects.filter(state=Job.State.QUEUED).aggregate(t=Min("created_at"))["t"]
    report: dict[str, Any] = {
        "backend": backend_name(),
        "jobs": {state: counts.get(state, 0) for state in Job.State.values},
        "oldest_waiting_s": round((timezone.now() - oldest).total_seconds(), 1) if oldest else 0,
    }
    try:
        report.update(backlog())
        report["ok"] = True
    except Exception as error:  # noqa: BLE001
        report.update(ok=False, error=str(error)[:200])
    return report


def _workers() -> dict[str, Any]:
    now = timezone.now()
    rows = []
    for beat in WorkerBeat.objects.filter(beat_at__gte=now - dt.timedelta(hours=1)):
        rows.append(
            {
                "name": beat.name,
                "alive": not is_dead(beat, now),
                "beat_age_s": round((now - beat.beat_at).total_seconds(), 1),
                **beat.info,
            }
        )
    alive = [row for row in rows if row["alive"]]
    pools = [row["lo_pool"] for row in alive if "lo_pool" in row]
    return {
        "ok": bool(alive),
        "alive": len(alive),
        "workers": rows,
        "lo_pool": {
            "ok": any(p["warm"] for p in pools),
            "size": sum(p["size"] for p in pools),
            "warm": sum(p["warm"] for p in pools),
            "busy": sum(p["busy"] for p in pools),
        },
    }


def _disk() -> dict[str, Any]:
    usage = shutil.disk_usage(settings.DATA_DIR)
    return {
        "ok": usage.free >= DISK_LOW_BYTES,
        "free_bytes": usage.free,
        "total_bytes": usage.total,
        "free_percent": round(100 * usage.free / usage.total, 1) if usage.total else 0,
    }


def _replica() -> dict[str, Any]:
    """The replica's reachability and lag, measured now (``capuy.jobs.replica``)."""
    from capuy.jobs.replica import status

    return status(force=True)


def report() -> dict[str, Any]:
    """Everything, with ``ok`` true when the database, the queue, a worker and the disk are."""
    workers = _workers()
    parts = {
        "database": _database(),
        "queue": _queue(),
        "workers": workers,
        "libreoffice": workers.pop("lo_pool"),
        "disk": _disk(),
        "replica": _replica(),
    }
    ok = all(parts[name]["ok"] for name in ("database", "queue", "workers", "disk"))
    degraded = not parts["replica"]["ok"]
    return {"ok": ok, "degraded": degraded, "time": timezone.now().isoformat(), **parts}
