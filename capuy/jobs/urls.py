from __future__ import annotations

from django.urls import path

from capuy.jobs import views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="list"),
    path("chay/", views.job_start, name="start"),
    path("<int:pk>/", views.job_detail, name="detail"),
    path("<int:pk>/tien-do/", views.job_progress, name="progress"),
    path("<int:pk>/tai-ve/", views.job_result, name="result"),
]
