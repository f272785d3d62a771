"""Writing the dues book and reading it back: entries, arrears, monthly totals, roll-up.

Every write goes through here so the monthly totals (``CellMonthDues``) are rewritten from the
entries in the same transaction. The roll-up sums those totals over a subtree; kept and passed
up amounts are computed per cell by the share of the rule in force and added up, so every
total is exactly the sum of its parts (integers, no rounding at the total).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.urls import reverse

from capuy.dues.models import CellMonthDues, DuesEntry
from capuy.dues.rates import arrears_months, compute_due, share_for
from capuy.handbook.services import notify_members
from capuy.members.models import Member
from capuy.orgs.models import Organisation
from capuy.text.numbers import format_number

__all__ = ["RollupRow", "arrears", "naive_rollup", "record_entry", "refresh_month", "rollup"]


@transaction.atomic
def record_entry(
    member: Member,
    month: dt.date,
    kind: str,
    base: int,
    paid: int,
    *,
    paid_on: dt.date | None = None,
    receipt: str = "",
    reason: str = "",
    notify: bool = True,
) -> DuesEntry:
    """Set the member's entry for ``month`` (amount due computed by the rule in force); a
    member who still owes for it gets a notice."""
    month = month.replace(day=1)
    due = compute_due(kind, base, month)
    entry, _ = DuesEntry.objects.update_or_create(
        member=member,
        month=month,
        defaults={
            "cell_id": member.organisation_id,
            "kind": kind,
            "base": base,
            "due": due.amount,
            "paid": paid,
            "paid_on": paid_on,
            "receipt": receipt,
            "reason": reason,
            "rule": due.rule.symbol,
        },
    )
    refresh_month(member.organisation_id, month)
    if notify and entry.paid < entry.due:
        notify_members(
            [member],
            "dues",
            f"Đảng phí tháng {month:%m/%Y}: phải nộp {format_number(entry.due)} đồng, "
            f"đã nộp {format_number(entry.paid)} đồng.",
            reverse("dues:mine"),
        )
    return entry


def refresh_month(cell_id: int, month: dt.date) -> None:
    totals = DuesEntry.objects.filter(cell_id=cell_id, month=month).aggregate(
        n_members=Count("pk"),
        sum_due=Sum("due"),
        sum_paid=Sum("paid"),
        n_unpaid=Count("pk", filter=Q(paid__lt=F("due"))),
    )
    CellMonthDues.objects.update_or_create(
        cell_id=cell_id,
        month=month,
        defaults={
            "members": totals["n_members"],
            "due": totals["sum_due"] or 0,
            "paid": totals["sum_paid"] or 0,
            "unpaid_members": totals["n_unpaid"],
        },
    )


def arrears(cell_id: int, year: int) -> list[tuple[Member, int]]:
    """Members of the cell who left dues unpaid without a reason for the rule's number of
    months in ``year`` (Điều lệ Đảng, Điều 8): the cell is to consider them."""
    months, _source = arrears_months()
    rows = (
        DuesEntry.objects.filter(cell_id=cell_id, month__year=year, paid__lt=F("due"), reason="")
        .values("member_id")
        .annotate(n=Count("pk"))
        .filter(n__gte=months)
    )
    counts = {r["member_id"]: r["n"] for r in rows}
    members = Member.objects.filter(pk__in=counts).order_by("full_name")
    return [(m, counts[m.pk]) for m in members]


@dataclass
class RollupRow:
    unit: Organisation
    members: int = 0
    due: int = 0
    paid: int = 0
    unpaid_members: int = 0
    kept_by_cells: int = 0
    passed_up_by_cells: int = 0
    cells: int = 0
    children: list[RollupRow] = field(default_factory=list)


def rollup(root: Organisation, month: dt.date) -> RollupRow:
    """Dues of ``month`` for ``root`` and each unit directly below it, summed from the cells.

    What a cell keeps and passes up is split per cell (its kind's share under the rule in
    force) and then added up, so every row is exactly the sum of its cells.
    """
    month = month.replace(day=1)
    children = {
        o.pk: RollupRow(o)
        for o in Organisation.objects.filter(parent=root).only("pk", "name", "path", "kind")
    }
    total = RollupRow(root)
    depth = root.path.count("/")
    sums = CellMonthDues.objects.filter(month=month, cell__path__startswith=root.path).values_list(
        "cell__path", "cell__kind", "members", "due", "paid", "unpaid_members"
    )
    per_mille: dict[str, int] = {}  # the share a kind of cell keeps, read once per kind
    for path, kind, members, due, paid, unpaid in sums:
        if kind not in per_mille:
            share = share_for(kind, month)
            per_mille[kind] = share.keep_per_mille if share else 1000
        kept = paid * per_mille[kind] // 1000  # as split_share does, without a look-up per row
        passed = paid - kept
        segment = path.split("/")[depth] if path.count("/") > depth else ""
        child = children.get(int(segment)) if segment else None
        for row in (total, child) if child is not None else (total,):
            row.members += members
            row.due += due
            row.paid += paid
            row.unpaid_members += unpaid
            row.kept_by_cells += kept
            row.passed_up_by_cells += passed
            row.cells += 1
    total.children = sorted(children.values(), key=lambda r: r.unit.path)
    return total


def naive_rollup(root: Organisation, month: dt.date) -> tuple[int, int, int]:
    """(members, due, paid) of the month under ``root`` summed over every entry (baseline)."""
    totals = DuesEntry.objects.filter(
        month=month.replace(day=1), cell__path__startswith=root.path
    ).aggregate(n=Count("pk"), d=Sum("due"), p=Sum("paid"))
    return totals["n"], totals["d"] or 0, totals["p"] or 0
