from __future__ import annotations

from django.urls import path

from capuy.incoming import month, views

app_name = "incoming"

urlpatterns = [
    path("", views.arrival_list, name="list"),
    path("vao-so/", views.arrival_new, name="new"),
    path("<int:pk>/", views.arrival_detail, name="detail"),
    path("<int:pk>/chuyen/", views.arrival_route, name="route"),
    path("<int:pk>/xu-ly/", views.arrival_finish, name="finish"),
    path("<int:pk>/sua/", views.arrival_correct, name="correct"),
    path("<int:pk>/tep/", views.arrival_attachment, name="attachment"),
    path("trong-thang/", month.month_view, name="month"),
    path("trong-thang/xuat.<str:fmt>", month.month_export, name="month_export"),
]
