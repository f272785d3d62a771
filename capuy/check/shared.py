"""Work done once per document in one ``check`` run and shared by every rule that needs it.

Several rules read the same things of a document — its text units, the proper names in them —
and each used to make them afresh. Inside ``shared_work()`` (``engine.check`` opens it around
its rules) ``once(doc, name, make)`` makes a thing on first use and hands the same object to the
rules after; outside it, ``make()`` runs every time, so a rule called alone behaves the same.
Nothing outlives the ``with`` block, so nothing can go stale across documents or runs; the
document itself is kept beside its entry, so an ``id`` reused by another object never matches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from capuy.model import Document

T = TypeVar("T")

_SHARED: ContextVar[dict[tuple[int, str], tuple[Document, Any]] | None] = ContextVar(
    "capuy_check_shared", default=None
)


@contextmanager
def shared_work() -> Iterator[None]:
    """Share per-document work between the rules run inside the block."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def once(doc: Document, name: str, make: Callable[[], T]) -> T:
    """``make()``, made once per document and name inside ``shared_work()``. What it returns is
    shared: rules read it and never change it."""
    shared = _SHARED.get()
    if shared is None:
        return make()
    key = (id(doc), name)
    entry = shared.get(key)
    if entry is None or entry[0] is not doc:
        entry = shared[key] = (doc, make())
    return entry[1]
