"""Forms for meetings, their agenda, tasks and progress notes (Vietnamese inline messages)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from capuy.accounts.access import visible_organisations
from capuy.accounts.levels import Role
from capuy.documents.forms import classification_choices, date_field
from capuy.documents.queries import visible_documents
from capuy.meetings.models import MEETING_BODY_KINDS, AgendaItem, Meeting, Task
from capuy.orgs.models import Body, term_in_force, term_missing

EDITING_ROLES: tuple[str, ...] = (
    str(Role.CLERK),
    str(Role.SPECIALIST),
    str(Role.ADMIN),
)


def _editable_bodies(user: Any) -> Any:
    from capuy.accounts.access import organisations_with_role

    return Body.objects.filter(
        organisation__in=organisations_with_role(user, *EDITING_ROLES).values("pk")
    ).select_related("organisation")


MAX_ORDINAL = 500
"""A term's conferences are numbered 1, 2, …: a few dozen (Hội nghị Thị ủy lần thứ 18)."""


class MeetingForm(forms.ModelForm):
    held_on = date_field("Ngày họp")
    ordinal = forms.IntegerField(
        label="Lần thứ",
        required=False,
        min_value=1,
        max_value=MAX_ORDINAL,
        error_messages={
            "min_value": "Lần thứ phải từ 1 trở lên.",
            "max_value": f"Lần thứ không quá {MAX_ORDINAL}: kiểm tra lại số.",
            "invalid": "Nhập một số nguyên.",
        },
    )

    class Meta:
        model = Meeting
        fields = [
            "body",
            "kind",
            "ordinal",
            "title",
            "held_on",
            "place",
            "chair",
            "attendance",
            "classification",
            "notes",
        ]
        widgets = {
            "attendance": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = _editable_bodies(user).filter(kind__in=MEETING_BODY_KINDS)
        self.fields["classification"].choices = classification_choices(user)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        body, held_on = cleaned.get("body"), cleaned.get("held_on")
        if body is not None and held_on is not None:
            term = term_in_force(body.organisation, held_on)
            if term is None:  # an ended term is never stamped silently
                self.add_error("held_on", term_missing(body.organisation, held_on))
            self.instance.term = term
            self.instance.organisation = body.organisation
            ordinal = cleaned.get("ordinal")
            if ordinal and term is not None:
                clash = Meeting.objects.filter(body=body, term=term, ordinal=ordinal).exclude(
                    pk=self.instance.pk
                )
                if clash.exists():
                    self.add_error(
                        "ordinal",
                        f"{body.name} đã có hội nghị lần thứ {ordinal} trong khóa {term.roman}.",
                    )
        return cleaned


class AgendaItemForm(forms.ModelForm):
    document_symbol = forms.CharField(
        label="Văn bản ban hành (số, ký hiệu)", required=False, max_length=80
    )

    class Meta:
        model = AgendaItem
        fields = ["position", "title", "presenter", "outcome"]
        widgets = {"outcome": forms.Textarea(attrs={"rows": 2})}

    position = forms.IntegerField(label="Thứ tự", required=False, min_value=1)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk is None:
            # an empty extra row must stay "unchanged" so the formset skips it
            self.initial["position"] = None
        # a document above the user's clearance is neither shown nor lost on save
        self.hidden_document = bool(
            self.instance.document_id
            and not visible_documents(user).filter(pk=self.instance.document_id).exists()
        )
        if self.hidden_document:
            self.fields[
                "document_symbol"
            ].help_text = (
                "Đã gắn một văn bản có độ mật trên mức bạn được xem; để trống thì giữ nguyên."
            )
        elif self.instance.document_id:
            self.initial["document_symbol"] = self.instance.document.symbol

    def clean_document_symbol(self) -> str:
        symbol = (self.cleaned_data.get("document_symbol") or "").replace(" ", "")
        if self.hidden_document and not symbol:
            return symbol
        self.instance.document = None
        if symbol:
            found = (
                visible_documents(self.user).filter(symbol=symbol).order_by("-issued_on").first()
            )
            if found is None:
                raise forms.ValidationError(f"Không tìm thấy văn bản {symbol} trong sổ.")
            self.instance.document = found
        return symbol


class TaskForm(forms.ModelForm):
    due_on = date_field("Hạn cuối")
    source_symbol = forms.CharField(
        label="Văn bản giao nhiệm vụ (số, ký hiệu)", required=False, max_length=80
    )

    class Meta:
        model = Task
        fields = [
            "organisation",
            "title",
            "lead_body",
            "lead_text",
            "source_meeting",
            "due_label",
            "due_on",
            "classification",
        ]
        widgets = {"title": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from capuy.accounts.access import organisations_with_role
        from capuy.meetings.queries import visible_meetings

        self.user = user
        self.fields["organisation"].queryset = organisations_with_role(user, *EDITING_ROLES)
        self.fields["lead_body"].queryset = Body.objects.filter(
            organisation__in=visible_organisations(user).values("pk")
        ).select_related("organisation")
        self.fields["source_meeting"].queryset = visible_meetings(user)
        self.fields["classification"].choices = classification_choices(user)
        source_id = self.instance.source_document_id
        self.hidden_source = bool(
            source_id and not visible_documents(user).filter(pk=source_id).exists()
        )
        if self.hidden_source:
            self.fields[
                "source_symbol"
            ].help_text = (
                "Đã gắn một văn bản có độ mật trên mức bạn được xem; để trống thì giữ nguyên."
            )
        elif source_id:
            self.initial["source_symbol"] = self.instance.source_document.symbol

    def clean_source_symbol(self) -> str:
        symbol = (self.cleaned_data.get("source_symbol") or "").replace(" ", "")
        if self.hidden_source and not symbol:
            return symbol
        self.instance.source_document = None
        if symbol:
            found = (
                visible_documents(self.user).filter(symbol=symbol).order_by("-issued_on").first()
            )
            if found is None:
                raise forms.ValidationError(f"Không tìm thấy văn bản {symbol} trong sổ.")
            self.instance.source_document = found
        return symbol

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("lead_body") and not (cleaned.get("lead_text") or "").strip():
            self.add_error("lead_body", "Chọn cơ quan chủ trì hoặc ghi rõ đơn vị chủ trì.")
        return cleaned


class ProgressForm(forms.Form):
    noted_on = date_field("Ngày")
    text = forms.CharField(
        label="Tiến độ", widget=forms.Textarea(attrs={"rows": 2}), max_length=4000
    )
    status = forms.ChoiceField(label="Tình trạng", choices=Task.Status.choices)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        noted = cleaned.get("noted_on")
        if noted and noted > dt.date.today() + dt.timedelta(days=1):
            self.add_error("noted_on", "Ngày cập nhật tiến độ không thể ở tương lai.")
        return cleaned


STATUS_FILTERS = [("", "Tất cả"), ("qua_han", "Quá hạn"), *Task.Status.choices]


class TaskFilterForm(forms.Form):
    q = forms.CharField(label="Tìm", required=False, max_length=200)
    tinh_trang = forms.ChoiceField(label="Tình trạng", required=False, choices=STATUS_FILTERS)
    chu_tri = forms.ModelChoiceField(
        label="Cơ quan chủ trì", required=False, queryset=Body.objects.none(), empty_label="Tất cả"
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chu_tri"].queryset = Body.objects.filter(
            organisation__in=visible_organisations(user).values("pk")
        ).select_related("organisation")


class MeetingFilterForm(forms.Form):
    q = forms.CharField(label="Tìm", required=False, max_length=200)
    co_quan = forms.ChoiceField(
        label="Cơ quan",
        required=False,
        choices=[
            ("", "Tất cả"),
            ("bch", "Ban Chấp hành"),
            ("btv", "Ban Thường vụ"),
            ("thuong_truc", "Thường trực"),
        ],
    )
    nam = forms.IntegerField(label="Năm", required=False, min_value=1930, max_value=2100)
