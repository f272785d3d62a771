"""The job kinds: each app registers what its jobs do (from its ``AppConfig.ready()``)::

    register_kind(JobKind("search_rebuild", "Xây lại chỉ mục tìm kiếm", rebuild_job))

A handler gets the job and a ``Progress`` and returns a ``Result`` (a message, a file under
``MEDIA_ROOT``, a link). It raises ``capuy.errors.InputError`` to fail with a Vietnamese reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol


class Progress(Protocol):
    def __call__(self, done: int, total: int, message: str = "") -> None: ...


@dataclass(frozen=True)
class Result:
    message: str = ""
    file: str = ""  # a path under MEDIA_ROOT
    url: str = ""


@dataclass(frozen=True)
class JobKind:
    name: str
    label: str
    handler: Callable[[Any, Progress], Result]
    max_attempts: int = 3
    backoff_s: float = 10.0  # the first retry waits this long, then twice as long each time


_KINDS: dict[str, JobKind] = {}


def register_kind(kind: JobKind) -> None:
    _KINDS[kind.name] = kind


def kind_of(name: str) -> JobKind | None:
    return _KINDS.get(name)


def kinds() -> list[JobKind]:
    return sorted(_KINDS.values(), key=lambda k: k.name)
