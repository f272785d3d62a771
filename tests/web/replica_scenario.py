"""Run by ``tests/web/test_replica_pg.py`` in a process of its own, against a real primary
(``CAPUY_DATABASE_URL``) and its streaming replica (``CAPUY_DATABASE_REPLICA_URL``): it
migrates the primary, writes there, reads the search page and the dashboards through the
router, pauses and resumes the replica's replay, and prints what it saw as one JSON object
(which connection ran each page's queries, what the page showed, the health report). The test
asserts on that JSON; this script asserts nothing itself."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capuy.web.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from capuy.jobs import replica  # noqa: E402

DEADLINE_S = 120


def _wait(what: str, probe: Any) -> Any:
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        if found := probe():
            return found
        time.sleep(0.2)
    raise SystemExit(f"no {what} after {DEADLINE_S} s")


def _on_replica(sql: str, *args: Any) -> Any:
    with connections["replica"].cursor() as cursor:
        cursor.execute(sql, args)
        return cursor.fetchone()


def _page(client: Client, url: str, marker: str = "") -> dict[str, Any]:
    """GET ``url``; the queries each connection ran for it (the replica's health check aside)."""
    replica.status(force=True)  # measured now, so the page's own queries are the page's
    with (
        CaptureQueriesContext(connections["replica"]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        response = client.get(url)
    body = response.content.decode()
    replica_sql = [
        q["sql"] for q in on_replica.captured_queries if "pg_is_in_recovery" not in q["sql"]
    ]
    return {
        "status": response.status_code,
        "found": bool(marker) and marker in body,
        "replica_queries": len(replica_sql),
        "replica_search_queries": sum("search" in sql for sql in replica_sql),
        "primary_queries": len(on_primary.captured_queries),
        "primary_tables": sorted(
            {sql.split('FROM "', 1)[1].split('"', 1)[0] for q in on_primary.captured_queries
             if 'FROM "' in (sql := q["sql"])}
        ),
    }  # fmt: skip


def _document(org: Any, marker: str) -> Any:
    from capuy.documents.models import Direction, Document

    return Document.objects.create(
        direction=Direction.INCOMING,
        organisation=org,
        type_code="BC",
        issued_on=dt.date(2025, 3, 1),
        summary=f"Báo cáo {marker}",
        sender="Đảng ủy phường",
        text=f"Nội dung có mã {marker}.",
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    from capuy.documents.models import Document
    from capuy.orgs.models import Organisation

    out: dict[str, Any] = {"databases": sorted(settings.DATABASES)}
    org = Organisation.objects.create(
        name="Đảng bộ thị xã Đức Phổ", committee_name="Thị ủy Đức Phổ", kind="dang_bo_huyen",
        code="TU",
    )  # fmt: skip
    admin = get_user_model().objects.create_superuser("quantri", password="x-Replica-2025")
    first = _document(org, "maso111")
    _wait("first document on the replica", lambda: _on_replica(
        "SELECT count(*) FROM documents_document WHERE id = %s", first.pk)[0])  # fmt: skip
    _wait("replica caught up", lambda: replica.status(force=True).get("lag_s", 1e9) == 0)
    client = Client()
    client.force_login(admin)
    out["in_recovery"] = _on_replica("SELECT pg_is_in_recovery()")[0]
    out["search_caught_up"] = _page(client, "/tim-kiem/?q=maso111", f"/van-ban/{first.pk}/")
    out["home"] = _page(client, "/")
    out["indicators"] = _page(client, "/chi-tieu/")
    out["register_list"] = _page(client, "/van-ban/")  # not a dashboard: the primary's

    # replay paused: the primary moves on, the replica stays where it was
    _on_replica("SELECT pg_wal_replay_pause()")
    second = _document(org, "maso222")
    out["second_on_primary"] = Document.objects.filter(pk=second.pk).exists()
    settings.REPLICA_MAX_LAG_S = 3600.0  # a generous bound: the replica is still used
    out["paused_within_bound"] = _page(client, "/tim-kiem/?q=maso222", f"/van-ban/{second.pk}/")
    out["health_within_bound"] = replica.status(force=True)
    settings.REPLICA_MAX_LAG_S = 1.0  # the bound is passed: the primary answers
    _wait("lag over the bound", lambda: replica.status(force=True).get("lag_s", 1e9) > 1.0)
    out["paused_over_bound"] = _page(client, "/tim-kiem/?q=maso222", f"/van-ban/{second.pk}/")
    from capuy.jobs.health import report

    out["health_over_bound"] = report()["replica"]
    out["health_degraded"] = report()["degraded"]

    # replay resumed: caught up again, the replica answers and has the second document
    _on_replica("SELECT pg_wal_replay_resume()")
    _wait("replica caught up again", lambda: replica.status(force=True).get("lag_s", 1e9) == 0)
    out["resumed"] = _page(client, "/tim-kiem/?q=maso222", f"/van-ban/{second.pk}/")

    # a write while reads are routed to the replica still goes to the primary
    with replica.replica_reads():
        third = _document(org, "maso333")
    out["write_on_primary"] = Document.objects.filter(pk=third.pk).exists()
    print(json.dumps(out, ensure_ascii=False, default=str))


if __name__ == "__main__":
    sys.exit(main())
