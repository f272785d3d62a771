"""Pages of the register: scoping by unit and clearance (by list and by URL), registering with
the next number, inline Vietnamese errors, attachments, the month view and its exports."""

from __future__ import annotations

import csv
import datetime as dt
import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from capuy.accounts.levels import Classification, Role
from capuy.documents.models import Document, DocumentRelation
from capuy.documents.numbering import register_outgoing
from capuy.orgs.models import Body
from tests.web.conftest import make_user

FEB = dt.date(2024, 2, 26)


@pytest.fixture
def register(tree):
    """Town: a Kế hoạch, a Mật Báo cáo; ward Phổ Hòa: a Báo cáo; ward Phổ Minh: a Báo cáo."""
    town_btv = Body.objects.get(organisation=tree.town, kind="btv")
    hoa_btv = Body.objects.create(
        organisation=tree.pho_hoa, kind="btv", name="Ban Thường vụ Đảng ủy phường Phổ Hòa"
    )
    minh_btv = Body.objects.create(
        organisation=tree.pho_minh, kind="btv", name="Ban Thường vụ Đảng ủy phường Phổ Minh"
    )
    from capuy.orgs.models import CommitteeTerm

    for ward in (tree.pho_hoa, tree.pho_minh):
        CommitteeTerm.objects.create(
            organisation=ward,
            ordinal=None,
            start_year=2020,
            end_year=2025,
            start_date=dt.date(2020, 6, 1),
        )
    return {
        "plan": register_outgoing(
            issuing_body=town_btv,
            type_code="KH",
            issued_on=dt.date(2024, 2, 1),
            summary="Tổ chức kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930-03/02/2024)",
        ),
        "secret": register_outgoing(
            issuing_body=town_btv,
            type_code="BC",
            issued_on=dt.date(2024, 2, 23),
            summary="Tình hình an ninh chính trị nội bộ tháng 02/2024",
            classification=Classification.SECRET,
        ),
        "hoa": register_outgoing(
            issuing_body=hoa_btv,
            type_code="BC",
            issued_on=dt.date(2024, 2, 24),
            summary="Công tác tháng 02 của Đảng bộ phường Phổ Hòa",
        ),
        "minh": register_outgoing(
            issuing_body=minh_btv,
            type_code="BC",
            issued_on=dt.date(2024, 2, 24),
            summary="Công tác tháng 02 của Đảng bộ phường Phổ Minh",
        ),
    }


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def listed(client: Client, **params: str) -> str:
    response = client.get("/van-ban/", params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("who", "sees", "does_not_see"),
    [
        ("town_leader", ["plan", "secret", "hoa", "minh"], []),
        ("town_clerk", ["plan", "secret", "hoa", "minh"], []),
        ("town_specialist", ["plan", "hoa", "minh"], ["secret"]),
        ("ward_clerk", ["hoa"], ["plan", "secret", "minh"]),
    ],
)
def test_list_and_detail_are_scoped(
    request, tree, register, who: str, sees: list[str], does_not_see: list[str]
) -> None:
    if who == "town_specialist":
        user = make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST)
    else:
        user = request.getfixturevalue(who)
    client = logged_in(user)
    page = listed(client)
    for key in sees:
        assert register[key].symbol in page
        assert client.get(f"/van-ban/{register[key].pk}/").status_code == 200
    for key in does_not_see:
        assert register[key].summary not in page
        assert client.get(f"/van-ban/{register[key].pk}/").status_code == 404
    assert f"{len(sees):02d} văn bản" in page


def test_anonymous_is_sent_to_login(client: Client, register) -> None:
    response = client.get(f"/van-ban/{register['plan'].pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("nhiem vu", []),
        ("ky niem 94 nam", ["plan"]),
        ("Phổ Hoà", ["hoa"]),
        ("pho hoa cong tac", ["hoa"]),
        ("01-KH/TU", ["plan"]),
    ],
)
def test_search_folds_marks_and_tone_placement(
    town_clerk, register, query: str, found: list[str]
) -> None:
    page = listed(logged_in(town_clerk), q=query)
    for key, document in register.items():
        assert (document.summary in page) == (key in found), key


def test_filters_and_htmx_fragment(town_clerk, register) -> None:
    client = logged_in(town_clerk)
    page = listed(client, the_loai="KH")
    assert register["plan"].symbol in page and register["hoa"].symbol not in page
    fragment = client.get(
        "/van-ban/", {"to_chuc": register["hoa"].organisation_id}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert (
        "<html" not in fragment
        and register["hoa"].symbol in fragment
        and register["plan"].symbol not in fragment
    )
    dated = listed(client, tu_ngay="20/02/2024", den_ngay="29/02/2024")
    assert register["plan"].symbol not in dated and register["hoa"].symbol in dated


def test_pagination(town_clerk, tree) -> None:
    body = Body.objects.get(organisation=tree.town, kind="btv")
    for i in range(30):
        register_outgoing(
            issuing_body=body, type_code="CV", issued_on=FEB, summary=f"Công văn {i:02d}"
        )
    client = logged_in(town_clerk)
    first = listed(client)
    assert "Trang 1/2" in first and "30-CV/TU" in first and "05-CV/TU" not in first
    second = listed(client, trang="2")
    assert "05-CV/TU" in second and "Trang 2/2" in second


# --- registering ----------------------------------------------------------------------------


def form_data(tree, **changes: object) -> dict[str, object]:
    body = Body.objects.get(organisation=tree.town, kind="btv")
    data: dict[str, object] = {
        "issuing_body": body.pk,
        "type_code": "KH",
        "issued_on": "26/02/2024",
        "summary": "Về công tác cán bộ đoàn các cấp trên địa bàn thị xã, nhiệm kỳ 2022 - 2027",
        "signer_capacity": "T/M",
        "signer_title": "BÍ THƯ",
        "signer_name": "Đỗ Tâm Hiền",
        "recipients": "Các đảng ủy, chi bộ trực thuộc Thị ủy\nLưu Văn phòng Thị ủy",
        "classification": "0",
        "urgency": "",
        "important": "on",
    }
    data.update(changes)
    return data


def test_clerk_sees_next_number_and_registers(town_clerk, tree, register) -> None:
    client = logged_in(town_clerk)
    page = client.get("/van-ban/vao-so/di/?the_loai=KH").content.decode()
    assert "01-KH/TU" in page  # today: khóa XXII, the numbering restarts
    btv = Body.objects.get(organisation=tree.town, kind="btv").pk
    kh = {"issuing_body": btv, "type_code": "KH", "issued_on": "26/02/2024"}
    assert "02-KH/TU" in client.get("/van-ban/so-tiep-theo/", kh).content.decode()
    fragment = client.get(
        "/van-ban/so-tiep-theo/",
        {
            "issuing_body": Body.objects.get(organisation=tree.town, kind="btv").pk,
            "type_code": "BC",
            "issued_on": "26/02/2024",
        },
    ).content.decode()
    assert "02-BC/TU" in fragment  # the Mật report took 01-BC/TU: secrets share the series
    response = client.post("/van-ban/vao-so/di/", form_data(tree), follow=True)
    page = response.content.decode()
    assert "Đã vào sổ và cấp số 02-KH/TU ngày 26/02/2024" in page
    document = Document.objects.get(symbol="02-KH/TU")
    assert document.created_by == town_clerk
    assert document.signature_line == "T/M BAN THƯỜNG VỤ / BÍ THƯ / Đỗ Tâm Hiền"


@pytest.mark.parametrize(
    ("changes", "field_message"),
    [
        ({"summary": ""}, "Trường này là bắt buộc."),
        ({"issued_on": "30/02/2024"}, "Ngày 30/02/2024 không có: tháng 02/2024 chỉ có 29 ngày."),
        ({"issued_on": "12/05/2019"}, "chưa khai báo nhiệm kỳ bao gồm ngày 12/05/2019"),
        ({"classification": "3"}, "Hãy chọn một lựa chọn hợp lệ"),
        ({"type_code": "XX"}, "Hãy chọn một lựa chọn hợp lệ"),
        (
            {"relation_kind": "answers", "related_symbol": "9999-CV/BTCTU"},
            "Không tìm thấy văn bản 9999-CV/BTCTU trong sổ.",
        ),
        ({"relation_kind": "answers"}, "Nhập số, ký hiệu văn bản liên quan."),
    ],
)
def test_inline_errors_and_no_number_burnt(
    town_clerk, tree, register, changes, field_message: str
) -> None:
    client = logged_in(town_clerk)
    response = client.post("/van-ban/vao-so/di/", form_data(tree, **changes))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="field-error"' in page
    assert field_message in page
    ok = client.post("/van-ban/vao-so/di/", form_data(tree), follow=True).content.decode()
    assert "02-KH/TU" in ok


def test_ward_clerk_cannot_issue_for_the_town(ward_clerk, tree, register) -> None:
    client = logged_in(ward_clerk)
    response = client.post("/van-ban/vao-so/di/", form_data(tree))
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not Document.objects.filter(symbol="02-KH/TU").exists()


def test_leader_may_not_register(town_leader) -> None:
    assert logged_in(town_leader).get("/van-ban/vao-so/di/").status_code == 403


def test_relation_and_docx_attachment(town_clerk, tree, register, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path  # uploaded files go to a throw-away folder
    word = docx.Document()
    word.add_paragraph("Về công tác cán bộ đoàn các cấp trên địa bàn thị xã")
    buffer = io.BytesIO()
    word.save(buffer)
    upload = SimpleUploadedFile("ke-hoach.docx", buffer.getvalue())
    data = form_data(tree, relation_kind="implements", related_symbol="01-KH/TU", attachment=upload)
    client = logged_in(town_clerk)
    page = client.post("/van-ban/vao-so/di/", data, follow=True).content.decode()
    assert "02-KH/TU" in page and "Tải tệp đính kèm" in page
    document = Document.objects.get(symbol="02-KH/TU")
    assert "cán bộ đoàn các cấp" in document.text
    assert DocumentRelation.objects.get(source=document).target == register["plan"]
    download = client.get(f"/van-ban/{document.pk}/tep/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == buffer.getvalue()
    found = listed(client, q="can bo doan cac cap")
    assert "02-KH/TU" in found


def test_fake_docx_attachment_is_refused_inline(town_clerk, tree, register) -> None:
    upload = SimpleUploadedFile("ke-hoach.docx", b"MZ\x90\x00 this is a program")
    response = logged_in(town_clerk).post("/van-ban/vao-so/di/", form_data(tree, attachment=upload))
    page = response.content.decode()
    assert "Nội dung tệp không phải DOCX dù đuôi tệp là .docx." in page
    assert not Document.objects.filter(symbol="02-KH/TU").exists()


def test_incoming_register(town_clerk, tree) -> None:
    data = {
        "organisation": tree.town.pk,
        "sender": "Ban Tổ chức Tỉnh ủy",
        "symbol": "5169-CV/BTCTU",
        "type_code": "CV",
        "issued_on": "05/02/2024",
        "received_on": "06/02/2024",
        "summary": "Công văn của Ban Tổ chức Tỉnh ủy",
        "classification": "0",
    }
    client = logged_in(town_clerk)
    bad = client.post(
        "/van-ban/vao-so/den/", {**data, "received_on": "01/02/2024"}
    ).content.decode()
    assert "Ngày đến không thể trước ngày văn bản." in bad
    page = client.post("/van-ban/vao-so/den/", data, follow=True).content.decode()
    assert "Đã vào sổ văn bản đến 5169-CV/BTCTU" in page
    assert Document.objects.get(symbol="5169-CV/BTCTU").direction == "den"


# --- the month ------------------------------------------------------------------------------


def test_month_view_groups_by_type(town_leader, tree, register) -> None:
    page = (
        logged_in(town_leader).get("/van-ban/trong-thang/", {"thang": "02/2024"}).content.decode()
    )
    assert "Văn bản ban hành trong tháng 02/2024" in page
    assert page.index("Báo cáo") < page.index("Kế hoạch")
    assert register["secret"].symbol in page  # the leader's clearance covers Mật
    assert register["hoa"].symbol not in page  # the town's month, not the wards'
    ordinary = (
        logged_in(town_leader)
        .get("/van-ban/trong-thang/", {"thang": "02/2024", "thuong": "1"})
        .content.decode()
    )
    assert register["secret"].symbol not in ordinary


def test_month_exports(town_leader, tree, register) -> None:
    client = logged_in(town_leader)
    params = {"thang": "02/2024", "to_chuc": tree.town.pk, "thuong": "1"}
    data = client.get("/van-ban/trong-thang/xuat.csv", params)
    assert data["Content-Disposition"] == 'attachment; filename="van-ban-thang-02-2024.csv"'
    assert data.content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, for Excel
    rows = list(csv.reader(io.StringIO(data.content.decode("utf-8-sig")), delimiter=";"))
    plan = register["plan"]
    assert rows == [
        ["Thể loại", "Số, ký hiệu", "Ngày ban hành", "Trích yếu", "Độ mật", "Ghi chú"],
        ["Kế hoạch", plan.symbol, "01/02/2024", plan.summary, "", ""],
    ]
    book = load_workbook(io.BytesIO(client.get("/van-ban/trong-thang/xuat.xlsx", params).content))
    assert [[c.value or "" for c in r] for r in book.active.iter_rows()] == rows
    word = docx.Document(io.BytesIO(client.get("/van-ban/trong-thang/xuat.docx", params).content))
    assert [c.text for c in word.tables[0].rows[1].cells] == [
        "Kế hoạch",
        f"{plan.symbol} ngày 01/02/2024: {plan.summary}.",
    ]
    # the leader's own export (no "thuong"): the Mật report is in it, marked
    full = client.get("/van-ban/trong-thang/xuat.csv", {"thang": "02/2024"}).content
    secret = register["secret"]
    assert f"{secret.symbol};23/02/2024;{secret.summary};Mật;" in full.decode("utf-8-sig")
    assert client.get("/van-ban/trong-thang/xuat.pdf", params).status_code == 404


def test_ward_user_cannot_read_the_towns_month(ward_clerk, tree, register) -> None:
    client = logged_in(ward_clerk)
    assert (
        client.get(
            "/van-ban/trong-thang/", {"thang": "02/2024", "to_chuc": tree.town.pk}
        ).status_code
        == 404
    )
    own = client.get("/van-ban/trong-thang/", {"thang": "02/2024"}).content.decode()
    assert register["hoa"].symbol in own and register["plan"].symbol not in own


def test_bad_month_is_explained(town_leader, register) -> None:
    page = (
        logged_in(town_leader).get("/van-ban/trong-thang/", {"thang": "13/2024"}).content.decode()
    )
    assert "Nhập tháng theo dạng mm/yyyy, ví dụ 02/2024." in page


def test_home_page_shows_recent_documents_in_scope(ward_clerk, town_leader, register) -> None:
    home = logged_in(town_leader).get("/").content.decode()
    assert "Văn bản mới" in home and register["secret"].symbol in home
    ward_home = logged_in(ward_clerk).get("/").content.decode()
    assert register["hoa"].symbol in ward_home
    assert register["plan"].symbol not in ward_home and register["secret"].symbol not in ward_home


def test_admin_respects_clearance_and_never_moves_a_counter_back(tree, register) -> None:
    from capuy.documents.models import NumberCounter

    admin_user = make_user("quantri", tree.town, Role.ADMIN, is_staff=True, is_superuser=True)
    client = logged_in(admin_user)
    listing = client.get("/quan-tri/documents/document/").content.decode()
    assert register["plan"].symbol in listing
    assert register["secret"].symbol not in listing  # a superuser's clearance is 0 here
    counter = NumberCounter.objects.get(type_code="KH", symbol_code="TU")
    data = {
        "organisation": counter.organisation_id,
        "symbol_code": "TU",
        "type_code": "KH",
        "term": counter.term_id,
        "last_number": "0",
    }
    page = client.post(
        f"/quan-tri/documents/numbercounter/{counter.pk}/change/", data
    ).content.decode()
    assert "Đã cấp đến số 01: không thể lùi bộ đếm (sẽ cấp trùng số)." in page
    client.post(
        f"/quan-tri/documents/numbercounter/{counter.pk}/change/", {**data, "last_number": "171"}
    )
    counter.refresh_from_db()
    assert counter.last_number == 171


@pytest.mark.parametrize(
    ("month", "before", "after"),
    [("02/2024", "01/2024", "03/2024"), ("01/2024", "12/2023", "02/2024"),
     ("12/2024", "11/2024", "01/2025")],
)  # fmt: skip
def test_month_view_steps_to_the_previous_and_next_month(
    town_leader, tree, register, month, before, after
) -> None:  # type: ignore[no-untyped-def]
    page = logged_in(town_leader).get("/van-ban/trong-thang/", {"thang": month}).content.decode()
    assert f'rel="prev" href="?thang={before}&amp;to_chuc={tree.town.pk}"' in page
    assert f'rel="next" href="?thang={after}&amp;to_chuc={tree.town.pk}"' in page
