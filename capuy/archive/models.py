"""An import run and one row per file it met: the archive's intake journal.

Why a journal beside the register: an office's twenty years of files arrive in one go, and the
run must survive a crash (kill -9, a power cut) and be run again without filing anything twice.
Each file is filed in ONE transaction that writes its ``ImportItem`` and, when its metadata is
complete, its ``Document`` (an ordinary register row, so lists, search and reports see it). So
after a crash a file is either fully in the journal or not at all, and the next run skips what
the journal already holds (same run: by path; any run of the same organisation: by content
hash).

A file whose metadata is not complete enough for the register (no date, no type, an outgoing
document without its number or without a committee term for its date) is kept as a
``REVIEW`` item with its stored original, text and what was found; a person completes it on the
review page, which then files the ``Document``. A filed document whose OCR confidence is low is
flagged (``low_confidence``) for the same page.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from capuy.accounts.levels import Classification


class ImportRun(models.Model):
    """One ``capuy import PATH`` or one web upload, into one organisation's archive."""

    class Origin(models.TextChoices):
        COMMAND = "cli", "Dòng lệnh"
        UPLOAD = "web", "Tải lên"

    class State(models.TextChoices):
        RUNNING = "running", "Đang nhập"
        FINISHED = "finished", "Đã xong"
        FAILED = "failed", "Dừng vì lỗi"

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="kho lưu trữ của",
        on_delete=models.PROTECT,
        related_name="+",
    )
    source = models.CharField("nguồn", max_length=1000)
    origin = models.CharField("cách nhập", max_length=3, choices=Origin.choices)
    state = models.CharField(
        "trạng thái", max_length=10, choices=State.choices, default=State.RUNNING
    )
    message = models.CharField("ghi chú", max_length=500, blank=True)
    total = models.PositiveIntegerField("số tệp", default=0)
    done = models.PositiveIntegerField("đã xử lý", default=0)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField("bắt đầu", auto_now_add=True)
    finished_at = models.DateTimeField("kết thúc", null=True, blank=True)

    class Meta:
        verbose_name = "lượt nhập kho lưu trữ"
        verbose_name_plural = "lượt nhập kho lưu trữ"
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.source} → {self.organisation} ({self.get_state_display()})"


class ImportItem(models.Model):
    """One file of a run: what happened to it, and (once filed) the document it became."""

    class Status(models.TextChoices):
        IMPORTED = "imported", "Đã nhập"
        REVIEW = "review", "Cần người bổ sung"
        DUPLICATE = "duplicate", "Trùng"
        FAILED = "failed", "Không đọc được"
        SKIPPED = "skipped", "Bỏ qua (không phải văn bản)"

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="items")
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="kho lưu trữ của",
        on_delete=models.PROTECT,
        related_name="+",
    )
    path = models.CharField("tệp", max_length=1000)
    sha256 = models.CharField("mã băm nội dung", max_length=64, db_index=True)
    size = models.PositiveBigIntegerField("cỡ (byte)", default=0)
    status = models.CharField("kết quả", max_length=10, choices=Status.choices)
    reason = models.CharField("lý do", max_length=500, blank=True)
    problems = models.JSONField(
        "cần xem lại", default=list, blank=True, help_text="Mã các điểm cần người xem lại."
    )
    metadata = models.JSONField("thông tin đọc được", default=dict, blank=True)
    text = models.TextField("nội dung tệp", blank=True)
    original = models.FileField("tệp gốc", upload_to="luu-tru/", max_length=300, blank=True)
    reader_format = models.CharField("định dạng đọc", max_length=20, blank=True)
    ocr_confidence = models.FloatField(
        "độ tin cậy OCR",
        null=True,
        blank=True,
        help_text="0–1, trung bình theo độ dài của các khối do OCR đọc; trống nếu không OCR.",
    )
    low_confidence = models.BooleanField("OCR kém tin cậy", default=False)
    classification = models.PositiveSmallIntegerField(
        "độ mật", choices=Classification.choices, default=Classification.NORMAL
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name="văn bản trong sổ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_items",
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name="trùng với",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xem lại",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField("xem lại lúc", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "tệp đã nhập"
        verbose_name_plural = "tệp đã nhập"
        ordering = ["run", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["run", "path"], name="import_item_once_per_run")
        ]
        indexes = [
            models.Index(fields=["organisation", "sha256"], name="import_item_org_hash"),
            models.Index(fields=["organisation", "status"], name="import_item_org_status"),
        ]

    def __str__(self) -> str:
        return f"{self.path} — {self.get_status_display()}"

    @property
    def needs_person(self) -> bool:
        """Still on the review page: not filed yet, or filed with a low OCR confidence."""
        unreviewed = self.reviewed_at is None
        return self.status == self.Status.REVIEW or (
            self.status == self.Status.IMPORTED and self.low_confidence and unreviewed
        )


class DocumentCheck(models.Model):
    """The last archive-wide check (``archive_check`` job) of one register document's stored
    text: its findings by severity and the first few of them. ``text_sha256`` is the hash of
    the text that was checked: a document whose text changed since shows as not checked."""

    document = models.OneToOneField(
        "documents.Document",
        verbose_name="văn bản",
        on_delete=models.CASCADE,
        related_name="archive_check",
    )
    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="sổ của", on_delete=models.CASCADE, related_name="+"
    )
    classification = models.PositiveSmallIntegerField(
        "độ mật", choices=Classification.choices, default=Classification.NORMAL
    )
    text_sha256 = models.CharField("mã băm nội dung đã soát", max_length=64)
    errors = models.PositiveIntegerField("lỗi", default=0)
    warnings = models.PositiveIntegerField("cảnh báo", default=0)
    infos = models.PositiveIntegerField("gợi ý", default=0)
    rules = models.JSONField("số phát hiện theo quy tắc", default=dict, blank=True)
    sample = models.JSONField("một số phát hiện", default=list, blank=True)
    note = models.CharField("ghi chú", max_length=300, blank=True)
    job = models.ForeignKey(
        "jobs.Job",
        verbose_name="công việc",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checked_at = models.DateTimeField("soát lúc")

    class Meta:
        verbose_name = "kết quả soát lỗi văn bản"
        verbose_name_plural = "kết quả soát lỗi văn bản"
        indexes = [models.Index(fields=["organisation", "-errors"], name="doccheck_org_errors")]

    def __str__(self) -> str:
        return f"{self.document_id}: {self.errors} lỗi, {self.warnings} cảnh báo"

    @property
    def worst(self) -> str:
        """The most severe finding's severity ("" when nothing was found)."""
        for severity, count in (("error", self.errors), ("warning", self.warnings)):
            if count:
                return severity
        return "info" if self.infos else ""
