"""App config: keep each document's citations current and add the graph to its page."""

from __future__ import annotations

from django.apps import AppConfig


class CitationsConfig(AppConfig):
    name = "capuy.citations"
    label = "citations"
    verbose_name = "Dẫn chiếu giữa văn bản"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from capuy.citations.page import citations_context
        from capuy.citations.resolve import on_document_saved
        from capuy.documents.detail_sections import DetailSection, register_detail_section
        from capuy.documents.models import Document

        post_save.connect(on_document_saved, sender=Document, dispatch_uid="capuy-citations")
        register_detail_section(
            DetailSection(
                key="citations",
                template="citations/section.html",
                context=citations_context,
                order=10,
            )
        )
