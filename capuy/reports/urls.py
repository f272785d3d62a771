from __future__ import annotations

from django.urls import path

from capuy.reports import editor_views, gating_views, views, word_views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("soan/", views.report_compose, name="compose"),
    path("tinh-hinh-nop/", views.report_board, name="board"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/luu/", views.report_save, name="save"),
    path("<int:pk>/soan-thao/", editor_views.report_editor, name="editor"),
    path("<int:pk>/tu-luu/", editor_views.report_autosave, name="autosave"),
    path("<int:pk>/phien-ban/", word_views.report_versions, name="versions"),
    path(
        "<int:pk>/phien-ban/<int:number>/tai.md",
        word_views.report_version_text,
        name="version_text",
    ),
    path("<int:pk>/tai-kem-y-kien.docx", word_views.report_docx_commented, name="docx_commented"),
    path("<int:pk>/tai-len-word/", word_views.report_upload_docx, name="upload_docx"),
    path("<int:pk>/bo-qua/", gating_views.report_dismiss, name="dismiss"),
    path("<int:pk>/xac-nhan/<str:action>/", gating_views.report_confirm, name="confirm"),
    path("<int:pk>/<str:action>/", views.report_action, name="action"),
    path("<int:pk>/tai.<str:fmt>", views.report_download, name="download"),
]
