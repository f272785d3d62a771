"""A used form token and the record it made."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class FormToken(models.Model):
    token = models.CharField("mã phiếu", max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "phiếu đã dùng"
        verbose_name_plural = "phiếu đã dùng"

    def __str__(self) -> str:
        return f"{self.token[:8]}… → {self.content_type.model} {self.object_id}"
