"""The header of a report draft (its YAML front matter) as a form with Vietnamese labels.

The staff fill fields — cơ quan, số, ngày, loại, trích yếu, người ký, nơi nhận — and never see
YAML: ``front_matter`` writes the block with ``yaml.safe_dump`` from the cleaned values, so an
apostrophe, quotes, a colon or line breaks in the summary are quoted as YAML needs and cannot
break the header (the bug of issue 11: a stray ``'`` typed into the YAML was saved and broke
it). Keys the form does not show (``symbol``, ``issuer_code``) are kept as they were.
``text_with`` puts the block before the body and reads the whole text back with the renderer's
strict reader: a header it would refuse is an ``InputError`` before anything is saved.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from django import forms

from capuy.errors import InputError
from capuy.read.frontmatter import front_matter_block, parse_front_matter
from capuy.reports.output import parse
from capuy.reports.richtext import join_front_matter

# the order the composer writes the keys in (docs/authoring.md)
ORDER = (
    "superior", "issuer", "issuer_code", "number", "symbol", "place", "date", "kind",
    "summary", "draft", "classification", "urgency", "signature", "recipients",
)  # fmt: skip
CLASSIFICATIONS = [("", "Thường (không mật)"), ("Mật", "Mật"), ("Tối mật", "Tối mật"),
                   ("Tuyệt mật", "Tuyệt mật")]  # fmt: skip
URGENCIES = [("", "Thường"), ("Khẩn", "Khẩn"), ("Thượng khẩn", "Thượng khẩn"),
             ("Hỏa tốc", "Hỏa tốc")]  # fmt: skip
# form field → front-matter key
KEYS = {
    "cap_tren": "superior", "co_quan": "issuer", "so": "number", "dia_danh": "place",
    "ngay": "date", "loai": "kind", "trich_yeu": "summary", "du_thao": "draft",
    "do_mat": "classification", "do_khan": "urgency",
}  # fmt: skip
_DATE = re.compile(
    r"^(?:(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})|(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2}))$"
)
SIGNATURE = {"tham_quyen": "capacity", "chuc_vu": "title", "nguoi_ky": "name"}


class _Dumper(yaml.SafeDumper):
    """Block style (``|-``) for text of several lines, as a person would write it."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and not any(s.endswith(" ") for s in value.split("\n")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _lines(text: str) -> str:
    return "\n".join(line.strip() for line in text.replace("\r\n", "\n").split("\n")).strip()


def current_front_matter(text: str) -> dict[str, Any] | None:
    """The draft's front matter, or None when it is missing or cannot be read."""
    block = front_matter_block(text.replace("\r\n", "\n").split("\n"))
    if block is None:
        return None
    return parse_front_matter(block[0], strict=False)


class HeaderForm(forms.Form):
    cap_tren = forms.CharField(label="Cơ quan cấp trên", max_length=200, required=False)
    co_quan = forms.CharField(label="Cơ quan ban hành", max_length=200, required=False)
    so = forms.CharField(
        label="Số", max_length=20, required=False, help_text="Để trống khi còn là dự thảo."
    )
    dia_danh = forms.CharField(label="Địa danh", max_length=100, required=False)
    ngay = forms.CharField(
        label="Ngày ban hành",
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "ngày/tháng/năm"}),
        help_text="Để trống khi chưa ban hành.",
    )
    loai = forms.CharField(
        label="Loại văn bản",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 1}),
        help_text="Ví dụ BÁO CÁO; dòng thứ hai (nếu có) là phần bổ sung của tên loại.",
        error_messages={"required": "Nhập loại văn bản (ví dụ BÁO CÁO)."},
    )
    trich_yeu = forms.CharField(
        label="Trích yếu",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Dòng trong ngoặc đơn là kỳ báo cáo, ví dụ (kỳ báo cáo từ ngày … đến ngày …).",
    )
    du_thao = forms.BooleanField(label="In chữ “Dự thảo”", required=False)
    do_mat = forms.ChoiceField(
        label="Độ mật", choices=CLASSIFICATIONS, required=False,
        error_messages={"invalid_choice": "Độ mật không hợp lệ: chọn trong danh sách."},
    )  # fmt: skip
    do_khan = forms.ChoiceField(
        label="Độ khẩn", choices=URGENCIES, required=False,
        error_messages={"invalid_choice": "Độ khẩn không hợp lệ: chọn trong danh sách."},
    )  # fmt: skip
    tham_quyen = forms.CharField(
        label="Thẩm quyền ký", max_length=200, required=False,
        help_text="Ví dụ T/M BAN THƯỜNG VỤ.",
    )  # fmt: skip
    chuc_vu = forms.CharField(label="Chức vụ người ký", max_length=200, required=False)
    nguoi_ky = forms.CharField(label="Họ và tên người ký", max_length=200, required=False)
    noi_nhan = forms.CharField(
        label="Nơi nhận",
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Mỗi dòng một nơi nhận.",
    )

    def clean_ngay(self) -> dt.date | None:
        """``26/02/2024`` (or ISO); a day that is not in the calendar is said to be so."""
        raw = (self.cleaned_data.get("ngay") or "").strip()
        if not raw:
            return None
        match = _DATE.match(raw)
        if match is None:
            raise forms.ValidationError(
                "Ngày không đúng dạng: viết ngày/tháng/năm, ví dụ 26/02/2024."
            )
        day, month, year = (int(match.group(k) or match.group(k + "2")) for k in ("d", "m", "y"))
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise forms.ValidationError(
                f"Ngày {day:02d}/{month:02d}/{year} không có trong lịch."
            ) from None

    @classmethod
    def initial_from(cls, data: dict[str, Any]) -> dict[str, Any]:
        """The form's initial values from a front-matter mapping."""
        initial: dict[str, Any] = {}
        for name, key in KEYS.items():
            value = data.get(key)
            if key == "date":
                try:
                    value = dt.date.fromisoformat(str(value)).strftime("%d/%m/%Y") if value else ""
                except ValueError:
                    value = str(value)
            elif key == "draft":
                value = bool(value)
            initial[name] = "" if value is None else value
        raw = data.get("signature")
        signature: dict[str, Any] = raw if isinstance(raw, dict) else {}
        for name, key in SIGNATURE.items():
            initial[name] = str(signature.get(key) or "")
        recipients = data.get("recipients")
        if isinstance(recipients, list):
            initial["noi_nhan"] = "\n".join(str(r) for r in recipients)
        return initial

    def front_matter(self, existing: dict[str, Any] | None = None) -> str:
        """The ``---`` block for the cleaned values (keys the form lacks kept from ``existing``)."""
        data = dict(existing or {})
        values = self.cleaned_data
        for name, key in KEYS.items():
            value = values.get(name)
            if key == "date":
                value = value.isoformat() if value else None
            elif key == "draft":
                value = bool(value)
            elif isinstance(value, str):
                value = _lines(value) if key in ("summary", "kind") else " ".join(value.split())
            if value in (None, ""):
                data.pop(key, None)
            else:
                data[key] = value
        signature = {key: " ".join(str(values.get(name) or "").split())
                     for name, key in SIGNATURE.items()}  # fmt: skip
        if any(signature.values()):
            data["signature"] = signature
        else:
            data.pop("signature", None)
        recipients = [r for r in _lines(values.get("noi_nhan") or "").split("\n") if r]
        if recipients:
            data["recipients"] = recipients
        else:
            data.pop("recipients", None)
        ordered = {k: data[k] for k in ORDER if k in data}
        ordered.update({k: v for k, v in data.items() if k not in ordered})
        head = yaml.dump(ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
        return f"---\n{head}---\n"

    def text_with(self, body: str, existing: dict[str, Any] | None = None) -> str:
        """The whole text: this header and ``body``. ``InputError`` when the renderer would
        refuse it (nothing is to be saved then)."""
        text = join_front_matter(self.front_matter(existing), body)
        try:
            parse(text)
        except InputError as error:
            raise InputError(
                f"Phần đầu văn bản chưa hợp lệ: {error.vi}", f"invalid header: {error.en}"
            ) from None
        return text
