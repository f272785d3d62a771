"""The cell's dues book (sổ thu nộp đảng phí): per member and month, what is due and paid.

Money is integer đồng (``BigIntegerField``), never floating point. ``DuesEntry`` keeps the
kind and base the amount was computed from and the rule applied, so a later change of rules
never rewrites history. ``PassUp`` is what the cell handed to the level above for a month.
``CellMonthDues`` is the cell's monthly total, rewritten from its entries in the same
transaction as any change (``capuy.dues.book.refresh_month``), for the committee's roll-up.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class DuesEntry(models.Model):
    cell = models.ForeignKey(
        "orgs.Organisation", verbose_name="chi bộ", on_delete=models.PROTECT, related_name="+"
    )
    member = models.ForeignKey(
        "members.Member", verbose_name="đảng viên", on_delete=models.PROTECT, related_name="dues"
    )
    month = models.DateField("tháng")
    kind = models.CharField("đối tượng", max_length=30)
    base = models.BigIntegerField("căn cứ tính (đồng/tháng)", default=0)
    due = models.BigIntegerField("phải nộp (đồng)")
    paid = models.BigIntegerField("đã nộp (đồng)", default=0)
    paid_on = models.DateField("ngày nộp", null=True, blank=True)
    receipt = models.CharField("số biên lai", max_length=40, blank=True)
    reason = models.CharField("lý do chưa nộp", max_length=200, blank=True)
    rule = models.CharField("quy định áp dụng", max_length=30)

    class Meta:
        verbose_name = "thu đảng phí"
        verbose_name_plural = "sổ thu đảng phí"
        ordering = ["month", "member__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["member", "month"], name="dues_once_a_month"),
            models.CheckConstraint(condition=Q(due__gte=0) & Q(paid__gte=0), name="dues_positive"),
        ]
        indexes = [models.Index(fields=["cell", "month"])]


class PassUp(models.Model):
    cell = models.ForeignKey("orgs.Organisation", on_delete=models.PROTECT, related_name="+")
    month = models.DateField("tháng")
    amount = models.BigIntegerField("số tiền nộp lên (đồng)")
    passed_on = models.DateField("ngày nộp")
    receipt = models.CharField("số biên lai", max_length=40, blank=True)

    class Meta:
        verbose_name = "nộp đảng phí lên cấp trên"
        verbose_name_plural = "nộp đảng phí lên cấp trên"
        constraints = [models.UniqueConstraint(fields=["cell", "month"], name="pass_up_once")]


class CellMonthDues(models.Model):
    cell = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    members = models.PositiveIntegerField(default=0)
    due = models.BigIntegerField(default=0)
    paid = models.BigIntegerField(default=0)
    unpaid_members = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cell", "month"], name="cell_month_dues_once")
        ]
        indexes = [models.Index(fields=["month", "cell"])]
