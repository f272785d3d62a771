"""Meetings' and tasks' contributions to the home page and to the main menu."""

from __future__ import annotations

from capuy.web.home import HomePanel, NavItem, register_nav, register_panel


def register_home() -> None:
    from capuy.meetings.queries import overdue_tasks

    register_panel(
        HomePanel(
            key="overdue_tasks",
            title="Nhiệm vụ quá hạn",
            template="meetings/panels/overdue_tasks.html",
            context=lambda request: {"tasks": list(overdue_tasks(request.user)[:10])},
            order=30,
        )
    )
    register_nav(NavItem("Hội nghị", "meetings:list", order=20))
    register_nav(NavItem("Nhiệm vụ", "meetings:tasks", order=21))
