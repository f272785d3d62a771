"""Party members in the site-wide search: name, card number and cell, for the roles that may
open the member register (``READ_ROLES``), within the organisations the user sees."""

from __future__ import annotations

from django.urls import reverse

from capuy.members.models import Member
from capuy.search.registry import Entry, SearchProvider, register_provider
from capuy.web.records import READ_ROLES


def member_entry(member: Member) -> Entry:
    cell = member.organisation.name
    return Entry(
        title=member.full_name,
        body=cell,
        organisation_id=member.organisation_id,
        date=member.admitted_on,
        type_name="Đảng viên",
        issuer=cell,
        url=reverse("members:detail", args=[member.pk]),
        meta=member.card_number,
    )


def register_search() -> None:
    register_provider(
        SearchProvider(
            kind="member",
            label="Đảng viên",
            model=Member,
            entry=member_entry,
            queryset=lambda: Member.objects.select_related("organisation"),
            roles=tuple(READ_ROLES),
            order=40,
        )
    )
