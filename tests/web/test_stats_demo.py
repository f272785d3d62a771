"""The demo town's records state seed 000's month and seed 002's nine months as the seeds do."""

from __future__ import annotations

import datetime as dt

import pytest

from capuy.members import stats as member_stats
from capuy.members.demo import FEBRUARY_2024, NINE_MONTHS_2024, load_demo_records
from capuy.members.models import Member
from capuy.web.demo import load_demo
from tests.web.test_stats_seed_sentences import seed_line

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_records_reproduce_seed_000_and_002() -> None:
    ctx = load_demo()
    town = ctx.town
    line_000 = seed_line("000", 55)
    assert member_stats.admissions(town, *FEBRUARY_2024, style="plain").sentence in line_000
    assert member_stats.recognitions(town, *FEBRUARY_2024).sentence in line_000
    moved = member_stats.strike_offs_and_removals(town, *FEBRUARY_2024)
    assert (moved.numbers["removed"], moved.numbers["struck_off"]) == (2, 1)  # seed 000 line 27
    assert (
        "Cho ra khỏi Đảng (02 trường hợp) và xóa tên trong danh sách đảng viên (01 trường"
        in seed_line("000", 27)
    )
    nine = member_stats.admissions(town, *NINE_MONTHS_2024, style="achievement", places=1)
    assert nine.sentence == "đã kết nạp 165 đảng viên mới, đạt 91,7% chỉ tiêu tỉnh giao"
    assert nine.sentence in seed_line("002", 14)
    # a ward's own figures are part of the town's
    ward = ctx.wards["Phổ Hòa"]
    assert (
        0
        < member_stats.member_count(ward, dt.date(2024, 2, 26)).numbers["members"]
        < member_stats.member_count(town, dt.date(2024, 2, 26)).numbers["members"]
    )
    before = Member.objects.count()
    assert load_demo_records(ctx).startswith("đã có")
    assert Member.objects.count() == before
