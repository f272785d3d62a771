"""Live updates: a change wakes the waiting streams — in the same process at once, and on
PostgreSQL from another process's connection through LISTEN/NOTIFY."""

from __future__ import annotations

import time
from typing import Any

import psycopg
import pytest
from django.db import connection

from capuy.meetingroom import live
from capuy.meetingroom import room as rooms
from capuy.meetingroom.state import snapshot
from tests.web.meetingroom_helpers import build_room

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_change_in_this_process_wakes_a_stream_at_once(tree: Any) -> None:
    built = build_room(tree, 3)
    seen = live.generation()
    before, _ = snapshot(built["session"].pk)
    rooms.open_room(built["session"], built["chair"])
    began = time.monotonic()
    assert live.wait_for_change(seen, timeout=5) != seen
    assert time.monotonic() - began < 0.5
    after, state = snapshot(built["session"].pk)
    assert after != before and state["state"] == "open"


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_notify_from_another_connection_wakes_this_process(tree: Any) -> None:
    """What a second gunicorn worker does: NOTIFY from its own connection, after commit."""
    live._ensure_listener()
    time.sleep(0.5)  # the listener is connected and listening
    seen = live.generation()
    params = {
        k: v
        for k, v in connection.get_connection_params().items()
        if k not in ("cursor_factory", "context")
    }
    with psycopg.connect(**params, autocommit=True) as other:
        began = time.monotonic()
        other.execute("SELECT pg_notify(%s, %s)", [live.CHANNEL, "1"])
        assert live.wait_for_change(seen, timeout=5) != seen
    assert time.monotonic() - began < 2.0
