"""Forms of the member register, limited to the units where the user keeps records."""

from __future__ import annotations

from typing import Any

from django import forms

from capuy.accounts.access import organisations_with_role, visible_organisations
from capuy.members.choices import GENDER_CHOICES, event_kind_choices, rating_choices
from capuy.orgs.models import Organisation
from capuy.web.records import ENTRY_ROLES, date_field


def _units(user: Any) -> Any:
    return organisations_with_role(user, *ENTRY_ROLES).order_by("tree_key")


class AdmitForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Chi bộ",
        queryset=Organisation.objects.none(),
        error_messages={"invalid_choice": "Chọn một đơn vị bạn được nhập hồ sơ."},
    )
    full_name = forms.CharField(label="Họ và tên", max_length=120)
    gender = forms.ChoiceField(label="Giới tính", choices=GENDER_CHOICES)
    birth_date = date_field("Ngày sinh", required=False)
    card_number = forms.CharField(label="Số thẻ đảng viên", max_length=20, required=False)
    admitted_on = date_field("Ngày vào Đảng (kết nạp)")
    entry = forms.ChoiceField(
        label="Hình thức",
        choices=[
            ("admission", "Kết nạp mới"),
            ("transfer_in_official", "Chuyển sinh hoạt đảng chính thức đến"),
        ],
    )
    arrived_on = date_field("Ngày chuyển đến (nếu chuyển đến)", required=False)
    recognised_on = date_field("Ngày chính thức (nếu chuyển đến)", required=False)
    counterpart = forms.CharField(
        label="Chuyển từ (nếu chuyển đến)", max_length=200, required=False
    )
    decision = forms.CharField(label="Quyết định", max_length=200, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _units(user)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        born, admitted = data.get("birth_date"), data.get("admitted_on")
        if born and admitted and (admitted.year - born.year) < 18:
            self.add_error("admitted_on", "Người vào Đảng phải đủ 18 tuổi (Điều lệ Đảng, Điều 1).")
        if data.get("entry") == "transfer_in_official" and not data.get("arrived_on"):
            self.add_error("arrived_on", "Nhập ngày chuyển đến.")
        return data


class EventForm(forms.Form):
    kind = forms.ChoiceField(label="Biến động", choices=event_kind_choices)
    date = date_field("Ngày")
    organisation = forms.ModelChoiceField(
        label="Chuyển đến chi bộ (nếu chuyển trong đảng bộ)",
        queryset=Organisation.objects.none(),
        required=False,
    )
    counterpart = forms.CharField(label="Nơi đi / nơi đến", max_length=200, required=False)
    decision = forms.CharField(label="Quyết định", max_length=200, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [c for c in event_kind_choices() if c[0] != "admission"]
        self.fields["organisation"].queryset = _units(user)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("kind") == "transfer_internal" and not data.get("organisation"):
            self.add_error("organisation", "Chọn chi bộ chuyển đến.")
        return data


class RatingForm(forms.Form):
    year = forms.IntegerField(label="Năm", min_value=1930, max_value=2100)
    rating = forms.ChoiceField(label="Xếp loại", choices=rating_choices)


class MemberFilter(forms.Form):
    q = forms.CharField(label="Họ tên", required=False)
    to_chuc = forms.ModelChoiceField(
        label="Tổ chức đảng",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="Tất cả",
    )
    tinh_trang = forms.ChoiceField(
        label="Tình trạng",
        required=False,
        choices=[
            ("", "Đang sinh hoạt"),
            ("du_bi", "Dự bị"),
            ("da_ra", "Đã ra khỏi danh sách"),
            ("tat_ca", "Tất cả"),
        ],
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_chuc"].queryset = visible_organisations(user).order_by("tree_key")
