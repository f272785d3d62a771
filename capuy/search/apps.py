"""App config of the site-wide search (its own providers are the record apps')."""

from __future__ import annotations

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "capuy.search"
    label = "search"
    verbose_name = "Tìm kiếm"

    def ready(self) -> None:
        from capuy.accounts.scoped import register_scoped
        from capuy.search.models import SearchEntry, SearchText

        # an entry is seen as its record is: unit and classification copied from it
        register_scoped(SearchEntry, "organisation_id", "classification")
        register_scoped(SearchText, "entry__organisation_id", "entry__classification")
        from capuy.search.jobs import register as register_jobs

        register_jobs()  # rebuilding the index as a background job
