"""What the record apps' pages share: roles, the organisation and period a page is about,
date fields written dd/mm/yyyy, and the statements a dashboard shows with their drill-downs.

Every organisation a page is about is looked up through the access API, so a unit outside the
user's subtrees answers 404 whether it is chosen in a form or typed into the URL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.http import Http404, HttpRequest

from capuy.accounts.access import get_scoped_object_or_404, primary_organisation
from capuy.accounts.levels import Role
from capuy.orgs.models import Organisation
from capuy.stats import records
from capuy.stats.statement import Statement

READ_ROLES: tuple[str, ...] = (str(Role.SPECIALIST), str(Role.LEADER), str(Role.ADMIN))
ENTRY_ROLES: tuple[str, ...] = (str(Role.SPECIALIST), str(Role.ADMIN))
DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y"]
UNIT_OUT_OF_REACH = "Chọn một đơn vị bạn được nhập hồ sơ."


def date_field(label: str, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages={"invalid": "Nhập ngày theo dạng dd/mm/yyyy, ví dụ 26/02/2024."},
    )


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


@dataclass(frozen=True)
class StatementKind:
    key: str
    title: str
    compute: Callable[[Organisation, dt.date, dt.date], Statement]


STATEMENTS: tuple[StatementKind, ...] = (
    StatementKind(
        "member_count", "Số đảng viên (cuối kỳ)", lambda r, s, e: records.member_count(r, e)
    ),
    StatementKind("admissions", "Kết nạp đảng viên", records.admissions),
    StatementKind("recognitions", "Công nhận đảng viên chính thức", records.recognitions),
    StatementKind("strike_offs", "Xóa tên, cho ra khỏi Đảng", records.strike_offs_and_removals),
    StatementKind("discipline", "Thi hành kỷ luật", records.discipline),
    StatementKind("inspections", "Kiểm tra", records.inspections),
    StatementKind(
        "supervisions",
        "Giám sát",
        lambda r, s, e: records.inspections(r, s, e, activity="supervision"),
    ),
    StatementKind("assets", "Xác minh tài sản, thu nhập", records.asset_verifications),
    StatementKind("petitions", "Đơn thư", records.petitions),
    StatementKind("letters", "Đơn và vụ việc", records.letters_and_cases),
    StatementKind("resolution", "Giải quyết khiếu nại, tố cáo", records.resolution_rate),
    StatementKind("dialogues", "Đối thoại với Nhân dân", records.dialogues),
    StatementKind(
        "ratings",
        "Đánh giá, xếp loại chất lượng (năm cuối kỳ)",
        lambda r, s, e: records.quality_ratings(r, e.year),
    ),
)
STATEMENTS_BY_KEY = {s.key: s for s in STATEMENTS}


PART_LABELS = {
    "members": "đảng viên",
    "admitted": "đảng viên kết nạp",
    "recognised": "được công nhận chính thức",
    "struck_off": "bị xóa tên",
    "removed": "cho ra khỏi Đảng",
    "organisations": "tổ chức đảng",
    "received": "đơn tiếp nhận",
    "verified": "đồng chí được xác minh",
    "out_of_jurisdiction": "không thuộc thẩm quyền",
    "forwarded": "đã chuyển",
    "filed": "lưu",
    "own": "thuộc thẩm quyền",
    "own_resolved": "đã giải quyết",
    "own_in_progress": "đang giải quyết",
    "letters": "đơn trong kỳ",
    "carried_letters": "đơn kỳ trước chuyển sang",
    "cases": "đơn khiếu nại, tố cáo thuộc thẩm quyền",
    "own_dialogues": "đối thoại của bí thư",
    "unit_dialogues": "đối thoại của cơ sở",
}


def drill_url(kind: str, part: str, root: Organisation, start: dt.date, end: dt.date) -> str:
    from django.urls import reverse

    query = urlencode(
        {
            "so_lieu": kind,
            "phan": part,
            "to_chuc": root.pk,
            "tu": start.isoformat(),
            "den": end.isoformat(),
        }
    )
    return f"{reverse('indicators:drill')}?{query}"


def statement_rows(root: Organisation, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Each statement's sentence with a link per number to the records behind it."""
    rows = []
    for kind in STATEMENTS:
        statement = kind.compute(root, start, end)
        links = [
            {
                "name": PART_LABELS.get(part, part),
                "count": qs.count(),
                "url": drill_url(kind.key, part, root, start, end),
            }
            for part, qs in statement.records.items()
        ]
        rows.append({"title": kind.title, "sentence": statement.as_sentence(), "links": links})
    return rows


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
