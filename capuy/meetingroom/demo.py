"""Demo room: Hội nghị Thị ủy lần thứ 18 (khóa XXI), the conference of seed 002, with five
committee members who can log in (``uyvien1.ducpho`` … ``uyvien5.ducpho``, password
``uyvien-ducpho-2024``), the town's leader as chair, a draft conclusion for comments and a
Mật personnel file. Illustrative names; the meeting's date and title are seed 002's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User

from capuy.accounts.levels import Classification
from capuy.accounts.models import Profile
from capuy.web.demo import DemoContext

PASSWORD = "uyvien-ducpho-2024"
NAMES = [
    ("Phạm Văn", "Hùng"),
    ("Nguyễn Thị", "Mai"),
    ("Lê Quốc", "Bảo"),
    ("Huỳnh Minh", "Tâm"),
    ("Võ Thị", "Hạnh"),
]


AGENDA = [
    "Tình hình thực hiện nhiệm vụ 9 tháng đầu năm; nhiệm vụ, giải pháp 3 tháng cuối năm 2024",
    "Công tác cán bộ",
]
DRAFT_CONCLUSION = (
    "I- TÌNH HÌNH THỰC HIỆN NHIỆM VỤ 9 THÁNG ĐẦU NĂM 2024\n"
    "Trong 9 tháng đầu năm 2024, các cấp ủy đảng, chính quyền và hệ thống chính trị "
    "của thị xã đã đoàn kết, thống nhất, tập trung lãnh đạo, chỉ đạo thực hiện nhiệm vụ.\n"
    "II- NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU TRONG 3 THÁNG CUỐI NĂM 2024\n"
    "1. Công tác xây dựng Đảng, xây dựng hệ thống chính trị…\n"
    "2. Về phát triển kinh tế - xã hội…"
)


def _committee_members() -> list[User]:
    """The five committee members who log in (the first two cleared for Mật)."""
    members = []
    for n, (family, given) in enumerate(NAMES, 1):
        user, created = User.objects.get_or_create(
            username=f"uyvien{n}.ducpho", defaults={"last_name": family, "first_name": given}
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
            Profile.objects.create(
                user=user, clearance=Classification.SECRET if n <= 2 else Classification.NORMAL
            )
        members.append(user)
    return members


def _add_pack(session: Any, agenda: list[Any]) -> None:
    """The draft conclusion for comments, and a Mật personnel file."""
    from capuy.meetingroom.models import PackDocument

    PackDocument.objects.create(
        session=session,
        agenda_item=agenda[0],
        title="Dự thảo Kết luận của Hội nghị Thị ủy lần thứ 18 (khóa XXI)",
        body=DRAFT_CONCLUSION,
        is_draft=True,
    )
    PackDocument.objects.create(
        session=session,
        agenda_item=agenda[1],
        title="Hồ sơ nhân sự (minh họa)",
        body="Tóm tắt quá trình công tác của nhân sự được giới thiệu (minh họa).",
        classification=Classification.SECRET,
        position=2,
    )


def load_demo_room(ctx: DemoContext) -> str:
    """The meeting, its agenda, the members, the room, its pack — in dependency order."""
    from capuy.meetingroom import room as rooms
    from capuy.meetingroom.models import Session
    from capuy.meetings.models import AgendaItem, Meeting

    if Session.objects.exists():
        return "đã có sẵn"
    town = ctx.town
    meeting = Meeting.objects.create(
        organisation=town,
        body=ctx.body(town, "bch"),
        term=ctx.terms.get(town.pk),
        ordinal=18,
        title="Hội nghị Thị ủy",
        held_on=dt.date(2024, 10, 11),
        place="Hội trường Thị ủy Đức Phổ",
    )
    agenda = [
        AgendaItem.objects.create(meeting=meeting, position=i, title=t)
        for i, t in enumerate(AGENDA, 1)
    ]
    members = _committee_members()
    chair = ctx.users.get("lanhdao.ducpho") or User.objects.get(username="lanhdao.ducpho")
    clerk = ctx.users.get("vanthu.ducpho") or User.objects.get(username="vanthu.ducpho")
    session = rooms.create_room(
        meeting, members_total=6, invitees=[chair, *members], chair=chair, secretary=clerk
    )
    _add_pack(session, agenda)
    return f"01 phòng họp, {len(members)} ủy viên đăng nhập được (mật khẩu {PASSWORD})"
