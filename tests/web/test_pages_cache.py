"""The indicators page's figures are kept per process only while the database is unchanged.

Issue 17 ("a fast web app"): the dashboard computes its statements and roll-ups in ~100 ms of
CPU; ``capuy.web.pagecache`` keeps them under SQLite's data version, which any committed write
— from this connection's thread, another thread or another process — changes. These tests
commit for real (``transactional_db``) and check that a kept page is byte-identical to a
freshly computed one, that a commit is seen on the next view, and that nothing is kept inside
a transaction.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from capuy.accounts.levels import Role
from capuy.members.services import admit
from capuy.web import pagecache
from tests.web.conftest import make_user

URL = "/chi-tieu/?nam=2024&thang=01/2024"


def page(client: Client, url: str = URL) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    return re.sub(r"hx-headers='[^']*'", "", body), len(captured)


@pytest.fixture
def leader(transactional_db, tree):  # type: ignore[no-untyped-def]
    if connection.vendor != "sqlite":
        pytest.skip("the data version is SQLite's")
    pagecache.clear()
    client = Client()
    client.force_login(make_user("lanhdao.ducpho", tree.town, Role.LEADER))
    yield client
    pagecache.clear()


def test_a_kept_page_is_the_computed_page_until_a_commit(leader, tree) -> None:  # type: ignore[no-untyped-def]
    first, computed = page(leader)
    kept, from_memory = page(leader)
    assert kept == first and from_memory < computed  # the figures' queries are spared
    admit(tree.pho_hoa_cell, "Nguyễn Văn Mới", "nam", dt.date(2024, 1, 10))  # committed
    after, recomputed = page(leader)
    assert recomputed == computed and after != first
    pagecache.clear()
    assert page(leader)[0] == after  # what a fresh computation shows


def test_another_process_commit_changes_the_version(leader) -> None:  # type: ignore[no-untyped-def]
    before = pagecache.data_version()
    assert before is not None and pagecache.data_version() == before
    name = connection.settings_dict["NAME"]
    script = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute('CREATE TABLE pagecache_probe (x)'); c.execute('DROP TABLE pagecache_probe'); "
        "c.commit()"
    )
    subprocess.run([sys.executable, "-c", script, name], check=True)
    assert pagecache.data_version() != before


def test_nothing_is_kept_inside_a_transaction(leader) -> None:  # type: ignore[no-untyped-def]
    with transaction.atomic():
        assert pagecache.data_version() is None
        calls = []
        for _ in range(2):
            pagecache.remember("k", lambda: calls.append(1))
        assert len(calls) == 2
    assert isinstance(pagecache.data_version(), tuple)
