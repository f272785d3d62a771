"""Finding the citations of a document and the register entries they name.

A citation names a register entry when the symbol is the same (case, spaces and diacritics
aside: ``symbol_key``) and, if a date is written, the dates agree. When several entries carry
the symbol (a Central resolution registered as incoming in the town and in each ward), the one
in the citing document's own register wins, then one above it, then the oldest entry.
Everything is rewritten when the document is saved, and entries saved later pick up the
citations that were waiting for them (``adopt_waiting``), so the graph follows the register.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from capuy.citations.models import DocumentCitation
from capuy.documents.models import Document
from capuy.extract.citations import find_citations
from capuy.search.query import symbol_key
from capuy.vocab.citation_relations import relation_before

CLAUSE_WINDOW = 120


def _clause_before(text: str, start: int, previous_end: int) -> str:
    """The words before a citation back to the previous citation or the sentence start."""
    begin = max(previous_end, start - CLAUSE_WINDOW)
    clause = text[begin:start]
    for stop in (". ", ".\n", "; ", "\n"):
        at = clause.rfind(stop)
        if at >= 0:
            clause = clause[at + len(stop) :]
    return clause


def citations_of(document: Document) -> list[DocumentCitation]:
    """Unsaved rows for every citation in the summary and the text (its own symbol left out)."""
    own = symbol_key(document.symbol) if document.symbol else ""
    rows: list[DocumentCitation] = []
    seen: set[tuple[str, Any]] = set()
    for text in (document.summary, document.text):
        if not text:
            continue
        previous_end = 0
        for citation in find_citations(text):
            key = symbol_key(citation.symbol)
            start = citation.start or text.find(citation.symbol)
            clause = _clause_before(text, start, previous_end)
            previous_end = citation.end or start + len(citation.symbol)
            if key == own or (key, citation.date) in seen:
                continue
            seen.add((key, citation.date))
            rows.append(
                DocumentCitation(
                    source=document,
                    symbol=citation.symbol[:80],
                    symbol_key=key[:80],
                    number=int(citation.number) if citation.number.isdigit() else None,
                    type_code=citation.type_code[:8],
                    issuer_code=citation.issuer_code[:30],
                    type_word=citation.type_word[:60],
                    date=citation.date,
                    relation=relation_before((clause + " " + citation.type_word).strip()),
                    excerpt=(clause[-120:] + (citation.text or citation.symbol))[:300],
                )
            )
    return rows


def resolve_target(row: DocumentCitation, source: Document) -> Document | None:
    candidates = Document.objects.filter(symbol__iexact=row.symbol) if row.symbol else None
    if candidates is None:
        return None
    found = [d for d in candidates.select_related("organisation") if d.pk != source.pk]
    found = [d for d in found if symbol_key(d.symbol) == row.symbol_key]
    if row.date is not None:
        found = [d for d in found if d.issued_on == row.date]
    if not found:
        return None
    path = source.organisation.path

    def preference(d: Document) -> tuple[int, int]:
        if d.organisation_id == source.organisation_id:
            return (0, d.pk)
        if path.startswith(d.organisation.path):
            return (1, d.pk)
        return (2, d.pk)

    return min(found, key=preference)


def index_citations(document: Document) -> int:
    """Rewrite the document's citations; returns how many were found."""
    rows = citations_of(document)
    for row in rows:
        row.target = resolve_target(row, document)
    with transaction.atomic():
        DocumentCitation.objects.filter(source=document).delete()
        DocumentCitation.objects.bulk_create(rows)
        adopt_waiting(document)
    return len(rows)


def adopt_waiting(document: Document) -> None:
    """Citations elsewhere that name this new entry and found nothing before now point to it."""
    if not document.symbol:
        return
    key = symbol_key(document.symbol)
    waiting = DocumentCitation.objects.filter(target__isnull=True, symbol_key=key).exclude(
        source=document
    )
    waiting.filter(date__isnull=True).update(target=document)
    waiting.filter(date=document.issued_on).update(target=document)


def on_document_saved(sender: Any, instance: Document, raw: bool = False, **_: Any) -> None:
    if not raw:
        index_citations(instance)


def rebuild_citations(progress: Any = None, batch: int = 500) -> dict[str, int]:
    """Find and resolve the citations of every document again (after a bulk import)."""
    total = Document.objects.count()
    done = 0
    DocumentCitation.objects.all().delete()
    ids = list(Document.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        chunk = Document.objects.filter(pk__in=ids[start : start + batch]).select_related(
            "organisation"
        )
        rows: list[DocumentCitation] = []
        for document in chunk:
            for row in citations_of(document):
                row.target = resolve_target(row, document)
                rows.append(row)
        with transaction.atomic():
            DocumentCitation.objects.bulk_create(rows)
        done += len(ids[start : start + batch])
        if progress:
            progress("Dẫn chiếu", done, total)
    return resolution_stats()


def resolution_stats() -> dict[str, int]:
    """How many citations there are and how many name a register entry."""
    rows = DocumentCitation.objects.all()
    return {"citations": rows.count(), "resolved": rows.filter(target__isnull=False).count()}
