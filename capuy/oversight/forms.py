"""Entry forms for inspections/supervisions and discipline, limited to the user's units."""

from __future__ import annotations

from typing import Any

from django import forms

from capuy.accounts.access import organisations_with_role, scope_queryset
from capuy.members.models import Member
from capuy.orgs.models import Organisation
from capuy.oversight.choices import (
    body_choices,
    deciding_body_choices,
    discipline_form_choices,
    oversight_kind_choices,
)
from capuy.oversight.models import DisciplineDecision, Oversight
from capuy.web.records import ENTRY_ROLES, UNIT_OUT_OF_REACH, date_field


def _units(user: Any) -> Any:
    return organisations_with_role(user, *ENTRY_ROLES).order_by("tree_key")


def _member_ids(raw: str, user: Any) -> list[Member]:
    """Members named by register numbers ("12, 15"), each visible to the user."""
    ids = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
    if not all(p.isdigit() and len(p) < 18 for p in ids) or len(ids) > 500:
        raise forms.ValidationError("Nhập mã đảng viên (số), cách nhau bởi dấu phẩy.")
    found = list(scope_queryset(Member.objects.filter(pk__in=ids), user))
    if len(found) != len(set(ids)):
        raise forms.ValidationError("Có mã đảng viên không tồn tại hoặc ngoài phạm vi của bạn.")
    return found


class OversightForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Cấp ủy, tổ chức đảng tiến hành", queryset=Organisation.objects.none()
    )
    activity = forms.ChoiceField(label="Hoạt động", choices=Oversight.Activity.choices)
    body = forms.ChoiceField(label="Chủ thể", choices=body_choices)
    kind = forms.ChoiceField(label="Loại", choices=oversight_kind_choices)
    subject_matter = forms.CharField(label="Nội dung", max_length=500)
    started_on = date_field("Ngày bắt đầu")
    concluded_on = date_field("Ngày kết luận", required=False)
    conclusion = forms.CharField(
        label="Kết luận", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    violation_found = forms.BooleanField(label="Có vi phạm", required=False)
    subject_organisations = forms.ModelMultipleChoiceField(
        label="Tổ chức đảng được kiểm tra, giám sát",
        queryset=Organisation.objects.none(),
        required=False,
    )
    subject_members = forms.CharField(
        label="Đảng viên được kiểm tra, giám sát (mã, cách nhau bởi dấu phẩy)", required=False
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organisation"].queryset = _units(user)
        self.fields["organisation"].error_messages["invalid_choice"] = UNIT_OUT_OF_REACH
        self.fields["subject_organisations"].queryset = _units(user)

    def clean_subject_members(self) -> list[Member]:
        return _member_ids(self.cleaned_data.get("subject_members") or "", self.user)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors and not (
            data.get("subject_organisations") or data.get("subject_members")
        ):
            raise forms.ValidationError("Chọn ít nhất một tổ chức đảng hoặc đảng viên.")
        if data.get("kind") and data.get("activity"):
            record = Oversight(
                activity=data["activity"],
                kind=data["kind"],
                started_on=data.get("started_on"),
                concluded_on=data.get("concluded_on"),
            )
            try:
                record.clean()
            except forms.ValidationError as error:
                for field, messages in error.message_dict.items():
                    self.add_error(field if field in self.fields else None, messages)
        return data


class DisciplineForm(forms.Form):
    subject_member = forms.CharField(label="Đảng viên (mã)", required=False)
    subject_organisation = forms.ModelChoiceField(
        label="hoặc tổ chức đảng", queryset=Organisation.objects.none(), required=False
    )
    form = forms.ChoiceField(label="Hình thức", choices=discipline_form_choices)
    deciding_body = forms.ChoiceField(label="Cấp quyết định", choices=deciding_body_choices)
    decided_on = date_field("Ngày quyết định")
    reason = forms.CharField(label="Nội dung vi phạm", widget=forms.Textarea(attrs={"rows": 2}))
    decision = forms.CharField(label="Số quyết định", max_length=200, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["subject_organisation"].queryset = _units(user)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        raw = (data.get("subject_member") or "").strip()
        member = _member_ids(raw, self.user)[0] if raw else None
        org = data.get("subject_organisation")
        if (member is None) == (org is None):
            raise forms.ValidationError("Chọn một đảng viên hoặc một tổ chức đảng (chỉ một).")
        if (
            member is not None
            and not organisations_with_role(self.user, *ENTRY_ROLES)
            .filter(pk=member.organisation_id)
            .exists()
        ):
            raise forms.ValidationError("Đảng viên này không thuộc đơn vị bạn được nhập hồ sơ.")
        decision = DisciplineDecision(
            subject_member=member, subject_organisation=org, form=data.get("form", "")
        )
        try:
            decision.clean()
        except forms.ValidationError as error:
            self.add_error("form", error.message_dict.get("form", error.messages))
        data["member"] = member
        return data
