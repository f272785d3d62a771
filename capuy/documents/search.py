"""The register's records in the site-wide search: symbol, summary, signer, sender and the
text of the attached file (read at upload), scoped by the register's unit and classification."""

from __future__ import annotations

from django.urls import reverse

from capuy.documents.models import Document
from capuy.search.registry import Entry, SearchProvider, register_provider


def document_entry(document: Document) -> Entry:
    issuer = document.issuing_body.name if document.issuing_body_id else document.sender
    return Entry(
        title=document.summary,
        body=document.text,
        organisation_id=document.organisation_id,
        classification=document.classification,
        date=document.issued_on,
        symbol=document.symbol,
        type_code=document.type_code,
        type_name=document.type_name,
        issuer=issuer,
        url=reverse("documents:detail", args=[document.pk]),
        meta=" ".join(p for p in (document.signer_name, document.sender) if p),
    )


def register_search() -> None:
    register_provider(
        SearchProvider(
            kind="document",
            label="Văn bản",
            model=Document,
            entry=document_entry,
            queryset=lambda: Document.objects.select_related("issuing_body"),
            order=10,
        )
    )
