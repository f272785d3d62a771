"""The room's pages through the test client: invitation, documents and clearance, comments,
attendance, a secret vote from phones, the screens' stream, minutes and the conclusion."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from capuy.accounts.levels import Classification
from capuy.documents.models import Document
from capuy.meetingroom.models import DraftComment, PackDocument, Poll
from capuy.meetings.models import Task
from capuy.reports.models import Report
from tests.web.conftest import make_user
from tests.web.meetingroom_helpers import build_room

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def built(tree: Any) -> dict[str, Any]:
    b = build_room(tree, 6)
    s = b["session"]
    b["report"] = PackDocument.objects.create(
        session=s,
        title="Dự thảo Kết luận Hội nghị Thị ủy lần thứ 18",
        body="I- TÌNH HÌNH THỰC HIỆN NHIỆM VỤ 9 THÁNG ĐẦU NĂM 2024\nTrong 9 tháng đầu năm…",
        is_draft=True,
    )
    b["personnel"] = PackDocument.objects.create(
        session=s,
        title="Hồ sơ nhân sự bổ sung Ban Thường vụ",
        body="Đồng chí Lê Minh Châu, sinh năm 1975…",
        classification=Classification.SECRET,
        position=2,
    )
    return b


def test_invitation_from_the_register_and_who_has_not_opened_it(built: dict[str, Any]) -> None:
    clerk, member = _client(built["clerk"]), built["people"][1]
    s = built["session"]
    r = clerk.post(reverse("meetingroom:action", args=[s.pk, "giay-moi"]), follow=True)
    document = Document.objects.get(pk=s.__class__.objects.get(pk=s.pk).invitation_id)
    assert re.fullmatch(r"\d+-CV/TU", document.symbol)
    assert f"giấy mời số {document.symbol}" in r.content.decode()
    page = clerk.get(reverse("meetingroom:console", args=[s.pk])).content.decode()
    assert page.count("<strong>chưa xem</strong>") == 6
    assert (
        document.symbol
        in _client(member).get(reverse("meetingroom:room", args=[s.pk])).content.decode()
    )
    page = clerk.get(reverse("meetingroom:console", args=[s.pk])).content.decode()
    assert page.count("<strong>chưa xem</strong>") == 5
    # every invitee got the invitation as a notice in capuy, linking to the room
    from capuy.handbook.models import Notification

    notices = Notification.objects.filter(kind="invitation")
    assert sorted(n.user_id for n in notices) == sorted(u.pk for u in built["people"])
    assert all(n.url == reverse("meetingroom:room", args=[s.pk]) for n in notices)
    listing = _client(member).get(reverse("handbook:notifications")).content.decode()
    assert f"Giấy mời số {document.symbol}" in listing
    room = _client(member).get(reverse("meetingroom:room", args=[s.pk])).content.decode()
    assert "Chương trình hội nghị" in room and "Công tác cán bộ" in room


def test_classified_document_only_for_the_cleared_watermarked_and_withdrawn(
    built: dict[str, Any],
) -> None:
    s, member, chair = built["session"], built["people"][1], built["chair"]
    m = _client(member)  # clearance: ordinary
    url_secret = reverse("meetingroom:document", args=[s.pk, built["personnel"].pk])
    url_draft = reverse("meetingroom:document", args=[s.pk, built["report"].pk])
    assert m.get(url_secret).status_code == 404
    room = m.get(reverse("meetingroom:room", args=[s.pk])).content.decode()
    assert "Hồ sơ nhân sự" not in room and "Dự thảo Kết luận" in room
    page = _client(chair).get(url_secret)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    text = page.content.decode()
    assert text.count("Nguyễn Văn Chủ ·") == 24  # the reader's name all over the page
    assert "download" not in text and page["Content-Disposition"] == "inline"
    # outsiders: a ward clerk of the same tree sees nothing of the room
    stranger = make_user(
        "vanthu.phohoa2", built["meeting"].organisation.children.first(), "van_thu"
    )
    assert _client(stranger).get(reverse("meetingroom:room", args=[s.pk])).status_code == 404
    # comments on the draft, gathered for the drafting body
    m.post(url_draft, {"y_kien": "Đề nghị bổ sung chỉ tiêu kết nạp đảng viên."})
    assert DraftComment.objects.get().author == member
    summary = (
        _client(built["clerk"])
        .get(reverse("meetingroom:comments", args=[s.pk, built["report"].pk]))
        .content.decode()
    )
    assert "Đề nghị bổ sung chỉ tiêu kết nạp đảng viên." in summary
    # closing withdraws the pack from members, not from the office
    clerk = _client(built["clerk"])
    clerk.post(reverse("meetingroom:action", args=[s.pk, "khai-mac"]))
    clerk.post(reverse("meetingroom:action", args=[s.pk, "be-mac"]))
    assert m.get(url_draft).status_code == 404
    assert "đã được thu hồi" in m.get(reverse("meetingroom:room", args=[s.pk])).content.decode()
    assert clerk.get(url_draft).status_code == 200


def test_a_secret_vote_from_phones_and_the_screens(built: dict[str, Any]) -> None:
    s, chair_user = built["session"], built["chair"]
    chair, clerk = _client(chair_user), _client(built["clerk"])
    act = lambda name, **data: chair.post(reverse("meetingroom:action", args=[s.pk, name]), data)  # noqa: E731
    act("khai-mac")
    for invitee in s.invitees.all():
        state = "hall" if invitee.user_id != built["people"][5].pk else "excused"
        clerk.post(
            reverse("meetingroom:action", args=[s.pk, "diem-danh"]),
            {"invitee": invitee.pk, "trang_thai": state, "ly_do": "Ốm"},
        )
    act("tao-bieu-quyet", noi_dung="Thông qua dự thảo Kết luận", hinh_thuc="secret", loai="vote")
    poll = Poll.objects.get()
    # the secretary (not the chair) cannot open it
    r = clerk.post(
        reverse("meetingroom:action", args=[s.pk, "mo-bieu-quyet"]), {"poll": poll.pk}, follow=True
    )
    assert "Chỉ chủ trì" in r.content.decode()
    act("mo-bieu-quyet", poll=poll.pk)
    cast = reverse("meetingroom:cast", args=[s.pk, poll.pk])
    for user in built["people"][:5]:
        r = _client(user).post(cast, {"phuong_an": "dong_y"}, follow=True)
        assert "Đã ghi nhận phiếu" in r.content.decode()
    again = _client(built["people"][1]).post(cast, {"phuong_an": "khong_dong_y"}, follow=True)
    assert "đã biểu quyết rồi" in again.content.decode()
    excused = _client(built["people"][5]).post(cast, {"phuong_an": "dong_y"}, follow=True)
    assert "không có trong danh sách" in excused.content.decode()
    snap = chair.get(reverse("meetingroom:snapshot", args=[s.pk])).json()
    assert snap["state"]["poll"]["voted"] == 5 and "result" not in snap["state"]["poll"]
    act("ket-thuc-bieu-quyet", poll=poll.pk)
    # the stream (one snapshot) carries the result; Last-Event-ID equal → nothing sent
    r = clerk.get(reverse("meetingroom:events", args=[s.pk]) + "?mot-lan=1")
    body = b"".join(r.streaming_content).decode()
    assert r["Content-Type"].startswith("text/event-stream")
    event_id = re.search(r"^id: (.+)$", body, re.M).group(1)
    assert '"passed":true' in body and '"count":5' in body  # 5 of 6 members: more than half
    r = clerk.get(
        reverse("meetingroom:events", args=[s.pk]) + "?mot-lan=1", HTTP_LAST_EVENT_ID=event_id
    )
    assert "event: state" not in b"".join(r.streaming_content).decode()
    minutes = clerk.get(reverse("meetingroom:minutes", args=[s.pk])).content.decode()
    assert Poll.objects.get().seal in minutes and "Vắng có lý do" in minutes


def test_minutes_then_the_conclusion_into_the_report_workflow(built: dict[str, Any]) -> None:
    s = built["session"]
    clerk = _client(built["clerk"])
    clerk.post(reverse("meetingroom:action", args=[s.pk, "khai-mac"]))
    clerk.post(reverse("meetingroom:action", args=[s.pk, "be-mac"]))
    bad = clerk.post(
        reverse("meetingroom:conclusion", args=[s.pk]),
        {"ky": "2024-9M", "nhiem_vu": "Kiểm tra cơ sở | Ủy ban Kiểm tra Thị ủy | 31/13/2024"},
        follow=True,
    )
    assert "Dòng 1: hạn “31/13/2024”" in bad.content.decode() and not Task.objects.exists()
    r = clerk.post(
        reverse("meetingroom:conclusion", args=[s.pk]),
        {
            "ky": "2024-9M",
            "nhiem_vu": "Hoàn thành chương trình kiểm tra, giám sát năm 2024 | Ủy ban Kiểm tra Thị ủy | 31/12/2024\n"
            "Thu ngân sách nhà nước đạt dự toán | UBND thị xã | 31/12/2024",
        },
    )
    report = Report.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("reports:detail", args=[report.pk])
    assert report.kind == "conclusion" and report.state in ("draft", "checked")
    assert "HỘI NGHỊ THỊ ỦY LẦN THỨ 18" in report.body.upper()
    assert "Hoàn thành chương trình kiểm tra, giám sát năm 2024" in report.body
    tasks = Task.objects.order_by("pk")
    assert [t.lead for t in tasks] == ["Ủy ban Kiểm tra Thị ủy", "UBND thị xã"]
    assert tasks[0].lead_body is not None and tasks[0].due_on == dt.date(2024, 12, 31)
    assert all(t.source_meeting_id == built["meeting"].pk for t in tasks)


def test_the_counting_committee_sees_every_ballot_sorted_by_content(built: dict[str, Any]) -> None:
    from capuy.meetingroom import room as rooms
    from capuy.meetingroom import voting
    from tests.web.meetingroom_helpers import all_present

    s = built["session"]
    rooms.open_room(s, built["chair"])
    all_present(s)
    poll = voting.create_poll(
        s,
        title="Bầu Phó Bí thư",
        method="secret",
        kind="election",
        candidates=["Võ Văn Hải", "Đặng Thị Lan"],
        seats=1,
    )
    voting.open_poll(poll)
    for user, kept in zip(built["people"], [["c1"], ["c2"], ["c1", "c2"], ["c1"]], strict=False):
        voting.cast(poll.pk, user, kept)
    voting.close_poll(poll)
    page = _client(built["clerk"]).get(reverse("meetingroom:counting", args=[s.pk, poll.pk]))
    text = page.content.decode()
    assert (
        text.count("<td>Võ Văn Hải</td><td>hợp lệ</td>") == 2
        and text.count("<strong>không hợp lệ</strong>") == 1
    )
    assert "<td>Võ Văn Hải, Đặng Thị Lan</td>" in text
    member = _client(built["people"][1])
    assert member.get(reverse("meetingroom:counting", args=[s.pk, poll.pk])).status_code == 404


def test_the_minutes_download_as_a_docx_laid_out_by_the_renderer(built: dict[str, Any]) -> None:
    """A real vote and a speaker, then the minutes as DOCX: read back with python-docx and
    with capuy's own reader, the header, attendance, speaker, result and seal are there."""
    import io

    import docx as python_docx

    from capuy.read.docx import read_docx

    s, people = built["session"], built["people"]
    chair, clerk = _client(built["chair"]), _client(built["clerk"])
    act = lambda name, **data: chair.post(reverse("meetingroom:action", args=[s.pk, name]), data)  # noqa: E731
    act("khai-mac")
    for invitee in s.invitees.all():
        clerk.post(
            reverse("meetingroom:action", args=[s.pk, "diem-danh"]),
            {"invitee": invitee.pk, "trang_thai": "hall"},
        )
    act("tao-bieu-quyet", noi_dung="Thông qua dự thảo Kết luận", hinh_thuc="secret", loai="vote")
    poll = Poll.objects.get()
    act("mo-bieu-quyet", poll=poll.pk)
    for user in people[:4]:
        _client(user).post(
            reverse("meetingroom:cast", args=[s.pk, poll.pk]), {"phuong_an": "dong_y"}
        )
    act("ket-thuc-bieu-quyet", poll=poll.pk)
    clerk.post(reverse("meetingroom:action", args=[s.pk, "be-mac"]))
    page = clerk.get(reverse("meetingroom:minutes", args=[s.pk])).content.decode()
    assert "?tai=docx" in page
    r = clerk.get(reverse("meetingroom:minutes", args=[s.pk]) + "?tai=docx")
    assert r.status_code == 200 and r["Content-Type"].endswith("wordprocessingml.document")
    assert r["Content-Disposition"].startswith("attachment;")
    paragraphs = [p.text for p in python_docx.Document(io.BytesIO(r.content)).paragraphs]
    text = "\n".join(paragraphs)
    poll.refresh_from_db()
    assert "BIÊN BẢN" in paragraphs and "HỘI NGHỊ THỊ ỦY LẦN THỨ 18" in text.upper()
    assert "I- THÀNH PHẦN" in paragraphs and "II- NỘI DUNG VÀ DIỄN BIẾN" in paragraphs
    assert "1. Tình hình thực hiện nhiệm vụ 9 tháng đầu năm 2024" in paragraphs
    assert "có mặt 6 (tại hội trường 6, trực tuyến 0)" in text
    assert poll.seal and f"Niêm phong kết quả (SHA-256): {poll.seal}" in text
    assert "Đồng ý 4" in text and "Dự thảo" in text
    model = read_docx(r.content, "bien-ban.docx")
    assert model.lines[:4] == ["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "THỊ ỦY ĐỨC PHỔ", "*", "Số -BB/TU"]
    # a member (not the office) cannot download the minutes
    member = _client(people[-1])
    assert member.get(reverse("meetingroom:minutes", args=[s.pk]) + "?tai=docx").status_code == 404


def test_the_office_puts_register_documents_into_the_pack_within_clearance(
    built: dict[str, Any],
) -> None:
    """Seed 002 registered as a secret draft: the clerk (cleared for Mật) puts it into the pack
    under the first item; an ordinary member does not see it, the cleared chair reads it
    watermarked; a typed document above the clerk's clearance is refused; none after closing."""
    from capuy.api import find_seeds_dir
    from capuy.documents.models import Direction

    seed = next(find_seeds_dir().glob("002_*.txt")).read_text(encoding="utf-8")
    s, clerk_user = built["session"], built["clerk"]
    town = built["meeting"].organisation
    register = Document.objects.create(
        direction=Direction.INCOMING,
        sender="Văn phòng Thị ủy",
        organisation=town,
        type_code="KL",
        symbol="12-KL/TU",
        issued_on=dt.date(2024, 10, 8),
        summary="Kết luận Hội nghị Thị ủy lần thứ 18 (khóa XXI)",
        text=seed,
        classification=Classification.SECRET,
    )
    above = Document.objects.create(
        direction=Direction.INCOMING,
        sender="Tỉnh ủy Quảng Ngãi",
        organisation=town,
        type_code="BC",
        symbol="99-BC/TU",
        issued_on=dt.date(2024, 10, 1),
        summary="Báo cáo tối mật",
        text="Nội dung tối mật",
        classification=Classification.TOP_SECRET,
    )
    clerk = _client(clerk_user)
    act = reverse("meetingroom:action", args=[s.pk, "tai-lieu"])
    console = clerk.get(reverse("meetingroom:console", args=[s.pk])).content.decode()
    assert "12-KL/TU" in console and "99-BC/TU" not in console  # the register, within clearance
    item = built["meeting"].agenda_items.order_by("position").first()
    r = clerk.post(act, {"van_ban": register.pk, "item": item.pk, "du_thao": "1"}, follow=True)
    assert "Đã đưa vào tài liệu hội nghị" in r.content.decode()
    added = PackDocument.objects.get(source=register)
    assert added.classification == Classification.SECRET and added.agenda_item == item
    assert added.body == seed.strip() and added.title.startswith("Kết luận số 12-KL/TU")
    refused = clerk.post(act, {"van_ban": above.pk}, follow=True).content.decode()
    assert "Không tìm thấy văn bản trong sổ" in refused
    typed = {"ten": "Hồ sơ tối mật", "noi_dung": "…", "do_mat": Classification.TOP_SECRET}
    assert "vượt quá độ mật" in clerk.post(act, typed, follow=True).content.decode()
    assert not PackDocument.objects.filter(title="Hồ sơ tối mật").exists()
    member, chair = _client(built["people"][1]), _client(built["chair"])
    url = reverse("meetingroom:document", args=[s.pk, added.pk])
    assert member.get(url).status_code == 404
    page = chair.get(url)
    assert page.status_code == 200 and "Nguyễn Văn Chủ ·" in page.content.decode()
    # a member cannot add to the pack
    assert _client(built["people"][1]).post(act, {"ten": "x", "noi_dung": "y"}).status_code == 404
    clerk.post(reverse("meetingroom:action", args=[s.pk, "khai-mac"]))
    clerk.post(reverse("meetingroom:action", args=[s.pk, "be-mac"]))
    late = clerk.post(act, {"ten": "Muộn", "noi_dung": "Muộn"}, follow=True).content.decode()
    assert "không bổ sung tài liệu" in late


def test_the_room_list_shows_meetings_without_a_room_once_in_the_page(
    built: dict[str, Any],
) -> None:
    """The office's list of meetings without a room sat in the page's <title> and <head> too:
    the tab read "Phòng họp<h2>Hội nghị chưa có phòng họp</h2><ul>…" and the list was drawn
    above the header."""
    from capuy.meetings.models import Meeting

    other = Meeting.objects.create(
        organisation=built["meeting"].organisation,
        body=built["meeting"].body,
        title="Hội nghị Ban Thường vụ Thị ủy",
        held_on=dt.date(2024, 2, 2),
    )
    html = _client(built["clerk"]).get(reverse("meetingroom:list")).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title is not None and "<" not in title.group(1) and "Phòng họp" in title.group(1)
    head = html.split("<body", 1)[0]
    assert "Hội nghị chưa có phòng họp" not in head
    assert html.count(reverse("meetingroom:create", args=[other.pk])) == 1
    assert html.count("Hội nghị chưa có phòng họp") == 1
