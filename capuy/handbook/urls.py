"""URLs of the member's handbook (sổ tay đảng viên) and of the cell's pages."""

from __future__ import annotations

from django.urls import path

from capuy.handbook import (
    views_cell,
    views_corrections,
    views_member,
    views_readings,
    views_report,
    views_send,
)

app_name = "handbook"

urlpatterns = [
    path("", views_member.home, name="home"),
    path("ho-so/", views_member.profile, name="profile"),
    path("ho-so/ai-da-xem/", views_member.who_viewed, name="who_viewed"),
    path("sinh-hoat/", views_member.meetings, name="meetings"),
    path("sinh-hoat/<int:pk>/", views_member.meeting, name="meeting"),
    path("tai-lieu/", views_member.readings, name="readings"),
    path("tai-lieu/<int:pk>/", views_member.reading, name="reading"),
    path("tai-lieu/<int:pk>/danh-dau/", views_member.bookmark, name="bookmark"),
    path("tu-kiem-diem/", views_member.self_review, name="self_review"),
    path("thong-bao/", views_member.notifications, name="notifications"),
    path("doi-mat-khau/", views_member.change_password, name="change_password"),
    path("bao-cao/", views_report.attendance_report, name="attendance_report"),
    path(
        "bao-cao/<int:org_id>/",
        views_report.attendance_report,
        name="attendance_report_unit",
    ),
    path("chi-bo/", views_cell.cells, name="cells"),
    path("de-nghi-sua/", views_corrections.corrections, name="corrections"),
    path("gui-tai-lieu/", views_send.send_to_all, name="send_to_all"),
    path("chi-bo/<int:cell_id>/", views_cell.cell, name="cell"),
    path("chi-bo/<int:cell_id>/sinh-hoat/moi/", views_cell.meeting_new, name="meeting_new"),
    path("chi-bo/<int:cell_id>/sinh-hoat/<int:pk>/", views_cell.cell_meeting, name="cell_meeting"),
    path("chi-bo/<int:cell_id>/tai-lieu/moi/", views_cell.reading_new, name="reading_new"),
    path("chi-bo/<int:cell_id>/tai-lieu/", views_readings.readings, name="cell_readings"),
    path(
        "chi-bo/<int:cell_id>/tai-lieu/<int:pk>/da-doc/",
        views_readings.receipts,
        name="cell_receipts",
    ),
    path(
        "chi-bo/<int:cell_id>/dang-vien/<int:member_id>/",
        views_cell.member_profile,
        name="cell_member",
    ),
    path(
        "chi-bo/<int:cell_id>/dang-vien/<int:member_id>/tao-tai-khoan/",
        views_cell.account_create,
        name="account_create",
    ),
    path(
        "chi-bo/<int:cell_id>/dang-vien/<int:member_id>/dat-lai-mat-khau/",
        views_cell.account_reset,
        name="account_reset",
    ),
    path("chi-bo/<int:cell_id>/xep-loai/<int:year>/", views_cell.rating_meeting, name="rating"),
]
