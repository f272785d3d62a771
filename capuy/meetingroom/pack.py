"""Putting a document into the meeting's pack: from the document register (its text and its
classification come with it) or typed by the office, attached to an agenda item (the
personnel files go under the personnel item). Only up to the office user's own clearance,
never once the meeting is closed; audited and announced to the live pages."""

from __future__ import annotations

from typing import Any

from auditlog.context import set_actor
from django.db.models import Max

from capuy.accounts.access import clearance_of
from capuy.accounts.levels import Classification
from capuy.errors import InputError
from capuy.meetingroom import live
from capuy.meetingroom.models import PackDocument, Session
from capuy.text.normalize import nfc

MAX_BODY = 200_000


def register_title(document: Any) -> str:
    """ "Báo cáo số 708-BC/TU ngày 26/02/2024: trích yếu" for a register document."""
    kind = document.get_type_code_display() if document.type_code else "Văn bản"
    number = f" số {document.symbol}" if document.symbol else ""
    return f"{kind}{number} ngày {document.issued_on:%d/%m/%Y}: {document.summary}"[:300]


def add_to_pack(
    session: Session,
    user: Any,
    *,
    register_pk: int | None = None,
    title: str = "",
    body: str = "",
    classification: int = 0,
    item_pk: int | None = None,
    is_draft: bool = False,
) -> PackDocument:
    from capuy.documents.queries import visible_documents

    if session.state == Session.State.CLOSED:
        raise InputError("Hội nghị đã kết thúc, không bổ sung tài liệu.", "room closed")
    source = None
    if register_pk:
        source = visible_documents(user).filter(pk=register_pk).first()
        if source is None:
            raise InputError("Không tìm thấy văn bản trong sổ.", "register document not found")
        title = title or register_title(source)
        body = source.text or source.summary
        classification = source.classification
    title, body = nfc(title).strip()[:300], nfc(body).strip()
    if not title or not body:
        raise InputError("Cần tên tài liệu và nội dung.", "title and body required")
    if len(body) > MAX_BODY:
        raise InputError("Nội dung quá dài (tối đa 200.000 ký tự).", "body too long")
    if classification not in Classification.values:
        raise InputError("Độ mật không hợp lệ.", "bad classification")
    if classification > clearance_of(user):
        raise InputError("Tài liệu vượt quá độ mật đồng chí được tiếp cận.", "above clearance")
    item = None
    if item_pk:
        item = session.meeting.agenda_items.filter(pk=item_pk).first()
        if item is None:
            raise InputError("Không có nội dung này trong chương trình.", "unknown agenda item")
    last = session.pack.aggregate(m=Max("position"))["m"] or 0
    with set_actor(user):
        document = PackDocument.objects.create(
            session=session,
            agenda_item=item,
            title=title,
            body=body,
            classification=classification,
            is_draft=is_draft,
            position=last + 1,
            source=source,
        )
    live.bump(session.pk)
    return document
