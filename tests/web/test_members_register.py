"""The member register: events and their effects, recognition due, badges, counts over time."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.models import LogEntry

from capuy.errors import InputError
from capuy.members.models import Member, MemberEvent
from capuy.members.services import (
    admit,
    award_badge,
    badges_due,
    member_count,
    recognition_due,
    record_event,
    register_transfer_in,
)
from capuy.text import shift_months as add_months
from tests.web.conftest import Tree

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2023, 3, 15), 12, D(2024, 3, 15)),
        (D(2023, 2, 28), 12, D(2024, 2, 28)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # no 29/02 in 2025
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2024, 3, 31), -1, D(2024, 2, 29)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_member_count_follows_transfers_and_departures(tree: Tree) -> None:
    a = admit(tree.pho_hoa_cell, "Trần Thị Lan", "nu", D(2020, 5, 19))
    b = admit(tree.pho_minh, "Lê Văn Nam", "nam", D(2021, 2, 3))
    admit(tree.province, "Ở tỉnh", "nam", D(2019, 1, 1))
    record_event(a, "transfer_out_official", D(2023, 7, 1), counterpart="Đảng bộ huyện Bình Sơn")
    record_event(b, "transfer_internal", D(2022, 1, 1), organisation=tree.pho_hoa_cell)
    cases = [
        (tree.town, D(2020, 1, 1), 0),
        (tree.town, D(2021, 3, 1), 2),
        (tree.pho_hoa, D(2021, 3, 1), 1),
        (tree.pho_hoa, D(2022, 6, 1), 2),  # b moved in
        (tree.pho_minh, D(2022, 6, 1), 0),  # and out of Phổ Minh
        (tree.town, D(2023, 7, 1), 1),  # a left that day
        (tree.province, D(2023, 7, 1), 2),
    ]
    for root, day, expected in cases:
        assert member_count(root, day) == expected, (root, day)
    b.refresh_from_db()
    assert b.organisation == tree.pho_hoa_cell


@pytest.mark.parametrize(
    ("kind", "left"),
    [
        ("strike_off", True),
        ("removal", True),
        ("resignation", True),
        ("death", True),
        ("transfer_out_temporary", False),
        ("recognition", False),
    ],
)
def test_event_effects(tree: Tree, kind: str, left: bool) -> None:
    member = admit(tree.pho_hoa_cell, "Phạm Văn Hùng", "nam", D(2022, 1, 10))
    record_event(member, kind, D(2023, 2, 1))
    member.refresh_from_db()
    assert (member.left_on is not None) is left
    assert member_count(tree.town, D(2023, 3, 1)) == (0 if left else 1)
    assert MemberEvent.objects.filter(
        member=member, kind=kind, organisation=tree.pho_hoa_cell
    ).exists()


def test_events_refused_with_a_vietnamese_reason(tree: Tree) -> None:
    member = admit(tree.pho_hoa_cell, "Võ Thị Hoa", "nu", D(2022, 1, 10))
    with pytest.raises(InputError, match="Ngày công nhận chính thức phải sau ngày kết nạp"):
        record_event(member, "recognition", D(2021, 12, 1))
    record_event(member, "death", D(2023, 1, 1))
    with pytest.raises(InputError, match="đã ra khỏi danh sách đảng viên từ 01/01/2023"):
        record_event(member, "strike_off", D(2023, 5, 1))
    with pytest.raises(InputError):
        record_event(member, "no_such_kind", D(2023, 5, 1))


def test_recognition_due_twelve_months_after_admission(tree: Tree) -> None:
    admit(tree.pho_hoa_cell, "Quá hạn", "nam", D(2023, 1, 15))
    due_soon = admit(tree.pho_hoa_cell, "Sắp đến hạn", "nu", D(2023, 3, 20))
    admit(tree.pho_hoa_cell, "Chưa đến hạn", "nu", D(2023, 9, 1))
    done = admit(tree.pho_minh, "Đã chính thức", "nam", D(2022, 12, 1))
    record_event(done, "recognition", D(2023, 12, 1))
    gone = admit(tree.pho_minh, "Đã xóa tên", "nam", D(2022, 12, 1))
    record_event(gone, "strike_off", D(2023, 6, 1))
    due = recognition_due(Member.objects.all(), as_of=D(2024, 3, 1), within_days=30)
    assert [(m.full_name, day) for m, day in due] == [
        ("Quá hạn", D(2024, 1, 15)),
        ("Sắp đến hạn", D(2024, 3, 20)),
    ]
    assert due_soon.is_probationary and not done.is_probationary


def test_badges_due_from_the_admission_date(tree: Tree) -> None:
    veteran = admit(tree.pho_hoa_cell, "Cụ Ba", "nam", D(1974, 5, 10))  # 50 years on 10/5/2024
    award_badge(veteran, 45, D(2019, 5, 19))
    admit(tree.pho_hoa_cell, "Cụ Tư", "nam", D(1994, 9, 2))  # 30 years only on 02/9/2024
    admit(tree.pho_hoa_cell, "Trẻ", "nu", D(2010, 1, 1))
    due = badges_due(Member.objects.all(), on=D(2024, 5, 19))
    assert [(d.member.full_name, d.years, d.anniversary, d.award_day) for d in due] == [
        ("Cụ Ba", 50, D(2024, 5, 10), D(2024, 5, 19))
    ]
    with pytest.raises(InputError, match="chưa đủ 30 năm tuổi Đảng"):
        award_badge(Member.objects.get(full_name="Cụ Tư"), 30, D(2024, 5, 19))
    with pytest.raises(InputError, match="Không có Huy hiệu 35"):
        award_badge(veteran, 35, D(2024, 5, 19))


def test_personal_data_changes_are_audited(tree: Tree) -> None:
    member = admit(tree.pho_hoa_cell, "Nguyễn Văn An", "nam", D(2020, 1, 1))
    member.full_name = "Nguyễn Văn Ân"
    member.save()
    entries = LogEntry.objects.get_for_object(member).order_by("timestamp")
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE]
    assert entries.last().changes_dict["full_name"] == ["Nguyễn Văn An", "Nguyễn Văn Ân"]


def test_transfer_in_counts_from_arrival_and_keeps_party_age(tree: Tree) -> None:
    member = register_transfer_in(
        tree.pho_minh,
        "Hồ Văn Đến",
        "nam",
        D(1994, 5, 19),
        D(2024, 3, 1),
        recognised_on=D(1995, 5, 19),
        counterpart="Đảng bộ huyện Bình Sơn",
    )
    assert member_count(tree.town, D(2024, 2, 29)) == 0
    assert member_count(tree.town, D(2024, 3, 1)) == 1
    assert member.party_years(D(2024, 5, 19)) == 30
    event = member.events.get()
    assert (event.kind, event.counterpart) == ("transfer_in_official", "Đảng bộ huyện Bình Sơn")
    with pytest.raises(InputError, match="phải sau ngày vào Đảng"):
        register_transfer_in(tree.pho_minh, "Sai Ngày", "nam", D(2020, 1, 1), D(2019, 1, 1))
