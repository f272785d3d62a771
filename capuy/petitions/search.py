"""Petitions in the site-wide search, for the roles that may open the petitions list."""

from __future__ import annotations

from django.urls import reverse

from capuy.petitions.models import Petition
from capuy.search.registry import Entry, SearchProvider, register_provider
from capuy.web.records import READ_ROLES


def petition_entry(petition: Petition) -> Entry:
    case = petition.case.title if petition.case_id else ""
    return Entry(
        title=petition.summary,
        body="\n".join(p for p in (case, petition.handled_by) if p),
        organisation_id=petition.organisation_id,
        date=petition.received_on,
        type_name=f"Đơn thư: {petition.get_kind_display()}",
        issuer=petition.sender,
        url=reverse("petitions:list"),
    )


def register_search() -> None:
    register_provider(
        SearchProvider(
            kind="petition",
            label="Đơn thư",
            model=Petition,
            entry=petition_entry,
            queryset=lambda: Petition.objects.select_related("case"),
            roles=tuple(READ_ROLES),
            order=50,
        )
    )
