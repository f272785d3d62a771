"""The ``capuy`` command (Typer + Rich).

Each command is a thin wrapper over the core's public API; every user error is an
``InputError`` that is printed as one line in Vietnamese and English with exit status 2.
"""

from __future__ import annotations

import sys
from typing import NoReturn

import typer
from rich.console import Console

from capuy import __version__
from capuy.errors import InputError

app = typer.Typer(
    name="capuy",
    help="capuy — văn bản, báo cáo và hồ sơ của văn phòng cấp ủy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)


def fail(error: InputError) -> NoReturn:
    """Print a user error on one line and exit with its status (2)."""
    err_console.print(f"[bold red]Lỗi:[/] {error.vi} [dim]/ Error: {error.en}[/]", highlight=False)
    raise typer.Exit(error.exit_code)


@app.callback()
def root() -> None:
    """capuy — văn bản, báo cáo và hồ sơ của văn phòng cấp ủy."""


@app.command()
def version() -> None:
    """In phiên bản / print the version."""
    console.print(f"capuy {__version__}")


# --- commands are added below, one section per part (extract, check, render, web) ---


def main() -> None:
    """Entry point of the ``capuy`` script."""
    try:
        app()
    except InputError as error:  # raised outside a command's own handler
        err_console.print(f"Lỗi: {error.vi} / Error: {error.en}", highlight=False)
        sys.exit(error.exit_code)


if __name__ == "__main__":
    main()
