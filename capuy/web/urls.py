"""URL map. Record apps add one ``path("prefix/", include("capuy.<app>.urls"))`` line each."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from capuy.accounts.forms import LoginForm
from capuy.jobs import views as jobs_views
from capuy.web import views, vocabulary

admin.site.site_header = "capuy — quản trị hệ thống"
admin.site.site_title = "capuy"
admin.site.index_title = "Quản trị người dùng, tổ chức và danh mục"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=LoginForm
        ),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("healthz", views.health, name="health"),
    path("healthz/full", jobs_views.health_full, name="health_full"),
    path("danh-muc/", vocabulary.vocabulary, name="vocabulary"),
    path("danh-muc/sua/", include("capuy.web.vocabedit.urls")),
    path("quan-tri/", admin.site.urls),
    path("to-chuc/", include("capuy.web.orgs_urls")),
    path("van-ban/", include("capuy.documents.urls")),
    path("hoi-nghi/", include("capuy.meetings.urls")),
    path("phong-hop/", include("capuy.meetingroom.urls")),
    path("dang-vien/", include("capuy.members.urls")),
    path("kiem-tra/", include("capuy.oversight.urls")),
    path("don-thu/", include("capuy.petitions.urls")),
    path("chi-tieu/", include("capuy.indicators.urls")),
    path("bao-cao/", include("capuy.reports.urls")),
    path("tim-kiem/", include("capuy.search.urls")),
    path("luu-tru/", include("capuy.archive.urls")),
    path("so-tay/", include("capuy.handbook.urls")),
    path("dang-phi/", include("capuy.dues.urls")),
    path("van-ban-den/", include("capuy.incoming.urls")),
    path("cong-viec/", include("capuy.jobs.urls")),
]

handler400 = views.bad_request
