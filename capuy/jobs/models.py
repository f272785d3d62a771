"""A background job (its state, progress, result and attempts) and a worker's heartbeat."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Job(models.Model):
    """One piece of heavy work. This row is the truth about it: Huey only carries its id to a
    worker, and a worker may run it only after claiming it here (``capuy.jobs.runner``)."""

    class State(models.TextChoices):
        QUEUED = "queued", "Chờ"
        RUNNING = "running", "Đang chạy"
        DONE = "done", "Xong"
        FAILED = "failed", "Lỗi"

    kind = models.CharField("loại việc", max_length=60)
    title = models.CharField("việc", max_length=300)
    params = models.JSONField("tham số", default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người yêu cầu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    classification = models.PositiveSmallIntegerField("độ mật", default=0)
    state = models.CharField(
        "trạng thái", max_length=10, choices=State.choices, default=State.QUEUED
    )
    done = models.PositiveIntegerField("đã làm", default=0)
    total = models.PositiveIntegerField("tổng", default=0)
    message = models.CharField("thông báo", max_length=500, blank=True)
    result_file = models.CharField("tệp kết quả", max_length=300, blank=True)
    result_url = models.CharField("địa chỉ kết quả", max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField("số lần chạy", default=0)
    max_attempts = models.PositiveSmallIntegerField("số lần chạy tối đa", default=3)
    worker = models.CharField("tiến trình xử lý", max_length=120, blank=True)
    dedupe_key = models.CharField(max_length=120, null=True, blank=True, unique=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    run_after = models.DateTimeField("chạy từ", null=True, blank=True)
    dispatched_at = models.DateTimeField("gửi vào hàng đợi lúc", null=True, blank=True)
    started_at = models.DateTimeField("bắt đầu", null=True, blank=True)
    finished_at = models.DateTimeField("kết thúc", null=True, blank=True)

    class Meta:
        verbose_name = "công việc"
        verbose_name_plural = "công việc"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "run_after"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_state_display()})"

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)


class WorkerBeat(models.Model):
    """A running ``capuy worker``: it writes ``beat_at`` every few seconds; a worker whose beat
    is old (or whose process is gone, on the same machine) is dead and loses its jobs."""

    name = models.CharField(max_length=120, unique=True)
    host = models.CharField(max_length=120)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(auto_now_add=True)
    beat_at = models.DateTimeField()
    info = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "tiến trình xử lý"
        verbose_name_plural = "tiến trình xử lý"

    def __str__(self) -> str:
        return self.name


class QueueMessage(models.Model):
    """Huey's queue in the database (``capuy.jobs.dbqueue``): a message waiting for a worker."""

    queue = models.CharField(max_length=60)
    priority = models.IntegerField(default=0)
    data = models.BinaryField()

    class Meta:
        indexes = [models.Index(fields=["queue", "-priority", "id"])]


class QueueSchedule(models.Model):
    """Huey's schedule in the database: a message to deliver at ``timestamp`` (a retry)."""

    queue = models.CharField(max_length=60)
    timestamp = models.FloatField()
    data = models.BinaryField()

    class Meta:
        indexes = [models.Index(fields=["queue", "timestamp"])]


class QueueData(models.Model):
    """Huey's key-value store in the database (locks, revoked tasks)."""

    queue = models.CharField(max_length=60)
    key = models.CharField(max_length=255)
    value = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["queue", "key"], name="jobs_queuedata_key")]
