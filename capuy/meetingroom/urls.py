from __future__ import annotations

from django.urls import path

from capuy.meetingroom import views, views_console, views_live, views_minutes

app_name = "meetingroom"

urlpatterns = [
    path("", views.room_list, name="list"),
    path("tao/<int:meeting_pk>/", views_minutes.create, name="create"),
    path("<int:pk>/", views.room_page, name="room"),
    path("<int:pk>/phan-truc-tiep/", views.room_live, name="room_live"),
    path("<int:pk>/trang-thai/", views.room_state, name="state"),
    path("<int:pk>/bieu-quyet/<int:poll_pk>/bo-phieu/", views.cast_ballot, name="cast"),
    path("<int:pk>/dang-ky-phat-bieu/", views.request_floor, name="request_floor"),
    path("<int:pk>/diem-danh-truc-tuyen/", views.check_in_online, name="check_in"),
    path("<int:pk>/tai-lieu/<int:doc_pk>/", views.read_document, name="document"),
    path("<int:pk>/tai-lieu/<int:doc_pk>/gop-y/", views.comments_for_drafters, name="comments"),
    path("<int:pk>/dieu-hanh/", views_console.console, name="console"),
    path("<int:pk>/dieu-hanh/phan-truc-tiep/", views_console.console_live, name="console_live"),
    path("<int:pk>/dieu-hanh/<slug:name>/", views_console.action, name="action"),
    path("<int:pk>/kiem-phieu/<int:poll_pk>/", views_console.counting, name="counting"),
    path("<int:pk>/man-hinh/", views_live.screen, name="screen"),
    path("<int:pk>/su-kien/", views_live.events, name="events"),
    path("<int:pk>/anh-chup/", views_live.snapshot_json, name="snapshot"),
    path("<int:pk>/bien-ban/", views_minutes.minutes, name="minutes"),
    path("<int:pk>/ket-luan/", views_minutes.draft_conclusion, name="conclusion"),
]
