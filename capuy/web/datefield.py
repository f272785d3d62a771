"""A date typed the Vietnamese way (dd/mm/yyyy), with errors that say what is wrong.

"31/02/2024" is written correctly but names no day: the field says so ("tháng 02/2024 chỉ có
29 ngày") instead of repeating the format; "13/13/2024" says there is no month 13; only text
that is not a date at all gets the format hint.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

FORMAT_HINT = "Nhập ngày theo dạng dd/mm/yyyy, ví dụ 26/02/2024."
_NUMBERS = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})")


def missing_day(text: str) -> str:
    """Why ``text``, shaped like a date, is no day of the calendar ("" when it is not shaped
    like one, or is a real day)."""
    found = _NUMBERS.fullmatch(text.strip())
    if not found:
        return ""
    day, month, year = int(found[1]), int(found[2]), int(found[3])
    if len(found[3]) == 2:
        year += 2000 if year < 70 else 1900
    if not 1 <= month <= 12:
        return f"Ngày {text.strip()} không có: không có tháng {month} (tháng từ 1 đến 12)."
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return (
            f"Ngày {text.strip()} không có: tháng {month:02d}/{year} chỉ có {days} ngày."
            if day
            else f"Ngày {text.strip()} không có: ngày bắt đầu từ 01."
        )
    return ""


class VnDateField(forms.DateField):
    """``forms.DateField`` for dd/mm/yyyy that tells an impossible day from a bad format."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", ["%d/%m/%Y", "%d/%m/%y"])
        kwargs.setdefault(
            "widget",
            forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
        )
        messages = {"invalid": FORMAT_HINT, **kwargs.pop("error_messages", {})}
        super().__init__(error_messages=messages, **kwargs)

    def to_python(self, value: Any) -> dt.date | None:
        try:
            return super().to_python(value)
        except ValidationError:
            reason = missing_day(str(value)) if isinstance(value, str) else ""
            if reason:
                raise ValidationError(reason, code="no_such_day") from None
            raise
