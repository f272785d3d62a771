"""``capuy worker``, ``capuy jobs`` and ``capuy jobs run``: the background jobs on the command
line (registered into ``capuy.cli``'s Typer app, like ``capuy.archive.command``)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from capuy.errors import InputError

STATE_STYLE = {"queued": "yellow", "running": "cyan", "done": "green", "failed": "red"}


def _bar(percent: int, width: int = 20) -> str:
    filled = round(width * percent / 100)
    return "█" * filled + "░" * (width - filled) + f" {percent:3d}%"


def jobs_table(jobs: list[Any]) -> Table:
    table = Table(title="Công việc chạy nền", show_lines=False)
    for column in ("Số", "Việc", "Đơn vị", "Trạng thái", "Tiến độ", "Lần", "Thông báo"):
        table.add_column(column, overflow="fold")
    for job in jobs:
        table.add_row(
            str(job.pk),
            job.title,
            job.organisation.name if job.organisation else "Toàn hệ thống",
            f"[{STATE_STYLE.get(job.state, '')}]{job.get_state_display()}[/]",
            _bar(job.percent) + (f" {job.done}/{job.total}" if job.total else ""),
            f"{job.attempts}/{job.max_attempts}",
            job.message,
        )
    return table


def spawn_worker(threads: int = 2, pool: int | None = None) -> subprocess.Popen[bytes]:
    """A ``capuy worker`` process beside the web server; it stops when its parent goes."""
    command = [sys.executable, "-m", "capuy.cli", "worker", "--threads", str(threads)]
    if pool is not None:
        command += ["--pool", str(pool)]
    env = {**os.environ, "CAPUY_WORKER_PARENT": str(os.getpid())}
    return subprocess.Popen(command, env=env)


def _params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise InputError(f"Tham số phải có dạng khóa=giá-trị: {pair}", f"key=value: {pair}")
        params[key.strip()] = value.strip()
    return params


_IO: dict[str, Any] = {}


def _console() -> Console:
    console: Console = _IO["console"]
    return console


def _fail(error: InputError) -> NoReturn:
    _IO["fail"](error)
    raise AssertionError("unreachable")


def worker_command(
    threads: Annotated[int, typer.Option(help="số luồng xử lý / worker threads")] = 2,
    pool: Annotated[
        int | None, typer.Option(help="số LibreOffice giữ sẵn / warm LibreOffice processes")
    ] = None,
) -> None:
    """Chạy tiến trình xử lý công việc nền / run a job worker (here or on another machine)."""
    from capuy.web.server import prepare

    try:
        prepare(report=_console().print, collect_static=False)
        from capuy.jobs.workers import current_worker, run_worker

        size = pool if pool is not None else int(os.environ.get("CAPUY_LO_POOL", "2"))
        _console().print(
            f"Tiến trình xử lý {current_worker()}: {threads} luồng, {size} LibreOffice"
        )
        run_worker(threads=threads, pool_size=size)
    except InputError as error:
        _fail(error)


def jobs_list(
    ctx: typer.Context,
    state: Annotated[str, typer.Option(help="queued/running/done/failed")] = "",
    limit: Annotated[int, typer.Option(help="số dòng / rows")] = 30,
) -> None:
    """Liệt kê công việc và tiến độ / list jobs with their progress."""
    if ctx.invoked_subcommand is not None:
        return
    from capuy.web.server import prepare

    prepare(report=lambda line: None, collect_static=False)
    from capuy.jobs.models import Job

    jobs = Job.objects.select_related("organisation")
    if state:
        jobs = jobs.filter(state=state)
    _console().print(jobs_table(list(jobs[:limit])))


def jobs_run(
    kind: Annotated[str, typer.Argument(help="search_rebuild, backup, report_pdf…")],
    param: Annotated[list[str] | None, typer.Option("--param", help="khóa=giá-trị")] = None,
    wait: Annotated[bool, typer.Option(help="chờ xong, hiện tiến độ / wait")] = False,
) -> None:
    """Đưa một việc vào hàng đợi / queue a job (a worker runs it)."""
    from capuy.web.server import prepare

    try:
        prepare(report=lambda line: None, collect_static=False)
        from capuy.jobs.registry import kind_of
        from capuy.jobs.runner import enqueue

        spec = kind_of(kind)
        label = spec.label if spec else kind
        params = _params(param or [])
        organisation = None
        if params.get("org", "").isdigit():  # the job is seen by the unit it works on
            from capuy.orgs.models import Organisation

            organisation = Organisation.objects.filter(pk=int(params["org"])).first()
        job = enqueue(kind, label, params, organisation=organisation)
        _console().print(f"Đã đưa vào hàng đợi: công việc số {job.pk} ({label})")
        if wait:
            _wait(job.pk, _console())
    except InputError as error:
        _fail(error)


def register(app: typer.Typer, console: Console, fail: Callable[[InputError], NoReturn]) -> None:
    _IO.update(console=console, fail=fail)
    app.command("worker")(worker_command)
    jobs_app = typer.Typer(help="Công việc chạy nền / background jobs", no_args_is_help=False)
    jobs_app.callback(invoke_without_command=True)(jobs_list)
    jobs_app.command("run")(jobs_run)
    app.add_typer(jobs_app, name="jobs")


def _wait(job_id: int, console: Console) -> None:
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    from capuy.jobs.models import Job

    with Progress(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn()) as bar:
        task = bar.add_task("Chờ", total=1)
        while True:
            job = Job.objects.get(pk=job_id)
            bar.update(
                task,
                description=f"{job.get_state_display()}: {job.message}"[:70],
                completed=job.done,
                total=max(job.total, 1),
            )
            if job.finished:
                break
            time.sleep(0.5)
    console.print(f"{job.get_state_display()}: {job.message}")
    if job.state == Job.State.FAILED:
        raise typer.Exit(1)
