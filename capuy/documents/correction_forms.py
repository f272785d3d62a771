"""Forms that change a document already in the register: correct its fields (with the reason,
kept in the audit trail), recall it (thu hồi), name the document that replaces it (thay thế).

The numbering fields (number, symbol, type, issuing body, term) of an outgoing document are
not corrected here: they are the register's own and a wrong one is recalled and reissued.
"""

from __future__ import annotations

from typing import Any

from django import forms

from capuy.documents.forms import classification_choices, date_field
from capuy.documents.models import (
    Direction,
    Document,
    DocumentRelation,
    SignerCapacity,
    Urgency,
)
from capuy.documents.numbering import term_for
from capuy.documents.queries import visible_documents

OUTGOING_FIELDS = [
    "summary", "issued_on", "signer_capacity", "signer_title", "signer_name", "recipients",
    "classification", "urgency", "important",
]  # fmt: skip
INCOMING_FIELDS = [
    "summary", "sender", "symbol", "issued_on", "received_on", "classification", "urgency",
]  # fmt: skip


class CorrectionForm(forms.ModelForm):
    """The correctable fields of one document, and why it is corrected (required)."""

    reason = forms.CharField(
        label="Lý do sửa",
        max_length=500,
        widget=forms.TextInput(attrs={"placeholder": "ví dụ: sai chính tả trong trích yếu"}),
        help_text="Ghi vào lịch sử sửa đổi cùng người sửa, giá trị trước và sau.",
    )

    class Meta:
        model = Document
        fields = OUTGOING_FIELDS + ["sender", "symbol", "received_on"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "recipients": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep = INCOMING_FIELDS if self.instance.direction == Direction.INCOMING else OUTGOING_FIELDS
        for name in list(self.fields):
            if name not in keep and name != "reason":
                del self.fields[name]
        self.fields["issued_on"] = date_field("Ngày ban hành", issued=True)
        if "received_on" in self.fields:
            self.fields["received_on"] = date_field("Ngày đến", issued=True)
            self.fields["sender"].required = True
        classification = forms.TypedChoiceField(label="Độ mật", coerce=int, choices=())
        classification.choices = classification_choices(user)
        self.fields["classification"] = classification
        if "signer_capacity" in self.fields:
            self.fields["signer_capacity"].choices = SignerCapacity.choices
        self.fields["urgency"] = forms.ChoiceField(
            label="Độ khẩn", required=False, choices=Urgency.choices
        )

    def clean_symbol(self) -> str:
        return str(self.cleaned_data.get("symbol") or "").replace(" ", "")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        document = self.instance
        issued = cleaned.get("issued_on")
        if document.direction == Direction.OUTGOING and issued and document.term_id:
            try:
                term = term_for(document.organisation, issued)
            except forms.ValidationError:
                term = None
            if term is None or term.pk != document.term_id:
                self.add_error(
                    "issued_on",
                    "Ngày mới thuộc nhiệm kỳ khác với số đã cấp: thu hồi văn bản và vào sổ lại.",
                )
        received = cleaned.get("received_on")
        if issued and received and received < issued:
            self.add_error("received_on", "Ngày đến không thể trước ngày văn bản.")
        return cleaned


class RecallForm(forms.Form):
    recalled_on = date_field("Ngày thu hồi")
    reason = forms.CharField(
        label="Lý do thu hồi", max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, document: Document | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.document = document

    def clean_recalled_on(self) -> Any:
        """A document cannot be recalled before the day it was issued."""
        day = self.cleaned_data["recalled_on"]
        issued = self.document.issued_on if self.document is not None else None
        if day and issued and day < issued:
            raise forms.ValidationError(
                f"Ngày thu hồi {day:%d/%m/%Y} trước ngày ban hành văn bản ({issued:%d/%m/%Y})."
            )
        return day


class ReplaceForm(forms.Form):
    """The document (already registered) that replaces this one, by its number and symbol."""

    symbol = forms.CharField(
        label="Số, ký hiệu văn bản thay thế",
        max_length=80,
        widget=forms.TextInput(attrs={"placeholder": "ví dụ 09-QĐ/TU"}),
    )

    def __init__(self, *args: Any, user: Any, document: Document, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user, self.document = user, document
        self.replacement: Document | None = None

    def clean_symbol(self) -> str:
        symbol = str(self.cleaned_data["symbol"]).replace(" ", "")
        found = (
            visible_documents(self.user)
            .filter(symbol=symbol, organisation=self.document.organisation)
            .exclude(pk=self.document.pk)
            .order_by("-issued_on")
            .first()
        )
        if found is None:
            raise forms.ValidationError(
                f"Không tìm thấy văn bản {symbol} khác trong sổ của cấp ủy này."
            )
        if (
            found.issued_on
            and self.document.issued_on
            and found.issued_on < self.document.issued_on
        ):
            raise forms.ValidationError(
                f"{symbol} ban hành ngày {found.issued_on:%d/%m/%Y}, trước văn bản này "
                f"({self.document.issued_on:%d/%m/%Y}): văn bản thay thế phải ban hành sau."
            )
        kind = DocumentRelation.Kind.REPLACES
        if DocumentRelation.objects.filter(source=found, target=self.document, kind=kind).exists():
            raise forms.ValidationError(f"{symbol} đã được ghi là thay thế văn bản này.")
        self.replacement = found
        return symbol
