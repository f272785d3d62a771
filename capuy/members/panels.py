"""The register's panel on the home page: probationary members due for recognition."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest

from capuy.web.home import HomePanel, register_panel


def _due(request: HttpRequest) -> dict[str, Any]:
    from capuy.accounts.access import scope_queryset
    from capuy.members.models import Member
    from capuy.members.services import recognition_candidates, with_due_dates

    today = dt.date.today()
    candidates = recognition_candidates(
        scope_queryset(Member.objects.select_related("organisation"), request.user), today, 30
    )
    # ten rows and a count, not every due member of the user's units built as an object
    return {"due": with_due_dates(candidates[:10]), "total": candidates.count(), "today": today}


def register_home() -> None:
    from capuy.web.records import READ_ROLES

    register_panel(
        HomePanel(
            key="members_due",
            title="Đảng viên dự bị đến hạn công nhận chính thức",
            template="members/panels/due.html",
            context=_due,
            roles=frozenset(READ_ROLES),
            order=25,
        )
    )
