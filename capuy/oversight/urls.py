from __future__ import annotations

from django.urls import path

from capuy.oversight import asset_views, views

app_name = "oversight"
urlpatterns = [
    path("", views.oversight_list, name="list"),
    path("ky-luat/", views.discipline_list, name="discipline"),
    path("tai-san/", asset_views.asset_list, name="assets"),
    path("tai-san/<int:pk>/", asset_views.asset_detail, name="asset"),
]
