from __future__ import annotations

from django.urls import path

from capuy.members import views

app_name = "members"
urlpatterns = [
    path("", views.member_list, name="list"),
    path("den-han/", views.due, name="due"),
    path("<int:pk>/", views.member_detail, name="detail"),
    path("<int:pk>/bien-dong/", views.member_event, name="event"),
    path("<int:pk>/xep-loai/", views.member_rating, name="rating"),
]
