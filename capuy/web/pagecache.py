"""A page's computed figures kept per process while the database has not changed.

The key of every entry holds the database's *data version*: SQLite's ``PRAGMA data_version``
read on a connection of this module's own, which never writes. SQLite changes that number
whenever any other connection — another thread, another gunicorn worker, ``capuy`` on the
command line — commits to the file, and never for uncommitted work; so an entry is only ever
served while the data it was computed from is still what every connection reads. The caller
puts in the key whatever else the figures depend on (the unit in scope, the period, the
request's choices, today's date); the figures must not depend on the user beyond that. The
vocabulary overlay's stamp (its directory's modification time, as the vocabulary middleware
reads it) is part of every key, for figures worded with the vocabulary.

Nothing is kept (the figures are computed each time):
- on PostgreSQL (no such number; ``pg_current_wal_lsn()`` would do, not built);
- inside a transaction (``in_atomic_block``): it may read its own uncommitted writes, and a
  test's transaction is never committed;
- for an in-memory database.

The data version is read *before* computing, so a commit landing during the computation can
only make the entry unreachable (the next request reads a newer version), never stale.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.db import connection

from capuy.vocab.loader import overlay_stamp

__all__ = ["data_version", "remember"]

T = TypeVar("T")
SIZE = 64  # entries per process (a unit × period × choice each; a few hundred KB at most)

_lock = threading.Lock()
_watchers: dict[str, sqlite3.Connection] = {}
_entries: OrderedDict[Hashable, object] = OrderedDict()


def data_version() -> tuple[str, int] | None:
    """(database file, its data version) now, or None where nothing may be kept."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        return None
    name = str(connection.settings_dict["NAME"])
    if not name or name == ":memory:" or "mode=memory" in name:
        return None
    with _lock:
        watcher = _watchers.get(name)
        if watcher is None:
            try:
                watcher = sqlite3.connect(f"file:{name}?mode=ro", uri=True, check_same_thread=False)
            except sqlite3.Error:
                return None
            _watchers[name] = watcher
        try:
            return name, int(watcher.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            _watchers.pop(name, None)
            return None


def remember(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or what it returned for ``key`` at the database's current data version
    (and the vocabulary overlay's current stamp)."""
    version = data_version()
    if version is None:
        return compute()
    full = (version, overlay_stamp(), key)
    with _lock:
        if full in _entries:
            _entries.move_to_end(full)
            return _entries[full]  # type: ignore[return-value]
    value = compute()
    with _lock:
        _entries[full] = value
        while len(_entries) > SIZE:
            _entries.popitem(last=False)
    return value


def clear() -> None:
    """Forget every entry (tests)."""
    with _lock:
        _entries.clear()
