"""The incoming register: arrival numbers per unit and year (no gap, no duplicate, each book
its own), registering with defaults and sender suggestions, routing with the leader's
instruction, handling and overdue marks, scoping by unit and clearance, the month view and
its CSV/XLSX/DOCX exports read back."""

from __future__ import annotations

import csv
import datetime as dt
import io

import docx
import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from capuy.accounts.levels import Classification, Role
from capuy.incoming.models import Arrival, ArrivalCounter, State, Step
from capuy.incoming.services import register_arrival
from tests.web.conftest import make_user


def arrive(org, day: dt.date, summary: str, **extra) -> Arrival:  # type: ignore[no-untyped-def]
    fields = {"sender": "Ban Tổ chức Tỉnh ủy Quảng Ngãi", "sender_symbol": "5169-CV/BTCTU",
              "type_code": "CV", **extra}  # fmt: skip
    return register_arrival(organisation=org, received_on=day, summary=summary, **fields)


def client_for(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_each_unit_keeps_a_book_a_year(tree) -> None:  # type: ignore[no-untyped-def]
    ArrivalCounter.objects.create(organisation=tree.town, year=2024, last_number=184)
    made = [
        (tree.town, dt.date(2024, 2, 6)),
        (tree.town, dt.date(2024, 2, 16)),
        (tree.pho_hoa, dt.date(2024, 2, 16)),
        (tree.town, dt.date(2025, 1, 2)),
        (tree.town, dt.date(2024, 12, 31)),
    ]
    numbers = [arrive(org, day, "Về việc góp ý").number for org, day in made]
    assert numbers == [185, 186, 1, 1, 187]


@pytest.mark.django_db
def test_a_refused_arrival_takes_no_number(tree) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        arrive(tree.town, dt.date(2024, 2, 6), "")  # no summary
    assert arrive(tree.town, dt.date(2024, 2, 6), "Về việc góp ý").number == 1


@pytest.mark.django_db
def test_clerk_registers_with_defaults_and_sender_suggestions(tree, town_clerk) -> None:  # type: ignore[no-untyped-def]
    arrive(tree.town, dt.date(2024, 2, 6), "Về việc góp ý", sender="Văn phòng Tỉnh ủy Quảng Ngãi")
    arrive(tree.pho_minh, dt.date(2024, 2, 6), "x", sender="Đảng ủy phường Phổ Minh riêng")
    client = client_for(town_clerk)
    page = client.get("/van-ban-den/vao-so/")
    form = page.context["form"]
    assert form.initial["type_code"] == "CV"
    assert form.initial["received_on"] == timezone.localdate()
    html = page.content.decode()
    assert '<option value="Văn phòng Tỉnh ủy Quảng Ngãi">' in html
    assert 'list="noi-gui-da-dung"' in html
    # the ward's senders are the ward's: the town clerk sees the town's subtree only
    assert "Đảng ủy phường Phổ Minh riêng" in html  # Phổ Minh is under the town
    response = client.post(
        "/van-ban-den/vao-so/",
        {"sender": "Văn phòng Tỉnh ủy Quảng Ngãi", "sender_symbol": "812-CV/VPTU",
         "sender_date": "15/02/2024", "summary": "Về việc báo cáo tháng 02",
         "type_code": "CV", "received_on": "16/02/2024", "classification": "0",
         "deadline": "23/02/2024", "organisation": str(tree.town.pk), "ma_phieu": "a" * 32},
    )  # fmt: skip
    arrival = Arrival.objects.get(sender_symbol="812-CV/VPTU")
    assert response.status_code == 302 and arrival.number == 2 and arrival.created_by == town_clerk
    assert arrival.state == State.WAITING and arrival.deadline == dt.date(2024, 2, 23)


@pytest.mark.django_db
def test_ward_clerks_form_suggests_only_its_own_senders(tree, ward_clerk) -> None:  # type: ignore[no-untyped-def]
    arrive(tree.town, dt.date(2024, 2, 6), "x", sender="Ban Nội chính Tỉnh ủy")
    arrive(tree.pho_hoa, dt.date(2024, 2, 6), "x", sender="Văn phòng Thị ủy Đức Phổ")
    arrive(tree.pho_hoa, dt.date(2024, 2, 7), "x", sender="Công an thị xã", classification=1)
    html = client_for(ward_clerk).get("/van-ban-den/vao-so/").content.decode()
    assert '<option value="Văn phòng Thị ủy Đức Phổ">' in html
    assert "Ban Nội chính Tỉnh ủy" not in html  # another unit's
    assert "Công an thị xã" not in html  # a Mật arrival's, above the clerk's clearance


@pytest.mark.django_db
def test_routing_with_instruction_then_handled(tree, town_clerk, town_leader) -> None:  # type: ignore[no-untyped-def]
    handler = make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST, first_name="Minh",
                        last_name="Trần Văn", clearance=Classification.SECRET)  # fmt: skip
    arrival = arrive(tree.town, dt.date(2024, 2, 6), "Về việc góp ý")
    clerk = client_for(town_clerk)
    response = clerk.post(
        f"/van-ban-den/{arrival.pk}/chuyen/",
        {"to_user": handler.pk, "leader": town_leader.pk, "deadline": "16/02/2024",
         "instruction": "Giao Văn phòng tham mưu văn bản góp ý."},
    )  # fmt: skip
    assert response.status_code == 302
    arrival.refresh_from_db()
    assert arrival.state == State.IN_HAND and arrival.handler == handler
    step = Step.objects.get(arrival=arrival)
    assert (step.leader, step.actor, step.to_user) == (town_leader, town_clerk, handler)
    # overdue: past its deadline and open — marked in the list and on the page
    listing = clerk.get("/van-ban-den/").content.decode()
    assert "Quá hạn" in listing and "Trần Văn Minh" in listing
    assert (
        client_for(town_clerk)
        .get("/van-ban-den/", {"tinh_trang": "qua_han"})
        .context["page"]
        .paginator.count
        == 1
    )
    # the handler closes it
    done = client_for(handler).post(f"/van-ban-den/{arrival.pk}/xu-ly/", {"note": "Đã trả lời."})
    assert done.status_code == 302
    arrival.refresh_from_db()
    assert arrival.state == State.DONE and arrival.handled_on == timezone.localdate()
    page = clerk.get(f"/van-ban-den/{arrival.pk}/").content.decode()
    assert "Ý kiến chỉ đạo của Lãnh đạo" not in page  # the leader has no name: username
    assert "Ý kiến chỉ đạo của lanhdao.ducpho: Giao Văn phòng tham mưu văn bản góp ý." in page
    assert "Xử lý trễ hạn" in page


@pytest.mark.django_db
def test_only_cleared_staff_of_the_unit_can_be_handlers(tree, town_clerk, ward_clerk) -> None:  # type: ignore[no-untyped-def]
    low = make_user("chuyenvien.thuong", tree.town, Role.SPECIALIST)
    secret = arrive(tree.town, dt.date(2024, 2, 23), "Tình hình an ninh", classification=1)
    response = client_for(town_clerk).post(f"/van-ban-den/{secret.pk}/chuyen/", {"to_user": low.pk})
    assert response.status_code == 400
    assert not Step.objects.exists()
    own = arrive(tree.pho_hoa, dt.date(2024, 2, 23), "Báo cáo tháng")
    assert (
        client_for(ward_clerk)
        .post(f"/van-ban-den/{own.pk}/chuyen/", {"to_user": town_clerk.pk})
        .status_code
        == 400
    )  # a town clerk is not the ward's staff


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["ward clerk", "other specialist"])
def test_hidden_arrivals_are_404_and_unlisted(tree, who) -> None:  # type: ignore[no-untyped-def]
    user = (
        make_user("vanthu.phohoa", tree.pho_hoa, Role.CLERK)
        if who == "ward clerk"
        else make_user("cv", tree.town, Role.SPECIALIST)  # town, ordinary clearance
    )
    secret = arrive(
        tree.town, dt.date(2024, 2, 23), "Tình hình an ninh chính trị", classification=1
    )
    client = client_for(user)
    assert client.get(f"/van-ban-den/{secret.pk}/").status_code == 404
    assert client.post(f"/van-ban-den/{secret.pk}/xu-ly/", {"note": "x"}).status_code == 404
    assert "Tình hình an ninh chính trị" not in client.get("/van-ban-den/").content.decode()
    month = client.get("/van-ban-den/trong-thang/xuat.csv", {"thang": "02/2024"})
    assert month.status_code in (200, 404)
    assert "Tình hình an ninh chính trị" not in month.content.decode("utf-8-sig")


@pytest.mark.django_db
def test_month_view_and_exports_carry_number_date_and_mark(tree, town_clerk) -> None:  # type: ignore[no-untyped-def]
    ArrivalCounter.objects.create(organisation=tree.town, year=2024, last_number=14)
    arrive(tree.town, dt.date(2024, 1, 30), "Tháng trước")
    arrive(
        tree.town,
        dt.date(2024, 2, 6),
        "Về việc góp ý;\nđề xuất nhân sự",
        sender_date=dt.date(2024, 2, 5),
    )
    arrive(tree.town, dt.date(2024, 2, 23), "Tình hình an ninh", classification=1)
    arrive(tree.town, dt.date(2024, 3, 1), "Tháng sau")
    client = client_for(town_clerk)
    page = client.get("/van-ban-den/trong-thang/", {"thang": "02/2024"})
    html = page.content.decode()
    assert "Sổ văn bản đến tháng 02/2024" in html
    assert (
        'href="?thang=01/2024&amp;to_chuc=' in html and 'href="?thang=03/2024&amp;to_chuc=' in html
    )
    shown = [row for _, row in page.context["rows"]]
    assert [r[:2] for r in shown] == [["16", "06/02/2024"], ["17", "23/02/2024"]]
    assert shown[0][5] == "Về việc góp ý; đề xuất nhân sự" and shown[1][6] == "Mật"
    query = {"thang": "02/2024", "to_chuc": str(tree.town.pk)}
    raw = client.get("/van-ban-den/trong-thang/xuat.csv", query).content
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Số đến", "Ngày đến", "Nơi gửi"] and rows[1:] == shown
    book = load_workbook(
        io.BytesIO(client.get("/van-ban-den/trong-thang/xuat.xlsx", query).content)
    )
    sheet = book.active
    assert [[c.value or "" for c in row] for row in sheet.iter_rows(min_row=2)] == shown
    word = docx.Document(
        io.BytesIO(client.get("/van-ban-den/trong-thang/xuat.docx", query).content)
    )
    table = word.tables[0]
    assert [[c.text for c in row.cells] for row in table.rows[1:]] == shown
    ordinary = client.get("/van-ban-den/trong-thang/xuat.csv", {**query, "thuong": "1"}).content
    assert "Tình hình an ninh" not in ordinary.decode("utf-8-sig")


@pytest.mark.django_db(transaction=True)
def test_concurrent_clerks_get_consecutive_arrival_numbers(tree) -> None:  # type: ignore[no-untyped-def]
    """6 threads × 8 arrivals on their own connections, all in the town's 2024 book."""
    import threading
    from collections import Counter

    from django.db import connections

    workers, each = 6, 8
    start = threading.Barrier(workers)
    errors: list[BaseException] = []

    def clerk(worker: int) -> None:
        try:
            start.wait()
            for i in range(each):
                arrive(tree.town, dt.date(2024, 2, 6), f"Văn thư {worker}, lần {i}")
        except BaseException as error:  # reported to the main thread below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=clerk, args=(w,)) for w in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = list(Arrival.objects.values_list("number", flat=True))
    assert Counter(numbers).most_common(1)[0][1] == 1, "an arrival number was given twice"
    assert sorted(numbers) == list(range(1, workers * each + 1)), "the book has a gap"


@pytest.mark.django_db
def test_attachment_is_checked_and_routing_is_audited(tree, town_clerk) -> None:  # type: ignore[no-untyped-def]
    from auditlog.models import LogEntry
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(town_clerk)
    fake = SimpleUploadedFile("cong-van.docx", b"MZ\x90\x00 a program")
    page = client.post(
        "/van-ban-den/vao-so/",
        {"sender": "Văn phòng Tỉnh ủy", "summary": "Về việc x", "type_code": "CV",
         "received_on": "16/02/2024", "classification": "0", "organisation": str(tree.town.pk),
         "attachment": fake},
    )  # fmt: skip
    assert "Nội dung tệp không phải DOCX dù đuôi tệp là .docx." in page.content.decode()
    assert not Arrival.objects.exists() and not ArrivalCounter.objects.exists()
    handler = make_user("cv", tree.town, Role.SPECIALIST)
    arrival = arrive(tree.town, dt.date(2024, 2, 6), "Về việc góp ý")
    client.post(f"/van-ban-den/{arrival.pk}/chuyen/", {"to_user": handler.pk})
    entry = LogEntry.objects.get_for_object(arrival).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == town_clerk
    assert entry.changes_dict["state"] == ["cho_xu_ly", "dang_xu_ly"]
    page = client.get(f"/van-ban-den/{arrival.pk}/").content.decode()
    assert '<td class="before">Chờ xử lý</td><td class="after">Đang xử lý</td>' in page


@pytest.mark.django_db
def test_correction_keeps_the_number_and_is_audited_with_reason(tree, town_clerk) -> None:  # type: ignore[no-untyped-def]
    arrival = arrive(tree.town, dt.date(2024, 2, 6), "Về việc gop y")
    client = client_for(town_clerk)
    data = {"sender": arrival.sender, "sender_symbol": "5169-CV/BTCTU", "summary": "Về việc góp ý",
            "type_code": "CV", "received_on": "06/02/2024", "classification": "0",
            "reason": "sai dấu"}  # fmt: skip
    refused = client.post(f"/van-ban-den/{arrival.pk}/sua/", {**data, "received_on": "02/01/2025"})
    assert "thuộc sổ năm 2024" in refused.content.decode()
    assert client.post(f"/van-ban-den/{arrival.pk}/sua/", data).status_code == 302
    arrival.refresh_from_db()
    assert (arrival.summary, arrival.number) == ("Về việc góp ý", 1)
    page = client.get(f"/van-ban-den/{arrival.pk}/").content.decode()
    assert "vanthu.ducpho sửa — lý do: sai dấu" in page
    assert '<td class="before">Về việc gop y</td><td class="after">Về việc góp ý</td>' in page


@pytest.mark.django_db
def test_the_book_choice_names_a_cells_parent(tree, town_clerk) -> None:  # type: ignore[no-untyped-def]
    """ "Vào sổ của" listed "Chi bộ Tổ dân phố số 1" alone — one of many of that name in the
    town; a cell now says whose it is, as in the other choice lists."""
    html = client_for(town_clerk).get("/van-ban-den/vao-so/").content.decode()
    cell = tree.pho_hoa_cell
    assert f'<option value="{cell.pk}">{cell.name} — {cell.parent.name}</option>' in html
