"""Meetings (hội nghị) of a committee's bodies, their agenda and outcomes, and tasks.

A meeting belongs to a body (BCH, BTV, Thường trực) of an organisation, which is what access
scoping looks at. Its ordinal counts within the body and the term ("Hội nghị Thị ủy lần thứ 15
(khóa XXI)"). A conclusion or resolution it produces is a document of the register, linked
from the agenda item that adopted it. Tasks come from a work programme or a conclusion (a
document, a meeting, or both) and are followed with progress notes until done.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from capuy.accounts.levels import Classification

MEETING_BODY_KINDS = ("bch", "btv", "thuong_truc")


class Meeting(models.Model):
    class Kind(models.TextChoices):
        REGULAR = "thuong_ky", "thường kỳ"
        IRREGULAR = "bat_thuong", "bất thường"
        EXTENDED = "mo_rong", "mở rộng"

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="cấp ủy",
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    body = models.ForeignKey(
        "orgs.Body",
        verbose_name="cơ quan họp",
        on_delete=models.PROTECT,
        related_name="meetings",
        limit_choices_to={"kind__in": MEETING_BODY_KINDS},
    )
    term = models.ForeignKey(
        "orgs.CommitteeTerm",
        verbose_name="nhiệm kỳ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField("hình thức", max_length=12, choices=Kind.choices, default=Kind.REGULAR)
    ordinal = models.PositiveSmallIntegerField("lần thứ", null=True, blank=True)
    title = models.CharField("tên hội nghị", max_length=300)
    held_on = models.DateField("ngày họp")
    place = models.CharField("địa điểm", max_length=200, blank=True)
    chair = models.CharField("chủ trì", max_length=200, blank=True)
    attendance = models.TextField("thành phần", blank=True)
    classification = models.PositiveSmallIntegerField(
        "độ mật", choices=Classification.choices, default=Classification.NORMAL
    )
    notes = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "hội nghị"
        verbose_name_plural = "hội nghị"
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "term", "ordinal"],
                condition=Q(ordinal__isnull=False),
                name="meeting_ordinal_unique_per_term",
            )
        ]

    def __str__(self) -> str:
        return self.full_title

    @property
    def full_title(self) -> str:
        """ "Hội nghị Thị ủy lần thứ 15 (khóa XXI)" — ordinal and term when known."""
        text = self.title
        if self.ordinal:
            text += f" lần thứ {self.ordinal}"
        if self.term_id:
            text += f" (khóa {self.term.roman})"
        return text

    @property
    def documents(self) -> list:
        """The documents the meeting produced, in agenda order."""
        return [item.document for item in self.agenda_items.all() if item.document_id]


class AgendaItem(models.Model):
    """One point of the agenda, what was decided, and the document that records it."""

    meeting = models.ForeignKey(
        Meeting, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField("thứ tự", default=1)
    title = models.CharField("nội dung", max_length=500)
    presenter = models.CharField("trình bày", max_length=200, blank=True)
    outcome = models.TextField("kết quả", blank=True)
    document = models.ForeignKey(
        "documents.Document",
        verbose_name="văn bản ban hành",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )

    class Meta:
        verbose_name = "nội dung hội nghị"
        verbose_name_plural = "nội dung hội nghị"
        ordering = ["meeting", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class TaskQuerySet(models.QuerySet["Task"]):
    def open(self) -> TaskQuerySet:
        return self.exclude(status=Task.Status.DONE)

    def overdue(self, today: dt.date | None = None) -> TaskQuerySet:
        """Not done and past the end of its due period."""
        return self.open().filter(due_on__lt=today or dt.date.today())


class Task(models.Model):
    """A task (nhiệm vụ) with a lead body, a due period and a status."""

    class Status(models.TextChoices):
        NEW = "moi", "chưa thực hiện"
        IN_PROGRESS = "dang", "đang thực hiện"
        DONE = "xong", "đã hoàn thành"

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="cấp ủy", on_delete=models.PROTECT, related_name="tasks"
    )
    title = models.TextField("nhiệm vụ")
    lead_body = models.ForeignKey(
        "orgs.Body",
        verbose_name="cơ quan chủ trì",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks_led",
    )
    lead_text = models.CharField(
        "chủ trì (ghi rõ)",
        max_length=300,
        blank=True,
        help_text="Khi đơn vị chủ trì không phải cơ quan của cấp ủy, ví dụ UBND thị xã.",
    )
    source_document = models.ForeignKey(
        "documents.Document",
        verbose_name="văn bản giao",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    source_meeting = models.ForeignKey(
        Meeting,
        verbose_name="hội nghị giao",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    due_label = models.CharField(
        "thời hạn", max_length=100, blank=True, help_text="Ví dụ: tháng 3/2024, quý II/2024."
    )
    due_on = models.DateField("hạn cuối")
    status = models.CharField(
        "tình trạng", max_length=6, choices=Status.choices, default=Status.NEW
    )
    completed_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    classification = models.PositiveSmallIntegerField(
        "độ mật", choices=Classification.choices, default=Classification.NORMAL
    )

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["organisation", "status", "due_on"], name="task_due")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="xong", completed_on__isnull=False) | ~Q(status="xong"),
                name="task_done_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.title[:80]

    @property
    def lead(self) -> str:
        return self.lead_text or (str(self.lead_body) if self.lead_body_id else "")

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.status != self.Status.DONE and self.due_on < (today or dt.date.today())


class TaskProgress(models.Model):
    """A dated note on how a task is going."""

    task = models.ForeignKey(
        Task, verbose_name="nhiệm vụ", on_delete=models.CASCADE, related_name="progress_notes"
    )
    noted_on = models.DateField("ngày")
    text = models.TextField("tiến độ")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người cập nhật",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "tiến độ nhiệm vụ"
        verbose_name_plural = "tiến độ nhiệm vụ"
        ordering = ["task", "-noted_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.noted_on:%d/%m/%Y}: {self.text[:60]}"
