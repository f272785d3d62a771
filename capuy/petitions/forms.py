"""Entry forms for letters, their handling, and receptions/dialogues."""

from __future__ import annotations

from typing import Any

from django import forms

from capuy.accounts.access import organisations_with_role
from capuy.orgs.models import Organisation
from capuy.petitions.choices import (
    handling_choices,
    jurisdiction_choices,
    kind_choices,
    reception_kind_choices,
)
from capuy.petitions.models import Petition, PetitionCase, Reception
from capuy.web.records import ENTRY_ROLES, UNIT_OUT_OF_REACH, date_field


def _units(user: Any) -> Any:
    return organisations_with_role(user, *ENTRY_ROLES).order_by("tree_key")


def _model_clean(instance: Any, form: forms.Form) -> None:
    """Run the model's own rules and show their messages beside the fields."""
    try:
        instance.clean()
    except forms.ValidationError as error:
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)


class PetitionForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Cấp ủy tiếp nhận", queryset=Organisation.objects.none()
    )
    kind = forms.ChoiceField(label="Loại đơn", choices=kind_choices)
    received_on = date_field("Ngày nhận")
    sender = forms.CharField(label="Người gửi", max_length=200, required=False)
    summary = forms.CharField(label="Nội dung tóm tắt", max_length=500)
    case = forms.ModelChoiceField(
        label="Thuộc vụ việc đã có", queryset=PetitionCase.objects.none(), required=False
    )
    new_case = forms.CharField(label="hoặc vụ việc mới", max_length=300, required=False)
    jurisdiction = forms.ChoiceField(label="Thẩm quyền", choices=jurisdiction_choices)
    handling = forms.ChoiceField(
        label="Xử lý", choices=[("", "(chưa xử lý)"), *handling_choices()], required=False
    )
    handled_on = date_field("Ngày xử lý", required=False)
    handled_by = forms.CharField(
        label="Chuyển đến / cơ quan giải quyết", max_length=200, required=False
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = _units(user)
        self.fields["organisation"].queryset = units
        self.fields["organisation"].error_messages["invalid_choice"] = UNIT_OUT_OF_REACH
        self.fields["case"].queryset = PetitionCase.objects.filter(organisation__in=units).order_by(
            "-opened_on"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors:
            _model_clean(
                Petition(
                    **{
                        k: data.get(k)
                        for k in ("kind", "received_on", "jurisdiction", "handling", "handled_on")
                    }
                ),
                self,
            )
        return data


class ReceptionForm(forms.ModelForm):
    date = date_field("Ngày")

    class Meta:
        model = Reception
        fields = [
            "organisation",
            "kind",
            "date",
            "place",
            "host",
            "attendance",
            "opinions_raised",
            "opinions_resolved",
            "note",
        ]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _units(user)
        self.fields["organisation"].error_messages["invalid_choice"] = (
            "Chọn một đơn vị bạn được nhập hồ sơ."
        )
        self.fields["kind"].choices = reception_kind_choices()


class HandlingForm(forms.Form):
    """Record how a letter was handled (or resolved) after it was registered."""

    handling = forms.ChoiceField(label="Xử lý", choices=handling_choices)
    handled_on = date_field("Ngày xử lý")
    handled_by = forms.CharField(
        label="Chuyển đến / cơ quan giải quyết", max_length=200, required=False
    )

    def __init__(self, *args: Any, letter: Petition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.letter = letter

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors:
            letter = self.letter
            letter.handling, letter.handled_on = data["handling"], data["handled_on"]
            _model_clean(letter, self)
        return data
