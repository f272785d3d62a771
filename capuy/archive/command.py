"""``capuy import PATH [--org …] [--jobs N] [--csv FILE]`` — registered on the main command.

``capuy.cli`` calls ``register(app, console, fail)`` (one line there), so the command's code lives with its
app. Django is set up only when the command runs, never when ``capuy --help`` is printed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from capuy.errors import InputError


def _progress_columns() -> tuple[Any, ...]:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return (
        TextColumn("{task.description}"),
        BarColumn(bar_width=20),
        MofNCompleteColumn(),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )


def counts_text(by_status: Any) -> str:
    """ "nhập 12 · trùng 3 · cần xem 2 · lỗi 1" for the progress bar."""
    parts = [
        ("nhập", by_status.get("imported", 0)),
        ("trùng", by_status.get("duplicate", 0)),
        ("cần xem", by_status.get("review", 0)),
        ("lỗi", by_status.get("failed", 0)),
        ("bỏ qua", by_status.get("skipped", 0)),
    ]
    return " · ".join(f"{label} {value}" for label, value in parts)


def _organisation(name: str | None) -> Any:
    from capuy.orgs.models import Organisation
    from capuy.web.users import find_organisation

    if name:
        return find_organisation(name)
    current = list(Organisation.objects.filter(valid_to__isnull=True)[:2])
    if len(current) == 1:  # a database holding one organisation: no doubt where files go
        return current[0]
    raise InputError(
        "Hãy ghi --org: nhập vào kho lưu trữ của tổ chức nào (tên hoặc số hiệu)",
        "give --org: the organisation whose archive receives the files",
    )


def import_command(
    path: Annotated[Path, typer.Argument(help="Thư mục hoặc tệp .zip / folder or ZIP")],
    org: Annotated[
        str | None,
        typer.Option(
            "--org",
            help="cấp ủy nhận vào kho (tên hoặc số hiệu); bắt buộc khi cơ sở dữ liệu có nhiều "
            "tổ chức / organisation, required unless the database holds only one",
        ),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="số tiến trình đọc / reading processes")
    ] = None,
    csv_path: Annotated[
        Path | None, typer.Option("--csv", help="tệp báo cáo CSV / CSV report file")
    ] = None,
) -> None:
    """Nhập cả kho văn bản (thư mục hoặc ZIP) vào sổ / import an office's archive."""
    console, fail = _CLI["console"], _CLI["fail"]

    try:
        from capuy.web.server import prepare

        prepare(report=lambda line: None, collect_static=False)
        from rich.progress import Progress

        from capuy.archive.report import csv_bytes, print_report
        from capuy.archive.runner import Tally, check_source, default_jobs, run_import

        check_source(path)
        organisation = _organisation(org)
        workers = jobs or default_jobs()
        console.print(
            f"Nhập {path} vào kho lưu trữ của {organisation.committee_name or organisation.name}"
            f" ({workers} tiến trình đọc)",
            highlight=False,
        )
        with Progress(*_progress_columns(), console=console) as bar:
            task = bar.add_task("Nhập văn bản", total=None, counts="")

            def show(tally: Tally, item: Any) -> None:
                bar.update(
                    task,
                    total=tally.total,
                    completed=tally.done,
                    counts=counts_text(tally.by_status),
                )

            run = run_import(organisation, path, jobs=workers, progress=show)
        print_report(console, run)
        target = csv_path or Path(f"capuy-nhap-{run.pk}.csv")
        target.write_bytes(csv_bytes(run.items.all()))
        console.print(f"Báo cáo CSV / CSV report: {target}", highlight=False)
    except InputError as error:
        fail(error)


_CLI: dict[str, Any] = {}
"""The main command's console and error printer, handed over by ``register`` (the CLI sits
above this app, so the app never imports it)."""


def register(app: typer.Typer, console: Console, fail: Callable[[InputError], NoReturn]) -> None:
    """Add ``capuy import`` to the main command, printing through its console and errors."""
    _CLI.update(console=console, fail=fail)
    app.command("import")(import_command)
