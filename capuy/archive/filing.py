"""Filing one read file: duplicates, direction, the journal row and the register row.

Everything a file changes in the database happens in ONE transaction (``file_result``): its
``ImportItem``, its ``Document`` and the series counter. The original is stored first, under a
name made from its content hash and written to a temporary name then renamed, so a crash
before the commit leaves at most a complete file that the next run reuses under the same name —
never a half-written file, never a row pointing at nothing.

Direction (issue 12): outgoing when the issuer is the importing committee or one of its bodies
(``capuy.archive.issuer``: the header's issuing body, its superior, the symbol's issuer code and
the signature), incoming otherwise. An outgoing document keeps the number it was issued with, and the series
counter is moved up to it, so the clerk's next number never collides with an imported one.

Duplicates: the same content (SHA-256) already in this organisation's archive, or a document
with the same symbol, issuer and date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from capuy.archive.issuer import is_own_issuer, issuing_body_for, meta_date
from capuy.archive.known_issuer import is_known_issuer
from capuy.archive.models import ImportItem, ImportRun
from capuy.archive.problems import BLOCKING, FLAGGED, PROBLEMS, problems_of
from capuy.documents.models import Direction, Document, NumberCounter
from capuy.orgs.models import Organisation
from capuy.text import search_key


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def store_original(organisation: Organisation, path: Path, sha256: str) -> str:
    """Store ``path`` as ``luu-tru/<org>/<ab>/<sha256><ext>``; reuse a complete earlier copy.

    ``default_storage.save`` writes under the final name, so a copy left by a killed run is
    checked by its hash and replaced when incomplete.
    """
    name = f"luu-tru/{organisation.pk}/{sha256[:2]}/{sha256}{path.suffix.lower()[:10]}"
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as handle:
            digest = hashlib.sha256()
            while chunk := handle.read(1024 * 1024):
                digest.update(chunk)
        if digest.hexdigest() == sha256:
            return name
        default_storage.delete(name)
    with open(path, "rb") as handle:
        saved = default_storage.save(name, File(handle))
    return saved


def _term(organisation: Organisation, on: dt.date) -> Any:
    from capuy.documents.numbering import term_for

    try:
        return term_for(organisation, on)
    except ValidationError:
        return None


def find_duplicate(
    organisation: Organisation, sha256: str, meta: dict[str, Any] | None
) -> tuple[ImportItem | None, Document | None]:
    """An earlier item with the same content, or a register document with the same symbol,
    issuer and date (a rescan or a re-saved copy of a document already filed)."""
    earlier = (
        ImportItem.objects.filter(
            organisation=organisation,
            sha256=sha256,
            status__in=[ImportItem.Status.IMPORTED, ImportItem.Status.REVIEW],
        )
        .order_by("pk")
        .first()
    )
    if earlier is not None:
        return earlier, earlier.document
    if not meta or not meta.get("symbol") or meta_date(meta) is None:
        return None, None
    issuer = search_key(meta.get("issuer", ""))
    same = Document.objects.filter(
        organisation=organisation, symbol=meta["symbol"], issued_on=meta_date(meta)
    ).select_related("issuing_body")
    for document in same:
        if document.direction == Direction.OUTGOING or not issuer or not document.sender:
            return None, document  # an outgoing symbol already names its body
        if search_key(document.sender) == issuer:
            return None, document
    pending = ImportItem.objects.filter(
        organisation=organisation,
        status=ImportItem.Status.REVIEW,
        metadata__symbol=meta["symbol"],
        metadata__date=meta["date"],
    ).first()
    if pending is not None and search_key(pending.metadata.get("issuer", "")) == issuer:
        return pending, None
    return None, None


def _bump_counter(document: Document) -> None:
    key = {
        "organisation_id": document.organisation_id,
        "symbol_code": document.symbol_code,
        "type_code": document.type_code,
        "term": document.term,
    }
    counter = NumberCounter.objects.select_for_update().filter(**key).first()
    if counter is None:
        NumberCounter.objects.create(**key, last_number=document.number or 0)
    elif (document.number or 0) > counter.last_number:
        counter.last_number = document.number or 0
        counter.save(update_fields=["last_number"])


def build_document(
    organisation: Organisation,
    meta: dict[str, Any],
    text: str,
    original: str,
    user: Any,
) -> tuple[Document | None, list[str]]:
    """An unsaved ``Document`` from ``meta``, or None with the blocking problems."""
    problems = [p for p in problems_of(meta, None) if p in BLOCKING]
    on = meta_date(meta)
    own = is_own_issuer(organisation, meta)
    body = issuing_body_for(organisation, meta) if own else None
    if own and body is None:
        problems.append("no-body")
    fields: dict[str, Any] = {
        "organisation": organisation,
        "type_code": (meta.get("type_code") or "")[:8],
        "symbol": (meta.get("symbol") or "")[:80],
        "issued_on": on,
        "summary": meta.get("summary") or "",
        "signer_name": (meta.get("signer_name") or "")[:120],
        "signer_title": (meta.get("signer_title") or "")[:120],
        "signer_capacity": capacity_code(meta.get("signer_capacity") or ""),
        "recipients": "\n".join(meta.get("recipients") or []),
        "classification": int(meta.get("classification") or 0),
        "urgency": meta.get("urgency") or "",
        "important": False,
        "attachment": original,
        "text": text,
        "created_by": user,
    }
    if body is not None:
        term = _term(organisation, on) if on else None
        if on is not None and term is None:
            problems.append("no-term")
        number = meta.get("number") or ""
        fields.update(
            direction=Direction.OUTGOING,
            issuing_body=body,
            term=term,
            symbol_code=body.code,
            number=int(number) if number.isdigit() else None,
        )
    else:
        fields.update(direction=Direction.INCOMING, sender=(meta.get("issuer") or "")[:300])
    if problems:
        return None, problems
    return Document(**fields), []


_CAPACITY_HEADS = {
    **{code: code for code in ("T/M", "K/T", "T/L", "TUQ")},
    **{"TM": "T/M", "KT": "K/T", "TL": "T/L"},
}


def capacity_code(capacity: str) -> str:
    """The register's code of a capacity line ("T/M BAN THƯỜNG VỤ" → T/M), also written with a
    full stop ("TUQ. BAN THƯỜNG VỤ", "KT. BÍ THƯ"): once no code, filed as signed directly."""
    head = capacity.strip().upper().split(" ")[0].rstrip(".") if capacity.strip() else ""
    return _CAPACITY_HEADS.get(head, "")


def _save(item: ImportItem) -> ImportItem:
    with transaction.atomic():
        item.save()
    return item


def _saved_with_its_number(document: Document) -> bool:
    """Save the document and, for an outgoing one, move its series' counter past its number —
    together, in a savepoint: False (nothing saved) when the number was taken meanwhile."""
    try:
        with transaction.atomic():
            document.save()
            if document.direction == Direction.OUTGOING:
                _bump_counter(document)
    except IntegrityError:
        return False
    return True


def _file_document(
    item: ImportItem, document: Document | None, problems: list[str], blocking: list[str]
) -> None:
    """Save the document (with its series' counter) and the journal row together: the item
    imported, or left for review with its problems (a number taken meanwhile is one)."""
    with transaction.atomic():
        if document is not None and not _saved_with_its_number(document):
            document = None
            blocking = ["number-taken"]
        item.problems = sorted(set(problems) | set(blocking))
        item.document = document
        item.status = ImportItem.Status.IMPORTED if document else ImportItem.Status.REVIEW
        item.reason = "; ".join(PROBLEMS[p] for p in item.problems)[:500]
        item.save()


def failure_reason(result: dict[str, Any], path: Path, relpath: str) -> str:
    """Why a file was not read, in Vietnamese and English, for the report that prints it beside
    the file's name: a reader's message ending with the file ("Tệp PDF hỏng: /tmp/…/hỏng.pdf")
    ends before it — it read "Khác/hỏng.pdf: Tệp PDF hỏng: Khác/hỏng.pdf / corrupt PDF:
    Khác/hỏng.pdf" — and a path inside a message is the file's path in the archive."""
    parts = []
    for text in (result.get("vi", ""), result.get("en", "")):
        text = re.sub(rf"\s*:\s*{re.escape(str(path))}\s*$", "", text)
        parts.append(text.replace(str(path), relpath))
    return " / ".join(parts)


def file_result(
    run: ImportRun,
    relpath: str,
    path: Path,
    sha256: str,
    size: int,
    result: dict[str, Any],
) -> ImportItem:
    """Record what happened to one file, and file its document when it can be filed: a
    failure, a duplicate, or the document (its original stored first) with its journal row."""
    organisation = run.organisation
    base = {
        "run": run,
        "organisation": organisation,
        "path": relpath[:1000],
        "sha256": sha256,
        "size": size,
    }
    if not result.get("ok"):
        reason = failure_reason(result, path, relpath)
        return _save(ImportItem(**base, status=ImportItem.Status.FAILED, reason=reason[:500]))
    meta = result["meta"]
    confidence = result.get("confidence")
    earlier, existing = find_duplicate(organisation, sha256, meta)
    if earlier is not None or existing is not None:
        what = existing.symbol if existing is not None else (earlier.path if earlier else "")
        return _save(
            ImportItem(
                **base,
                status=ImportItem.Status.DUPLICATE,
                reason=f"trùng với {what}"[:500],
                duplicate_of=earlier,
                document=existing,
                metadata=meta,
                classification=int(meta.get("classification") or 0),
            )
        )
    original = store_original(organisation, path, sha256)
    problems = problems_of(meta, confidence)
    if confidence is not None and not is_known_issuer(organisation, meta):
        problems.append("unknown-issuer")  # a scan's garbled issuer, however sure Tesseract was
    item = ImportItem(
        **base,
        metadata=meta,
        text=result.get("text", ""),
        original=original,
        reader_format=(result.get("format") or "")[:20],
        ocr_confidence=confidence,
        low_confidence=bool(FLAGGED & set(problems)),
        classification=int(meta.get("classification") or 0),
    )
    document, blocking = build_document(organisation, meta, item.text, original, run.started_by)
    _file_document(item, document, problems, blocking)
    return item


def record_skipped(run: ImportRun, relpath: str, sha256: str, size: int, why: str) -> ImportItem:
    item = ImportItem(
        run=run,
        organisation=run.organisation,
        path=relpath[:1000],
        sha256=sha256,
        size=size,
        status=ImportItem.Status.SKIPPED,
        reason=why[:500],
    )
    with transaction.atomic():
        item.save()
    return item


def finish_review(item: ImportItem, document: Document, user: Any) -> None:
    """Mark ``item`` reviewed and filed (the review page calls it inside its transaction)."""
    item.document = document
    item.status = ImportItem.Status.IMPORTED
    item.problems = []
    item.reason = ""
    item.low_confidence = False
    item.classification = document.classification
    item.reviewed_by = user
    item.reviewed_at = timezone.now()
    item.save()


def record_duplicate(
    run: ImportRun, relpath: str, sha256: str, size: int, earlier: ImportItem
) -> ImportItem:
    """A file whose content is already in the archive: recorded, not read again."""
    item = ImportItem(
        run=run,
        organisation=run.organisation,
        path=relpath[:1000],
        sha256=sha256,
        size=size,
        status=ImportItem.Status.DUPLICATE,
        reason=f"cùng nội dung với {earlier.path}"[:500],
        duplicate_of=earlier,
        document=earlier.document,
        metadata=earlier.metadata,
        classification=earlier.classification,
    )
    with transaction.atomic():
        item.save()
    return item


RETRYABLE = frozenset({"no-term", "no-body", "number-taken"})
"""Blocking problems that come from the register, not from the file: declaring an old committee
term (or a body) and importing again files the item without reading it again."""


def retry_review(item: ImportItem, user: Any) -> bool:
    """File a REVIEW item again from its stored metadata; True when it is filed now."""
    if not item.problems or not (set(item.problems) & BLOCKING) <= RETRYABLE:
        return False
    document, blocking = build_document(
        item.organisation, item.metadata, item.text, item.original.name, user
    )
    if document is None:
        return False
    with transaction.atomic():
        if not _saved_with_its_number(document):
            return False
        item.document = document
        item.status = ImportItem.Status.IMPORTED
        item.problems = [p for p in item.problems if p not in BLOCKING]
        item.reason = "; ".join(PROBLEMS[p] for p in item.problems)[:500]
        item.save()
    return True
