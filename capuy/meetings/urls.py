from __future__ import annotations

from django.urls import path

from capuy.meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("them/", views.meeting_edit, name="create"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/sua/", views.meeting_edit, name="edit"),
    path("nhiem-vu/", views.task_list, name="tasks"),
    path("nhiem-vu/them/", views.task_create, name="task_create"),
    path("nhiem-vu/<int:pk>/", views.task_detail, name="task"),
    path("nhiem-vu/<int:pk>/tien-do/", views.task_progress, name="task_progress"),
]
