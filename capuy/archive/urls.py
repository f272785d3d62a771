from __future__ import annotations

from django.urls import path

from capuy.archive import check_views, views

app_name = "archive"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("lan-nhap/<int:pk>/", views.run_detail, name="run"),
    path("lan-nhap/<int:pk>/tien-do/", views.run_progress, name="progress"),
    path("lan-nhap/<int:pk>/bao-cao.csv", views.run_csv, name="run_csv"),
    path("xem-lai/", views.review_list, name="review"),
    path("xem-lai/<int:pk>/", views.review_item, name="review_item"),
    path("tep-goc/<int:pk>/", views.item_original, name="original"),
    path("soat-loi/", check_views.check_list, name="checks"),
    path("soat-loi/chay/", check_views.check_start, name="check_start"),
]
