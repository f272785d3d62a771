"""The register as the checker's "known documents" (``capuy.check.known_documents``): the
documents of a committee and of the units under it, and how far each numbering series has gone,
handed to the Django-free checker as plain data."""

from __future__ import annotations

import datetime as dt
import re

from capuy.check.known_documents import KnownDocument, RegisterDocuments, Series
from capuy.documents.models import Direction, Document, NumberCounter
from capuy.orgs.models import Organisation
from capuy.text import search_key

_PARTY_SYMBOL = re.compile(r"^(?P<number>\d+)-(?P<type>[^/\s]+)/(?P<issuer>\S+)$")
MAX_DOCUMENTS = 200_000


def _known(document: Document, where: str) -> KnownDocument | None:
    match = _PARTY_SYMBOL.match(document.symbol.replace(" ", ""))
    if match is None:
        return None
    return KnownDocument(
        symbol=match.group(0),
        number=int(match.group("number")),
        type_code=match.group("type"),
        issuer_code=match.group("issuer"),
        type_word=document.type_name,
        date=document.issued_on,
        title=document.summary[:200],
        where=where,
        body=document.issuing_body.name if document.issuing_body_id else document.sender,
    )


def _names(organisation: Organisation, own: bool) -> list[str]:
    """Folded names an author may write: "thi uy duc pho"; for the own committee also its
    level alone ("thi uy", from "Thị ủy Đức Phổ"), as drafts write "của Ban Thường vụ Thị ủy"."""
    committee = search_key(organisation.committee_name or "")
    names = [committee, search_key(organisation.name)]
    words = committee.split()
    if own and len(words) > 2:
        names.append(" ".join(words[:2]))
    return [n for n in names if n]


def register_documents(organisation: Organisation) -> list[RegisterDocuments]:
    """The committee's own register first, then those of the units under it."""
    units = [
        organisation,
        *Organisation.objects.filter(path__startswith=organisation.path).exclude(
            pk=organisation.pk
        ),
    ]
    found = []
    for unit in units:
        own = unit.pk == organisation.pk
        where = f"sổ văn bản của {unit.committee_name or unit.name}"
        outgoing = (
            Document.objects.filter(organisation=unit, direction=Direction.OUTGOING)
            .select_related("issuing_body")
            .only("symbol", "issued_on", "summary", "type_code", "issuing_body__name", "sender")
        )[:MAX_DOCUMENTS]
        documents = [k for d in outgoing if (k := _known(d, where)) is not None]
        series = [
            Series(
                c.type_code,
                c.symbol_code,
                c.term.start_date,
                c.term.end_date or dt.date(c.term.end_year, 12, 31),
                c.last_number,
            )
            for c in NumberCounter.objects.filter(organisation=unit).select_related("term")
        ]
        codes = {c.issuer_code for c in series} | {d.issuer_code for d in documents}
        if documents or series:
            found.append(
                RegisterDocuments(documents, series, where, codes, own=own, names=_names(unit, own))
            )
    return found
