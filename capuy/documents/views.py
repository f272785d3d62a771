"""Pages of the register. Every query goes through ``capuy.documents.queries`` (scoped by
organisation and clearance), so a record out of the user's reach answers 404 by list or URL."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from capuy.accounts.access import require_role
from capuy.documents.corrections import correction_context
from capuy.documents.counters import bounded_count, visible_total
from capuy.documents.detail_sections import sections_for
from capuy.documents.forms import (
    REGISTERING_ROLES,
    FilterForm,
    IncomingForm,
    OutgoingForm,
    clerk_bodies,
)
from capuy.documents.models import DocumentRelation
from capuy.documents.numbering import peek_next_number, register_incoming, register_outgoing
from capuy.documents.queries import (
    get_visible_document,
    visible_documents,
    visible_relations,
    with_status,
)
from capuy.formtokens.api import TOKEN_FIELD, clean_token, done_with, new_token, remember
from capuy.text import search_key

PAGE_SIZE = 25
FILTERS = ("q", "huong", "the_loai", "to_chuc", "tu_ngay", "den_ngay")  # FilterForm's fields


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def filtered_documents(request: HttpRequest) -> tuple[FilterForm, Any, bool]:
    """(the filter form, the visible documents it keeps in list order, whether it filtered)."""
    form = FilterForm(request.GET or None, user=request.user)
    documents = visible_documents(request.user)
    filtered = False
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        for word in search_key(data.get("q") or "").split():
            documents = documents.filter(search_text__contains=word)
        if data.get("huong"):
            documents = documents.filter(direction=data["huong"])
        if data.get("the_loai"):
            documents = documents.filter(type_code=data["the_loai"])
        if data.get("to_chuc"):
            documents = documents.filter(organisation=data["to_chuc"])
        if data.get("tu_ngay"):
            documents = documents.filter(issued_on__gte=data["tu_ngay"])
        if data.get("den_ngay"):
            documents = documents.filter(issued_on__lte=data["den_ngay"])
        filtered = any(data.get(key) for key in FILTERS)
    return form, with_status(documents).order_by("-issued_on", "-number", "-pk"), filtered


class CountedPaginator(Paginator):
    """A paginator told its count (the tally's, or a bounded one) instead of running
    ``COUNT(*)`` over the visible register."""

    def __init__(self, object_list: Any, per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # the cached_property's slot


@require_GET
@require_role()
def document_list(request: HttpRequest) -> HttpResponse:
    form, documents, filtered = filtered_documents(request)
    more = False
    if filtered:
        count, more = bounded_count(documents)
    else:
        count = visible_total(request.user)
    page = CountedPaginator(documents, PAGE_SIZE, count).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    context = {
        "form": form,
        "page": page,
        "more": more,
        "query": query.urlencode(),
        "can_register": bool(clerk_bodies(request.user).exists()),
    }
    template = "documents/_results.html" if _is_htmx(request) else "documents/list.html"
    return render(request, template, context)


@require_GET
@require_role()
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return detail_page(request, get_visible_document(request.user, pk))


def detail_page(
    request: HttpRequest, document: Any, status: int = 200, **forms: Any
) -> HttpResponse:
    """The document's page; ``forms`` (a bound recall or replace form sent back with its
    errors) take the place of the empty ones, so what the clerk typed stays."""
    relations_out = list(visible_relations(request.user, "target").filter(source=document))
    relations_in = list(visible_relations(request.user, "source").filter(target=document))
    meetings = [item.meeting for item in document.agenda_items.select_related("meeting")]
    replaced_by = [r.source for r in relations_in if r.kind == "replaces"]
    return render(
        request,
        "documents/detail.html",
        {
            **correction_context(request, document),
            **forms,
            "replaced_by": replaced_by,
            "document": document,
            "relations_out": relations_out,
            "relations_in": relations_in,
            "co_issuers": document.co_issuers.all(),
            "meetings": meetings,
            "sections": sections_for(request, document),
        },
        status=status,
    )


@require_GET
@require_role()
def document_attachment(request: HttpRequest, pk: int) -> FileResponse:
    document = get_visible_document(request.user, pk)
    if not document.attachment:
        raise Http404("Văn bản không có tệp đính kèm.")
    filename = f"{re.sub(r'[^0-9A-Za-z-]+', '_', search_key(document.symbol or 'van-ban'))}"
    suffix = document.attachment.name.rsplit(".", 1)[-1].lower()
    return FileResponse(
        document.attachment.open("rb"), as_attachment=True, filename=f"{filename}.{suffix}"
    )


def _link(document: Any, form: Any) -> None:
    if getattr(form, "related_document", None) is not None:
        DocumentRelation.objects.create(
            source=document, target=form.related_document, kind=form.cleaned_data["relation_kind"]
        )


def _next_number_context(user: Any, data: Any) -> dict[str, Any]:
    """The number the form's body/type/date would take now (shown, not reserved)."""
    bodies = clerk_bodies(user)
    try:
        body = bodies.get(pk=int(data.get("issuing_body") or 0))
    except (ValueError, TypeError, bodies.model.DoesNotExist):
        body = bodies.first()
    type_code = data.get("type_code") or "CV"
    raw_date = data.get("issued_on") or ""
    try:
        on = dt.datetime.strptime(raw_date, "%d/%m/%Y").date() if raw_date else timezone.localdate()
    except ValueError:
        return {"next_error": "Ngày chưa đúng dạng dd/mm/yyyy."}
    if body is None:
        return {"next_error": "Bạn chưa được phân công văn thư ở cấp ủy nào."}
    try:
        number, symbol = peek_next_number(body, type_code, on)
    except ValidationError as error:
        return {"next_error": " ".join(error.messages)}
    return {"next_number": number, "next_symbol": symbol}


@require_GET
@require_role(*REGISTERING_ROLES)
def next_number(request: HttpRequest) -> HttpResponse:
    """HTMX fragment: the next number for the body, type and date chosen in the form."""
    return render(
        request, "documents/_next_number.html", _next_number_context(request.user, request.GET)
    )


@require_http_methods(["GET", "POST"])
@require_role(*REGISTERING_ROLES)
def register_outgoing_view(request: HttpRequest) -> HttpResponse:
    token = clean_token(request.POST.get(TOKEN_FIELD)) or new_token()
    if request.method == "POST" and (done := done_with(token, request.user)) is not None:
        return _already_registered(request, done)
    form = OutgoingForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                document = register_outgoing(
                    issuing_body=data["issuing_body"],
                    type_code=data["type_code"],
                    issued_on=data["issued_on"],
                    summary=data["summary"].strip(),
                    co_issuers=data["co_issuers"],
                    signer_capacity=data["signer_capacity"],
                    signer_title=data["signer_title"].strip(),
                    signer_name=data["signer_name"].strip(),
                    recipients=data["recipients"].strip(),
                    classification=data["classification"],
                    urgency=data["urgency"],
                    important=data["important"],
                    attachment=data.get("attachment") or "",
                    text=getattr(form, "attachment_text", ""),
                    created_by=request.user,
                )
                _link(document, form)
                remember(token, request.user, document)
        except ValidationError as error:
            _add_errors(form, error)
        except IntegrityError:  # the same form posted twice at once: the other one won
            if (done := done_with(token, request.user)) is None:
                raise
            return _already_registered(request, done)
        else:
            messages.success(
                request,
                f"Đã vào sổ và cấp số {document.symbol} ngày {document.issued_on:%d/%m/%Y}.",
            )
            return redirect("documents:detail", pk=document.pk)
    if request.method == "POST":
        source: Any = request.POST
    else:
        # what the empty form shows is what the preview numbers: this type, today
        form.initial["type_code"] = request.GET.get("the_loai") or "CV"
        form.initial["issued_on"] = timezone.localdate()
        source = {
            "issuing_body": form.initial.get("issuing_body"),
            "type_code": form.initial["type_code"],
            "issued_on": f"{form.initial['issued_on']:%d/%m/%Y}",
        }
    context = {"form": form, "form_token": token, **_next_number_context(request.user, source)}
    return render(request, "documents/register_outgoing.html", context)


@require_http_methods(["GET", "POST"])
@require_role(*REGISTERING_ROLES)
def register_incoming_view(request: HttpRequest) -> HttpResponse:
    token = clean_token(request.POST.get(TOKEN_FIELD)) or new_token()
    if request.method == "POST" and (done := done_with(token, request.user)) is not None:
        return _already_registered(request, done)
    form = IncomingForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                document = register_incoming(
                    organisation=data["organisation"],
                    sender=data["sender"].strip(),
                    symbol=data["symbol"],
                    type_code=data["type_code"],
                    issued_on=data["issued_on"],
                    received_on=data["received_on"],
                    summary=data["summary"].strip(),
                    classification=data["classification"],
                    urgency=data["urgency"],
                    attachment=data.get("attachment") or "",
                    text=getattr(form, "attachment_text", ""),
                    created_by=request.user,
                )
                _link(document, form)
                remember(token, request.user, document)
        except ValidationError as error:
            _add_errors(form, error)
        except IntegrityError:
            if (done := done_with(token, request.user)) is None:
                raise
            return _already_registered(request, done)
        else:
            messages.success(request, f"Đã vào sổ văn bản đến {document.symbol}.")
            return redirect("documents:detail", pk=document.pk)
    return render(request, "documents/register_incoming.html", {"form": form, "form_token": token})


def _already_registered(request: HttpRequest, document: Any) -> HttpResponse:
    """A retry of a form already done: say so, and show the document — no second number."""
    messages.warning(
        request,
        f"Văn bản này đã được vào sổ ở lần gửi trước (số {document.symbol}); "
        "lần gửi lại không vào sổ thêm, không cấp số mới.",
    )
    return redirect("documents:detail", pk=document.pk)


def _add_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
