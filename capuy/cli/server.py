"""``capuy serve``: the web app with a job worker beside it (``capuy worker`` and
``capuy jobs`` live with the jobs, in ``capuy.web.jobs_command``)."""

from __future__ import annotations

from typing import Annotated

import typer

from capuy.cli.common import console, fail
from capuy.cli.registry import command
from capuy.errors import InputError


@command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="địa chỉ lắng nghe / address")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="cổng / port")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(help="số tiến trình (mặc định số lõi + 1) / processes (cores + 1)"),
    ] = None,
    threads: Annotated[
        int | None, typer.Option(help="số luồng mỗi tiến trình (mặc định 4) / threads each (4)")
    ] = None,
    no_worker: Annotated[
        bool,
        typer.Option("--no-worker", help="không chạy tiến trình công việc nền / no job worker"),
    ] = False,
) -> None:
    """Chạy ứng dụng web (gunicorn + WhiteNoise) và một tiến trình công việc nền / run the web
    app and a job worker beside it."""
    from capuy.web.server import prepare, serve

    worker = None
    try:
        prepare(report=console.print)
        if not no_worker:
            from capuy.web.jobs_command import spawn_worker

            worker = spawn_worker()
        console.print(f"capuy đang phục vụ tại http://{host}:{port}/ (Ctrl+C để dừng)")
        serve(host, port, workers, threads)
    except InputError as error:
        fail(error)
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=60)
