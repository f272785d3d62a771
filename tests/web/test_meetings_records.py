"""Meetings, agenda, conclusion documents and tasks: model rules, scoping, pages, overdue list."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from capuy.accounts.levels import Classification, Role
from capuy.documents.numbering import register_outgoing
from capuy.meetings.models import AgendaItem, Meeting, Task, TaskProgress
from capuy.meetings.queries import overdue_tasks
from capuy.orgs.models import Body, CommitteeTerm
from tests.web.conftest import make_user

TODAY = dt.date(2024, 4, 15)


@pytest.fixture
def records(tree):
    town = tree.town
    bch = Body.objects.create(organisation=town, kind="bch", name="Ban Chấp hành Đảng bộ thị xã")
    btv = Body.objects.get(organisation=town, kind="btv")
    term = CommitteeTerm.objects.get(organisation=town, ordinal=21)
    hoa_btv = Body.objects.create(
        organisation=tree.pho_hoa, kind="btv", name="Ban Thường vụ Đảng ủy phường Phổ Hòa"
    )
    resolution = register_outgoing(
        issuing_body=bch,
        type_code="NQ",
        issued_on=dt.date(2023, 12, 12),
        summary="Về tình hình thực hiện nhiệm vụ năm 2023; mục tiêu, chỉ tiêu, nhiệm vụ và giải pháp chủ yếu năm 2024",
    )
    conference = Meeting.objects.create(
        organisation=town,
        body=bch,
        term=term,
        kind="thuong_ky",
        ordinal=15,
        title="Hội nghị Thị ủy",
        held_on=dt.date(2023, 12, 12),
    )
    AgendaItem.objects.create(
        meeting=conference,
        position=1,
        title="Nhiệm vụ năm 2024",
        outcome="Thông qua Nghị quyết.",
        document=resolution,
    )
    secret_meeting = Meeting.objects.create(
        organisation=town,
        body=btv,
        term=term,
        kind="bat_thuong",
        title="Họp Ban Thường vụ Thị ủy",
        held_on=dt.date(2024, 2, 19),
        classification=Classification.SECRET,
    )
    ward_meeting = Meeting.objects.create(
        organisation=tree.pho_hoa,
        body=hoa_btv,
        kind="thuong_ky",
        title="Hội nghị Ban Thường vụ Đảng ủy phường",
        held_on=dt.date(2024, 2, 20),
    )
    late = Task.objects.create(
        organisation=town,
        title="Chuẩn bị nội dung và tổ chức Hội nghị Thị ủy lần thứ 16 (khóa XXI)",
        lead_body=btv,
        due_label="tháng 3/2024",
        due_on=dt.date(2024, 3, 31),
        source_meeting=conference,
        source_document=resolution,
    )
    done = Task.objects.create(
        organisation=town,
        title="Tổ chức Hội nghị đối thoại giữa Bí thư Thị ủy với Nhân dân phường Phổ Minh",
        lead_text="Ban Dân vận Thị ủy",
        due_on=dt.date(2024, 3, 31),
        status="xong",
        completed_on=dt.date(2024, 3, 28),
    )
    future = Task.objects.create(
        organisation=town,
        title="Tổng kết năm",
        lead_body=btv,
        due_on=timezone.localdate() + dt.timedelta(days=60),
        status="dang",
    )
    ward_late = Task.objects.create(
        organisation=tree.pho_hoa,
        title="Báo cáo quý I/2024 của phường",
        lead_body=hoa_btv,
        due_on=dt.date(2024, 3, 25),
    )
    return {
        "resolution": resolution,
        "conference": conference,
        "secret_meeting": secret_meeting,
        "ward_meeting": ward_meeting,
        "late": late,
        "done": done,
        "future": future,
        "ward_late": ward_late,
    }


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_full_title_with_ordinal_and_term(records) -> None:
    assert records["conference"].full_title == "Hội nghị Thị ủy lần thứ 15 (khóa XXI)"
    assert records["conference"].documents == [records["resolution"]]
    assert records["resolution"].symbol == "01-NQ/TU"


def test_ordinal_is_unique_per_body_and_term(records) -> None:
    c = records["conference"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(
            organisation=c.organisation,
            body=c.body,
            term=c.term,
            ordinal=15,
            title="Trùng",
            held_on=dt.date(2024, 1, 5),
        )


def test_done_task_needs_a_completion_date(records) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Task.objects.filter(pk=records["late"].pk).update(status="xong")


@pytest.mark.parametrize(
    ("who", "overdue"),
    [("town_leader", ["late", "ward_late"]), ("ward_clerk", ["ward_late"])],
)
def test_overdue_list_is_scoped(request, records, who: str, overdue: list[str]) -> None:
    user = request.getfixturevalue(who)
    assert list(overdue_tasks(user, TODAY)) == [
        records[k] for k in sorted(overdue, key=lambda k: records[k].due_on)
    ]
    assert records["late"].is_overdue(TODAY) and not records["done"].is_overdue(TODAY)
    assert not records["future"].is_overdue(TODAY)


@pytest.mark.parametrize(
    ("who", "visible", "hidden"),
    [
        ("town_leader", ["conference", "secret_meeting", "ward_meeting"], []),
        ("town_specialist", ["conference", "ward_meeting"], ["secret_meeting"]),
        ("ward_clerk", ["ward_meeting"], ["conference", "secret_meeting"]),
    ],
)
def test_meeting_pages_are_scoped(
    request, tree, records, who: str, visible: list[str], hidden: list[str]
) -> None:
    user = (
        make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST)
        if who == "town_specialist"
        else request.getfixturevalue(who)
    )
    client = logged_in(user)
    page = client.get("/hoi-nghi/").content.decode()
    for key in visible:
        assert records[key].title in page
        assert client.get(f"/hoi-nghi/{records[key].pk}/").status_code == 200
    for key in hidden:
        assert records[key].title not in page
        assert client.get(f"/hoi-nghi/{records[key].pk}/").status_code == 404


def test_meeting_detail_links_its_resolution_and_tasks(town_leader, records) -> None:
    page = logged_in(town_leader).get(f"/hoi-nghi/{records['conference'].pk}/").content.decode()
    assert "Hội nghị Thị ủy lần thứ 15 (khóa XXI)" in page
    assert "Nghị quyết số 01-NQ/TU" in page and "12/12/2023" in page
    assert records["late"].title in page and "quá hạn" in page
    doc_page = logged_in(town_leader).get(f"/van-ban/{records['resolution'].pk}/").content.decode()
    assert "Ban hành tại" in doc_page and "lần thứ 15" in doc_page


def test_task_list_filters_overdue(town_leader, records) -> None:
    client = logged_in(town_leader)
    page = client.get("/hoi-nghi/nhiem-vu/", {"tinh_trang": "qua_han"}).content.decode()
    assert records["late"].title in page and records["ward_late"].title in page
    assert records["done"].title not in page and records["future"].title not in page
    done = client.get("/hoi-nghi/nhiem-vu/", {"tinh_trang": "xong"}).content.decode()
    assert records["done"].title in done and records["late"].title not in done


def test_ward_user_cannot_open_a_town_task(ward_clerk, records) -> None:
    client = logged_in(ward_clerk)
    assert client.get(f"/hoi-nghi/nhiem-vu/{records['late'].pk}/").status_code == 404
    response = client.post(
        f"/hoi-nghi/nhiem-vu/{records['late'].pk}/tien-do/",
        {"noted_on": "01/04/2024", "text": "Thử", "status": "xong"},
    )
    assert response.status_code == 404
    assert client.get(f"/hoi-nghi/nhiem-vu/{records['ward_late'].pk}/").status_code == 200


def test_progress_note_by_htmx(town_clerk, records) -> None:
    client = logged_in(town_clerk)
    url = f"/hoi-nghi/nhiem-vu/{records['late'].pk}/tien-do/"
    bad = client.post(
        url, {"noted_on": "31/13/2024", "text": "", "status": "dang"}, HTTP_HX_REQUEST="true"
    )
    fragment = bad.content.decode()
    assert (
        "<html" not in fragment
        and "Ngày 31/13/2024 không có: không có tháng 13" in fragment
        and "Trường này là bắt buộc." in fragment
    )
    ok = client.post(
        url,
        {"noted_on": "10/04/2024", "text": "Đã hoàn thành dự thảo báo cáo.", "status": "xong"},
        HTTP_HX_REQUEST="true",
    )
    assert "10/04/2024: Đã hoàn thành dự thảo báo cáo." in ok.content.decode()
    task = Task.objects.get(pk=records["late"].pk)
    assert task.status == "xong" and task.completed_on == dt.date(2024, 4, 10)
    assert TaskProgress.objects.get(task=task).author == town_clerk


def test_leader_cannot_add_progress(town_leader, records) -> None:
    response = logged_in(town_leader).post(
        f"/hoi-nghi/nhiem-vu/{records['late'].pk}/tien-do/",
        {"noted_on": "10/04/2024", "text": "x", "status": "dang"},
    )
    assert response.status_code == 403


def test_create_meeting_with_agenda_and_document_link(town_clerk, tree, records) -> None:
    bch = Body.objects.get(organisation=tree.town, kind="bch")
    data = {
        "body": bch.pk,
        "kind": "thuong_ky",
        "ordinal": "16",
        "title": "Hội nghị Thị ủy",
        "held_on": "28/03/2024",
        "place": "Hội trường Thị ủy",
        "chair": "",
        "attendance": "",
        "classification": "0",
        "notes": "",
        "noi_dung-TOTAL_FORMS": "3",
        "noi_dung-INITIAL_FORMS": "0",
        "noi_dung-MIN_NUM_FORMS": "0",
        "noi_dung-MAX_NUM_FORMS": "1000",
        "noi_dung-0-position": "1",
        "noi_dung-0-title": "Kiểm điểm Nghị quyết năm 2024",
        "noi_dung-0-presenter": "",
        "noi_dung-0-outcome": "Thống nhất",
        "noi_dung-0-document_symbol": "01-NQ/TU",
    }
    client = logged_in(town_clerk)
    clash = client.post("/hoi-nghi/them/", {**data, "ordinal": "15"}).content.decode()
    assert "Ban Chấp hành Đảng bộ thị xã đã có hội nghị lần thứ 15 trong khóa XXI." in clash
    unknown = client.post(
        "/hoi-nghi/them/", {**data, "noi_dung-0-document_symbol": "99-NQ/TU"}
    ).content.decode()
    assert "Không tìm thấy văn bản 99-NQ/TU trong sổ." in unknown
    page = client.post("/hoi-nghi/them/", data, follow=True).content.decode()
    assert "Đã lưu Hội nghị Thị ủy lần thứ 16 (khóa XXI)." in page
    meeting = Meeting.objects.get(ordinal=16)
    assert meeting.organisation == tree.town and meeting.term.ordinal == 21
    assert meeting.documents == [records["resolution"]]


def test_create_task_needs_a_lead(town_clerk, tree, records) -> None:
    client = logged_in(town_clerk)
    data = {
        "organisation": tree.town.pk,
        "title": "Ban hành Chỉ thị về khuyến học",
        "due_on": "31/03/2024",
        "classification": "0",
        "due_label": "tháng 3/2024",
        "source_symbol": "01-NQ/TU",
    }
    missing = client.post("/hoi-nghi/nhiem-vu/them/", data).content.decode()
    assert "Chọn cơ quan chủ trì hoặc ghi rõ đơn vị chủ trì." in missing
    page = client.post(
        "/hoi-nghi/nhiem-vu/them/", {**data, "lead_text": "Ban Tuyên giáo Thị ủy"}, follow=True
    ).content.decode()
    assert "Đã thêm nhiệm vụ." in page
    task = Task.objects.get(title="Ban hành Chỉ thị về khuyến học")
    assert task.source_document == records["resolution"] and task.lead == "Ban Tuyên giáo Thị ủy"


def test_home_page_overdue_panel_is_scoped(town_leader, ward_clerk, records) -> None:
    home = logged_in(town_leader).get("/").content.decode()
    assert "Nhiệm vụ quá hạn" in home and records["late"].title in home
    ward_home = logged_in(ward_clerk).get("/").content.decode()
    assert records["ward_late"].title in ward_home and records["late"].title not in ward_home
