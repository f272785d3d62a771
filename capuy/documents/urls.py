from __future__ import annotations

from django.urls import path

from capuy.documents import corrections, month_pages, views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="list"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/tep/", views.document_attachment, name="attachment"),
    path("vao-so/di/", views.register_outgoing_view, name="register"),
    path("vao-so/den/", views.register_incoming_view, name="register_incoming"),
    path("so-tiep-theo/", views.next_number, name="next_number"),
    path("trong-thang/", month_pages.month_view, name="month"),
    path("trong-thang/xuat.<str:fmt>", month_pages.month_export, name="month_export"),
]

urlpatterns += [
    path("<int:pk>/sua/", corrections.correct_view, name="correct"),
    path("<int:pk>/thu-hoi/", corrections.recall_view, name="recall"),
    path("<int:pk>/thay-the/", corrections.replace_view, name="replace"),
]
