"""The register's tally (``DocumentTally``, kept by triggers) and the list's count from it.

The unfiltered list no longer runs ``COUNT(*)`` over the visible register: it sums the tally
over the user's units and clearance. These tests change documents every way the code base
does — register, edit, reclassify, move to another unit, recall, delete, ``bulk_create``,
``QuerySet.update`` — and read, at once, that the tally is the recount of the documents and
that each user's list says exactly as many documents as their scoped queryset holds.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Count
from django.test import Client

from capuy.accounts.levels import Classification, Role
from capuy.documents.counters import bounded_count, rebuild_counters, visible_total
from capuy.documents.models import Direction, Document, DocumentTally
from capuy.documents.queries import visible_documents
from capuy.documents.views import filtered_documents
from tests.web.conftest import make_user
from tests.web.test_documents_views import logged_in, register  # noqa: F401 — the fixture


def tally() -> dict[tuple[int, int], int]:
    return {
        (t.organisation_id, t.classification): t.total
        for t in DocumentTally.objects.exclude(total=0)
    }


def recount() -> dict[tuple[int, int], int]:
    rows = Document.objects.values("organisation_id", "classification").annotate(n=Count("pk"))
    return {(r["organisation_id"], r["classification"]): r["n"] for r in rows}


def users(tree) -> list:
    return [
        make_user("lanhdao.ducpho", tree.town, Role.LEADER, clearance=Classification.MOST_SECRET),
        make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST),
        make_user("vanthu.phohoa", tree.pho_hoa, Role.CLERK, clearance=Classification.SECRET),
        make_user("vanthu.phominh", tree.pho_minh, Role.CLERK),
        make_user("quantri", tree.province, is_superuser=True),
    ]


def assert_counts_right(people: list) -> None:
    assert tally() == recount()
    for user in people:
        assert visible_total(user) == visible_documents(user).count(), user.username


def test_tally_follows_every_kind_of_change(tree, register) -> None:  # noqa: F811
    people = users(tree)
    assert_counts_right(people)
    plan, hoa = register["plan"], register["hoa"]

    plan.summary = "Kế hoạch đã sửa trích yếu"  # an edit that changes neither count
    plan.save()
    assert_counts_right(people)

    plan.classification = Classification.TOP_SECRET  # reclassified
    plan.save()
    assert_counts_right(people)
    assert visible_total(people[1]) == 2  # the specialist (ordinary clearance) lost it

    hoa.organisation = tree.pho_minh  # moved to another unit's register
    hoa.save()
    assert_counts_right(people)

    Document.objects.filter(pk=register["minh"].pk).update(classification=Classification.SECRET)
    assert_counts_right(people)

    Document.objects.bulk_create(
        Document(
            direction=Direction.INCOMING,
            organisation=tree.pho_hoa,
            type_code="CV",
            issued_on=dt.date(2024, 3, day),
            summary=f"Công văn đến số {day}",
            classification=Classification.SECRET if day % 3 == 0 else Classification.NORMAL,
            sender="Ban Tổ chức Tỉnh ủy",
        )
        for day in range(1, 21)
    )
    assert_counts_right(people)

    register["secret"].delete()
    Document.objects.filter(organisation=tree.pho_hoa, summary__endswith="1").delete()
    assert_counts_right(people)

    DocumentTally.objects.update(total=0)  # damaged by hand: the rebuild repairs it
    assert rebuild_counters() == Document.objects.count()
    assert_counts_right(people)


@pytest.mark.parametrize(
    ("who", "expected"), [("lanhdao.ducpho", 4), ("vanthu.phohoa", 1), ("chuyenvien.ducpho", 3)]
)
def test_the_list_says_what_the_user_may_see(tree, register, who, expected) -> None:  # noqa: F811
    people = {u.username: u for u in users(tree)}
    user = people[who]
    page = logged_in(user).get("/van-ban/").content.decode()
    assert f"{expected} văn bản" in page
    assert visible_documents(user).count() == expected
    # the documents listed are exactly the visible ones
    for document in Document.objects.all():
        shown = f'href="/van-ban/{document.pk}/"' in page
        assert shown == visible_documents(user).filter(pk=document.pk).exists(), document.pk


def test_a_filtered_list_counts_its_own_rows_bounded(tree, register, rf) -> None:  # noqa: F811
    leader = users(tree)[0]
    client = logged_in(leader)
    page = client.get("/van-ban/", {"the_loai": "BC"}).content.decode()
    assert "3 văn bản" in page  # the town's Mật report and the two wards' reports
    request = rf.get("/van-ban/", {"the_loai": "BC"})
    request.user = leader
    _, documents, filtered = filtered_documents(request)
    assert filtered
    assert bounded_count(documents, cap=2) == (2, True)
    assert bounded_count(documents, cap=3) == (3, False)


def test_past_the_cap_the_list_says_more_than(tree, register, monkeypatch) -> None:  # noqa: F811
    monkeypatch.setattr("capuy.documents.counters.COUNT_CAP", 2)
    page = logged_in(users(tree)[0]).get("/van-ban/", {"the_loai": "BC"}).content.decode()
    hint = page[page.index('<p class="hint">') :][:200]
    assert "Hơn 02 văn bản — hãy lọc thêm" in hint, hint  # vn_count writes 02


def test_a_page_of_the_list_costs_the_same_queries_at_any_size(tree, register) -> None:  # noqa: F811
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    leader = users(tree)[0]
    client = Client()
    client.force_login(leader)

    def queries() -> int:
        client.get("/van-ban/")  # the session and caches warm
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/van-ban/").status_code == 200
        return len(captured)

    few = queries()
    Document.objects.bulk_create(
        Document(
            direction=Direction.INCOMING,
            organisation=tree.pho_hoa if i % 2 else tree.town,
            type_code="CV",
            issued_on=dt.date(2024, 4, 1) + dt.timedelta(days=i % 28),
            summary=f"Công văn đến {i}",
            sender="Ban Tổ chức Tỉnh ủy",
        )
        for i in range(120)
    )
    assert queries() == few
    with CaptureQueriesContext(connection) as captured:
        client.get("/van-ban/")
    assert not any("COUNT(" in q["sql"] and "documents_document" in q["sql"] for q in captured)
