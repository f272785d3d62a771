"""Forms of the incoming register: registering an arrival, routing it, closing it.

The main fields come first (where from, which document, what about); the type defaults to
Công văn and the arrival date to today; the sender field suggests the senders already written
in the unit's book (an HTML datalist). Choices are limited to what the user may act on: units
where they are a clerk, classifications up to their clearance, handlers cleared for the
arrival's classification.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils import timezone

from capuy.documents.forms import (
    AttachmentMixin,
    classification_choices,
    clerk_organisations,
    date_field,
)
from capuy.documents.models import Urgency, party_type_choices
from capuy.incoming.models import Arrival
from capuy.incoming.queries import handlers_for, leaders_for
from capuy.orgs.models import Organisation

SENDERS_LIST = "noi-gui-da-dung"


class OrganisationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        # a cell has no committee of its own: "Chi bộ thôn số 1 — Đảng bộ xã Phổ An"
        return obj.committee_name or obj.choice_label


class ArrivalForm(AttachmentMixin, forms.Form):
    sender = forms.CharField(
        label="Nơi gửi",
        max_length=300,
        widget=forms.TextInput(attrs={"list": SENDERS_LIST, "autocomplete": "off"}),
        help_text="Gõ vài chữ để chọn nơi gửi đã dùng.",
    )
    sender_symbol = forms.CharField(
        label="Số, ký hiệu",
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "ví dụ 5169-CV/BTCTU"}),
    )
    sender_date = date_field("Ngày văn bản", required=False, issued=True)
    summary = forms.CharField(
        label="Trích yếu", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    type_code = forms.ChoiceField(label="Thể loại", choices=())
    received_on = date_field("Ngày đến", issued=True)
    classification = forms.TypedChoiceField(label="Độ mật", coerce=int, choices=())
    urgency = forms.ChoiceField(label="Độ khẩn", required=False, choices=Urgency.choices)
    deadline = date_field("Hạn xử lý", required=False, issued=True)
    organisation = OrganisationChoice(
        label="Vào sổ của", queryset=Organisation.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        organisations = clerk_organisations(user).select_related("parent").order_by("tree_key")
        self.fields["organisation"].queryset = organisations
        self.fields["type_code"].choices = party_type_choices()
        self.fields["classification"].choices = classification_choices(user)
        if not self.is_bound:
            self.initial.setdefault("type_code", "CV")
            self.initial.setdefault("received_on", timezone.localdate())
            first = organisations.first()
            if first is not None:
                self.initial.setdefault("organisation", first.pk)

    def clean_summary(self) -> str:
        """The whole summary, every line of it (line ends as "\n", not the browser's CRLF)."""
        lines = str(self.cleaned_data["summary"]).splitlines()
        return "\n".join(line.strip() for line in lines if line.strip())

    def clean_sender_symbol(self) -> str:
        return str(self.cleaned_data.get("sender_symbol") or "").replace(" ", "")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        sent, received = cleaned.get("sender_date"), cleaned.get("received_on")
        if sent and received and received < sent:
            self.add_error("received_on", "Ngày đến không thể trước ngày văn bản.")
        deadline = cleaned.get("deadline")
        if deadline and received and deadline < received:
            self.add_error("deadline", "Hạn xử lý không thể trước ngày đến.")
        return cleaned


class UserChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        name = f"{obj.last_name} {obj.first_name}".strip() or obj.username
        title = getattr(getattr(obj, "capuy_profile", None), "title", "")
        return f"{name} — {title}" if title else name


class RouteForm(forms.Form):
    """Chuyển xử lý: to whom, the leader's instruction (ý kiến chỉ đạo), by when."""

    to_user = UserChoice(
        label="Chuyển cho (người xử lý)",
        queryset=User.objects.none(),
        empty_label="— chọn người xử lý —",
    )
    leader = UserChoice(
        label="Lãnh đạo cho ý kiến",
        queryset=User.objects.none(),
        required=False,
        empty_label="— không —",
        help_text="Văn thư ghi lại ý kiến lãnh đạo đã cho trên phiếu trình.",
    )
    instruction = forms.CharField(
        label="Ý kiến chỉ đạo",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    deadline = date_field("Hạn xử lý", required=False, issued=True)

    def __init__(self, *args: Any, arrival: Arrival, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.arrival = arrival
        handlers = handlers_for(arrival.organisation, arrival.classification)
        self.fields["to_user"].queryset = handlers.select_related("capuy_profile")
        self.fields["leader"].queryset = leaders_for(arrival.organisation)
        if not self.is_bound and arrival.deadline:
            self.initial.setdefault("deadline", arrival.deadline)

    def clean_deadline(self) -> dt.date | None:
        deadline = self.cleaned_data.get("deadline")
        if deadline and deadline < self.arrival.received_on:
            raise forms.ValidationError("Hạn xử lý không thể trước ngày đến.")
        return deadline

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("leader") and not (cleaned.get("instruction") or "").strip():
            self.add_error("instruction", "Ghi ý kiến chỉ đạo của lãnh đạo đã chọn.")
        return cleaned


class FinishForm(forms.Form):
    note = forms.CharField(
        label="Kết quả xử lý",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Ví dụ: đã tham mưu Công văn 1402-CV/TU trả lời.",
    )
    filed = forms.BooleanField(label="Chỉ lưu, để biết (không phải xử lý)", required=False)


class FilterForm(forms.Form):
    q = forms.CharField(label="Tìm", required=False, max_length=200)
    tinh_trang = forms.ChoiceField(label="Tình trạng", required=False, choices=())
    nam = forms.IntegerField(label="Năm", required=False, min_value=1930, max_value=2100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from capuy.incoming.models import State

        self.fields["tinh_trang"].choices = [
            ("", "Tất cả"),
            *State.choices,
            ("qua_han", "Quá hạn"),
            ("cua_toi", "Tôi đang xử lý"),
        ]


class CorrectionForm(forms.ModelForm):
    """Correct what the clerk typed (sender, symbol, dates, summary…), with the reason. The
    arrival number stays; the arrival date stays in its book's year."""

    reason = forms.CharField(label="Lý do sửa", max_length=500)

    class Meta:
        model = Arrival
        fields = [
            "sender", "sender_symbol", "sender_date", "summary", "type_code", "received_on",
            "classification", "urgency", "deadline",
        ]  # fmt: skip
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sender_date"] = date_field("Ngày văn bản", required=False, issued=True)
        self.fields["received_on"] = date_field("Ngày đến", issued=True)
        self.fields["deadline"] = date_field("Hạn xử lý", required=False, issued=True)
        classification = forms.TypedChoiceField(label="Độ mật", coerce=int, choices=())
        classification.choices = classification_choices(user)
        self.fields["classification"] = classification
        self.fields["urgency"] = forms.ChoiceField(
            label="Độ khẩn", required=False, choices=Urgency.choices
        )

    def clean_received_on(self) -> dt.date:
        received: dt.date = self.cleaned_data["received_on"]
        if received.year != self.instance.year:
            raise forms.ValidationError(
                f"Số đến {self.instance.number} thuộc sổ năm {self.instance.year}: "
                "ngày đến phải trong năm đó."
            )
        return received

    def clean_summary(self) -> str:
        lines = str(self.cleaned_data["summary"]).splitlines()
        return "\n".join(line.strip() for line in lines if line.strip())
