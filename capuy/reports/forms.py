"""Forms of the report pages (Vietnamese labels and messages)."""

from __future__ import annotations

from typing import Any

from django import forms

from capuy.accounts.access import organisations_with_role
from capuy.orgs.models import Organisation
from capuy.reports.models import kind_choices
from capuy.reports.workflow import WRITERS


def writable_units(user: Any) -> Any:
    """Committees the user may write reports for (units with a committee name)."""
    return (
        organisations_with_role(user, *WRITERS)
        .filter(valid_to__isnull=True)
        .exclude(committee_name="")
        .order_by("path")
    )


class ComposeForm(forms.Form):
    to_chuc = forms.ModelChoiceField(
        label="Cấp ủy",
        queryset=Organisation.objects.none(),
        error_messages={"required": "Chọn cấp ủy.", "invalid_choice": "Cấp ủy không hợp lệ."},
    )
    loai = forms.ChoiceField(label="Loại báo cáo", choices=kind_choices)
    ky = forms.CharField(
        label="Kỳ báo cáo",
        max_length=40,
        help_text="Ví dụ: 2024-02 (tháng), 2024-Q1 (quý), 2024-H1, 2024, 2020-2025 (nhiệm kỳ).",
        error_messages={"required": "Nhập kỳ báo cáo."},
    )
    chu_de = forms.CharField(label="Chủ đề (báo cáo chuyên đề)", max_length=300, required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_chuc"].queryset = writable_units(user)


class BoardForm(forms.Form):
    loai = forms.ChoiceField(label="Loại báo cáo", choices=kind_choices)
    ky = forms.CharField(label="Kỳ báo cáo", max_length=40)
