"""Pages cost a bounded number of queries, whatever the number of rows behind them.

Issue 17 ("a fast web app"): the member list sorted every visible member in Python and built
each of them as an object for a page of 30; the document page asked for its relations through
the whole visible register as a subquery; the choice lists of units read each cell's parent
one query at a time. These tests grow the rows and count the queries, and check that what the
pages show — the order of the register, who sees which member or relation — is unchanged.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from capuy.accounts.levels import Classification, Role
from capuy.documents.models import DocumentRelation
from capuy.documents.numbering import register_outgoing
from capuy.members.models import Member
from capuy.members.services import admit
from capuy.members.views import RegisterOrder
from capuy.orgs.models import Body, Organisation
from capuy.vocab.alphabet import name_sort_key
from tests.web.conftest import make_user

NAMES = ["Nguyễn Văn An", "Trần Thị Ánh", "Lê Quang Ân", "Phạm Thị Bích", "Đỗ Văn Đức"]
NAMES += ["Võ Thị Hòa", "Huỳnh Văn Dũng", "Bùi Thị Yến", "Ngô Văn Ơn", "Đặng Thị Ư"]


def queries(client: Client, url: str) -> tuple[int, str]:
    client.get(url)  # the session and per-process caches warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def add_members(tree, count: int, start: int = 0) -> None:
    units = [tree.pho_hoa_cell, tree.pho_minh, tree.town]
    for i in range(start, start + count):
        name = NAMES[i % len(NAMES)].replace(" ", f" {chr(65 + i % 26)} ", 1)
        admit(units[i % 3], name, "nam" if i % 2 else "nu", dt.date(2015, 1, 1 + i % 28))


def test_member_list_queries_do_not_grow_with_members(tree) -> None:
    leader = make_user("lanhdao.ducpho", tree.town, Role.LEADER)
    client = Client()
    client.force_login(leader)
    add_members(tree, 4)
    few, _ = queries(client, "/dang-vien/")
    add_members(tree, 80, start=4)
    many, page = queries(client, "/dang-vien/")
    assert many == few
    assert "Trang 1/3" in page


def test_member_list_keeps_the_registers_order_and_scope(tree) -> None:
    add_members(tree, 40)
    ward = make_user("chuyenvien.phohoa", tree.pho_hoa, Role.SPECIALIST)
    leader = make_user("lanhdao.ducpho", tree.town, Role.LEADER)
    for user, unit in ((leader, tree.town), (ward, tree.pho_hoa)):
        members = Member.objects.select_related("organisation").filter(
            organisation__path__startswith=unit.path
        )
        expected = sorted(members, key=lambda m: (m.organisation.path, name_sort_key(m.full_name)))
        from capuy.members.views import visible_members

        class Request:
            pass

        request = Request()
        request.user = user  # type: ignore[attr-defined]
        ordered = RegisterOrder(visible_members(request))  # type: ignore[arg-type]
        assert len(ordered) == len(expected)
        assert [m.pk for m in ordered[0 : len(ordered)]] == [m.pk for m in expected]
        assert ordered[-1].pk == expected[-1].pk
        client = Client()
        client.force_login(user)
        last = (len(expected) - 1) // 30 + 1
        page = client.get("/dang-vien/", {"trang": str(last)}).content.decode()
        on_page = {m.pk for m in expected[(last - 1) * 30 : last * 30]}
        for member in Member.objects.all():
            listed = f'href="/dang-vien/{member.pk}/"' in page
            assert listed == (member.pk in on_page), member.full_name


def test_every_slice_of_the_register_is_the_full_sorts_slice(tree) -> None:
    """The register sorts only the units a page spans: any window — inside one unit, across
    unit boundaries, at either end, past the end — equals the same window of the whole
    register sorted at once (unit, name the Vietnamese way, then id for namesakes)."""
    add_members(tree, 40)
    for _ in range(2):  # namesakes in one unit keep the order of their ids
        admit(tree.pho_minh, "Nguyễn Văn An", "nam", dt.date(2016, 3, 3))
    leader = make_user("lanhdao.ducpho", tree.town, Role.LEADER)
    from capuy.members.views import visible_members

    class Request:
        user = leader

    members = visible_members(Request())  # type: ignore[arg-type]
    whole = sorted(
        members.order_by("pk"),
        key=lambda m: (m.organisation.tree_key, name_sort_key(m.full_name), m.pk),
    )
    ordered = RegisterOrder(members)
    assert len(ordered) == len(whole) == 42
    for start, stop in [(0, 1), (0, 7), (5, 19), (13, 14), (13, 29), (30, 42), (41, 42), (40, 99)]:
        assert [m.pk for m in ordered[start:stop]] == [m.pk for m in whole[start:stop]]
    assert ordered[-1].pk == whole[-1].pk and ordered[0].pk == whole[0].pk
    assert RegisterOrder(members.filter(pk=-1))[0:30] == []


def test_a_documents_relations_cost_the_same_queries_and_stay_scoped(tree) -> None:
    town_btv = Body.objects.get(organisation=tree.town, kind="btv")
    hoa_btv = Body.objects.create(organisation=tree.pho_hoa, kind="btv", name="BTV Phổ Hòa")
    from capuy.orgs.models import CommitteeTerm

    CommitteeTerm.objects.create(
        organisation=tree.pho_hoa, start_year=2020, end_year=2025, start_date=dt.date(2020, 6, 1)
    )
    day = dt.date(2024, 2, 1)
    main = register_outgoing(issuing_body=hoa_btv, type_code="BC", issued_on=day, summary="Gốc")
    secret = register_outgoing(
        issuing_body=town_btv,
        type_code="KH",
        issued_on=day,
        summary="Kế hoạch mật",
        classification=Classification.SECRET,
    )
    DocumentRelation.objects.create(source=main, target=secret, kind="implements")
    ward = make_user("vanthu.phohoa", tree.pho_hoa, Role.CLERK)
    leader = make_user("lanhdao.ducpho", tree.town, Role.LEADER, clearance=Classification.SECRET)
    url = f"/van-ban/{main.pk}/"
    for user in (ward, leader):
        client = Client()
        client.force_login(user)
        few, page = queries(client, url)
        assert (f'href="/van-ban/{secret.pk}/"' in page) == (user is leader)
    for i in range(12):
        target = register_outgoing(
            issuing_body=town_btv, type_code="CV", issued_on=day, summary=f"Công văn {i}"
        )
        DocumentRelation.objects.create(source=main, target=target, kind="implements")
    many, page = queries(client, url)
    assert many == few
    assert page.count('href="/van-ban/') >= 13


def test_unit_choices_read_the_parents_in_one_query(tree) -> None:
    for i in range(8):
        Organisation.objects.create(
            name=f"Chi bộ Khu phố {i}", kind="chi_bo_co_so", parent=tree.pho_minh
        )
    leader = make_user("lanhdao.ducpho", tree.town, Role.LEADER)
    client = Client()
    client.force_login(leader)
    many, page = queries(client, "/van-ban/")
    assert "Chi bộ Khu phố 7 — Đảng bộ phường Phổ Minh" in page
    Organisation.objects.filter(name__startswith="Chi bộ Khu phố").exclude(
        name__endswith=" 0"
    ).delete()
    few, _ = queries(client, "/van-ban/")
    assert many == few
