"""Entry of a unit's indicator values for one month, with the validation rules run on entry."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms

from capuy.accounts.access import organisations_with_role
from capuy.indicators.models import Indicator
from capuy.indicators.rollup import check_rules
from capuy.orgs.models import Organisation
from capuy.text import shift_months
from capuy.web.records import ENTRY_ROLES


class MonthlyValuesForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Đơn vị",
        queryset=Organisation.objects.none(),
        error_messages={"invalid_choice": "Chọn đơn vị của bạn."},
    )
    month = forms.CharField(
        label="Tháng (mm/yyyy)",
        widget=forms.TextInput(attrs={"placeholder": "02/2024"}),
        error_messages={"required": "Nhập tháng báo cáo."},
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_with_role(user, *ENTRY_ROLES).order_by(
            "tree_key"
        )
        self.indicators = list(Indicator.objects.filter(source="").order_by("position", "code"))
        for indicator in self.indicators:
            self.fields[f"v_{indicator.code}"] = forms.DecimalField(
                label=f"{indicator.name} ({indicator.unit})",
                required=False,
                max_digits=18,
                decimal_places=4,
                localize=True,
                error_messages={"invalid": "Nhập một số, ví dụ 1.044,9."},
            )

    def clean_month(self) -> tuple[dt.date, dt.date]:
        raw = self.cleaned_data["month"].strip()
        try:
            month, year = (int(p) for p in raw.split("/"))
            first = dt.date(year, month, 1)
            if not 1930 <= year <= dt.date.today().year + 1:
                raise ValueError(year)
        except (ValueError, TypeError) as exc:
            raise forms.ValidationError("Nhập tháng theo dạng mm/yyyy, ví dụ 02/2024.") from exc
        return first, shift_months(first, 1) - dt.timedelta(days=1)

    def clean_values(self) -> None:
        """Counts, amounts and rates a committee enters are never negative, and a rate (unit
        "%") is at most 100: the probe entered −5 members and a 250 % rate unopposed."""
        for indicator in self.indicators:
            name = f"v_{indicator.code}"
            value = self.cleaned_data.get(name)
            if value is None:
                continue
            if value < 0:
                self.add_error(name, "Số liệu không được âm.")
            elif indicator.unit.strip() == "%" and value > 100:
                self.add_error(name, "Tỷ lệ không được quá 100%.")

    def entered(self) -> dict[str, Decimal]:
        return {
            i.code: self.cleaned_data[f"v_{i.code}"]
            for i in self.indicators
            if self.cleaned_data.get(f"v_{i.code}") is not None
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self.clean_values()
        if self.errors:
            return data
        if not self.entered():
            raise forms.ValidationError("Nhập ít nhất một số liệu.")
        start, end = data["month"]
        for message in check_rules(data["organisation"], start, end, self.entered()):
            self.add_error(None, message)
        return data
