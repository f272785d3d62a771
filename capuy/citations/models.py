"""One row per citation found in a registered document (summary and attached text)."""

from __future__ import annotations

from django.db import models


class DocumentCitation(models.Model):
    class Relation(models.TextChoices):
        BASIS = "basis", "căn cứ"
        IMPLEMENTS = "implements", "thực hiện"
        AMENDS = "amends", "sửa đổi, bổ sung"
        REPLACES = "replaces", "thay thế"
        REPEALS = "repeals", "bãi bỏ"
        REVIEWS = "reviews", "tổng kết, sơ kết"
        MENTIONS = "mentions", "nhắc đến"

    source = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="citations_out"
    )
    target = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="citations_in",
    )
    symbol = models.CharField("số hiệu như đã viết", max_length=80)
    symbol_key = models.CharField(max_length=80, db_index=True)
    number = models.PositiveIntegerField(null=True, blank=True)
    type_code = models.CharField(max_length=8, blank=True)
    issuer_code = models.CharField(max_length=30, blank=True)
    type_word = models.CharField(max_length=60, blank=True)
    date = models.DateField(null=True, blank=True)
    relation = models.CharField(max_length=12, choices=Relation.choices, default=Relation.MENTIONS)
    excerpt = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "dẫn chiếu"
        verbose_name_plural = "dẫn chiếu"
        indexes = [models.Index(fields=["target", "relation"])]

    def __str__(self) -> str:
        return f"{self.source_id} {self.relation} {self.symbol}"
