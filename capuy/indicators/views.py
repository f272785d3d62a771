"""Pages: the dashboard of an organisation (statements, indicators against targets, charts,
subordinate units' reporting), the records behind every number, and monthly value entry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from capuy.accounts.access import require_role
from capuy.indicators.batch import rollup_all, targets_of
from capuy.indicators.charts import monthly_chart
from capuy.indicators.forms import MonthlyValuesForm
from capuy.indicators.models import Indicator, IndicatorValue
from capuy.indicators.rollup import Achievement, entered_values, reporting_status
from capuy.indicators.statements import (
    PART_LABELS,
    SOURCE_PARTS,
    STATEMENTS_BY_KEY,
    compute_statements,
    link_counts,
    statement_rows,
)
from capuy.orgs.models import Organisation
from capuy.stats.counts import COUNTS
from capuy.stats.phrases import achievement_percent
from capuy.text import shift_months
from capuy.web.records import ENTRY_ROLES, READ_ROLES, period_of, scoped_organisation


def _months(year: int) -> list[tuple[dt.date, dt.date]]:
    return [
        (dt.date(year, m, 1), shift_months(dt.date(year, m, 1), 1) - dt.timedelta(days=1))
        for m in range(1, 13)
    ]


def _chosen_month(request: HttpRequest, year: int) -> tuple[dt.date, dt.date]:
    raw = request.GET.get("thang", "")
    try:
        month, y = (int(p) for p in raw.split("/"))
        first = dt.date(y, month, 1)
    except (ValueError, TypeError):
        today = dt.date.today()
        first = dt.date(year, today.month if today.year == year else 12, 1)
    return first, shift_months(first, 1) - dt.timedelta(days=1)


@require_GET
@require_role(*READ_ROLES)
def dashboard(request: HttpRequest) -> HttpResponse:
    root = scoped_organisation(request)
    start, end = period_of(request)
    month = _chosen_month(request, start.year)
    code = request.GET.get("chi_tieu")
    figures = dashboard_figures(root, start, end, code, month)
    context: dict[str, Any] = {
        "root": root,
        "children": Organisation.objects.filter(parent=root).order_by("position", "name"),
        "start": start,
        "end": end,
        "year": start.year,
        "month": month,
        **figures,
    }
    return render(request, "indicators/dashboard.html", context)


def _row(indicator: Indicator, actual: Any, target: Any) -> dict[str, Any]:
    """An indicator's row of the table: its value against its target."""
    percent = achievement_percent(actual, target.value) if (target and actual is not None) else None
    return {"indicator": indicator, "result": Achievement(indicator, actual, target, percent)}


def dashboard_figures(
    root: Organisation,
    start: dt.date,
    end: dt.date,
    code: str | None,
    month: tuple[dt.date, dt.date],
) -> dict[str, Any]:
    """The dashboard's figures: statements, the indicator table, the chosen indicator's chart
    and the subordinate units' reporting status (public: ``benchmarks/bench_national.py``
    times exactly this, the page less its template, at national scale).

    Computed live on every request. A record set is counted once: the statements count their
    records, their links show those counts, and the computed indicators that count the same
    records (``SOURCE_PARTS``) take them too (capuy/indicators/statements.py)."""
    indicators = list(Indicator.objects.select_related("numerator", "denominator", "weight"))
    computed = compute_statements(root, start, end)
    period = (start, end)
    # the computed indicators no statement part counts: in the links' one query
    others = [i for i in indicators if i.source and i.source not in SOURCE_PARTS]
    counts, found = link_counts(computed, [COUNTS[i.source](root, start, end) for i in others])
    counted = {(i.pk, period): n for i, n in zip(others, found, strict=True)}
    counted.update(
        {
            (i.pk, period): counts[SOURCE_PARTS[i.source]]
            for i in indicators
            if i.source in SOURCE_PARTS
        }
    )
    # every figure of the page in a bounded number of queries (capuy.indicators.batch)
    targets = targets_of(indicators, root, start, end)
    actuals = rollup_all(indicators, root, [period], counted)
    table = [_row(i, actuals[(i.pk, period)], targets.get(i.pk)) for i in indicators]
    chosen = next(
        (i for i in indicators if i.code == code),
        next(
            (row["indicator"] for row in table if row["result"].target),
            indicators[0] if indicators else None,
        ),
    )
    chart = None
    if chosen is not None:
        months = _months(start.year)
        by_month = rollup_all([chosen], root, months)
        monthly = [by_month[(chosen.pk, m)] for m in months]
        target = targets.get(chosen.pk)
        cumulative = chosen.rollup == "sum"
        chart = monthly_chart(monthly, target.value if target else None, cumulative)
    return {
        "statements": statement_rows(root, start, end, computed, counts),
        "table": table,
        "chosen": chosen,
        "chart": chart,
        "statuses": reporting_status(root, *month, indicators),
    }


def _record_row(obj: Any) -> dict[str, Any]:
    """A record of any family as one table row: what it is, where, when."""
    org = getattr(obj, "organisation", None) or getattr(
        getattr(obj, "oversight", None), "organisation", None
    )
    day = next(
        (
            getattr(obj, f)
            for f in ("date", "decided_on", "received_on", "started_on", "start", "period_start")
            if getattr(obj, f, None)
        ),
        None,
    )
    if day is None and getattr(obj, "oversight", None) is not None:
        day = obj.oversight.started_on
    return {"text": str(obj), "organisation": org, "date": day}


@require_GET
@require_role(*READ_ROLES)
def drill(request: HttpRequest) -> HttpResponse:
    """The records behind one number of the dashboard."""
    root = scoped_organisation(request)
    start, end = period_of(request)
    if request.GET.get("chi_tieu"):
        indicator = Indicator.objects.filter(code=request.GET["chi_tieu"]).first()
        if indicator is None or indicator.source not in ("", *COUNTS):
            raise Http404("Không tìm thấy.")
        if indicator.source:
            title = f"{indicator.name}: hồ sơ"
            records = COUNTS[indicator.source](root, start, end)
        else:
            title = f"{indicator.name}: số liệu các đơn vị"
            parts = [indicator]
            if indicator.rollup == "ratio":  # the figures it is computed from
                parts = [i for i in (indicator.numerator, indicator.denominator) if i]
            if indicator.rollup == "weighted_average" and indicator.weight:
                parts.append(indicator.weight)
            records = IndicatorValue.objects.filter(
                pk__in=[
                    pk
                    for part in parts
                    for pk in entered_values(part, root, start, end).values_list("pk", flat=True)
                ]
            ).select_related("organisation", "indicator")
    else:
        kind = STATEMENTS_BY_KEY.get(request.GET.get("so_lieu", ""))
        if kind is None:
            raise Http404("Không tìm thấy.")
        statement = kind.compute(root, start, end)
        part = request.GET.get("phan", "")
        if part not in statement.records:
            raise Http404("Không tìm thấy.")
        records = statement.records[part]
        title = f"{kind.title}: {PART_LABELS.get(part, part)}"
    page = Paginator(records.order_by("-pk"), 50).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    context = {
        "root": root,
        "start": start,
        "end": end,
        "title": title,
        "page": page,
        "rows": [_record_row(o) for o in page],
        "query": query.urlencode(),
    }
    return render(request, "indicators/drill.html", context)


@require_http_methods(["GET", "POST"])
@require_role(*ENTRY_ROLES)
def enter_values(request: HttpRequest) -> HttpResponse:
    form = MonthlyValuesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        start, end = form.cleaned_data["month"]
        today = dt.date.today()
        with transaction.atomic():
            for indicator in form.indicators:
                value = form.cleaned_data.get(f"v_{indicator.code}")
                if value is None:
                    continue
                IndicatorValue.objects.update_or_create(
                    indicator=indicator,
                    organisation=organisation,
                    period_start=start,
                    period_end=end,
                    defaults={"value": value, "submitted_on": today, "entered_by": request.user},
                )
        messages.success(request, f"Đã lưu số liệu tháng {start:%m/%Y} của {organisation}.")
        return redirect(
            f"{reverse('indicators:dashboard')}?to_chuc={organisation.pk}&nam={start.year}"
        )
    return render(request, "indicators/enter.html", {"form": form})
