"""Pages that change a registered document: correct it, recall it, record what replaces it.

Each finds the document through the scoped query (404 out of reach), then requires the clerk's
(văn thư) or administrator's role on the document's unit (403). Every change is saved under
``set_actor`` so the audit trail names who made it, with the reason in the entry.
"""

from __future__ import annotations

from typing import Any

from auditlog.context import set_actor
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from capuy.accounts.access import has_role, require_role
from capuy.documents.correction_forms import CorrectionForm, RecallForm, ReplaceForm
from capuy.documents.forms import REGISTERING_ROLES
from capuy.documents.models import Document, DocumentRelation
from capuy.documents.queries import get_visible_document


def _editable(request: HttpRequest, pk: int) -> Document:
    document = get_visible_document(request.user, pk)
    if not has_role(request.user, *REGISTERING_ROLES, organisation=document.organisation):
        raise PermissionDenied("Chỉ văn thư của cấp ủy giữ sổ được sửa, thu hồi văn bản.")
    return document


def can_correct(user: Any, document: Document) -> bool:
    return has_role(user, *REGISTERING_ROLES, organisation=document.organisation)


@require_http_methods(["GET", "POST"])
@require_role(*REGISTERING_ROLES)
def correct_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = _editable(request, pk)
    form = CorrectionForm(request.POST or None, instance=document, user=request.user)
    if request.method == "POST" and form.is_valid():
        if not form.has_changed() or form.changed_data == ["reason"]:
            form.add_error(None, "Chưa có trường nào thay đổi.")
        else:
            corrected = form.save(commit=False)
            corrected.change_reason = form.cleaned_data["reason"].strip()
            with set_actor(request.user), transaction.atomic():
                corrected.save()
            changed = [str(form.fields[n].label) for n in form.changed_data if n != "reason"]
            messages.success(request, "Đã sửa: " + ", ".join(changed).lower() + ".")
            return redirect("documents:detail", pk=document.pk)
    return render(request, "documents/correct.html", {"document": document, "form": form})


@require_POST
@require_role(*REGISTERING_ROLES)
def recall_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = _editable(request, pk)
    form = RecallForm(request.POST, document=document)
    if document.is_recalled:
        messages.warning(request, f"Văn bản đã được thu hồi ngày {document.recalled_on:%d/%m/%Y}.")
    elif form.is_valid():
        document.recalled_on = form.cleaned_data["recalled_on"]
        document.recall_reason = form.cleaned_data["reason"].strip()
        document.recalled_by = request.user
        document.change_reason = document.recall_reason
        with set_actor(request.user):
            document.save(update_fields=["recalled_on", "recall_reason", "recalled_by"])
        messages.success(
            request,
            f"Đã thu hồi văn bản {document.symbol} từ ngày {document.recalled_on:%d/%m/%Y}.",
        )
    else:  # the page again, the form with its errors and what was typed (not a redirect)
        from capuy.documents.views import detail_page

        messages.error(request, "Chưa thu hồi được: xem lỗi ở mục “Sửa, thu hồi, thay thế”.")
        return detail_page(request, document, status=400, recall_form=form)
    return redirect("documents:detail", pk=document.pk)


@require_POST
@require_role(*REGISTERING_ROLES)
def replace_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = _editable(request, pk)
    form = ReplaceForm(request.POST, user=request.user, document=document)
    if form.is_valid() and form.replacement is not None:
        with set_actor(request.user):
            DocumentRelation.objects.create(
                source=form.replacement, target=document, kind=DocumentRelation.Kind.REPLACES
            )
        messages.success(
            request,
            f"Đã ghi: văn bản {form.replacement.symbol} thay thế văn bản {document.symbol}.",
        )
    else:
        from capuy.documents.views import detail_page

        messages.error(request, "Chưa ghi được văn bản thay thế: xem lỗi bên dưới.")
        return detail_page(request, document, status=400, replace_form=form)
    return redirect("documents:detail", pk=document.pk)


def correction_context(request: HttpRequest, document: Document) -> dict[str, Any]:
    """What the document's page adds: the actions allowed and the change history."""
    from capuy.documents.history import changes_of

    allowed = can_correct(request.user, document)
    return {
        "can_correct": allowed,
        "recall_form": RecallForm(initial={"recalled_on": timezone.localdate()})
        if allowed
        else None,
        "replace_form": ReplaceForm(user=request.user, document=document) if allowed else None,
        "history": changes_of(document),
    }
