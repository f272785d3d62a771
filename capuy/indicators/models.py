"""Indicators (chỉ tiêu): a catalogue, targets with their source, values per unit and period,
and validation rules checked on entry.

An indicator is either *entered* (units type a value per period) or *computed* live from the
records (``source`` names the count in ``capuy.stats.counts``, e.g. ``members.admissions``).
``rollup`` says how values combine over a subtree and over the months of a period:

- ``sum``: add everything;
- ``ratio``: sum of ``numerator`` values over sum of ``denominator`` values, in %;
- ``weighted_average``: Σ value × weight / Σ weight, weights being ``weight`` values of the
  same unit and period;
- ``latest``: a stock (members, households): per unit its last value in the period, summed;
- ``none``: not aggregated: only the unit's own value for exactly that period.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from capuy.text import format_number
from capuy.vocab.records import choices, load


def rollup_choices() -> list[tuple[str, str]]:
    return choices("indicators", "rollups")


def operator_choices() -> list[tuple[str, str]]:
    return [(op, op) for op in load("indicators")["operators"]]


class Indicator(models.Model):
    code = models.SlugField("mã", max_length=60, unique=True)
    name = models.CharField("tên chỉ tiêu", max_length=300)
    unit = models.CharField("đơn vị tính", max_length=40)
    rollup = models.CharField("cách tổng hợp", max_length=20, choices=rollup_choices)
    source = models.CharField(
        "tính từ hồ sơ",
        max_length=60,
        blank=True,
        help_text="Để trống nếu đơn vị nhập số liệu; ví dụ members.admissions.",
    )
    numerator = models.ForeignKey(
        "self",
        verbose_name="tử số",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    denominator = models.ForeignKey(
        "self",
        verbose_name="mẫu số",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    weight = models.ForeignKey(
        "self",
        verbose_name="quyền số",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    required = models.BooleanField("đơn vị cấp dưới phải báo cáo", default=False)
    position = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "danh mục chỉ tiêu"
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.rollup == "ratio" and not (self.numerator_id and self.denominator_id):
            raise ValidationError("Chỉ tiêu tỷ lệ cần tử số và mẫu số.")
        if self.rollup == "weighted_average" and not self.weight_id:
            raise ValidationError("Chỉ tiêu bình quân gia quyền cần quyền số.")
        if self.source:
            from capuy.stats.counts import COUNTS

            if self.source not in COUNTS:
                raise ValidationError({"source": f"Không có cách tính “{self.source}”."})


class Target(models.Model):
    """What a unit must reach for an indicator in a year or a term, and who set it."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="targets")
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="targets"
    )
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày")
    label = models.CharField(
        "kỳ", max_length=60, help_text="Ví dụ: năm 2024; nhiệm kỳ 2020 - 2025."
    )
    value = models.DecimalField("chỉ tiêu", max_digits=18, decimal_places=4)
    source = models.CharField(
        "nguồn giao", max_length=300, help_text="Ví dụ: tỉnh giao; Nghị quyết Đại hội XXI."
    )

    class Meta:
        verbose_name = "chỉ tiêu được giao"
        verbose_name_plural = "chỉ tiêu được giao"
        ordering = ["-start", "indicator__position"]
        indexes = [models.Index(fields=["organisation", "indicator", "start"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.label}: {self.value}"


class IndicatorValue(models.Model):
    """A unit's value of an entered indicator for one period (usually a month)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="indicator_values"
    )
    period_start = models.DateField("từ ngày")
    period_end = models.DateField("đến ngày")
    value = models.DecimalField("giá trị", max_digits=18, decimal_places=4)
    submitted_on = models.DateField("ngày báo cáo")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "số liệu chỉ tiêu"
        verbose_name_plural = "số liệu chỉ tiêu"
        ordering = ["-period_start", "indicator__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "organisation", "period_start", "period_end"],
                name="indicator_value_once",
            )
        ]
        indexes = [models.Index(fields=["indicator", "period_start", "organisation"])]

    def __str__(self) -> str:
        return (
            f"{self.indicator.code} {self.organisation} {self.period_start:%m/%Y}: "
            f"{format_number(Decimal(str(self.value)).normalize())}"
        )


class ValidationRule(models.Model):
    """left operator right, checked when a unit enters its values for a period.

    The right side is another indicator (same unit and period) or a constant.
    """

    left = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="rules")
    operator = models.CharField("phép so sánh", max_length=2, choices=operator_choices)
    right = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    right_constant = models.DecimalField(
        "hằng số", max_digits=18, decimal_places=4, null=True, blank=True
    )
    message = models.CharField("thông báo khi vi phạm", max_length=300)

    class Meta:
        verbose_name = "quy tắc kiểm tra số liệu"
        verbose_name_plural = "quy tắc kiểm tra số liệu"

    def __str__(self) -> str:
        right = self.right.code if self.right else self.right_constant
        return f"{self.left.code} {self.operator} {right}"

    def clean(self) -> None:
        if (self.right_id is None) == (self.right_constant is None):
            raise ValidationError("Vế phải là một chỉ tiêu hoặc một hằng số (chỉ một).")
