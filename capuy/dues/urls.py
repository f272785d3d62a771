"""URLs of party dues: my dues, a cell's book, the roll-up report."""

from __future__ import annotations

from django.urls import path

from capuy.dues import views

app_name = "dues"

urlpatterns = [
    path("cua-toi/", views.mine, name="mine"),
    path("chi-bo/<int:cell_id>/", views.book, name="book"),
    path("bao-cao/", views.report, name="report"),
    path("bao-cao/<int:org_id>/", views.report, name="report_unit"),
]
