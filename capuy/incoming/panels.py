"""The incoming register's menu entry and its home panel: arrivals waiting for the user."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from capuy.web.home import HomePanel, NavItem, register_nav, register_panel


def waiting_for(request: Any) -> dict[str, Any]:
    from capuy.incoming.models import OPEN_STATES
    from capuy.incoming.queries import visible_arrivals

    mine = visible_arrivals(request.user).filter(handler=request.user, state__in=OPEN_STATES)
    return {
        "arrivals": list(mine.order_by("deadline", "number")[:10]),
        "today": timezone.localdate(),
    }


def register_home() -> None:
    register_panel(
        HomePanel(
            key="my_arrivals",
            title="Văn bản đến chờ tôi xử lý",
            template="incoming/panels/mine.html",
            context=waiting_for,
            order=21,
        )
    )
    register_nav(NavItem("Văn bản đến", "incoming:list", order=12))
