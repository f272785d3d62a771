"""Dues pages: a member's own dues, the cell's book (with import), the committee's roll-up.

A member sees only their own entries; the cell's book opens for the cell's officers and the
office above it (``capuy.handbook.scope.cell_or_404``); the roll-up for any unit the user may
see (``capuy.accounts.access``). Anything else: 404.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from capuy.accounts.access import get_scoped_object_or_404, primary_organisation, require_role
from capuy.dues.book import arrears, record_entry, rollup
from capuy.dues.importer import import_rows, read_table
from capuy.dues.models import DuesEntry, PassUp
from capuy.dues.rates import (
    arrears_months,
    fallback_kinds,
    kind_choices,
    kind_short_labels,
    rule_in_force,
    split_share,
)
from capuy.handbook.scope import cell_or_404, require_member
from capuy.handbook.services import cell_members
from capuy.orgs.models import Organisation
from capuy.vocab.alphabet import name_sort_key
from capuy.web.records import READ_ROLES


def _month(text: str | None) -> dt.date:
    """``MM/YYYY`` (or ``YYYY-MM``) from the query string; this month otherwise."""
    today = timezone.localdate()
    for fmt in ("%m/%Y", "%Y-%m"):
        try:
            return dt.datetime.strptime((text or "").strip()[:7], fmt).date().replace(day=1)
        except ValueError:
            continue
    return today.replace(day=1)


def _rule_notice(month: dt.date) -> dict[str, object]:
    """What every dues page says of the rule it computes by: the rule, whether its figures
    are checked against the official text, and the kinds still computed by an older rule."""
    applied, pending = rule_in_force(month)
    fallback = fallback_kinds(month)
    return {
        "applied": applied,
        "pending": pending,
        "fallback": [rate.short for rate, _ in fallback],
        "fallback_rule": fallback[0][1] if fallback else None,
    }


@login_required
@require_http_methods(["GET"])
def mine(request: HttpRequest) -> HttpResponse:
    member = require_member(request.user)
    entries = DuesEntry.objects.filter(member=member).order_by("-month")[:24]
    owed = sum(max(e.due - e.paid, 0) for e in entries)
    return render(
        request,
        "dues/mine.html",
        {"member": member, "entries": entries, "owed": owed, **_rule_notice(_month(None))},
    )


class EntryForm(forms.Form):
    member = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label="Đối tượng", choices=[])
    base = forms.IntegerField(label="Căn cứ tính (đồng/tháng)", min_value=0, max_value=10**11)
    paid = forms.IntegerField(label="Đã nộp (đồng)", min_value=0, max_value=10**10)
    receipt = forms.CharField(label="Số biên lai", max_length=40, required=False)
    reason = forms.CharField(label="Lý do chưa nộp", max_length=200, required=False)

    def __init__(self, *args: object, month: dt.date, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices(month)


class ImportForm(forms.Form):
    file = forms.FileField(label="Tệp của thủ quỹ (.csv hoặc .xlsx)")


class PassUpForm(forms.Form):
    passed_on = forms.DateField(
        label="Ngày nộp",
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    receipt = forms.CharField(label="Số biên lai", max_length=40, required=False)


def _back_to_month(request: HttpRequest, month: dt.date) -> HttpResponse:
    return redirect(f"{request.path}?thang={month:%m/%Y}")


def _save_entry(request: HttpRequest, cell: Organisation, month: dt.date, form: EntryForm) -> bool:
    """Record one member's dues from a valid entry form; False when the member is not in
    the cell (the error is a message)."""
    d = form.cleaned_data
    member = cell_members(cell.pk).filter(pk=d["member"]).first()
    if member is None:
        messages.error(request, "Đảng viên không thuộc chi bộ.")
        return False
    record_entry(
        member,
        month,
        d["kind"],
        d["base"],
        d["paid"],
        paid_on=timezone.localdate() if d["paid"] else None,
        receipt=d["receipt"],
        reason=d["reason"],
    )
    messages.success(request, f"Đã ghi đảng phí tháng {month:%m/%Y} của {member.full_name}.")
    return True


def _import_file(
    request: HttpRequest, cell: Organisation, month: dt.date, form: ImportForm
) -> list[str]:
    """Import the uploaded table of a valid import form; its errors (none: all saved)."""
    upload = form.cleaned_data["file"]
    try:
        rows = read_table(upload.name, upload.read())
    except ValueError as error:
        return [str(error)]
    result = import_rows(cell, month, rows)
    if not result.errors:
        messages.success(request, f"Đã nhập {result.saved} dòng đảng phí tháng {month:%m/%Y}.")
    return result.errors


def _month_entries(cell: Organisation, month: dt.date) -> list[DuesEntry]:
    """The cell's entries of ``month``, each with the short label of its kind."""
    entries = sorted(
        DuesEntry.objects.filter(cell=cell, month=month).select_related("member"),
        key=lambda e: name_sort_key(e.member.full_name),
    )
    labels = kind_short_labels(month)
    for entry in entries:
        entry.kind_label = labels.get(entry.kind, entry.kind)
    return entries


@login_required
@require_http_methods(["GET", "POST"])
def book(request: HttpRequest, cell_id: int) -> HttpResponse:
    """The dues book of a cell for a month: entries, import, pass-up, totals and arrears."""
    cell = cell_or_404(request.user, cell_id)
    month = _month(request.GET.get("thang") or request.POST.get("thang"))
    entry_form = EntryForm(request.POST or None, month=month) if "ghi" in request.POST else None
    import_form = (
        ImportForm(request.POST or None, request.FILES or None) if "nhap" in request.POST else None
    )
    passup_form = PassUpForm(request.POST or None) if "nop_len" in request.POST else None
    import_errors: list[str] = []
    if (
        entry_form is not None
        and entry_form.is_valid()
        and _save_entry(request, cell, month, entry_form)
    ):
        return _back_to_month(request, month)
    if import_form is not None and import_form.is_valid():
        import_errors = _import_file(request, cell, month, import_form)
        if not import_errors:
            return _back_to_month(request, month)
    entries = _month_entries(cell, month)
    collected = sum(e.paid for e in entries)
    kept, passed = split_share(collected, cell.kind, month)
    if passup_form is not None and passup_form.is_valid():
        with transaction.atomic():
            PassUp.objects.update_or_create(
                cell=cell,
                month=month,
                defaults={"amount": passed, **passup_form.cleaned_data},
            )
        messages.success(request, f"Đã ghi nộp lên cấp trên {passed} đồng.")
        return _back_to_month(request, month)
    recorded = {e.member_id for e in entries}
    months, source = arrears_months()
    context = {
        "cell": cell,
        "month": month,
        "entries": entries,
        "missing": sorted(
            cell_members(cell.pk).exclude(pk__in=recorded), key=lambda m: name_sort_key(m.full_name)
        ),
        "due_total": sum(e.due for e in entries),
        "collected": collected,
        "kept": kept,
        "passed": passed,
        "pass_up": PassUp.objects.filter(cell=cell, month=month).first(),
        "entry_form": EntryForm(month=month),
        "import_form": import_form or ImportForm(),
        "passup_form": passup_form or PassUpForm(),
        "import_errors": import_errors,
        "arrears": arrears(cell.pk, month.year),
        "arrears_months": months,
        "arrears_source": source,
        **_rule_notice(month),
    }
    return render(request, "dues/book.html", context)


@require_http_methods(["GET"])
@require_role(*READ_ROLES)
def report(request: HttpRequest, org_id: int | None = None) -> HttpResponse:
    """The roll-up of a month for a unit and the units directly below it."""
    if org_id is None:
        unit = primary_organisation(request.user)
        if unit is None:
            return render(request, "dues/report.html", {"total": None})
        return redirect("dues:report_unit", org_id=unit.pk)
    unit = get_scoped_object_or_404(
        Organisation.objects.all(), request.user, org_field="pk", pk=org_id
    )
    month = _month(request.GET.get("thang"))
    total = rollup(unit, month)
    return render(
        request,
        "dues/report.html",
        {"total": total, "unit": unit, "month": month, **_rule_notice(month)},
    )
