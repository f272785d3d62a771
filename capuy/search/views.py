"""The search page: results ranked, highlighted, with facets and pages (GET only)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from capuy.accounts.access import require_role
from capuy.search.service import FILTER_FIELDS, clean_filters, search

FACET_TITLES = {
    "kind": "Loại hồ sơ",
    "type_code": "Thể loại",
    "issuer": "Cơ quan ban hành",
    "year": "Năm",
    "classification": "Độ mật",
}


@require_GET
@require_role()
def results(request: HttpRequest) -> HttpResponse:
    text = (request.GET.get("q") or "").strip()[:200]
    filters = clean_filters(request.GET)
    try:
        page = int(request.GET.get("trang") or 1)
    except ValueError:
        page = 1
    found = search(request.user, text, filters, page) if text else None
    facets = []
    if found is not None:
        for facet in found.facets:
            if not facet.values:
                continue
            options = []
            for value, label, count in facet.values:
                chosen = filters.get(facet.field) == value
                params = {"q": text, **filters}
                if chosen:
                    params.pop(facet.field)
                else:
                    params[facet.field] = value
                options.append(
                    {
                        "label": label,
                        "count": count,
                        "chosen": chosen,
                        "url": "?" + urlencode(params),
                    }
                )
            facets.append({"title": FACET_TITLES[facet.field], "options": options})

    def page_url(number: int) -> str:
        return "?" + urlencode({"q": text, **filters, "trang": number})

    return render(
        request,
        "search/results.html",
        {
            "q": text,
            "found": found,
            "facets": facets,
            "filters": [(FACET_TITLES[k], v) for k, v in filters.items() if k in FILTER_FIELDS],
            "previous_url": page_url(found.page - 1) if found and found.page > 1 else "",
            "next_url": page_url(found.page + 1) if found and found.page < found.pages else "",
        },
    )
