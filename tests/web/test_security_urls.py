"""The probe as a test: every URL of the URL conf, walked as every role of a ward and of the
town, with the ids of records the walker may not see (another unit's, or classified above the
walker's clearance) — every answer 403/404, no page showing what it must not.

- ``test_every_url_argument_is_declared``: every pattern with arguments is declared in
  ``tests/web/url_probe.py`` (which record kind its ids come from and how, or which values its
  other arguments take); a new page with an undeclared argument fails here, it is never
  skipped.
- ``test_object_urls_refuse_hidden_records``: GET and POST on every object URL with every
  hidden record: 403/404 (405 for the other method at most), the record's text absent, and
  nothing written (no audit entry made).
- ``test_pages_do_not_list_hidden_records``: every page without arguments (lists, boards,
  forms, exports) shows none of the hidden records' texts, and has no inline script, inline
  event handler or inline style (the Content-Security-Policy would block them).
- ``test_admin_refuses_hidden_records``: every admin page of every model, for an
  administrator of ordinary clearance — changelists, change, history and delete pages, and
  the audit trail — shows no classified record.
- ``test_global_pages_need_their_role``: pages about no unit's record (the vocabulary) are
  closed to the roles that do not hold them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, include, path, reverse

from capuy.accounts.levels import Classification, Role
from capuy.accounts.models import Profile
from tests.web.conftest import PASSWORD, Tree, make_user
from tests.web.url_probe import (
    BUILDERS,
    GLOBAL_KWARGS,
    GLOBAL_URLS,
    OBJECT_URLS,
    VALUE_KWARGS,
    World,
    target,
)

SKIP_PREFIXES = ("quan-tri/",)  # the admin is walked model by model below
PUBLIC = {"login", "logout", "health"}


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    route: str
    kwargs: tuple[str, ...]


def _routes(patterns: list, prefix: str = "", namespace: str = "") -> Iterator[Route]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}{pattern.namespace}:"
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            kwargs = tuple(re.findall(r"<(?:\w+:)?(\w+)>", route))
            yield Route(f"{namespace}{pattern.name or ''}", route, kwargs)


def app_routes() -> list[Route]:
    return [
        r for r in _routes(get_resolver().url_patterns) if not r.route.startswith(SKIP_PREFIXES)
    ]


def test_every_url_argument_is_declared() -> None:
    problems = []
    for route in app_routes():
        if not route.kwargs:
            continue
        if route.name.endswith(":") or not route.name:
            problems.append(f"{route.route}: give the pattern a name")
            continue
        if route.name in GLOBAL_URLS:
            unknown = [k for k in route.kwargs if k not in GLOBAL_KWARGS]
        elif (declared := target(route.name)) is not None:
            known = set(declared.args) | set(declared.values) | set(VALUE_KWARGS)
            unknown = [k for k in route.kwargs if k not in known]
            if not set(declared.args) & set(route.kwargs):
                unknown.append("no record argument")
            if stale := sorted(set(declared.args) - set(route.kwargs)):
                unknown.append(f"declared record arguments not in the URL: {stale}")
            if declared.kind not in BUILDERS:
                unknown.append(f"kind {declared.kind!r} has no builder")
        else:  # a page with value arguments only (an export format): walked as a page
            unknown = [k for k in route.kwargs if k not in VALUE_KWARGS]
        if unknown:
            problems.append(
                f"{route.name} ({route.route}): declare {unknown} in tests/web/url_probe.py"
            )
    assert problems == []


def test_the_walk_covers_the_apps() -> None:
    names = {r.name for r in app_routes()}
    for expected in (
        "documents:detail", "meetings:edit", "reports:action", "members:detail",
        "meetingroom:cast", "archive:original", "handbook:cell_member", "dues:book",
    ):  # fmt: skip
        assert expected in names
    assert len([r for r in app_routes() if r.kwargs]) >= 15


# --- the walkers ----------------------------------------------------------------------------

WALKERS = [
    (unit, role)
    for unit in ("town", "pho_hoa")
    for role in (Role.CLERK, Role.SPECIALIST, Role.LEADER, Role.ADMIN)
]


def _units(tree: Tree) -> dict[str, object]:
    return {"province": tree.province, "town": tree.town, "pho_hoa": tree.pho_hoa,
            "pho_minh": tree.pho_minh}  # fmt: skip


@pytest.fixture
def world(tree: Tree, settings: object, tmp_path: object) -> World:
    world = World.build(_units(tree))  # type: ignore[arg-type]
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    world.store_files()  # the archive's stored originals, in the throw-away folder
    return world


def _walker(tree: Tree, unit: str, role: str) -> tuple[User, Client]:
    user = make_user(f"do.{unit}.{role}", _units(tree)[unit], role)  # type: ignore[arg-type]
    client = Client()
    client.force_login(user)
    return user, client


def _text(response: object) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")  # type: ignore[attr-defined]
    return response.content.decode("utf-8", "replace")  # type: ignore[attr-defined]


def _leaks(text: str, markers: list[str]) -> list[str]:
    return [m for m in markers if m in text]


def walk_object_urls(client: Client, user: User, world: World) -> tuple[list[str], int]:
    """GET and POST every object URL with every record hidden from ``user``: the failures.

    Every value of the other arguments is tried with the first hidden record; after it, the
    first value and only the methods the view answers (a POST-only view's GET is 405)."""
    failures: list[str] = []
    requests = 0
    for route in app_routes():
        declared = target(route.name)
        if declared is None:
            continue
        hidden = world.hidden(declared.kind, user)
        if not hidden:
            failures.append(f"{route.name}: the world has no {declared.kind} hidden from {user}")
        others = [k for k in route.kwargs if k not in declared.args]
        methods = [client.get, client.post]
        for index, (record, marker) in enumerate(hidden):
            ids = {key: derive(record) for key, derive in declared.args.items()}
            if None in ids.values():
                failures.append(f"{route.name}: {record!r} gives no id for {ids}")
                continue
            choices: list[list[tuple[str, str]]] = [[]]
            for key in others:
                every = declared.values.get(key) or VALUE_KWARGS[key]
                values = every if index == 0 else every[:1]
                choices = [c + [(key, v)] for c in choices for v in values]
            for extra in choices:
                url = reverse(route.name, kwargs={**ids, **dict(extra)})
                answered = []
                for method in methods:
                    response = method(url)
                    requests += 1
                    status = response.status_code
                    if status not in (403, 404, 405):
                        failures.append(f"{method.__name__.upper()} {url} → {status}")
                    elif marker in _text(response):
                        failures.append(f"{url} shows {marker}")
                    if status != 405:
                        answered.append(method)
                if not answered:
                    failures.append(f"{url}: 405 for both GET and POST proves nothing")
                elif index == 0:
                    methods = answered
    return failures, requests


@pytest.mark.slow
@pytest.mark.django_db
def test_object_urls_refuse_hidden_records(tree: Tree, world: World) -> None:
    """One world, every walker in turn (building the world is the slow part)."""
    walkers = [(unit, role, *_walker(tree, unit, role)) for unit, role in WALKERS]
    audit_before = LogEntry.objects.count()
    for unit, role, user, client in walkers:
        failures, requests = walk_object_urls(client, user, world)
        assert failures == [], (unit, role, failures[:20])
        assert requests > 100
    assert LogEntry.objects.count() == audit_before, "a refused request changed a record"


def _unscoped_document(request: HttpRequest, pk: int) -> HttpResponse:
    """A page that forgot scoping: what the probe exists to catch."""
    from capuy.documents.models import Document

    return HttpResponse(Document.objects.get(pk=pk).summary)


urlpatterns = [
    path("", include("capuy.web.urls")),
    path("quen-pham-vi/<int:pk>/", _unscoped_document, name="forgot_scope"),
]


@pytest.mark.django_db
def test_the_walk_catches_a_page_that_forgot_scoping(
    tree: Tree, world: World, settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.ROOT_URLCONF = __name__  # type: ignore[attr-defined]
    monkeypatch.setitem(OBJECT_URLS, "forgot_scope", "document")
    monkeypatch.setattr(
        "tests.web.test_security_urls.app_routes",
        lambda: [r for r in _routes(get_resolver().url_patterns) if r.name == "forgot_scope"],
    )
    user, client = _walker(tree, "pho_hoa", Role.CLERK)
    failures, _ = walk_object_urls(client, user, world)
    assert failures and all("quen-pham-vi" in f for f in failures)
    assert any("→ 200" in f for f in failures)


def _scan_inline(text: str) -> list[str]:
    found = []
    if re.search(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", text):
        found.append("inline <script>")
    if re.search(r"<[a-z][^>]*\son[a-z]+\s*=", text):
        found.append("inline event handler")
    if re.search(r"<[a-z][^>]*\sstyle\s*=", text):
        found.append("inline style attribute")
    if re.search(r"<style[\s>]", text):
        found.append("<style> element")
    return found


def walk_pages(client: Client, user: User, world: World) -> list[str]:
    markers = world.all_hidden_markers(user)
    assert markers
    failures = []
    for route in app_routes():
        if route.name.split(":")[-1] in PUBLIC or route.name in GLOBAL_URLS:
            continue
        if route.kwargs and set(route.kwargs) - set(VALUE_KWARGS):
            continue
        keys = list(route.kwargs)
        combos = [{}] if not keys else [{keys[0]: v} for v in VALUE_KWARGS[keys[0]]]
        for kwargs in combos:
            url = reverse(route.name, kwargs=kwargs)
            response = client.get(url)
            if response.status_code >= 500:
                failures.append(f"GET {url} → {response.status_code}")
                continue
            text = _text(response)
            if leaked := _leaks(text, markers):
                failures.append(f"GET {url} shows {leaked[:3]}")
            html = response.get("Content-Type", "").startswith("text/html")
            if html and (inline := _scan_inline(text)):
                failures.append(f"GET {url}: {inline}")
    return failures


@pytest.mark.slow
@pytest.mark.django_db
def test_pages_do_not_list_hidden_records(tree: Tree, world: World) -> None:
    for unit, role in WALKERS:
        user, client = _walker(tree, unit, role)
        failures = walk_pages(client, user, world)
        assert failures == [], (unit, role, failures[:20])


# --- the admin ------------------------------------------------------------------------------


def _admin_client(clearance: int) -> tuple[User, Client]:
    user = User.objects.create_superuser(f"quantri.{clearance}", password=PASSWORD)
    Profile.objects.create(user=user, clearance=clearance)
    client = Client()
    client.force_login(user)
    return user, client


@pytest.mark.slow
@pytest.mark.django_db
def test_admin_refuses_hidden_records(tree: Tree, world: World) -> None:
    user, client = _admin_client(Classification.NORMAL)
    markers = world.all_hidden_markers(user)
    assert markers  # the classified records of every unit
    failures = []
    for model, model_admin in admin.site._registry.items():
        info = f"{model._meta.app_label}_{model._meta.model_name}"
        changelist = client.get(reverse(f"admin:{info}_changelist"))
        if changelist.status_code != 200:
            failures.append(f"{info} changelist → {changelist.status_code}")
        elif leaked := _leaks(_text(changelist), markers):
            failures.append(f"{info} changelist shows {leaked[:2]}")
        seen = set(model_admin.get_queryset(_request(user)).values_list("pk", flat=True))
        hidden = model._default_manager.exclude(pk__in=seen)[:20]
        for record in hidden:
            for page in ("change", "history", "delete"):
                url = reverse(f"admin:{info}_{page}", args=[record.pk])
                response = client.get(url)
                if response.status_code not in (302, 403, 404):
                    failures.append(f"GET {url} → {response.status_code}")
                elif leaked := _leaks(_text(response), markers):
                    failures.append(f"GET {url} shows {leaked[:2]}")
    # the classified ones are hidden indeed (the walk above saw something)
    assert any(m.split()[-2] != "0" for m in markers)
    for query in ("Dấu dò", "QX"):
        page = client.get("/quan-tri/auditlog/logentry/", {"q": query})
        if leaked := _leaks(_text(page), markers):
            failures.append(f"audit search {query!r} shows {leaked[:2]}")
    assert failures == [], failures[:20]


def _request(user: User) -> object:
    from django.test import RequestFactory

    request = RequestFactory().get("/quan-tri/")
    request.user = user
    return request


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.CLERK, Role.SPECIALIST, Role.LEADER])
def test_global_pages_need_their_role(tree: Tree, role: str) -> None:
    _, client = _walker(tree, "town", role)
    for route in app_routes():
        if route.name not in GLOBAL_URLS:
            continue
        _, allowed = GLOBAL_URLS[route.name]
        assert role not in allowed
        for value in GLOBAL_KWARGS["name"]:
            url = reverse(route.name, kwargs={"name": value})
            for method in (client.get, client.post):
                assert method(url).status_code in (403, 404, 405), url
