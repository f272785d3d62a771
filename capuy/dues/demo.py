"""Demo step: the member's handbook in Chi bộ Tổ dân phố số 1 of phường Phổ Hòa.

Three members on the register with logins (a secretary and two members), this month's cell
meeting (notice, agenda, a study reading), last month's meeting held with its resolution, and
three months of the dues book. Fixed demo passwords, already changed (no first-login step),
so the logins printed by ``make demo`` work as they are. Running it twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from capuy.dues.book import record_entry
from capuy.dues.rates import compute_due
from capuy.handbook.models import CellMeeting, CellOfficer, MemberAccount, Reading
from capuy.handbook.services import create_account, open_meeting, refresh_attendance
from capuy.members.models import Member
from capuy.members.services import admit
from capuy.orgs.models import Organisation
from capuy.text import shift_months as add_months

DEMO_MEMBERS = [
    # name, gender, admitted, card, username, password, kind, base, duty
    (
        "Nguyễn Văn Sơn",
        "nam",
        dt.date(1998, 5, 19),
        "79100101",
        "bithu.tdp1",
        "bithu-tdp1-2026",
        "luong_huu",
        7_200_000,
        "bi_thu",
    ),
    (
        "Trần Thị Mai",
        "nu",
        dt.date(2012, 2, 3),
        "79100102",
        "dangvien.mai",
        "dangvien-mai-2026",
        "luong_bhxh",
        9_350_000,
        "",
    ),
    (
        "Lê Văn Tùng",
        "nam",
        dt.date(2025, 9, 2),
        "79100103",
        "dangvien.tung",
        "dangvien-tung-2026",
        "thu_nhap_khac",
        0,
        "",
    ),
]


def _members_with_logins(cell: Organisation) -> list[tuple[Member, str, int]]:
    """The demo members on the cell's register, each with its login (and the secretary's
    duty); with the kind and base of each one's dues."""
    members = []
    for name, gender, admitted, card, username, password, kind, base, duty in DEMO_MEMBERS:
        member = Member.objects.filter(organisation=cell, card_number=card).first() or admit(
            cell, name, gender, admitted, card_number=card
        )
        account, _ = create_account(member, None)
        account.user.username = username
        account.user.set_password(password)
        account.user.save()
        account.must_change_password = False
        account.save()
        if duty:
            CellOfficer.objects.create(cell=cell, member=member, duty=duty)
        members.append((member, kind, base))
    return members


def _last_months_meeting(cell: Organisation, last: dt.date) -> None:
    """Last month's regular meeting, held, everyone present, with its resolution."""
    held = CellMeeting(
        cell=cell,
        title=f"Sinh hoạt chi bộ định kỳ tháng {last:%m/%Y}",
        starts_at=timezone.make_aware(dt.datetime(last.year, last.month, 5, 19, 30)),
        month=last,
        place="Nhà văn hóa Tổ dân phố số 1",
        agenda="1. Kiểm điểm việc thực hiện nghị quyết tháng trước.\n2. Nhiệm vụ tháng tới.",
    )
    open_meeting(held, lambda m: f"/so-tay/sinh-hoat/{m.pk}/")
    held.attendances.update(present=True)
    held.held = True
    held.minutes = "Có mặt đủ đảng viên; đồng chí Bí thư chủ trì."
    held.resolution = "Chi bộ thống nhất vận động nhân dân giữ gìn vệ sinh môi trường khu dân cư."
    held.save()
    refresh_attendance(cell.pk, last)


def _this_months_meeting(cell: Organisation, this_month: dt.date, today: dt.date) -> None:
    """This month's thematic meeting in five days, with its study reading."""
    upcoming = CellMeeting(
        cell=cell,
        kind=CellMeeting.Kind.THEMATIC,
        title=f"Sinh hoạt chuyên đề tháng {this_month:%m/%Y}",
        starts_at=timezone.make_aware(
            dt.datetime.combine(today + dt.timedelta(days=5), dt.time(19, 30))
        ),
        month=this_month,
        place="Nhà văn hóa Tổ dân phố số 1",
        agenda="1. Học tập chuyên đề năm.\n2. Liên hệ trách nhiệm của đảng viên.",
    )
    open_meeting(upcoming, lambda m: f"/so-tay/sinh-hoat/{m.pk}/")
    Reading.objects.create(
        organisation=cell,
        meeting=upcoming,
        title="Tài liệu sinh hoạt chuyên đề",
        body="Tài liệu minh họa cho bản chạy thử: chi bộ gửi nội dung học tập chuyên đề tại đây.",
        study=True,
    )


def _three_months_of_dues(members: list[tuple[Member, str, int]], this_month: dt.date) -> None:
    """Dues paid for the last three months, except one member's this month."""
    for offset in (-2, -1, 0):
        month = add_months(this_month, offset)
        for member, kind, base in members:
            unpaid = offset == 0 and member.card_number == "79100102"  # this month, not yet
            amount = 0 if unpaid else compute_due(kind, base, month).amount
            receipt = "" if unpaid else f"BL-{month:%m%y}-{member.pk}"
            record_entry(member, month, kind, base, amount, receipt=receipt)


def load_demo_handbook(ctx: Any) -> str:
    """The cell's members and logins, two meetings and three months of dues, in that order."""
    ward = ctx.wards.get("Phổ Hòa")
    cell = Organisation.objects.filter(parent=ward, name="Chi bộ Tổ dân phố số 1").first()
    if cell is None:
        return "không có Chi bộ Tổ dân phố số 1 của phường Phổ Hòa: bỏ qua"
    if MemberAccount.objects.filter(user__username="bithu.tdp1").exists():
        return "đã có"
    today = timezone.localdate()
    members = _members_with_logins(cell)
    this_month = today.replace(day=1)
    _last_months_meeting(cell, add_months(this_month, -1))
    _this_months_meeting(cell, this_month, today)
    _three_months_of_dues(members, this_month)
    return "3 đảng viên có tài khoản (bithu.tdp1 / bithu-tdp1-2026, dangvien.mai / dangvien-mai-2026), 2 buổi sinh hoạt, 3 tháng đảng phí"
