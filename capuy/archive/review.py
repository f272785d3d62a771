"""Completing an item on the review page: the person's fields become the register row.

The item, its document and the series counter change in one transaction; the item row is
locked first so two people saving the same item cannot file it twice. Both rows are audited
(django-auditlog, registered in ``ArchiveConfig.ready``), so who fixed what stays visible.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from capuy.archive.filing import _bump_counter, finish_review
from capuy.archive.models import ImportItem
from capuy.documents.models import Direction, Document
from capuy.documents.numbering import format_symbol, term_for


def save_review(item: ImportItem, data: dict[str, Any], user: Any) -> Document:
    """File (or correct) ``item``'s document from the review form; ``ValidationError`` when
    the register refuses it (no term for the date, number already taken)."""
    with transaction.atomic():
        item = ImportItem.objects.select_for_update().get(pk=item.pk)
        document = item.document or Document(
            organisation=item.organisation,
            attachment=item.original.name if item.original else "",
            text=item.text,
            important=False,
            created_by=user,
        )
        document.direction = data["direction"]
        document.type_code = data["type_code"].strip().upper()
        document.issued_on = data["issued_on"]
        document.summary = data["summary"]
        document.signer_name = data.get("signer_name", "").strip()
        document.signer_title = data.get("signer_title", "").strip()
        document.signer_capacity = data.get("signer_capacity") or ""
        document.classification = data["classification"]
        if document.direction == Direction.OUTGOING:
            body = data["issuing_body"]
            document.issuing_body = body
            document.term = term_for(item.organisation, data["issued_on"])
            document.symbol_code = body.code
            document.number = data["number"]
            document.symbol = (data.get("symbol") or "").strip() or format_symbol(
                data["number"], document.type_code, body.code
            )
            document.sender = ""
        else:
            document.issuing_body = None
            document.term = None
            document.symbol_code = ""
            document.number = data.get("number")
            document.symbol = (data.get("symbol") or "").strip()
            document.sender = data["sender"].strip()
        try:
            with transaction.atomic():
                document.save()
                if document.direction == Direction.OUTGOING:
                    _bump_counter(document)
        except IntegrityError as error:
            raise ValidationError(
                {"number": "Số này đã có trong sổ văn bản đi của cơ quan, cùng nhiệm kỳ."}
            ) from error
        finish_review(item, document, user)
    return document
