"""The skeleton answers: login page in Vietnamese, home page behind log-in, static files."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.django_db
def test_home_redirects_anonymous_to_login(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")


@pytest.mark.django_db
def test_login_page_is_vietnamese(client: Client) -> None:
    page = client.get("/dang-nhap/").content.decode()
    assert '<html lang="vi">' in page
    assert "Tên đăng nhập" in page and "Mật khẩu" in page
    assert "/static/capuy/htmx.min.js" in page


def test_clerk_logs_in_and_sees_home(client: Client, town_clerk, password: str) -> None:
    response = client.post(
        "/dang-nhap/", {"username": "vanthu.ducpho", "password": password}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Thị ủy Đức Phổ" in page
    assert "Văn thư" in page
