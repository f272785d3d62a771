from __future__ import annotations

from django.urls import path

from capuy.members import record_views, views

app_name = "members"
urlpatterns = [
    path("", views.member_list, name="list"),
    path("den-han/", views.due, name="due"),
    path("huy-hieu/", record_views.badge_list, name="badges"),
    path("xep-loai/", record_views.member_rating_list, name="ratings"),
    path("xep-loai-to-chuc/", record_views.organisation_rating_list, name="org_ratings"),
    path("<int:pk>/", views.member_detail, name="detail"),
    path("<int:pk>/bien-dong/", views.member_event, name="event"),
    path("<int:pk>/xep-loai/", views.member_rating, name="rating"),
]
