from __future__ import annotations

from django.urls import path

from capuy.petitions import views

app_name = "petitions"
urlpatterns = [
    path("", views.petition_list, name="list"),
    path("tiep-dan/", views.reception_list, name="receptions"),
    path("<int:pk>/xu-ly/", views.handle, name="handle"),
]
