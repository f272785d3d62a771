"""One saved version of a vocabulary file: the audit of who changed which file, when, and how."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class VocabVersion(models.Model):
    """A save (or a restore of the packaged file) with the full text before and after it."""

    class Action(models.TextChoices):
        SAVED = "saved", "Sửa"
        RESTORED = "restored", "Khôi phục bản gốc"

    name = models.CharField("tệp danh mục", max_length=100, db_index=True)
    action = models.CharField("thao tác", max_length=10, choices=Action.choices)
    before = models.TextField("nội dung trước")
    after = models.TextField("nội dung sau")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người sửa",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField("thời điểm", auto_now_add=True)

    class Meta:
        verbose_name = "phiên bản danh mục"
        verbose_name_plural = "phiên bản danh mục"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name}.yaml — {self.get_action_display()} — {self.created_at:%d/%m/%Y %H:%M}"
