"""App config: audit trail for the register, and the documents' home panel and menu entry."""

from __future__ import annotations

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "capuy.documents"
    label = "documents"
    verbose_name = "Văn bản"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from capuy.documents.models import (
            Document,
            DocumentRelation,
            DocumentTally,
            NumberCounter,
        )
        from capuy.documents.panels import register_home

        auditlog.register(
            Document, m2m_fields={"co_issuers"}, exclude_fields=["text", "search_text"]
        )
        auditlog.register(DocumentRelation)
        auditlog.register(NumberCounter)

        from capuy.accounts.scoped import register_scoped

        register_scoped(Document, "organisation", "classification")
        register_scoped(DocumentRelation, "source__organisation", "source__classification")
        register_scoped(NumberCounter, "organisation")
        register_scoped(DocumentTally, "organisation", "classification")
        register_home()
        from capuy.documents.report_sections import register as register_report_sections

        register_report_sections()  # its sections of a composed report
        from capuy.documents.search import register_search

        register_search()

        from capuy.documents.demo import load_demo_documents
        from capuy.web.demo import register_demo_step

        register_demo_step("documents", load_demo_documents, order=10, label="Văn bản đi")
