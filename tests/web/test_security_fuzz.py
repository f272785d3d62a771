"""Fuzzing every list's filter parameters: no value makes a page answer 500.

The parameters are read from the pages themselves (every ``<form method="get">`` field and
every query-string key of their links), so a filter added later is fuzzed too. The probe found
``?thang=10/0000`` (year 0) failing on the month view and its CSV.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from capuy.accounts.levels import Classification, Role
from tests.web.conftest import Tree, make_user
from tests.web.test_security_urls import PUBLIC, app_routes
from tests.web.url_probe import GLOBAL_URLS, VALUE_KWARGS, World

HOSTILE = [
    "10/0000",
    "00/2024",
    "13/2024",
    "31/12/9999",
    "29/02/2023",
    "0000-00-00",
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "abc",
    "'\"<script>x</script>",
    "\x00",
    "２０２４",
    " ",
    "9" * 2000,
]
SHARPEST = ["10/0000", "99999999999999999999999", "-1"]


def _fields(html: str) -> set[str]:
    names: set[str] = set()
    for form in re.findall(r"<form\b[^>]*method=\"get\"[^>]*>(.*?)</form>", html, re.S | re.I):
        names.update(re.findall(r"\bname=\"([^\"]+)\"", form))
    for href in re.findall(r"href=\"([^\"]*\?[^\"]*)\"", html):
        names.update(k for k, _ in parse_qsl(urlsplit(unescape(href)).query, True))
    names.discard("csrfmiddlewaretoken")
    return names


def _pages() -> list[str]:
    urls = []
    for route in app_routes():
        if route.name.split(":")[-1] in PUBLIC or route.name in GLOBAL_URLS:
            continue
        if set(route.kwargs) - set(VALUE_KWARGS):
            continue
        if route.kwargs:
            key = route.kwargs[0]
            urls += [reverse(route.name, kwargs={key: v}) for v in VALUE_KWARGS[key]]
        else:
            urls.append(reverse(route.name))
    return urls


@pytest.mark.slow
@pytest.mark.django_db
def test_no_filter_value_gives_a_server_error(tree: Tree) -> None:
    """As the town's leader (every record in reach, so every code path of the lists): each
    hostile value in every field at once, then the sharpest values field by field."""
    World.build({"town": tree.town, "pho_hoa": tree.pho_hoa})
    user = make_user("lanhdao", tree.town, Role.LEADER, clearance=Classification.MOST_SECRET)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    failures = []
    fuzzed = 0
    for url in _pages():
        first = client.get(url)
        if first.status_code >= 500:
            failures.append(f"{url} → {first.status_code}")
            continue
        text = first.content.decode("utf-8", "replace") if not first.streaming else ""
        names = _fields(text) | {"thang", "to_chuc", "trang", "q", "nam", "ky", "tu_ngay"}
        tries = [dict.fromkeys(names, value) for value in HOSTILE]
        tries += [{name: value} for name in sorted(names) for value in SHARPEST]
        for params in tries:
            response = client.get(url, params)
            fuzzed += 1
            if response.status_code >= 500:
                shown = {k: v[:20] for k, v in params.items()} if len(params) == 1 else params
                failures.append(f"{url} {str(shown)[:80]} → {response.status_code}")
    assert fuzzed > 300
    assert failures == [], failures[:30]
