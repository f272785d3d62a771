"""Access scoping: a ward user never sees the town's or another ward's records, and nobody sees a
record classified above their clearance — both enforced inside the SQL query.

Records used: the document register (``capuy.documents.Document``: organisation +
classification), the real model the scoping exists for.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from capuy.accounts.access import (
    clearance_of,
    get_scoped_object_or_404,
    has_role,
    organisations_with_role,
    primary_organisation,
    require_role,
    roles_of,
    scope_queryset,
    visible_organisations,
)
from capuy.accounts.levels import Classification, Role
from capuy.accounts.models import RoleAssignment
from capuy.documents.models import Direction, Document
from capuy.orgs.history import reorganise
from capuy.orgs.models import Organisation, OrgEvent
from tests.web.conftest import Tree, make_user

# Summaries from seed 000's appendix and text; (unit, classification) chosen for the cases.
RECORDS = [
    (
        "town",
        Classification.NORMAL,
        "Báo cáo công tác tháng 02, nhiệm vụ trọng tâm tháng 3 năm 2024",
    ),
    ("town", Classification.SECRET, "Về công tác cán bộ và bảo vệ chính trị nội bộ"),
    (
        "town",
        Classification.TOP_SECRET,
        "Phương án bảo vệ an ninh chính trị dịp Tết Giáp Thìn 2024",
    ),
    ("pho_hoa", Classification.NORMAL, "Kế hoạch đón Tết Nguyên đán Giáp Thìn 2024"),
    ("pho_hoa", Classification.SECRET, "Báo cáo tình hình an ninh chính trị phường Phổ Hòa"),
    ("pho_hoa_cell", Classification.NORMAL, "Nghị quyết chi bộ tháng 02/2024"),
    ("pho_minh", Classification.NORMAL, "Kế hoạch học tập Nghị quyết Trung ương 8 khóa XIII"),
]


@pytest.fixture
def records(tree: Tree) -> dict[str, Document]:
    made = {}
    for unit, level, summary in RECORDS:
        made[summary] = Document.objects.create(
            direction=Direction.INCOMING,
            organisation=getattr(tree, unit),
            type_code="BC" if summary.startswith("Báo cáo") else "KH",
            sender="Ban Tổ chức Tỉnh ủy",
            issued_on=dt.date(2024, 2, 5),
            received_on=dt.date(2024, 2, 6),
            summary=summary,
            classification=level,
        )
    return made


def visible(user: object) -> set[str]:
    qs = scope_queryset(
        Document.objects.all(),
        user,
        org_field="organisation",
        classification_field="classification",
    )
    return set(qs.values_list("summary", flat=True))


def summaries(units: set[str], max_level: int) -> set[str]:
    return {s for unit, level, s in RECORDS if unit in units and level <= max_level}


@pytest.mark.parametrize(
    ("who", "unit", "clearance", "sees_units"),
    [
        ("ward clerk", "pho_hoa", Classification.NORMAL, {"pho_hoa", "pho_hoa_cell"}),
        ("ward leader", "pho_hoa", Classification.SECRET, {"pho_hoa", "pho_hoa_cell"}),
        ("other ward", "pho_minh", Classification.MOST_SECRET, {"pho_minh"}),
        ("cell clerk", "pho_hoa_cell", Classification.SECRET, {"pho_hoa_cell"}),
        (
            "town clerk",
            "town",
            Classification.SECRET,
            {"town", "pho_hoa", "pho_hoa_cell", "pho_minh"},
        ),
        (
            "town leader",
            "town",
            Classification.MOST_SECRET,
            {"town", "pho_hoa", "pho_hoa_cell", "pho_minh"},
        ),
    ],
)
def test_scope_by_subtree_and_clearance(
    tree: Tree,
    records: dict[str, Document],
    who: str,
    unit: str,
    clearance: int,
    sees_units: set[str],
) -> None:
    user = make_user(who.replace(" ", "."), getattr(tree, unit), Role.CLERK, clearance=clearance)
    assert visible(user) == summaries(sees_units, clearance)


def test_scoping_is_in_the_query(tree: Tree, records: dict[str, Document]) -> None:
    user = make_user("vanthu.phohoa", tree.pho_hoa, Role.CLERK)
    qs = scope_queryset(Document.objects.all(), user, classification_field="classification")
    sql = str(qs.query)
    assert "LIKE" in sql.upper() and '"path"' in sql  # the subtree subquery
    assert '"classification" <=' in sql
    # counts and aggregates (pagination) see only the scoped rows
    assert qs.count() == len(summaries({"pho_hoa", "pho_hoa_cell"}, Classification.NORMAL)) == 2


@pytest.mark.parametrize(
    ("unit", "summary"),
    [
        ("town", "Báo cáo công tác tháng 02, nhiệm vụ trọng tâm tháng 3 năm 2024"),  # the town's
        ("pho_minh", "Kế hoạch học tập Nghị quyết Trung ương 8 khóa XIII"),  # another ward's
        ("pho_hoa", "Báo cáo tình hình an ninh chính trị phường Phổ Hòa"),  # own, but Mật
    ],
)
def test_out_of_scope_object_is_404_not_403(
    tree: Tree, records: dict[str, Document], unit: str, summary: str
) -> None:
    user = make_user("vanthu.phohoa", tree.pho_hoa, Role.CLERK)
    target = records[summary]
    with pytest.raises(Http404):
        get_scoped_object_or_404(
            Document.objects.all(), user, classification_field="classification", pk=target.pk
        )
    # a bad id is a 404 too, never a server error
    with pytest.raises(Http404):
        get_scoped_object_or_404(Document.objects.all(), user, pk="không-phải-số")


def test_in_scope_object_is_returned(tree: Tree, records: dict[str, Document]) -> None:
    user = make_user("vanthu.phohoa", tree.pho_hoa, Role.CLERK)
    own = records["Kế hoạch đón Tết Nguyên đán Giáp Thìn 2024"]
    found = get_scoped_object_or_404(
        Document.objects.all(), user, classification_field="classification", pk=own.pk
    )
    assert found == own


def test_nothing_for_anonymous_inactive_or_unassigned(
    tree: Tree, records: dict[str, Document]
) -> None:
    assert visible(AnonymousUser()) == set()
    unassigned = User.objects.create_user("khach", password="x")
    assert visible(unassigned) == set()
    former = make_user("nghiviec", tree.town, Role.LEADER, clearance=Classification.MOST_SECRET)
    former.is_active = False
    former.save()
    assert visible(former) == set()


def test_superuser_sees_every_unit_but_not_above_clearance(
    tree: Tree, records: dict[str, Document]
) -> None:
    root = User.objects.create_superuser("root", password="x")
    all_units = {"town", "pho_hoa", "pho_hoa_cell", "pho_minh"}
    assert visible(root) == summaries(all_units, Classification.NORMAL)
    assert clearance_of(root) == Classification.NORMAL


def test_successor_unit_inherits_the_archives_of_merged_units(
    tree: Tree, records: dict[str, Document]
) -> None:
    day = dt.date(2025, 7, 1)
    merged = Organisation.objects.create(
        name="Đảng bộ phường hợp nhất", kind="dang_bo_co_so", code="ĐU", parent=tree.province
    )
    reorganise(OrgEvent.Kind.DISSOLVE, day, [tree.pho_hoa_cell])
    reorganise(OrgEvent.Kind.MERGE, day, [tree.pho_hoa, tree.pho_minh], [merged])
    user = make_user("vanthu.moi", merged, Role.CLERK)
    assert visible(user) == summaries({"pho_hoa", "pho_hoa_cell", "pho_minh"}, 0)
    assert tree.town not in visible_organisations(user)


def test_roles_and_primary_organisation(tree: Tree) -> None:
    user = make_user("canbo", tree.town, Role.SPECIALIST)
    RoleAssignment.objects.create(user=user, organisation=tree.pho_hoa, role=Role.CLERK)
    user = User.objects.get(pk=user.pk)  # fresh object, fresh per-request cache
    assert roles_of(user) == {Role.SPECIALIST, Role.CLERK}
    assert roles_of(user, tree.pho_minh) == {Role.SPECIALIST}
    assert roles_of(user, tree.pho_hoa_cell) == {Role.SPECIALIST, Role.CLERK}
    assert has_role(user, Role.CLERK, organisation=tree.pho_hoa)
    assert not has_role(user, Role.CLERK, organisation=tree.pho_minh)
    assert set(organisations_with_role(user, Role.CLERK)) == {tree.pho_hoa, tree.pho_hoa_cell}
    assert primary_organisation(user) == tree.town


def test_require_role_decorator(tree: Tree) -> None:
    @require_role(Role.CLERK)
    def register(request: object) -> str:
        return "ok"

    factory = RequestFactory()
    request = factory.get("/van-ban/them/")
    request.user = AnonymousUser()
    assert register(request).status_code == 302  # to the login page
    request.user = make_user("lanhdao", tree.town, Role.LEADER)
    with pytest.raises(PermissionDenied):
        register(request)
    request.user = make_user("vanthu", tree.town, Role.CLERK)
    assert register(request) == "ok"


def test_scoping_costs_a_bounded_number_of_queries(
    tree: Tree, records: dict[str, Document], django_assert_max_num_queries: object
) -> None:
    user = User.objects.get(pk=make_user("vanthu.phohoa", tree.pho_hoa, Role.CLERK).pk)
    # roles, reorganisation check and clearance once (3), then one query per list (3)
    with django_assert_max_num_queries(6):  # type: ignore[operator]
        for _ in range(3):
            list(
                scope_queryset(Document.objects.all(), user, classification_field="classification")
            )
