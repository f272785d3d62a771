"""App config: the audit trail of the room (never of who voted or of ballots), menu, URLs."""

from __future__ import annotations

from django.apps import AppConfig


class MeetingRoomConfig(AppConfig):
    name = "capuy.meetingroom"
    label = "meetingroom"
    verbose_name = "Phòng họp không giấy"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from capuy.meetingroom.models import (
            DraftComment,
            Entitlement,
            Invitee,
            NamedVote,
            PackDocument,
            Poll,
            Session,
            Speaker,
        )
        from capuy.web.home import NavItem, register_nav

        auditlog.register(Session, exclude_fields=["version"])
        auditlog.register(Invitee, exclude_fields=["opened_at"])
        auditlog.register(PackDocument)
        auditlog.register(DraftComment)
        auditlog.register(Speaker)
        # the poll's opening, closing and corrections; Voter and Ballot are deliberately absent
        auditlog.register(Poll)
        auditlog.register(Entitlement)  # the frozen electorate (written in bulk at opening)
        auditlog.register(NamedVote)  # an open vote is public by nature
        register_nav(NavItem("Phòng họp", "meetingroom:list", order=22))

        from capuy.meetingroom.demo import load_demo_room
        from capuy.web.demo import register_demo_step

        register_demo_step("meetingroom", load_demo_room, order=25)
