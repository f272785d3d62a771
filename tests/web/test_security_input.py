"""Inputs at the boundary (issue 18, findings 2, 7, 8, 9, 10): each probe's request replayed.

- a log-in with a 1.000.000-character user name keeps at most 150 characters in django-axes'
  table; a body over the cap answers 413, a field over the cap 400, nothing stored;
- bad values get a Vietnamese message, never a 500 nor a stored value: an issue date of
  31/12/9999, a meeting held "lần thứ 99999", −5 members and a 250 % rate, the month 10/0000;
- text typed decomposed (NFD) is kept composed (NFC): a symbol registered in NFD is found when
  linked in NFC, by the page and by any other way in;
- a registration posted twice with the same form (the connection dropped) is registered once,
  and the clerk is told;
- every page and download is sent with the Content-Security-Policy and ``no-store``.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from html import unescape

import pytest
from axes.models import AccessAttempt
from django.test import Client

from capuy.accounts.levels import Classification, Role
from capuy.documents.models import Document
from capuy.indicators.models import Indicator, IndicatorValue
from capuy.meetings.models import Meeting
from capuy.orgs.models import Body
from tests.web.conftest import Tree, make_user
from tests.web.test_documents_views import form_data, logged_in, register  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_a_huge_login_name_is_not_stored_whole(client: Client, tree: Tree) -> None:
    response = client.post("/dang-nhap/", {"username": "a" * 290_000, "password": "x"})
    assert response.status_code in (200, 400)
    assert all(len(a.username or "") <= 150 for a in AccessAttempt.objects.all())


def test_an_over_long_field_is_refused_before_anything_is_stored(
    client: Client, tree: Tree, town_clerk
) -> None:
    response = client.post("/dang-nhap/", {"username": "a" * 400_000, "password": "x"})
    assert response.status_code == 400
    assert "quá dài" in response.content.decode()
    assert not AccessAttempt.objects.exists()
    client.force_login(town_clerk)
    response = client.post("/van-ban/vao-so/di/", form_data(tree, summary="x" * 400_000))
    assert response.status_code == 400 and not Document.objects.exists()


def test_a_body_over_the_cap_is_refused_unread(client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.CAPUY_MAX_REQUEST_BYTES = 1024 * 1024
    body = b"username=" + b"a" * (2 * 1024 * 1024)
    response = client.generic(
        "POST", "/dang-nhap/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    assert "quá lớn" in response.content.decode()


@pytest.mark.usefixtures("register")
def test_an_issue_date_of_9999_is_refused_and_takes_no_number(tree: Tree, town_clerk) -> None:
    client = logged_in(town_clerk)
    for day in ("31/12/9999", "01/01/0001"):
        page = client.post("/van-ban/vao-so/di/", form_data(tree, issued_on=day))
        assert page.status_code == 200
        assert "không hợp lệ" in unescape(page.content.decode())
    far = (dt.date.today() + dt.timedelta(days=800)).strftime("%d/%m/%Y")
    page = client.post("/van-ban/vao-so/di/", form_data(tree, issued_on=far))
    assert "quá xa trong tương lai" in unescape(page.content.decode())
    assert not Document.objects.filter(symbol="02-KH/TU").exists()


def test_meeting_number_99999_is_refused(tree: Tree, town_clerk) -> None:
    body = Body.objects.get(organisation=tree.town, kind="btv")
    client = logged_in(town_clerk)
    data = {"body": body.pk, "kind": "thuong_ky", "ordinal": "99999", "title": "Hội nghị",
            "held_on": "12/12/2023", "classification": "0",
            "noi_dung-TOTAL_FORMS": "0", "noi_dung-INITIAL_FORMS": "0"}  # fmt: skip
    page = client.post("/hoi-nghi/them/", data)
    assert page.status_code == 200
    assert "Lần thứ không quá 500" in unescape(page.content.decode())
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    ("value", "unit", "message"),
    [("-5", "đảng viên", "Số liệu không được âm."), ("250", "%", "Tỷ lệ không được quá 100%.")],
)
def test_indicator_entry_refuses_negative_counts_and_rates_over_100(
    tree: Tree, value: str, unit: str, message: str
) -> None:
    Indicator.objects.create(code="chi_so", name="Chỉ số", unit=unit, rollup="sum")
    client = logged_in(make_user("chuyenvien.phohoa", tree.pho_hoa, Role.SPECIALIST))
    page = client.post(
        "/chi-tieu/nhap/", {"organisation": tree.pho_hoa.pk, "month": "03/2024", "v_chi_so": value}
    )
    assert page.status_code == 200 and message in unescape(page.content.decode())
    assert not IndicatorValue.objects.exists()
    ok = client.post(
        "/chi-tieu/nhap/", {"organisation": tree.pho_hoa.pk, "month": "03/2024", "v_chi_so": "5"}
    )
    assert ok.status_code == 302
    assert IndicatorValue.objects.get().value == Decimal(5)


@pytest.mark.parametrize("url", ["/van-ban/trong-thang/", "/van-ban/trong-thang/xuat.csv"])
def test_month_zero_year_is_explained(tree: Tree, town_clerk, url: str) -> None:
    response = logged_in(town_clerk).get(url, {"thang": "10/0000"})
    assert response.status_code == 200
    if url.endswith("/"):
        assert "Năm từ 1930 đến 2100." in unescape(response.content.decode())


SYMBOL_NFC = "55-CV/BTGTƯ"


def test_a_symbol_typed_in_nfd_is_found_in_nfc(tree: Tree, town_clerk) -> None:
    nfd = unicodedata.normalize("NFD", SYMBOL_NFC)
    assert nfd != SYMBOL_NFC
    client = logged_in(town_clerk)
    incoming = {"organisation": tree.town.pk, "sender": unicodedata.normalize("NFD", "Ban Tuyên giáo Tỉnh ủy"),
                "symbol": nfd, "type_code": "CV", "issued_on": "05/02/2024",
                "received_on": "06/02/2024", "summary": unicodedata.normalize("NFD", "Về tuyên truyền"),
                "classification": "0"}  # fmt: skip
    assert client.post("/van-ban/vao-so/den/", incoming).status_code == 302
    stored = Document.objects.get()
    assert stored.symbol == SYMBOL_NFC and stored.summary == "Về tuyên truyền"
    # linked in NFC from an outgoing document
    response = client.post(
        "/van-ban/vao-so/di/",
        form_data(tree, relation_kind="implements", related_symbol=SYMBOL_NFC),
    )
    assert response.status_code == 302, unescape(response.content.decode())[-3000:]
    # any other way in (the admin, a command) is normalised too
    other = Document.objects.get(pk=stored.pk)
    other.summary = unicodedata.normalize("NFD", "Hướng dẫn")
    other.save()
    assert Document.objects.get(pk=stored.pk).summary == "Hướng dẫn"


def test_a_retried_registration_is_registered_once(tree: Tree, town_clerk) -> None:
    client = logged_in(town_clerk)
    page = client.get("/van-ban/vao-so/di/").content.decode()
    token = page.split('name="ma_phieu" value="', 1)[1].split('"', 1)[0]
    data = {**form_data(tree), "ma_phieu": token}
    first = client.post("/van-ban/vao-so/di/", data)
    assert first.status_code == 302
    again = client.post("/van-ban/vao-so/di/", data, follow=True)
    text = again.content.decode()
    assert "đã được vào sổ ở lần gửi trước (số 01-KH/TU)" in text
    assert Document.objects.count() == 1
    # a new form (a new token) registers the next one
    page = client.get("/van-ban/vao-so/di/").content.decode()
    token2 = page.split('name="ma_phieu" value="', 1)[1].split('"', 1)[0]
    assert token2 != token
    client.post("/van-ban/vao-so/di/", {**form_data(tree), "ma_phieu": token2})
    assert Document.objects.count() == 2


@pytest.mark.usefixtures("register")
def test_pages_and_downloads_carry_csp_and_no_store(
    tree: Tree, town_leader, client: Client
) -> None:
    login_page = client.get("/dang-nhap/")
    assert "default-src 'self'" in login_page["Content-Security-Policy"]
    assert "script-src 'self'" in login_page["Content-Security-Policy"]
    client.force_login(town_leader)
    for url in ("/", "/van-ban/", "/van-ban/trong-thang/xuat.csv?thang=02/2024"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "no-store", url
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    secret = Document.objects.filter(classification=Classification.SECRET).first()
    assert secret is not None
    assert client.get(f"/van-ban/{secret.pk}/")["Cache-Control"] == "no-store"
