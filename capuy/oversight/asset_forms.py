"""Entry form for asset-declaration verifications: the verifying unit and the member must both
be among the units where the user keeps records."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from capuy.accounts.access import organisations_with_role
from capuy.members.models import Member
from capuy.orgs.models import Organisation
from capuy.oversight.choices import verification_outcome_choices
from capuy.web.records import ENTRY_ROLES, UNIT_OUT_OF_REACH, date_field


def _units(user: Any) -> Any:
    return organisations_with_role(user, *ENTRY_ROLES).order_by("tree_key")


class AssetVerificationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Cấp ủy, ủy ban kiểm tra xác minh",
        queryset=Organisation.objects.none(),
        error_messages={"invalid_choice": UNIT_OUT_OF_REACH},
    )
    member = forms.IntegerField(
        label="Đảng viên được xác minh (mã)",
        min_value=1,
        error_messages={"invalid": "Nhập mã đảng viên (số).", "required": "Nhập mã đảng viên."},
    )
    declaration_year = forms.IntegerField(
        label="Năm kê khai",
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": "Nhập năm bằng số, ví dụ 2024.",
            "min_value": "Năm kê khai phải từ 2000 trở đi.",
            "max_value": "Năm kê khai không quá 2100.",
        },
    )
    verified_on = date_field("Ngày kết luận")
    outcome = forms.ChoiceField(label="Kết quả", choices=verification_outcome_choices)
    conclusion = forms.CharField(
        label="Kết luận", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organisation"].queryset = _units(user)

    def clean_member(self) -> Member:
        member = (
            Member.objects.filter(
                pk=self.cleaned_data["member"], organisation__in=_units(self.user).values("pk")
            )
            .select_related("organisation")
            .first()
        )
        if member is None:
            raise forms.ValidationError(
                "Mã đảng viên không tồn tại hoặc không thuộc đơn vị bạn được nhập hồ sơ."
            )
        return member

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        year, day = data.get("declaration_year"), data.get("verified_on")
        if year and isinstance(day, dt.date) and day.year < year:
            self.add_error("verified_on", f"Ngày kết luận phải sau năm kê khai {year}.")
        return data
