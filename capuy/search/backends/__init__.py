"""The full-text part of the index, one module per database: same interface, same results.

``backend()`` picks by the connection's vendor. A backend writes the searchable text of an
entry (``write``), forgets entries (``delete``, ``clear``), restricts a queryset of
``SearchEntry`` to the rows matching a parsed query with a ``score`` annotation (``match``)
and reports its size on disk. Scope and facets are plain ORM filters on the same queryset,
so they stay inside the one SQL query whatever the backend.
"""

from __future__ import annotations

from django.db import connection

from capuy.search.backends.base import Backend


def backend() -> Backend:
    if connection.vendor == "postgresql":
        from capuy.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from capuy.search.backends.sqlite import SqliteBackend

    return SqliteBackend()
