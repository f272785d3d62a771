"""Forms of the handbook; every text is bounded and NFC-normalised at the boundary."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from capuy.accounts.levels import Classification
from capuy.handbook.models import Attendance, CellMeeting, CorrectionRequest, Reading, SelfReview
from capuy.members.choices import rating_choices
from capuy.text.normalize import nfc

PROFILE_FIELDS = [
    ("full_name", "Họ và tên"),
    ("gender", "Giới tính"),
    ("birth_date", "Ngày sinh"),
    ("card_number", "Số thẻ đảng viên"),
    ("admitted_on", "Ngày vào Đảng"),
    ("recognised_on", "Ngày chính thức"),
    ("organisation", "Chi bộ sinh hoạt"),
]


class NfcMixin:
    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()  # type: ignore[misc]
        for key, value in list(data.items()):
            if isinstance(value, str):
                data[key] = nfc(value).strip()
        return data


class CorrectionForm(NfcMixin, forms.ModelForm):
    field = forms.ChoiceField(label="Thông tin cần sửa", choices=PROFILE_FIELDS)

    class Meta:
        model = CorrectionRequest
        fields = ["field", "proposed", "reason"]


class ReplyForm(NfcMixin, forms.Form):
    reply = forms.ChoiceField(
        label="Trả lời",
        choices=[(Attendance.Reply.YES, "Tôi sẽ tham dự"), (Attendance.Reply.NO, "Tôi xin vắng")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label="Lý do vắng", max_length=300, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("reply") == Attendance.Reply.NO and not data.get("reason"):
            self.add_error("reason", "Xin vắng thì cần ghi lý do.")
        if data.get("reply") == Attendance.Reply.YES:
            data["reason"] = ""
        return data


class SelfReviewForm(NfcMixin, forms.ModelForm):
    class Meta:
        model = SelfReview
        fields = ["strengths", "shortcomings", "remedies", "self_rating"]
        widgets = {
            "strengths": forms.Textarea(attrs={"rows": 6}),
            "shortcomings": forms.Textarea(attrs={"rows": 6}),
            "remedies": forms.Textarea(attrs={"rows": 4}),
        }


class MeetingForm(NfcMixin, forms.ModelForm):
    starts_at = forms.DateTimeField(
        label="Thời gian",
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    class Meta:
        model = CellMeeting
        fields = ["kind", "title", "starts_at", "place", "agenda"]
        widgets = {"agenda": forms.Textarea(attrs={"rows": 6})}


class MeetingRecordForm(NfcMixin, forms.ModelForm):
    class Meta:
        model = CellMeeting
        fields = ["minutes", "resolution"]
        widgets = {
            "minutes": forms.Textarea(attrs={"rows": 8}),
            "resolution": forms.Textarea(attrs={"rows": 6}),
        }


class ReadingForm(NfcMixin, forms.ModelForm):
    """A reading typed in, or taken from the document register (``register``: the documents
    the sender may see; the text, title and classification then come from the register)."""

    def __init__(
        self, *args: Any, max_classification: int = 0, register: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["classification"] = forms.TypedChoiceField(
            label="Độ mật",
            coerce=int,
            choices=[(v, lbl) for v, lbl in Classification.choices if v <= max_classification],
            initial=Classification.NORMAL,
        )
        self.fields["title"].required = self.fields["body"].required = False
        if register is not None and register.exists():
            self.fields["source"] = forms.ModelChoiceField(
                label="Lấy từ sổ văn bản",
                queryset=register,
                required=False,
                empty_label="— hoặc nhập tiêu đề và nội dung —",
            )
        else:
            del self.fields["source"]

    class Meta:
        model = Reading
        fields = ["source", "title", "body", "study", "classification"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        source = data.get("source")
        if source is not None:
            data["title"] = data.get("title") or f"{source.symbol} — {source.summary}"[:300]
            data["body"] = source.text or source.summary
            data["classification"] = source.classification
        elif not data.get("title") or not data.get("body"):
            raise forms.ValidationError("Cần tiêu đề và nội dung, hoặc chọn văn bản trong sổ.")
        return data

    def save(self, commit: bool = True) -> Any:
        reading = super().save(commit=False)
        reading.title = self.cleaned_data["title"]
        reading.body = self.cleaned_data["body"]
        reading.classification = self.cleaned_data["classification"]
        if commit:
            reading.save()
        return reading


class RatingMeetingForm(forms.Form):
    """One select per member: the cell's rating for the year."""

    def __init__(self, *args: Any, members: list[Any], initial_ratings: dict[int, str], **kw: Any):
        super().__init__(*args, **kw)
        for member in members:
            self.fields[f"m{member.pk}"] = forms.ChoiceField(
                label=member.full_name,
                choices=[("", "—"), *rating_choices()],
                required=False,
                initial=initial_ratings.get(member.pk, ""),
            )


def year_choices(today: dt.date) -> list[int]:
    return [today.year, today.year - 1]
