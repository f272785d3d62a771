"""What a document's page shows of the citation graph, all through the user's scope:
"Văn bản này dẫn", "Được dẫn bởi", the two-step graph, and — for a Resolution, Directive or
Conclusion — every plan, programme and report that implements or reviews it, by committee."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Q

from capuy.citations.graph import citing_rows, graph_svg
from capuy.citations.models import DocumentCitation
from capuy.documents.models import Document
from capuy.documents.queries import visible_documents

DIRECTING_TYPES = {"NQ", "CT", "KL"}
CARRYING_OUT = {DocumentCitation.Relation.IMPLEMENTS, DocumentCitation.Relation.REVIEWS}
NEAREST = 3


def nearest_entries(row: DocumentCitation, visible: Any) -> list[Document]:
    """Register entries near an unresolved citation: same number and type under another date,
    or same date and type under another number."""
    condition = Q(symbol__iexact=row.symbol)
    if row.date is not None and row.type_code:
        condition |= Q(issued_on=row.date, type_code=row.type_code)
    return list(visible.filter(condition).order_by("-issued_on")[:NEAREST])


def citations_context(request: Any, document: Document) -> dict[str, Any]:
    visible = visible_documents(request.user)
    outgoing = []
    unresolved = []
    rows = DocumentCitation.objects.filter(source=document).select_related("target")
    allowed = set(
        visible.filter(pk__in=[r.target_id for r in rows if r.target_id]).values_list(
            "pk", flat=True
        )
    )
    for row in rows:
        target = row.target if row.target_id in allowed else None
        outgoing.append({"row": row, "target": target})
        if row.target_id is None:
            unresolved.append({"row": row, "nearest": nearest_entries(row, visible)})
    incoming = list(citing_rows(document, visible).order_by("-source__issued_on"))
    by_committee: dict[str, list[DocumentCitation]] = defaultdict(list)
    if document.type_code in DIRECTING_TYPES:
        for row in incoming:
            if row.relation in CARRYING_OUT:
                unit = row.source.organisation
                by_committee[unit.committee_name or unit.name].append(row)
    return {
        "document": document,
        "outgoing": outgoing,
        "incoming": incoming,
        "unresolved": unresolved,
        "implementers": sorted(by_committee.items()),
        "directing": document.type_code in DIRECTING_TYPES,
        "graph": graph_svg(document, visible) if outgoing or incoming else "",
    }
