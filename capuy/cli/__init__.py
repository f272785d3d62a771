"""The ``capuy`` command (Typer + Rich).

Each command is a thin wrapper over the core's public API (``capuy.api``) or the web app; every
user error is an ``InputError`` that is printed as one line in Vietnamese and English with exit
status 2. The commands live one group per module and declare themselves with
``capuy.cli.registry.command``; this module builds the Typer app from them, in the order of
``ORDER`` (the order of ``capuy --help``), then lets the archive and the jobs add theirs.

| module | commands |
|---|---|
| ``documents`` | ``extract``, ``seeds`` |
| ``checking`` | ``check``, ``language-model`` |
| ``reports`` | ``render``, ``convert``, ``report`` |
| ``data`` | ``demo``, ``migrate``, ``createuser``, ``backup``, ``restore``, ``synth`` |
| ``server`` | ``serve`` (``worker``, ``jobs``: ``capuy.web.jobs_command``) |
| ``search`` | ``search``, ``citations`` |
| ``capuy.archive.command`` | ``import`` |
"""

from __future__ import annotations

import sys

import typer

from capuy import __version__
from capuy.archive.command import register as register_import
from capuy.cli import checking, data, documents, reports, search, server  # noqa: F401 (declare)
from capuy.cli.common import console, err_console, fail
from capuy.cli.registry import add_commands, command
from capuy.errors import InputError
from capuy.web.jobs_command import register as register_jobs

__all__ = ["app", "console", "err_console", "fail", "main"]

ORDER = (
    "version",
    "extract",
    "seeds",
    "serve",
    "demo",
    "migrate",
    "createuser",
    "backup",
    "restore",
    "check",
    "search",
    "citations",
    "language-model",
    "render",
    "convert",
    "synth",
    "report",
)

app = typer.Typer(
    name="capuy",
    help="capuy — văn bản, báo cáo và hồ sơ của văn phòng cấp ủy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def root() -> None:
    """capuy — văn bản, báo cáo và hồ sơ của văn phòng cấp ủy."""


@command("version")
def version() -> None:
    """In phiên bản / print the version."""
    console.print(f"capuy {__version__}")


add_commands(app, ORDER)

register_import(app, console, fail)  # capuy import
register_jobs(app, console, fail)  # capuy worker, capuy jobs


def main() -> None:
    """Entry point of the ``capuy`` script."""
    try:
        app()
    except InputError as error:  # raised outside a command's own handler
        err_console.print(f"Lỗi: {error.vi} / Error: {error.en}", highlight=False)
        sys.exit(error.exit_code)
