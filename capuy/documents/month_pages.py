"""The register's month (văn bản ban hành trong tháng): the month's outgoing documents
grouped by type, the previous and next months a click away, and its exports: the appendix as
DOCX (each document with its number and date, as the page shows it), and the month's register
as CSV (Excel with Vietnamese settings) and XLSX, one row per document with its number, date,
classification mark and whether it was recalled or replaced.

Scoped like every page: a classified document appears only for a user cleared for it, marked
with its level; ``thuong=1`` keeps ordinary documents only, for an export sent widely;
``phu_luc=1`` gives the appendix in the report's own form (no numbers).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from capuy.accounts.access import primary_organisation, require_role, visible_organisations
from capuy.accounts.levels import Classification
from capuy.documents.export import (
    appendix_caption,
    appendix_docx,
    appendix_rows,
    register_header,
    register_rows,
)
from capuy.documents.monthly import issued_in_month, month_links
from capuy.documents.queries import visible_documents, with_status
from capuy.documents.table_export import table_csv, table_xlsx

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


MONTH_RE = re.compile(r"^\s*(\d{1,2})/(\d{4})\s*$")


def _month_params(request: HttpRequest) -> dict[str, Any]:
    """Month (``thang=mm/yyyy``, default this month), unit (default the user's office) and
    whether to keep ordinary documents only (``thuong=1``, for an appendix sent widely)."""
    today = dt.date.today()
    raw = request.GET.get("thang", "")
    match = MONTH_RE.match(raw)
    error = ""
    year, month = today.year, today.month
    if match and 1 <= int(match.group(1)) <= 12 and 1930 <= int(match.group(2)) <= 2100:
        month, year = int(match.group(1)), int(match.group(2))
    elif raw:
        error = "Nhập tháng theo dạng mm/yyyy, ví dụ 02/2024. Năm từ 1930 đến 2100."
    organisations = visible_organisations(request.user)
    organisation = None
    raw_org = request.GET.get("to_chuc", "")
    if raw_org.isdigit() and len(raw_org) < 18:  # beyond, no id exists (and SQLite overflows)
        organisation = organisations.filter(pk=int(raw_org)).first()
        if organisation is None:
            raise Http404("Không tìm thấy.")
    organisation = organisation or primary_organisation(request.user)
    if organisation is None:
        raise Http404("Không tìm thấy.")
    ordinary_only = request.GET.get("thuong") == "1"
    important_only = request.GET.get("quan_trong") == "1"
    return {
        "important_only": important_only,
        "year": year,
        "month": month,
        "organisation": organisation,
        "ordinary_only": ordinary_only,
        "month_error": error,
    }


def _month_groups(request: HttpRequest, params: dict[str, Any]) -> list[Any]:
    documents = with_status(visible_documents(request.user)).filter(
        organisation=params["organisation"]
    )
    if params["ordinary_only"]:
        documents = documents.filter(classification=Classification.NORMAL)
    if params["important_only"]:
        documents = documents.filter(important=True)
    return issued_in_month(documents, params["year"], params["month"])


@require_GET
@require_role()
def month_view(request: HttpRequest) -> HttpResponse:
    params = _month_params(request)
    groups = _month_groups(request, params)
    query = f"thang={params['month']:02d}/{params['year']}&to_chuc={params['organisation'].pk}"
    if params["ordinary_only"]:
        query += "&thuong=1"
    if params["important_only"]:
        query += "&quan_trong=1"
    context = {
        **params,
        "groups": groups,
        "total": sum(len(g.documents) for g in groups),
        "caption": appendix_caption(params["month"], params["year"]),
        "month_label": f"{params['month']:02d}/{params['year']}",
        "query": query,
        **month_links(params["year"], params["month"]),
        "organisations": visible_organisations(request.user).filter(
            pk__in=visible_documents(request.user).values("organisation")
        ),
        "rows": appendix_rows(groups, numbered=True)[1:],
    }
    return render(request, "documents/month.html", context)


@require_GET
@require_role()
def month_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("Không có định dạng này.")
    params = _month_params(request)
    groups = _month_groups(request, params)
    stem = f"van-ban-thang-{params['month']:02d}-{params['year']}"
    # ``phu_luc=1``: the appendix exactly as a monthly report carries it (seed 000's table:
    # type, the summaries joined, no numbers) — DOCX or CSV
    appendix_form = request.GET.get("phu_luc") == "1"
    if fmt == "csv" and appendix_form:
        header, *rows = appendix_rows(groups)
        body = table_csv(header, rows)
    elif fmt == "csv":
        body = table_csv(register_header(), register_rows(groups))
    elif fmt == "xlsx":
        title = f"Văn bản {params['month']:02d}-{params['year']}"
        body = table_xlsx(title, register_header(), register_rows(groups))
    else:
        note = request.GET.get("kem_theo", "").strip()[:300]
        body = appendix_docx(
            groups, params["month"], params["year"], note=note, numbered=not appendix_form
        )
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response
