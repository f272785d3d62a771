"""The index table: one row per indexed record, with what the query filters on.

The entry row is narrow (scope, facets, what a result line shows); the title and the body — the
long text the snippets are cut from — live in ``SearchText``, one row per entry, so counting
and faceting tens of thousands of matches reads small rows only (migration 0003).

The full-text part lives beside it and depends on the database (``capuy.search.backends``):
an FTS5 table ``search_fts`` on SQLite, two ``tsvector`` columns with a GIN index on
PostgreSQL. Both are created by migration 0002 and written only through the backend.
"""

from __future__ import annotations

from django.db import models


class SearchEntry(models.Model):
    kind = models.CharField(max_length=20)
    object_id = models.BigIntegerField()
    organisation_id = models.BigIntegerField(db_index=True)
    classification = models.PositiveSmallIntegerField(default=0)
    url = models.CharField(max_length=300)
    date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    symbol = models.CharField(max_length=80, blank=True, default="")
    symbol_key = models.CharField(max_length=80, blank=True, default="", db_index=True)
    type_code = models.CharField(max_length=8, blank=True, default="")
    type_name = models.CharField(max_length=60, blank=True, default="")
    issuer = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        verbose_name = "mục chỉ mục tìm kiếm"
        verbose_name_plural = "chỉ mục tìm kiếm"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="search_entry_one_per_record"
            )
        ]
        indexes = [models.Index(fields=["kind", "organisation_id", "classification"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title[:60]}"


class SearchText(models.Model):
    """The entry's title and body as written (snippets and highlighting), read for the page only."""

    entry = models.OneToOneField(
        SearchEntry, on_delete=models.CASCADE, primary_key=True, related_name="text"
    )
    title = models.TextField()
    body = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = "văn bản của mục chỉ mục"
        verbose_name_plural = "văn bản của chỉ mục"

    def __str__(self) -> str:
        return self.title[:60]
