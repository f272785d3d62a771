"""Entry forms for badges and organisation ratings, limited to the units where the user keeps
records (a member or unit outside them is refused with a Vietnamese message, never saved)."""

from __future__ import annotations

from typing import Any

from django import forms

from capuy.accounts.access import organisations_with_role
from capuy.members.choices import rating_choices
from capuy.members.models import Member, MemberRating, OrganisationRating
from capuy.orgs.models import Organisation
from capuy.vocab.records import badge_years
from capuy.web.records import ENTRY_ROLES, UNIT_OUT_OF_REACH, date_field


def _units(user: Any) -> Any:
    return organisations_with_role(user, *ENTRY_ROLES).order_by("tree_key")


def _member_code_field() -> forms.IntegerField:
    return forms.IntegerField(
        label="Đảng viên (mã)",
        min_value=1,
        error_messages={"invalid": "Nhập mã đảng viên (số).", "required": "Nhập mã đảng viên."},
    )


def _year_field() -> forms.IntegerField:
    return forms.IntegerField(
        label="Năm",
        min_value=1930,
        max_value=2100,
        error_messages={
            "invalid": "Nhập năm bằng số, ví dụ 2024.",
            "min_value": "Năm phải từ 1930 trở đi.",
            "max_value": "Năm không quá 2100.",
        },
    )


def _member_in_reach(code: int, user: Any) -> Member:
    """The member with register number ``code`` in a unit where ``user`` enters records."""
    member = (
        Member.objects.filter(pk=code, organisation__in=_units(user).values("pk"))
        .select_related("organisation")
        .first()
    )
    if member is None:
        raise forms.ValidationError(
            "Mã đảng viên không tồn tại hoặc không thuộc đơn vị bạn được nhập hồ sơ."
        )
    return member


class BadgeForm(forms.Form):
    member = _member_code_field()
    years = forms.TypedChoiceField(label="Huy hiệu", coerce=int, choices=[])
    awarded_on = date_field("Ngày trao")
    decision = forms.CharField(label="Quyết định", max_length=200, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["years"].choices = [(y, f"{y} năm tuổi Đảng") for y in badge_years()]

    def clean_member(self) -> Member:
        return _member_in_reach(self.cleaned_data["member"], self.user)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        member, years = data.get("member"), data.get("years")
        if member is not None and years and member.badges.filter(years=years).exists():
            self.add_error("years", f"Đảng viên này đã được trao Huy hiệu {years} năm tuổi Đảng.")
        return data


class OrganisationRatingForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Tổ chức đảng",
        queryset=Organisation.objects.none(),
        error_messages={"invalid_choice": UNIT_OUT_OF_REACH},
    )
    year = _year_field()
    rating = forms.ChoiceField(label="Xếp loại", choices=rating_choices)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _units(user)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        org, year = data.get("organisation"), data.get("year")
        if (
            org is not None
            and year
            and OrganisationRating.objects.filter(organisation=org, year=year).exists()
        ):
            self.add_error("year", f"{org} đã có xếp loại năm {year}.")
        return data


class MemberRatingForm(forms.Form):
    member = _member_code_field()
    year = _year_field()
    rating = forms.ChoiceField(label="Xếp loại", choices=rating_choices)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_member(self) -> Member:
        return _member_in_reach(self.cleaned_data["member"], self.user)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        member, year = data.get("member"), data.get("year")
        if (
            member is not None
            and year
            and MemberRating.objects.filter(member=member, year=year).exists()
        ):
            self.add_error("year", f"Đảng viên {member.full_name} đã có xếp loại năm {year}.")
        if member is not None and year and member.admitted_on and year < member.admitted_on.year:
            self.add_error("year", f"Năm {year} trước năm vào Đảng của đảng viên này.")
        return data
