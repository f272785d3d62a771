"""The log-in form with plain Vietnamese messages (Django's own translation is stilted)."""

from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": (
            "Tên đăng nhập hoặc mật khẩu không đúng. "
            "Lưu ý: mật khẩu phân biệt chữ hoa và chữ thường."
        ),
        "inactive": "Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị hệ thống.",
    }
