"""Correcting, recalling and replacing a registered document: the change is audited (who, which
field, before and after, the reason), the replacement is shown on both documents' pages, and a
recalled or replaced document is marked in the lists; only the unit's clerk may act."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from capuy.accounts.levels import Classification, Role
from capuy.documents.models import Document, DocumentRelation
from capuy.documents.numbering import register_outgoing
from capuy.orgs.models import Body
from tests.web.conftest import make_user


@pytest.fixture
def decisions(tree):
    btv = Body.objects.get(organisation=tree.town, kind="btv")

    def issue(day: int, summary: str, **extra: object) -> Document:
        return register_outgoing(
            issuing_body=btv, type_code="QĐ", issued_on=dt.date(2024, 2, day), summary=summary,
            **extra,
        )  # fmt: skip

    return {
        "old": issue(5, "Thành lập Tổ công tác tiếp nhận đơn thư dịp Tết"),
        "new": issue(20, "Thành lập Tổ công tác tiếp nhận đơn thư (thay thế)"),
        "secret": issue(21, "Kiện toàn Ban Bảo vệ chính trị nội bộ", classification=1),
    }


def client_for(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_correction_is_audited_with_before_after_and_reason(tree, town_clerk, decisions) -> None:  # type: ignore[no-untyped-def]
    old = decisions["old"]
    client = client_for(town_clerk)
    response = client.post(
        f"/van-ban/{old.pk}/sua/",
        {
            "summary": "Thành lập Tổ công tác tiếp nhận, xử lý đơn thư dịp Tết Giáp Thìn",
            "issued_on": "06/02/2024",
            "classification": "0",
            "important": "on",
            "reason": "sai trích yếu và ngày",
        },
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.issued_on == dt.date(2024, 2, 6)
    page = client.get(f"/van-ban/{old.pk}/").content.decode()
    assert "Lịch sử vào sổ và sửa đổi" in page
    assert "vanthu.ducpho sửa — lý do: sai trích yếu và ngày" in page
    assert '<td class="before">05/02/2024</td><td class="after">06/02/2024</td>' in page
    assert '<td class="before">Thành lập Tổ công tác tiếp nhận đơn thư dịp Tết</td>' in page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"summary": "x", "issued_on": "05/02/2024", "classification": "0"}, "reason",
         "Trường này là bắt buộc."),
        ({"summary": "x", "issued_on": "05/02/2019", "classification": "0", "reason": "r"},
         "issued_on", "Ngày mới thuộc nhiệm kỳ khác với số đã cấp"),
        ({"summary": "x", "issued_on": "05/02/2024", "classification": "3", "reason": "r"},
         "classification", "3"),  # above the clerk's clearance: not among the choices
    ],
)  # fmt: skip
def test_correction_refuses_bad_input(tree, town_clerk, decisions, data, field, message) -> None:  # type: ignore[no-untyped-def]
    old = decisions["old"]
    response = client_for(town_clerk).post(f"/van-ban/{old.pk}/sua/", data)
    assert response.status_code == 200
    assert any(message in e for e in response.context["form"].errors[field])
    old.refresh_from_db()
    assert old.summary == "Thành lập Tổ công tác tiếp nhận đơn thư dịp Tết"


def test_recall_and_replace_are_shown_both_ways_and_in_lists(tree, town_clerk, decisions) -> None:  # type: ignore[no-untyped-def]
    old, new = decisions["old"], decisions["new"]
    client = client_for(town_clerk)
    client.post(
        f"/van-ban/{old.pk}/thu-hoi/", {"recalled_on": "20/02/2024", "reason": "Sai thành phần"}
    )
    client.post(f"/van-ban/{old.pk}/thay-the/", {"symbol": new.symbol})
    old.refresh_from_db()
    assert old.recalled_on == dt.date(2024, 2, 20) and old.recalled_by == town_clerk
    assert DocumentRelation.objects.filter(source=new, target=old, kind="replaces").exists()
    old_page = client.get(f"/van-ban/{old.pk}/").content.decode()
    assert "Văn bản đã bị thu hồi từ ngày 20/02/2024" in old_page and "Sai thành phần" in old_page
    assert f'Văn bản đã bị thay thế bởi <a href="/van-ban/{new.pk}/">' in old_page
    new_page = client.get(f"/van-ban/{new.pk}/").content.decode()
    assert f'Thay thế <a href="/van-ban/{old.pk}/">Quyết định {old.symbol}</a>' in new_page
    listing = client.get("/van-ban/").content.decode()
    row = listing.split(f'href="/van-ban/{old.pk}/"')[1].split("</tr>")[0]
    assert "Đã thu hồi" in row and "Đã bị thay thế" in row
    new_row = listing.split(f'href="/van-ban/{new.pk}/"')[1].split("</tr>")[0]
    assert "Đã thu hồi" not in new_row
    month = client.get("/van-ban/trong-thang/", {"thang": "02/2024"}).content.decode()
    assert "Đã thu hồi" in month.split(old.symbol)[1].split("</li>")[0]
    home = client.get("/").content.decode()
    assert "Đã thu hồi" in home


def test_only_the_units_clerk_may_correct(tree, decisions) -> None:  # type: ignore[no-untyped-def]
    leader = make_user("lanhdao", tree.town, Role.LEADER, clearance=Classification.MOST_SECRET)
    ward_clerk = make_user("vanthu.phohoa", tree.pho_hoa, Role.CLERK)
    town_clerk = make_user("vanthu.ducpho", tree.town, Role.CLERK)  # ordinary clearance
    old, secret = decisions["old"], decisions["secret"]
    assert (
        client_for(leader).post(f"/van-ban/{old.pk}/thu-hoi/", {"reason": "x"}).status_code == 403
    )
    assert client_for(ward_clerk).get(f"/van-ban/{old.pk}/sua/").status_code == 404
    assert client_for(town_clerk).get(f"/van-ban/{secret.pk}/sua/").status_code == 404
    replaced = client_for(town_clerk).post(
        f"/van-ban/{old.pk}/thay-the/", {"symbol": secret.symbol}
    )
    # refused: the Mật decision is out of the clerk's reach (the page again, the error under
    # the field, the symbol typed kept)
    assert replaced.status_code == 400
    assert secret.symbol in replaced.content.decode()
    assert not DocumentRelation.objects.filter(target=old).exists()
    old.refresh_from_db()
    assert old.recalled_on is None


def test_recall_before_the_issue_date_and_an_older_replacement_are_refused(  # type: ignore[no-untyped-def]
    tree, town_clerk, decisions
) -> None:
    old, new = decisions["old"], decisions["new"]  # issued 05/02/2024 and 20/02/2024
    client = client_for(town_clerk)
    early = client.post(
        f"/van-ban/{new.pk}/thu-hoi/", {"recalled_on": "10/02/2024", "reason": "Ban hành nhầm"}
    )
    assert early.status_code == 400
    assert "Ngày thu hồi 10/02/2024 trước ngày ban hành văn bản (20/02/2024)." in (
        early.content.decode()
    )
    new.refresh_from_db()
    assert new.recalled_on is None
    older = client.post(f"/van-ban/{new.pk}/thay-the/", {"symbol": old.symbol})
    assert older.status_code == 400
    assert "văn bản thay thế phải ban hành sau" in older.content.decode()
    assert not DocumentRelation.objects.filter(target=new).exists()
    same_day = client.post(
        f"/van-ban/{new.pk}/thu-hoi/", {"recalled_on": "20/02/2024", "reason": "Ban hành nhầm"}
    )
    assert same_day.status_code == 302
    new.refresh_from_db()
    assert new.recalled_on == dt.date(2024, 2, 20)
