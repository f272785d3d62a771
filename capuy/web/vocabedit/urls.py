"""URLs of the vocabulary editor, under ``danh-muc/sua/``."""

from __future__ import annotations

from django.urls import path

from capuy.web.vocabedit import views

urlpatterns = [
    path("", views.vocab_files, name="vocab_files"),
    path("<slug:name>/", views.vocab_edit, name="vocab_edit"),
    path("<slug:name>/khoi-phuc/", views.vocab_restore, name="vocab_restore"),
]
