from __future__ import annotations

from django.urls import path

from capuy.indicators import views

app_name = "indicators"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("chi-tiet/", views.drill, name="drill"),
    path("nhap/", views.enter_values, name="enter"),
]
