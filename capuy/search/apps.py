"""App config of the site-wide search (its own providers are the record apps')."""

from __future__ import annotations

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "capuy.search"
    label = "search"
    verbose_name = "Tìm kiếm"
