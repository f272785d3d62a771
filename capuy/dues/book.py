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
from django.db.models import BigIntegerField, Case, Count, F, Q, Sum, When
from django.urls import reverse

from capuy.dues.models import CellMonthDues, DuesEntry
from capuy.dues.rates import arrears_months, compute_due, share_for
from capuy.handbook.services import notify_members
from capuy.handbook.stats import child_of
from capuy.members.models import Member
from capuy.orgs.kinds import org_kinds
from capuy.orgs.models import Organisation
from capuy.text.numbers import format_number
from capuy.vocab.alphabet import name_sort_key

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
    members = sorted(Member.objects.filter(pk__in=counts), key=lambda m: name_sort_key(m.full_name))
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

    What a cell keeps is its kind's share of what it collected, rounded down per cell (as
    ``split_share``), and what it passes up the rest; the database adds those per-cell amounts
    per unit below the root, so every row is exactly the sum of its cells.
    """
    month = month.replace(day=1)
    children = {
        str(o.pk): RollupRow(o)
        for o in Organisation.objects.filter(parent=root).only("pk", "name", "path", "kind")
    }
    total = RollupRow(root)
    per_mille = {
        kind: share.keep_per_mille
        for kind in org_kind_keys()
        if (share := share_for(kind, month)) is not None
    }
    kept = Case(
        *[When(cell__kind=k, then=F("paid") * pm / 1000) for k, pm in per_mille.items()],
        default=F("paid"),
        output_field=BigIntegerField(),
    )
    groups = (
        CellMonthDues.objects.filter(month=month, cell__path__startswith=root.path)
        .values(child=child_of(root, "cell__path"))
        .annotate(
            n_cells=Count("pk"),
            n_members=Sum("members"),
            sum_due=Sum("due"),
            sum_paid=Sum("paid"),
            n_unpaid=Sum("unpaid_members"),
            sum_kept=Sum(kept),
        )
        .order_by()
    )
    for g in groups:
        targets = (total, children[g["child"]]) if g["child"] in children else (total,)
        for row in targets:
            row.cells += g["n_cells"]
            row.members += g["n_members"]
            row.due += g["sum_due"]
            row.paid += g["sum_paid"]
            row.unpaid_members += g["n_unpaid"]
            row.kept_by_cells += g["sum_kept"]
            row.passed_up_by_cells += g["sum_paid"] - g["sum_kept"]
    total.children = sorted(children.values(), key=lambda r: r.unit.path)
    return total


def naive_rollup(root: Organisation, month: dt.date) -> tuple[int, int, int]:
    """(members, due, paid) of the month under ``root`` summed over every entry (baseline)."""
    totals = DuesEntry.objects.filter(
        month=month.replace(day=1), cell__path__startswith=root.path
    ).aggregate(n=Count("pk"), d=Sum("due"), p=Sum("paid"))
    return totals["n"], totals["d"] or 0, totals["p"] or 0


def org_kind_keys() -> list[str]:
    return [k.key for k in org_kinds()]
