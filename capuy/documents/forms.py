"""Forms of the register: registering outgoing and incoming documents, filtering the list.

Choices are limited to what the user may act on: issuing bodies of the units where they are a
clerk (văn thư), classifications up to their own clearance (a clerk must be able to read what
they register). Messages are Vietnamese and shown beside the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from capuy.accounts.access import clearance_of, organisations_with_role, visible_organisations
from capuy.accounts.levels import Classification, Role
from capuy.documents.attachments import extract_text, validate_attachment
from capuy.documents.models import (
    Direction,
    Document,
    DocumentRelation,
    SignerCapacity,
    Urgency,
    party_type_choices,
)
from capuy.documents.queries import visible_documents
from capuy.orgs.models import Body, Organisation, valid_at_q

DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y"]
REGISTERING_ROLES: tuple[str, ...] = (str(Role.CLERK), str(Role.ADMIN))


FIRST_YEAR = 1930  # the Party's founding: no record of a committee is older
LAST_YEAR = 2100


def plausible_date(value: dt.date) -> None:
    """A date a committee's record can carry (the probe typed 31/12/9999 and 01/01/0001)."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise forms.ValidationError(
            f"Ngày {value:%d/%m/%Y} không hợp lệ: năm phải từ {FIRST_YEAR} đến {LAST_YEAR}."
        )


def not_far_ahead(value: dt.date) -> None:
    """An issue or receipt date is at most a year ahead (a number is taken on it)."""
    if value > dt.date.today() + dt.timedelta(days=366):
        raise forms.ValidationError(
            f"Ngày {value:%d/%m/%Y} quá xa trong tương lai: kiểm tra lại ngày, tháng, năm."
        )


def date_field(label: str, required: bool = True, *, issued: bool = False) -> forms.DateField:
    """A dd/mm/yyyy field; ``issued`` for a document's own date (at most a year ahead)."""
    from capuy.web.records import VnDateField  # says when a day does not exist (31/02)

    return VnDateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages={"invalid": "Nhập ngày theo dạng dd/mm/yyyy, ví dụ 26/02/2024."},
        validators=[plausible_date, *([not_far_ahead] if issued else [])],
    )


def clerk_organisations(user: Any) -> QuerySet[Organisation]:
    return organisations_with_role(user, *REGISTERING_ROLES)


def clerk_bodies(user: Any, on: dt.date | None = None) -> QuerySet[Body]:
    """Bodies the user may issue for: of units where they are a clerk, in force ``on``."""
    return (
        Body.objects.filter(organisation__in=clerk_organisations(user).values("pk"))
        .filter(valid_at_q(on or dt.date.today()))
        .select_related("organisation")
        .order_by("organisation__path", "pk")
    )


def classification_choices(user: Any) -> list[tuple[int, str]]:
    limit = clearance_of(user)
    return [(value, label) for value, label in Classification.choices if value <= limit]


class BodyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Body) -> str:
        return f"{obj.name} ({obj.code}) — {obj.organisation.committee_name or obj.organisation}"


class AttachmentMixin(forms.Form):
    """Checks the attached file (extension, first bytes, size) and keeps its text for search."""

    attachment = forms.FileField(
        label="Tệp đính kèm (DOCX hoặc PDF)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.pdf"}),
    )

    def clean_attachment(self) -> Any:
        upload = self.cleaned_data.get("attachment")
        self.attachment_text = ""
        if not upload:
            return upload
        validate_attachment(upload, upload.name, upload.size)
        self.attachment_text = extract_text(upload, upload.name)
        upload.seek(0)
        return upload


class RelationMixin(forms.Form):
    """An optional link to a document already in the register, by its symbol."""

    relation_kind = forms.ChoiceField(
        label="Quan hệ với văn bản khác",
        required=False,
        choices=[("", "— không —"), *DocumentRelation.Kind.choices],
    )
    related_symbol = forms.CharField(
        label="Số, ký hiệu văn bản liên quan",
        required=False,
        max_length=80,
        widget=forms.TextInput(attrs={"placeholder": "ví dụ 5169-CV/BTCTU"}),
    )

    def clean_relation(self, user: Any) -> None:
        kind = self.cleaned_data.get("relation_kind")
        symbol = (self.cleaned_data.get("related_symbol") or "").replace(" ", "")
        self.related_document: Document | None = None
        if not kind and not symbol:
            return
        if not kind:
            self.add_error("relation_kind", "Chọn quan hệ với văn bản liên quan.")
            return
        if not symbol:
            self.add_error("related_symbol", "Nhập số, ký hiệu văn bản liên quan.")
            return
        found = visible_documents(user).filter(symbol=symbol).order_by("-issued_on").first()
        if found is None:
            self.add_error("related_symbol", f"Không tìm thấy văn bản {symbol} trong sổ.")
            return
        self.related_document = found


class OutgoingForm(AttachmentMixin, RelationMixin, forms.Form):
    issuing_body = BodyChoiceField(
        label="Cơ quan ban hành", queryset=Body.objects.none(), empty_label="— chọn cơ quan —"
    )
    type_code = forms.ChoiceField(label="Thể loại", choices=())
    issued_on = date_field("Ngày ban hành", issued=True)
    summary = forms.CharField(
        label="Trích yếu", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    signer_capacity = forms.ChoiceField(
        label="Hình thức ký", required=False, choices=SignerCapacity.choices
    )
    signer_title = forms.CharField(label="Chức vụ người ký", required=False, max_length=120)
    signer_name = forms.CharField(label="Người ký", required=False, max_length=120)
    recipients = forms.CharField(
        label="Nơi nhận (mỗi nơi một dòng)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    classification = forms.TypedChoiceField(label="Độ mật", coerce=int, choices=())
    urgency = forms.ChoiceField(label="Độ khẩn", required=False, choices=Urgency.choices)
    important = forms.BooleanField(
        label="Văn bản quan trọng (đưa vào phụ lục báo cáo tháng)", required=False, initial=True
    )
    co_issuers = forms.ModelMultipleChoiceField(
        label="Cơ quan cùng ban hành (văn bản liên tịch)",
        required=False,
        queryset=Body.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 3}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        bodies = clerk_bodies(user)
        self.fields["issuing_body"].queryset = bodies
        self.fields["co_issuers"].queryset = (
            Body.objects.filter(organisation__in=visible_organisations(user).values("pk"))
            .filter(valid_at_q(dt.date.today()))
            .select_related("organisation")
        )
        self.fields["type_code"].choices = party_type_choices()
        self.fields["classification"].choices = classification_choices(user)
        if not self.is_bound and bodies:
            self.initial.setdefault("issuing_body", bodies[0].pk)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.clean_relation(self.user)
        lead = cleaned.get("issuing_body")
        if lead is not None and lead in (cleaned.get("co_issuers") or []):
            self.add_error(
                "co_issuers", "Cơ quan chủ trì không đồng thời là cơ quan cùng ban hành."
            )
        return cleaned


class IncomingForm(AttachmentMixin, RelationMixin, forms.Form):
    organisation = forms.ModelChoiceField(label="Vào sổ của", queryset=Organisation.objects.none())
    sender = forms.CharField(label="Nơi gửi (cơ quan ban hành)", max_length=300)
    symbol = forms.CharField(
        label="Số và ký hiệu",
        max_length=80,
        widget=forms.TextInput(attrs={"placeholder": "ví dụ 5169-CV/BTCTU"}),
    )
    type_code = forms.ChoiceField(label="Thể loại", choices=())
    issued_on = date_field("Ngày văn bản", issued=True)
    received_on = date_field("Ngày đến", issued=True)
    summary = forms.CharField(
        label="Trích yếu", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    classification = forms.TypedChoiceField(label="Độ mật", coerce=int, choices=())
    urgency = forms.ChoiceField(label="Độ khẩn", required=False, choices=Urgency.choices)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        organisations = clerk_organisations(user)
        self.fields["organisation"].queryset = organisations
        self.fields["type_code"].choices = party_type_choices()
        self.fields["classification"].choices = classification_choices(user)
        if not self.is_bound and organisations:
            self.initial.setdefault("organisation", organisations[0].pk)

    def clean_symbol(self) -> str:
        return str(self.cleaned_data["symbol"]).replace(" ", "")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.clean_relation(self.user)
        issued, received = cleaned.get("issued_on"), cleaned.get("received_on")
        if issued and received and received < issued:
            self.add_error("received_on", "Ngày đến không thể trước ngày văn bản.")
        return cleaned


class FilterForm(forms.Form):
    """The list's filters; every field optional, bad values are ignored with a message."""

    q = forms.CharField(label="Tìm", required=False, max_length=200)
    huong = forms.ChoiceField(
        label="Sổ", required=False, choices=[("", "Tất cả"), *Direction.choices]
    )
    the_loai = forms.ChoiceField(label="Thể loại", required=False, choices=())
    to_chuc = forms.ModelChoiceField(
        label="Cấp ủy", required=False, queryset=Organisation.objects.none(), empty_label="Tất cả"
    )
    tu_ngay = date_field("Từ ngày", required=False)
    den_ngay = date_field("Đến ngày", required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["the_loai"].choices = [("", "Tất cả"), *party_type_choices()]
        self.fields["to_chuc"].queryset = visible_organisations(user).filter(
            kind__in=_committee_kinds()
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("tu_ngay"), cleaned.get("den_ngay")
        if start and end and end < start:
            raise ValidationError("“Đến ngày” phải sau “Từ ngày”.")
        return cleaned


def _committee_kinds() -> list[str]:
    """Organisation kinds that keep a register (those with a committee, not plain cells)."""
    from capuy.orgs.kinds import org_kinds

    return [k.key for k in org_kinds() if k.level <= 3] or [k.key for k in org_kinds()]
