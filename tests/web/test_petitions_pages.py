"""Petition and reception pages: entry, cases, the model's rules, scoping."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from capuy.accounts.levels import Role
from capuy.petitions.models import Petition, PetitionCase, Reception
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def town_specialist(client: Client, tree: Tree):  # type: ignore[no-untyped-def]
    user = make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return user


BASE = {
    "kind": "khieu_nai",
    "received_on": "10/01/2024",
    "summary": "Bồi thường đất",
    "jurisdiction": "other",
}


def test_letter_opens_a_case_and_a_second_joins_it(
    client: Client, tree: Tree, town_specialist
) -> None:  # type: ignore[no-untyped-def]
    assert (
        client.post(
            "/don-thu/", {**BASE, "organisation": tree.town.pk, "new_case": "Tranh chấp thôn 3"}
        ).status_code
        == 302
    )
    case = PetitionCase.objects.get()
    assert (
        client.post(
            "/don-thu/",
            {
                **BASE,
                "organisation": tree.town.pk,
                "case": case.pk,
                "handling": "forwarded",
                "handled_on": "15/01/2024",
                "handled_by": "UBND thị xã",
            },
        ).status_code
        == 302
    )
    assert case.letters.count() == 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"handling": "resolved", "handled_on": "15/01/2024"},
            "Cách xử lý không phù hợp với thẩm quyền.",
        ),
        ({"handling": "forwarded"}, "Cần ghi ngày xử lý."),
        ({"handling": "filed", "handled_on": "01/01/2024"}, "Ngày xử lý phải sau ngày nhận đơn."),
        ({"received_on": "31/02/2024"}, "Ngày 31/02/2024 không có: tháng 02/2024 chỉ có 29 ngày."),
    ],
)
def test_letter_rules(
    client: Client, tree: Tree, town_specialist, changes: dict, message: str
) -> None:  # type: ignore[no-untyped-def]
    page = client.post(
        "/don-thu/", {**BASE, "organisation": tree.town.pk, **changes}
    ).content.decode()
    assert message in page
    assert not Petition.objects.exists()


def test_reception_entry_and_its_rule(client: Client, tree: Tree, town_specialist) -> None:  # type: ignore[no-untyped-def]
    data = {
        "organisation": tree.pho_hoa.pk,
        "kind": "dialogue",
        "date": "12/03/2024",
        "place": "Tổ dân phố 1",
        "host": "Bí thư Đảng ủy phường",
        "attendance": 120,
        "opinions_raised": 14,
        "opinions_resolved": 15,
    }
    page = client.post("/don-thu/tiep-dan/", data).content.decode()
    assert "Số ý kiến đã giải quyết không thể lớn hơn số ý kiến nêu." in page
    assert client.post("/don-thu/tiep-dan/", {**data, "opinions_resolved": 9}).status_code == 302
    assert Reception.objects.get().date == D(2024, 3, 12)


def test_petitions_are_scoped(client: Client, tree: Tree) -> None:
    for org, text in ((tree.town, "Đơn gửi Thị ủy"), (tree.pho_hoa, "Đơn gửi Phổ Hòa")):
        Petition.objects.create(
            organisation=org,
            kind="to_cao",
            received_on=D(2024, 1, 2),
            summary=text,
            jurisdiction="own",
        )
    client.force_login(
        make_user("cv.phohoa", tree.pho_hoa, Role.SPECIALIST),
        backend="django.contrib.auth.backends.ModelBackend",
    )
    page = client.get("/don-thu/").content.decode()
    assert "Đơn gửi Phổ Hòa" in page and "Đơn gửi Thị ủy" not in page
    refused = client.post("/don-thu/", {**BASE, "organisation": tree.town.pk}).content.decode()
    assert "Chọn một đơn vị bạn được nhập hồ sơ." in refused and Petition.objects.count() == 2


def test_handling_a_letter_later_and_its_rules(client: Client, tree: Tree, town_specialist) -> None:  # type: ignore[no-untyped-def]
    letter = Petition.objects.create(
        organisation=tree.town,
        kind="to_cao",
        received_on=D(2024, 1, 2),
        summary="Đơn tố cáo",
        jurisdiction="own",
        handling="in_progress",
    )
    other = Petition.objects.create(
        organisation=tree.province,
        kind="to_cao",
        received_on=D(2024, 1, 2),
        summary="Ở tỉnh",
        jurisdiction="own",
    )
    assert client.get(f"/don-thu/{other.pk}/xu-ly/").status_code == 404
    page = client.post(
        f"/don-thu/{letter.pk}/xu-ly/", {"handling": "filed", "handled_on": "10/01/2024"}
    ).content.decode()
    assert "Cách xử lý không phù hợp với thẩm quyền." in page
    assert (
        client.post(
            f"/don-thu/{letter.pk}/xu-ly/", {"handling": "resolved", "handled_on": "10/03/2024"}
        ).status_code
        == 302
    )
    letter.refresh_from_db()
    assert (letter.handling, letter.handled_on) == ("resolved", D(2024, 3, 10))
