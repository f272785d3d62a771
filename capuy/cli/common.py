"""What every command module of ``capuy`` shares: the consoles, the one way a user error is
printed (one line in Vietnamese and English, exit status 2), a progress bar, and the check that
LibreOffice can make a PDF before any work starts."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console

from capuy.errors import InputError

console = Console()
err_console = Console(stderr=True)


def fail(error: InputError) -> NoReturn:
    """Print a user error on one line and exit with its status (2)."""
    err_console.print(
        f"[bold red]Lỗi:[/] {error.vi} [dim]/ Error: {error.en}[/]", highlight=False, soft_wrap=True
    )
    raise typer.Exit(error.exit_code)


def progress_reporter() -> tuple:  # (rich Progress, report(stage, done, total))
    from rich.progress import BarColumn, Progress, TaskID, TaskProgressColumn, TextColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn())
    tasks: dict[str, TaskID] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=max(total, 1))
        bar.update(tasks[stage], completed=done, total=max(total, 1))

    return bar, report


def pdf_ready() -> None:
    """Stop with a clear error before any work when LibreOffice cannot make the PDF."""
    from capuy.errors import MissingProgramError
    from capuy.render.pdf import find_soffice

    try:
        find_soffice()
    except MissingProgramError as error:
        fail(error)


def quiet_django() -> None:
    """Set Django up (migrating if needed) without printing or collecting static files."""
    from capuy.web.server import prepare

    prepare(report=lambda line: None, collect_static=False)
