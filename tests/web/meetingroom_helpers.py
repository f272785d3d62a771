"""Building a meeting room for the tests: a Thị ủy conference with its members as users."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User

from capuy.accounts.levels import Classification, Role
from capuy.accounts.models import Profile
from capuy.meetingroom import room as rooms
from capuy.meetingroom.models import Invitee, Session
from capuy.meetings.models import AgendaItem, Meeting
from capuy.orgs.models import Body
from tests.web.conftest import PASSWORD, make_user

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"]
GIVEN = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thị Hoa", "Đức Khánh", "Thanh Long"]


def members(count: int, prefix: str = "uyvien", clearance: int = 0) -> list[User]:
    """``count`` committee members with accounts (no office role: they only take part)."""
    users = []
    for i in range(count):
        user = User.objects.create_user(
            username=f"{prefix}{i + 1:03d}",
            password=PASSWORD,
            last_name=f"{FAMILY[i % len(FAMILY)]} {GIVEN[i % len(GIVEN)].split()[0]}",
            first_name=GIVEN[i % len(GIVEN)].split()[-1],
        )
        Profile.objects.create(user=user, clearance=clearance)
        users.append(user)
    return users


def build_room(tree: Any, count: int = 9, *, members_total: int | None = None) -> dict[str, Any]:
    """A Hội nghị Ban Chấp hành of the town with ``count`` members invited, a chair (a
    leader, also a member) and a clerk as secretary; three agenda items."""
    bch = Body.objects.get_or_create(
        organisation=tree.town, kind="bch", defaults={"name": "Ban Chấp hành Đảng bộ thị xã"}
    )[0]
    meeting = Meeting.objects.create(
        organisation=tree.town,
        body=bch,
        title="Hội nghị Thị ủy",
        ordinal=18,
        held_on=dt.date(2024, 10, 8),
        place="Hội trường Thị ủy",
    )
    items = [
        AgendaItem.objects.create(meeting=meeting, position=i, title=t)
        for i, t in enumerate(
            [
                "Tình hình thực hiện nhiệm vụ 9 tháng đầu năm 2024",
                "Nhiệm vụ, giải pháp 3 tháng cuối năm 2024",
                "Công tác cán bộ",
            ],
            1,
        )
    ]
    chair = make_user(
        "bithu.ducpho",
        tree.town,
        Role.LEADER,
        clearance=Classification.SECRET,
        last_name="Nguyễn Văn",
        first_name="Chủ",
    )
    clerk = make_user(
        "thuky.ducpho",
        tree.town,
        Role.CLERK,
        clearance=Classification.SECRET,
        last_name="Trần Thị",
        first_name="Thư",
    )
    people = [chair, *members(count - 1)]
    session = rooms.create_room(
        meeting,
        members_total=members_total or count,
        invitees=people,
        chair=chair,
        secretary=clerk,
    )
    return {
        "session": session,
        "meeting": meeting,
        "items": items,
        "chair": chair,
        "clerk": clerk,
        "people": people,
    }


def all_present(session: Session) -> None:
    for invitee in session.invitees.all():
        rooms.set_attendance(invitee, Invitee.Attendance.HALL)
