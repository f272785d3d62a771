"""The register's contributions to the home page and to the main menu."""

from __future__ import annotations

from capuy.web.home import HomePanel, NavItem, register_nav, register_panel


def register_home() -> None:
    from capuy.documents.queries import recent_documents

    register_panel(
        HomePanel(
            key="recent_documents",
            title="Văn bản mới",
            template="documents/panels/recent_documents.html",
            context=lambda request: {"documents": list(recent_documents(request.user, 10))},
            order=20,
        )
    )
    register_nav(NavItem("Văn bản", "documents:list", order=10))
    register_nav(NavItem("Văn bản trong tháng", "documents:month", order=11))
