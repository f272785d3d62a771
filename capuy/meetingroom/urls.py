from __future__ import annotations

app_name = "meetingroom"

urlpatterns: list = []
