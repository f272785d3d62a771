"""The ``capuy`` command is built from a registry: each command module declares its commands,
``capuy.cli.ORDER`` lists them in the order of ``capuy --help``, and a command declared but not
listed (or listed but not declared) stops the build instead of vanishing from the help."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer

from capuy import __version__
from capuy.cli import ORDER, app, registry


def test_the_help_lists_the_commands_in_order() -> None:
    names = [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]
    assert names == [*ORDER, "import", "worker", "jobs"]


@pytest.mark.parametrize("module", ["capuy", "capuy.cli"])
def test_python_m_runs_the_command(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", module, "version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"capuy {__version__}"


def test_a_declared_command_missing_from_the_order_stops_the_build() -> None:
    @registry.command("probe-unlisted")
    def probe() -> None:
        """A command nobody listed."""

    try:
        with pytest.raises(ValueError, match="probe-unlisted"):
            registry.add_commands(typer.Typer(), ORDER)
        with pytest.raises(ValueError, match="two commands"):
            registry.command("probe-unlisted")(probe)
    finally:
        del registry._COMMANDS["probe-unlisted"]
    with pytest.raises(ValueError, match="not-declared"):
        registry.add_commands(typer.Typer(), (*ORDER, "not-declared"))
