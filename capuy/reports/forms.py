"""Forms of the report pages (Vietnamese labels and messages)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from capuy.accounts.access import organisations_with_role
from capuy.errors import InputError
from capuy.orgs.models import Organisation
from capuy.reports.period_words import EXAMPLES, kind_code, read_period, slug_choices
from capuy.reports.workflow import WRITERS
from capuy.text.numbers import int_to_roman


def writable_units(user: Any) -> Any:
    """Committees the user may write reports for (units with a committee name)."""
    return (
        organisations_with_role(user, *WRITERS)
        .filter(valid_to__isnull=True)
        .exclude(committee_name="")
        .order_by("tree_key")
    )


class KindField(forms.ChoiceField):
    """The report's kind: Vietnamese slugs as the options' values ("quy"), the code accepted
    too (a link or a script written before); empty means "read it from the period"."""

    def __init__(self) -> None:
        super().__init__(
            label="Loại báo cáo",
            choices=lambda: [("", "— theo kỳ báo cáo —"), *slug_choices()],
            required=False,
        )

    def valid_value(self, value: Any) -> bool:
        try:
            return bool(kind_code(str(value))) or super().valid_value(value)
        except InputError:
            return False


class ComposeForm(forms.Form):
    to_chuc = forms.ModelChoiceField(
        label="Cấp ủy",
        queryset=Organisation.objects.none(),
        empty_label="— chọn cấp ủy —",
        error_messages={"required": "Chọn cấp ủy.", "invalid_choice": "Cấp ủy không hợp lệ."},
    )
    loai = KindField()
    ky = forms.CharField(
        label="Kỳ báo cáo",
        max_length=60,
        help_text=f"Viết như thường viết: {EXAMPLES}.",
        error_messages={"required": "Nhập kỳ báo cáo."},
        widget=forms.TextInput(attrs={"list": "period-suggestions", "autocomplete": "off"}),
    )
    chu_de = forms.CharField(label="Chủ đề (báo cáo chuyên đề)", max_length=300, required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_chuc"].queryset = writable_units(user)

    def clean(self) -> dict[str, Any]:
        return _period_cleaned(self, super().clean() or {})

    @property
    def period_suggestions(self) -> list[str]:
        return period_suggestions(dt.date.today())


def period_suggestions(today: dt.date) -> list[str]:
    """The periods a report is most often asked for around ``today``, as people write them."""
    year, month = today.year, today.month
    last = (year, month - 1) if month > 1 else (year - 1, 12)
    quarter = (month - 1) // 3 + 1
    done = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return [
        f"tháng {month}/{year}",
        f"tháng {last[1]}/{last[0]}",
        f"quý {int_to_roman(quarter)}/{year}",
        f"quý {int_to_roman(done[1])}/{done[0]}",
        f"6 tháng đầu năm {year}",
        f"9 tháng đầu năm {year}",
        f"năm {year}",
        f"năm {year - 1}",
    ]


def _period_cleaned(form: forms.Form, data: dict[str, Any]) -> dict[str, Any]:
    """``loai`` (a slug, or empty) and ``ky`` (typed as people write it) → kind code and spec."""
    if data.get("ky"):
        try:
            data["loai"], data["ky"] = read_period(data["ky"], data.get("loai", ""))
        except InputError as error:
            form.add_error("ky", error.vi)
    return data


class BoardForm(forms.Form):
    loai = KindField()
    ky = forms.CharField(
        label="Kỳ báo cáo",
        max_length=60,
        help_text=f"Ví dụ: {EXAMPLES}.",
        widget=forms.TextInput(attrs={"list": "period-suggestions", "autocomplete": "off"}),
    )

    def clean(self) -> dict[str, Any]:
        return _period_cleaned(self, super().clean() or {})

    @property
    def period_suggestions(self) -> list[str]:
        return period_suggestions(dt.date.today())
