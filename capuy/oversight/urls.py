from __future__ import annotations

from django.urls import path

from capuy.oversight import views

app_name = "oversight"
urlpatterns = [
    path("", views.oversight_list, name="list"),
    path("ky-luat/", views.discipline_list, name="discipline"),
]
