"""``capuy serve``: prepare the database and static files, then run gunicorn in-process.

Gunicorn (a pre-fork WSGI server) rather than ``runserver``: several worker processes with a
few threads each, so one slow page never holds up the office, and a crashed worker is
replaced. Static files are collected into the data directory and served by WhiteNoise from
the same process (compressed, with cache headers): no separate web server is needed on a
small office machine; a reverse proxy with TLS can be put in front (``CAPUY_HTTPS=1``).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from capuy.errors import InputError


def setup_django() -> None:
    """Configure Django for the CLI (settings from ``CAPUY_*`` environment variables)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capuy.web.settings")
    import django

    django.setup()


def pending_migrations() -> list[str]:
    """Migrations not yet applied to the database (empty when it is up to date)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def require_database() -> None:
    """Stop with one line, not a traceback, when the data directory has no (current) database.

    For the commands that only read the records (``capuy report``): they do not create an
    empty database silently, they say how to make one.
    """
    setup_django()
    from django.conf import settings
    from django.db import connection

    where = settings.DATA_DIR
    sqlite_file = connection.vendor == "sqlite" and connection.settings_dict["NAME"]
    if sqlite_file and not Path(str(sqlite_file)).exists():
        raise _no_database(where)  # asking SQLite would leave an empty file behind
    pending = pending_migrations()
    if not pending:
        return
    if "orgs_organisation" not in connection.introspection.table_names():
        raise _no_database(where)
    raise InputError(
        f"Cơ sở dữ liệu trong {where} chưa được cập nhật ({len(pending)} bước): hãy chạy "
        "`capuy migrate`",
        f"the database in {where} is out of date ({len(pending)} migrations): run `capuy migrate`",
    )


def _no_database(where: object) -> InputError:
    return InputError(
        f"Chưa có cơ sở dữ liệu trong {where}: hãy tạo bằng `capuy demo --no-serve` "
        "(dữ liệu mẫu) hoặc `capuy migrate` (cơ sở dữ liệu trống)",
        f"no database in {where}: create it with `capuy demo --no-serve` (demo data) "
        "or `capuy migrate` (empty database)",
    )


def prepare(report: Callable[[str], None] = print, collect_static: bool = True) -> None:
    """Apply migrations and collect static files (both idempotent and quick when up to date)."""
    setup_django()
    from django.core.management import call_command

    if pending_migrations():
        report("Cập nhật cơ sở dữ liệu (migrate)…")
        call_command("migrate", interactive=False, verbosity=0)
    refresh_planner_statistics()
    if collect_static:  # the server's start (serve, demo): no upload is under way
        from capuy.web.orphans import sweep_orphans

        if moved := sweep_orphans():
            report(f"Đã chuyển {moved} tệp không thuộc hồ sơ nào vào files/.mo-coi/")
    if collect_static:
        report("Thu thập tệp tĩnh (collectstatic)…")
        call_command("collectstatic", interactive=False, verbosity=0)


def refresh_planner_statistics() -> None:
    """Let SQLite's planner see the tables as they are now (``PRAGMA optimize``).

    Without statistics SQLite sorts every visible document for the newest-first list instead of
    reading the index kept in that order (hundreds of ms at 50.000 documents against a few ms);
    ``optimize`` runs ANALYZE only where it is out of date, so it is cheap at every start.
    """
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA optimize=0x10002")


def check_port_free(host: str, port: int) -> None:
    """Fail early, in Vietnamese, when the address is taken (gunicorn would only log it)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise InputError(
                f"Không mở được địa chỉ {host}:{port} ({exc.strerror}); hãy chọn cổng khác bằng --port",
                f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port",
            ) from exc


def _env_int(name: str, default: int, least: int = 1) -> int:
    """An integer setting from the environment (``CAPUY_WORKERS`` …), else ``default``."""
    value = os.environ.get(name, "").strip()
    return max(least, int(value)) if value else default


def default_workers() -> int:
    """Processes: CAPUY_WORKERS, else one per core plus one.

    Measured against 2 × cores + 1 processes with 1, 2 or 4 threads, keep-alive off and the
    sync worker (docs/decisions.md, "Web server: the configuration kept, measured"): none
    was faster under 50 users, and five processes take 130–420 MB more than three.
    """
    return _env_int("CAPUY_WORKERS", (os.cpu_count() or 1) + 1)


def default_threads() -> int:
    """Threads per process: CAPUY_THREADS, else 4 (they wait on the database and on slow
    clients; a kept-alive connection stays with its process, so a process needs several)."""
    return _env_int("CAPUY_THREADS", 4)


def default_keepalive() -> int:
    """Seconds an idle connection is kept open: CAPUY_KEEPALIVE, else 5.

    Off (0), gunicorn closes every connection gracefully on the worker's main loop — it waits
    for the client to close its side — and nothing else in that process is accepted or
    dispatched meanwhile: the static file's p95 went from 0,15 s to 0,7–1,4 s.
    """
    return _env_int("CAPUY_KEEPALIVE", 5, least=0)


def server_options(
    host: str, port: int, workers: int | None = None, threads: int | None = None
) -> dict[str, Any]:
    """Gunicorn's settings for ``capuy serve`` (the arguments, else the ``CAPUY_*`` variables,
    else the defaults above)."""
    keepalive = default_keepalive()
    worker_class = os.environ.get("CAPUY_WORKER_CLASS") or "gthread"
    # gunicorn turns "sync" with more than one thread into gthread: keep the class asked for
    threads = 1 if worker_class == "sync" else threads or default_threads()
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers or default_workers(),
        "worker_class": worker_class,
        "threads": threads,
        "timeout": 60,
        # gunicorn treats keepalive 0 as "close after each response"
        "keepalive": keepalive,
        "reuse_port": os.environ.get("CAPUY_REUSE_PORT", "") == "1",
        "graceful_timeout": 10,
        "accesslog": os.environ.get("CAPUY_ACCESS_LOG") or None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "capuy",
    }


def gunicorn_app(options: dict[str, Any]) -> Any:
    """Gunicorn's application for ``capuy serve``, configured with ``options`` (its ``cfg``
    is what gunicorn will run with: the tests read it)."""
    from gunicorn.app.base import BaseApplication

    class CapuyServer(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                if value is not None:
                    self.cfg.set(key, value)

        def load(self) -> Any:
            from capuy.web.wsgi import application

            return application

    return CapuyServer()


def serve(host: str, port: int, workers: int | None = None, threads: int | None = None) -> None:
    """Run gunicorn on ``host:port`` until interrupted."""
    check_port_free(host, port)
    setup_django()
    import capuy.web.wsgi  # noqa: F401 — the app is loaded in the master, before the fork

    app = gunicorn_app(server_options(host, port, workers, threads))
    from django.db import connections

    connections.close_all()  # never share the master's database connection with workers
    app.run()
