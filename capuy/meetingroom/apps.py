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
        from capuy.accounts.scoped import register_scoped

        # the admin and the audit trail see a room's records as they see its meeting
        on_meeting = ("session__meeting__organisation", "session__meeting__classification")
        register_scoped(Session, "meeting__organisation", "meeting__classification")
        for model in (Invitee, Poll):
            register_scoped(model, *on_meeting)
        register_scoped(PackDocument, "session__meeting__organisation", "classification")
        register_scoped(
            DraftComment, "document__session__meeting__organisation", "document__classification"
        )
        register_scoped(
            Speaker,
            "invitee__session__meeting__organisation",
            "invitee__session__meeting__classification",
        )
        register_scoped(
            Entitlement,
            "poll__session__meeting__organisation",
            "poll__session__meeting__classification",
        )
        register_scoped(
            NamedVote,
            "poll__session__meeting__organisation",
            "poll__session__meeting__classification",
        )
        register_nav(NavItem("Phòng họp", "meetingroom:list", order=22))

        from capuy.meetingroom.demo import load_demo_room
        from capuy.web.demo import register_demo_step

        register_demo_step("meetingroom", load_demo_room, order=25, label="Phòng họp")
