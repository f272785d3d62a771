"""The registry of ``capuy``'s commands: each command module declares its commands with
``@command(name)``; the entry module (``capuy.cli``) adds them to the Typer app in the order
of its help listing. A command module imports nothing heavy at import time, so ``capuy --help``
stays fast and needs no database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])

_COMMANDS: dict[str, Callable[..., Any]] = {}


def command(name: str) -> Callable[[F], F]:
    """Declare ``function`` as the command ``capuy NAME``."""

    def declare(function: F) -> F:
        if name in _COMMANDS:
            raise ValueError(f"two commands named {name!r}")
        _COMMANDS[name] = function
        return function

    return declare


def add_commands(app: typer.Typer, order: tuple[str, ...]) -> None:
    """Add the declared commands to ``app`` in ``order``, which must name each exactly once."""
    declared, listed = set(_COMMANDS), set(order)
    if declared != listed or len(order) != len(listed):
        raise ValueError(
            f"capuy.cli.ORDER and the declared commands differ: "
            f"not listed {sorted(declared - listed)}, not declared {sorted(listed - declared)}"
        )
    for name in order:
        app.command(name)(_COMMANDS[name])
