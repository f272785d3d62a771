"""What the record apps' pages share: roles, the organisation and period a page is about,
date fields written dd/mm/yyyy, and the paginated record list page (``records/list.html``).

It lives in ``web`` (below the record apps, above ``accounts``) so that every record app can
use it without importing another record app; the dashboard's statements are the indicators
app's (``capuy.indicators.statements``).

Every organisation a page is about is looked up through the access API, so a unit outside the
user's subtrees answers 404 whether it is chosen in a form or typed into the URL.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest

from capuy.accounts.access import get_scoped_object_or_404, primary_organisation
from capuy.accounts.levels import Role
from capuy.orgs.models import Organisation

READ_ROLES: tuple[str, ...] = (str(Role.SPECIALIST), str(Role.LEADER), str(Role.ADMIN))
ENTRY_ROLES: tuple[str, ...] = (str(Role.SPECIALIST), str(Role.ADMIN))
DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y"]
UNIT_OUT_OF_REACH = "Chọn một đơn vị bạn được nhập hồ sơ."


# A date typed the Vietnamese way (dd/mm/yyyy), with errors that say what is wrong: "31/02/2024"
# is written correctly but names no day, so the field says so ("tháng 02/2024 chỉ có 29 ngày")
# instead of repeating the format; only text that is not a date at all gets the format hint.
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


def date_field(label: str, required: bool = True) -> forms.DateField:
    """A dd/mm/yyyy field whose error says when a day does not exist (31/02/2024)."""
    return VnDateField(label=label, required=required, input_formats=DATE_FORMATS)


def scoped_organisation(request: HttpRequest, key: str = "to_chuc") -> Organisation:
    """The unit named by ``?to_chuc=<id>`` if the user may see it (404 otherwise), else the
    user's own office."""
    raw = request.GET.get(key) or request.POST.get(key)
    if raw:
        return get_scoped_object_or_404(
            Organisation.objects.all(), request.user, org_field="pk", pk=raw
        )
    office = primary_organisation(request.user)
    if office is None:
        raise Http404("Không tìm thấy.")
    return office


def _parse(value: str | None) -> dt.date | None:
    for fmt in ("%Y-%m-%d", *DATE_FORMATS):
        try:
            return dt.datetime.strptime(value or "", fmt).date()
        except ValueError:
            continue
    return None


def period_of(request: HttpRequest) -> tuple[dt.date, dt.date]:
    """``?tu=…&den=…`` (dd/mm/yyyy or ISO), else ``?nam=YYYY``, else the current year."""
    start, end = _parse(request.GET.get("tu")), _parse(request.GET.get("den"))
    if start and end and start <= end:
        return start, end
    try:
        year = int(request.GET.get("nam", ""))
    except ValueError:
        year = dt.date.today().year
    year = min(max(year, 1930), 2100)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def record_list_page(
    request: HttpRequest,
    *,
    title: str,
    lead: str,
    records: Any,
    columns: list[str],
    row: Callable[[Any], list[Any]],
    form: forms.Form | None = None,
    form_title: str = "",
    save: Callable[[Any], Any] | None = None,
    filter_form: forms.Form | None = None,
    links: list[dict[str, str]] | None = None,
) -> Any:
    """Render ``records`` (already scoped) as a paginated table, with an entry form that, when
    posted valid, is passed to ``save`` and redirects back (POST/redirect/GET)."""
    from django.contrib import messages
    from django.core.paginator import Paginator
    from django.shortcuts import redirect, render

    if request.method == "POST" and form is not None and save is not None and form.is_valid():
        from capuy.errors import InputError

        try:
            saved = save(form)
        except InputError as error:
            form.add_error(None, error.vi)
        else:
            messages.success(request, f"Đã lưu: {saved}.")
            return redirect(request.get_full_path())
    page = Paginator(records, 30).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    context = {
        "title": title,
        "lead": lead,
        "filter_form": filter_form,
        "page": page,
        "query": query.urlencode(),
        "columns": columns,
        "rows": [row(obj) for obj in page],
        "form": form,
        "form_title": form_title,
        "links": links or [],
    }
    return render(request, "records/list.html", context)
