"""Inspections and supervisions, their subjects and conclusions; discipline; asset checks.

Reports count inspections by their subjects ("kiểm tra 254 lượt đảng viên, 99 lượt tổ chức
đảng"): each ``OversightSubject`` row is one "lượt". ``organisation`` on every record is the
unit that owns it (the conducting committee, or the disciplined subject's unit), which is
what subtree roll-ups and access scoping filter on.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from capuy.oversight.choices import (
    body_choices,
    deciding_body_choices,
    discipline_form_choices,
    member_form_choices,
    organisation_form_choices,
    oversight_kind_choices,
    verification_outcome_choices,
)


class Oversight(models.Model):
    """One inspection (kiểm tra) or supervision (giám sát) by a committee or its commission."""

    class Activity(models.TextChoices):
        INSPECTION = "inspection", "kiểm tra"
        SUPERVISION = "supervision", "giám sát"

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="cấp ủy, tổ chức đảng tiến hành",
        on_delete=models.PROTECT,
        related_name="oversights",
    )
    activity = models.CharField("hoạt động", max_length=12, choices=Activity.choices)
    body = models.CharField("chủ thể", max_length=30, choices=body_choices)
    kind = models.CharField("loại", max_length=30, choices=oversight_kind_choices)
    subject_matter = models.CharField("nội dung", max_length=500)
    started_on = models.DateField("ngày bắt đầu")
    concluded_on = models.DateField("ngày kết luận", null=True, blank=True)
    conclusion = models.TextField("kết luận", blank=True)
    violation_found = models.BooleanField("có vi phạm", default=False)
    decision = models.CharField("quyết định", max_length=200, blank=True)

    class Meta:
        verbose_name = "cuộc kiểm tra, giám sát"
        verbose_name_plural = "kiểm tra, giám sát"
        ordering = ["-started_on", "-pk"]
        indexes = [models.Index(fields=["organisation", "activity", "started_on"])]

    def __str__(self) -> str:
        return f"{self.get_activity_display()}: {self.subject_matter}"

    def clean(self) -> None:
        supervision_kind = self.kind.startswith("gs_")
        if supervision_kind != (self.activity == self.Activity.SUPERVISION):
            raise ValidationError({"kind": "Loại không phù hợp với hoạt động kiểm tra/giám sát."})
        if self.concluded_on and self.concluded_on < self.started_on:
            raise ValidationError({"concluded_on": "Ngày kết luận phải sau ngày bắt đầu."})


class OversightSubject(models.Model):
    """An organisation or a member inspected or supervised: one "lượt"."""

    oversight = models.ForeignKey(Oversight, on_delete=models.CASCADE, related_name="subjects")
    subject_organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="tổ chức đảng",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject_member = models.ForeignKey(
        "members.Member",
        verbose_name="đảng viên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "đối tượng kiểm tra, giám sát"
        verbose_name_plural = "đối tượng kiểm tra, giám sát"
        constraints = [
            models.CheckConstraint(
                condition=Q(subject_organisation__isnull=True, subject_member__isnull=False)
                | Q(subject_organisation__isnull=False, subject_member__isnull=True),
                name="oversight_subject_one",
            )
        ]

    def __str__(self) -> str:
        return str(self.subject_member or self.subject_organisation)


class DisciplineDecision(models.Model):
    """A discipline decision against one member or one organisation."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="thuộc tổ chức đảng",
        on_delete=models.PROTECT,
        related_name="discipline_decisions",
        help_text="Đơn vị của đối tượng bị kỷ luật (dùng để tổng hợp theo đảng bộ).",
    )
    subject_member = models.ForeignKey(
        "members.Member",
        verbose_name="đảng viên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="discipline_decisions",
    )
    subject_organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="tổ chức đảng bị kỷ luật",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    form = models.CharField("hình thức", max_length=20, choices=discipline_form_choices)
    deciding_body = models.CharField("cấp quyết định", max_length=30, choices=deciding_body_choices)
    decided_on = models.DateField("ngày quyết định")
    reason = models.TextField("nội dung vi phạm")
    decision = models.CharField("số quyết định", max_length=200, blank=True)
    inspection = models.ForeignKey(
        Oversight,
        verbose_name="qua kiểm tra",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="discipline_decisions",
    )

    class Meta:
        verbose_name = "quyết định kỷ luật"
        verbose_name_plural = "kỷ luật"
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["organisation", "decided_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(subject_organisation__isnull=True, subject_member__isnull=False)
                | Q(subject_organisation__isnull=False, subject_member__isnull=True),
                name="discipline_subject_one",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_form_display()} — {self.subject_member or self.subject_organisation}"

    def clean(self) -> None:
        allowed = dict(
            member_form_choices() if self.subject_member_id else organisation_form_choices()
        )
        if self.form not in allowed:
            who = "đảng viên" if self.subject_member_id else "tổ chức đảng"
            raise ValidationError({"form": f"Hình thức này không áp dụng cho {who}."})


class AssetVerification(models.Model):
    """Verification of a member's declaration of assets and income (xác minh tài sản, thu nhập)."""

    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="asset_verifications"
    )
    member = models.ForeignKey(
        "members.Member", on_delete=models.PROTECT, related_name="asset_verifications"
    )
    declaration_year = models.PositiveSmallIntegerField("năm kê khai")
    verified_on = models.DateField("ngày kết luận")
    outcome = models.CharField("kết quả", max_length=30, choices=verification_outcome_choices)
    conclusion = models.TextField("kết luận", blank=True)

    class Meta:
        verbose_name = "xác minh tài sản, thu nhập"
        verbose_name_plural = "xác minh tài sản, thu nhập"
        ordering = ["-verified_on", "-pk"]
