"""Each page of issue 17's mixed set asks a capped number of queries (an N+1 added to a panel,
a list or a page fails here), and the figure does not grow with the records behind it.

Caps are the counts measured on 3 December 2026 (webfast2): the session, the user and the
first-login check (3), the user's access read once per request (roles, reorganisations,
clearance: 3), then the page's own. The indicators page computes its figures on every
request (no cache of them has landed); 32 → 29 when it stopped counting a record set twice
(webfig3: the links and computed indicators read the statements' own numbers, the required
indicators come from the catalogue in hand, the chart's months are one query)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from capuy.accounts.levels import Classification, Role
from capuy.documents.numbering import register_outgoing
from capuy.indicators.catalogue import ensure_computed_indicators
from capuy.members.services import admit
from capuy.orgs.models import Body
from capuy.reports import workflow
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db

CAPS = {
    "/": 14,
    "/van-ban/": 9,
    "/van-ban/?the_loai=KH&tu_ngay=01/01/2023": 9,
    "/van-ban/{document}/": 15,
    "/dang-vien/": 9,
    "/chi-tieu/?nam=2024": 29,
    "/bao-cao/{report}/": 10,
}


def fill(tree: Tree, start: int, count: int) -> int:
    """``count`` documents and members more; returns the last document's id."""
    body = Body.objects.get(organisation=tree.town, kind="btv")
    last = 0
    for i in range(start, start + count):
        day = dt.date(2024, 1 + i % 12, 1 + i % 28)
        last = register_outgoing(
            issuing_body=body, type_code="KH", issued_on=day, summary=f"Kế hoạch số {i}"
        ).pk
        unit = (tree.pho_hoa_cell, tree.pho_minh, tree.town)[i % 3]
        admit(unit, f"Đảng viên {i}", "nam" if i % 2 else "nu", day)
    return last


def counted(client: Client, url: str) -> int:
    client.get(url)  # session and per-process caches warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_every_page_of_the_mixed_set_stays_under_its_cap_whatever_the_rows(tree: Tree) -> None:
    ensure_computed_indicators()
    leader = make_user(
        "lanhdao.ducpho", tree.town, Role.LEADER, clearance=Classification.TOP_SECRET
    )
    document = fill(tree, 0, 3)
    report = workflow.create_report(tree.town, "monthly", "2024-02", leader).pk
    client = Client()
    client.force_login(leader, backend="django.contrib.auth.backends.ModelBackend")
    urls = {url: url.format(document=document, report=report) for url in CAPS}
    few = {url: counted(client, real) for url, real in urls.items()}
    fill(tree, 3, 30)
    many = {url: counted(client, real) for url, real in urls.items()}
    for url, cap in CAPS.items():
        assert many[url] <= cap, (url, many[url], cap)
        assert many[url] == few[url], (url, few[url], many[url])
