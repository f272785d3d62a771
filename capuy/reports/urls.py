from __future__ import annotations

from django.urls import path

from capuy.reports import editor_views, views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("soan/", views.report_compose, name="compose"),
    path("tinh-hinh-nop/", views.report_board, name="board"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/luu/", views.report_save, name="save"),
    path("<int:pk>/soan-thao/", editor_views.report_editor, name="editor"),
    path("<int:pk>/tu-luu/", editor_views.report_autosave, name="autosave"),
    path("<int:pk>/<str:action>/", views.report_action, name="action"),
    path("<int:pk>/tai.<str:fmt>", views.report_download, name="download"),
]
