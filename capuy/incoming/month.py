"""The incoming register's month (sổ văn bản đến trong tháng): the arrivals of a month in
number order, with the previous and next months a click away, exported as DOCX, CSV (Excel,
Vietnamese settings) and XLSX carrying the number and dates as the page shows them.

Scoped like every page (unit and clearance in the query): a classified arrival appears only
for a user cleared for it, marked with its level; ``thuong=1`` keeps ordinary arrivals only,
for an export that leaves the office.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from capuy.accounts.access import primary_organisation, require_role, visible_organisations
from capuy.accounts.levels import Classification
from capuy.documents.monthly import month_bounds, month_links
from capuy.documents.table_export import table_csv, table_docx, table_xlsx
from capuy.incoming.models import Arrival
from capuy.incoming.queries import visible_arrivals

MONTH_RE = re.compile(r"^\s*(\d{1,2})/(\d{4})\s*$")
HEADER = (
    "Số đến", "Ngày đến", "Nơi gửi", "Số, ký hiệu", "Ngày văn bản", "Trích yếu", "Độ mật",
    "Người xử lý", "Hạn xử lý", "Tình trạng",
)  # fmt: skip
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def row_of(arrival: Arrival, today: dt.date) -> list[str]:
    """One arrival as the page's row shows it (and every export writes it)."""
    handler = arrival.handler
    name = (
        (f"{handler.last_name} {handler.first_name}".strip() or handler.username) if handler else ""
    )
    state = arrival.get_state_display()
    if arrival.is_overdue(today):
        state += " (quá hạn)"
    mark = arrival.get_classification_display() if arrival.is_secret else ""
    return [
        str(arrival.number), _date(arrival.received_on), arrival.sender, arrival.sender_symbol,
        _date(arrival.sender_date), " ".join(arrival.summary.split()), mark, name,
        _date(arrival.deadline), state,
    ]  # fmt: skip


def _params(request: HttpRequest) -> dict[str, Any]:
    today = timezone.localdate()
    raw = request.GET.get("thang", "")
    match = MONTH_RE.match(raw)
    year, month, error = today.year, today.month, ""
    if match and 1 <= int(match.group(1)) <= 12 and 1930 <= int(match.group(2)) <= 2100:
        month, year = int(match.group(1)), int(match.group(2))
    elif raw:
        error = "Nhập tháng theo dạng mm/yyyy, ví dụ 02/2024. Năm từ 1930 đến 2100."
    organisations = visible_organisations(request.user)
    raw_org = request.GET.get("to_chuc", "")
    organisation = None
    if raw_org.isdigit() and len(raw_org) < 18:
        organisation = organisations.filter(pk=int(raw_org)).first()
        if organisation is None:
            raise Http404("Không tìm thấy.")
    organisation = organisation or primary_organisation(request.user)
    if organisation is None:
        raise Http404("Không tìm thấy.")
    first, last = month_bounds(year, month)
    arrivals = visible_arrivals(request.user).filter(
        organisation=organisation, received_on__gte=first, received_on__lte=last
    )
    ordinary_only = request.GET.get("thuong") == "1"
    if ordinary_only:
        arrivals = arrivals.filter(classification=Classification.NORMAL)
    query = f"thang={month:02d}/{year}&to_chuc={organisation.pk}" + (
        "&thuong=1" if ordinary_only else ""
    )
    return {
        "year": year, "month": month, "month_label": f"{month:02d}/{year}", "month_error": error,
        "organisation": organisation, "ordinary_only": ordinary_only, "query": query,
        "arrivals": list(arrivals.order_by("number")), "today": today,
        "organisations": organisations.filter(pk__in=visible_arrivals(request.user).values("organisation")),
        **month_links(year, month),
    }  # fmt: skip


@require_GET
@require_role()
def month_view(request: HttpRequest) -> HttpResponse:
    params = _params(request)
    params["rows"] = [(a, row_of(a, params["today"])) for a in params["arrivals"]]
    return render(request, "incoming/month.html", params)


@require_GET
@require_role()
def month_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("Không có định dạng này.")
    params = _params(request)
    rows = [row_of(a, params["today"]) for a in params["arrivals"]]
    unit = params["organisation"].committee_name or params["organisation"].name
    title = f"SỔ VĂN BẢN ĐẾN THÁNG {params['month_label']}"
    if fmt == "csv":
        body = table_csv(HEADER, rows)
    elif fmt == "xlsx":
        body = table_xlsx(f"Văn bản đến {params['month']:02d}-{params['year']}", HEADER, rows)
    else:
        body = table_docx(title, unit, HEADER, rows)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    stem = f"so-van-ban-den-thang-{params['month']:02d}-{params['year']}"
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response
