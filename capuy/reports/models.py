"""Reports and what they need: the committee's reporting settings, template overrides, and the
report itself with its workflow state, check findings and the provenance of its numbers.

A report belongs to the organisation whose committee issues it; access scoping looks at that
organisation, so the level above (whose users' subtree contains it) sees a subordinate's
reports, and a ward never sees the town's. Every change is in the audit trail (auditlog
registered in ``apps.py``); the workflow's who-and-when is also kept on the row.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from capuy.accounts.levels import Classification
from capuy.reports.periods import KINDS


def kind_choices() -> list[tuple[str, str]]:
    from capuy.vocab import report_period

    return [(k, report_period(k).name if report_period(k) else k) for k in KINDS]  # type: ignore[union-attr]


def rule_choices() -> list[tuple[str, str]]:
    from capuy.vocab import window_rules

    return [(r.code, r.name) for r in window_rules()]


class ReportSettings(models.Model):
    """How one committee counts its periods and signs its reports (inherited by units below
    that have no settings of their own)."""

    organisation = models.OneToOneField(
        "orgs.Organisation",
        verbose_name="cấp ủy",
        on_delete=models.CASCADE,
        related_name="report_settings",
    )
    window_rule = models.CharField(
        "cách tính kỳ báo cáo tháng",
        max_length=20,
        choices=rule_choices,
        blank=True,
        help_text="Để trống: theo mẫu báo cáo (tháng: từ ngày 27 tháng trước đến ngày 26).",
    )
    place = models.CharField("địa danh ghi ở văn bản", max_length=100, blank=True)
    signer_name = models.CharField("người ký", max_length=120, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=120, blank=True)

    class Meta:
        verbose_name = "thiết lập báo cáo"
        verbose_name_plural = "thiết lập báo cáo"

    def __str__(self) -> str:
        return f"Thiết lập báo cáo — {self.organisation}"


class TemplateOverride(models.Model):
    """An administrator's version of a report template (YAML, same keys as the file in
    ``capuy/vocab/report_templates/``); when present it replaces the file's."""

    kind = models.CharField("loại báo cáo", max_length=20, choices=kind_choices, unique=True)
    text = models.TextField("nội dung mẫu (YAML)")
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "mẫu báo cáo"
        verbose_name_plural = "mẫu báo cáo"

    def __str__(self) -> str:
        return f"Mẫu {self.get_kind_display()}"


class Report(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", "Dự thảo"
        CHECKED = "checked", "Đã kiểm tra"
        APPROVED = "approved", "Đã duyệt"
        ISSUED = "issued", "Đã ban hành"
        SUBMITTED = "submitted", "Đã gửi cấp trên"

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="cấp ủy", on_delete=models.PROTECT, related_name="reports"
    )
    kind = models.CharField("loại báo cáo", max_length=20, choices=kind_choices)
    period = models.CharField("kỳ báo cáo", max_length=40, help_text="Ví dụ: 2024-02, 2024-Q1.")
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày")
    title = models.CharField("trích yếu", max_length=300)
    body = models.TextField("nội dung (định dạng soạn thảo)")
    state = models.CharField(
        "trạng thái", max_length=10, choices=State.choices, default=State.DRAFT
    )
    classification = models.PositiveSmallIntegerField(
        "độ mật", choices=Classification.choices, default=Classification.NORMAL
    )
    findings = models.JSONField("kết quả kiểm tra", default=list, blank=True)
    provenance = models.JSONField("nguồn số liệu", default=list, blank=True)
    due_on = models.DateField("hạn gửi")
    document = models.OneToOneField(
        "documents.Document",
        verbose_name="văn bản trong sổ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)
    checked_at = models.DateTimeField("kiểm tra lúc", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField("duyệt lúc", null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField("ban hành lúc", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_on = models.DateField("ngày gửi cấp trên", null=True, blank=True)

    class Meta:
        verbose_name = "báo cáo"
        verbose_name_plural = "báo cáo"
        ordering = ["-end", "organisation__tree_key", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "period"], name="report_once_per_period"
            )
        ]
        indexes = [models.Index(fields=["kind", "period", "state"], name="report_kind_period")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period} — {self.organisation}"

    @property
    def symbol(self) -> str:
        return self.document.symbol if self.document_id else ""

    @property
    def editable(self) -> bool:
        return self.state in (self.State.DRAFT, self.State.CHECKED)

    def is_late(self) -> bool:
        """Submitted after its due day."""
        return self.submitted_on is not None and self.submitted_on > self.due_on

    def is_missing(self, today: dt.date) -> bool:
        """Not yet submitted and already past its due day."""
        return self.submitted_on is None and today > self.due_on

    @property
    def error_count(self) -> int:
        return sum(1 for f in self.findings if f.get("severity") == "error")


class ReportVersion(models.Model):
    """One kept text of a report: every save of the draft (web editor, Word upload, the
    composer's first text, the number written at issue). Saves by the same person within
    ``capuy.reports.versions.COALESCE`` are one version (autosave); see ``versions.py``."""

    class Source(models.TextChoices):
        COMPOSED = "composed", "Soạn tự động"
        EDITED = "edited", "Sửa trên trang"
        WORD = "word", "Tải lên từ Word"
        ISSUED = "issued", "Ban hành (ghi số)"

    report = models.ForeignKey(
        Report, verbose_name="báo cáo", on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField("phiên bản")
    body = models.TextField("nội dung")
    source = models.CharField("nguồn", max_length=10, choices=Source.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người lưu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("tạo lúc")
    saved_at = models.DateTimeField("lưu lần cuối")
    saves = models.PositiveIntegerField("số lần lưu", default=1)

    class Meta:
        verbose_name = "phiên bản báo cáo"
        verbose_name_plural = "phiên bản báo cáo"
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_once")
        ]

    def __str__(self) -> str:
        return f"Phiên bản {self.number} — {self.report}"


class FindingDismissal(models.Model):
    """A checker finding set aside ("bỏ qua") with the reason, by whom and when: keyed by the
    rule and the excerpt, so it still applies when the text is checked again (a line number
    moves as text is added above it). ``capuy.reports.dismissals``."""

    report = models.ForeignKey(
        Report, verbose_name="báo cáo", on_delete=models.CASCADE, related_name="dismissals"
    )
    rule = models.CharField("quy tắc", max_length=60)
    excerpt = models.CharField("đoạn trích", max_length=500, blank=True)
    message = models.CharField("nội dung phát hiện", max_length=500, blank=True)
    reason = models.CharField("lý do bỏ qua", max_length=500)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người bỏ qua",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("lúc", auto_now_add=True)

    class Meta:
        verbose_name = "phát hiện được bỏ qua"
        verbose_name_plural = "phát hiện được bỏ qua"
        ordering = ["report", "at"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "rule", "excerpt"], name="finding_dismissed_once"
            )
        ]

    def __str__(self) -> str:
        return f"Bỏ qua {self.rule} — {self.report}"
