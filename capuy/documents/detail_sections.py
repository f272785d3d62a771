"""Extra sections of a document's page, filled by apps above the register.

An app registers, in its ``AppConfig.ready()``::

    from capuy.documents.detail_sections import DetailSection, register_detail_section

    register_detail_section(DetailSection(
        key="citations", template="citations/section.html",
        context=lambda request, document: {"graph": ...}, order=10))

The document view renders each section's template with the context its callable returns (the
callable runs its own scoped queries: it gets the request's user and the visible document).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["DetailSection", "register_detail_section", "sections_for"]


@dataclass(frozen=True)
class DetailSection:
    key: str
    template: str
    context: Callable[[Any, Any], dict[str, Any]]
    order: int = 50


_SECTIONS: dict[str, DetailSection] = {}


def register_detail_section(section: DetailSection) -> None:
    _SECTIONS[section.key] = section


def sections_for(request: Any, document: Any) -> list[dict[str, Any]]:
    """[{"template": …, "data": {…}}] for the page, in order."""
    return [
        {"template": s.template, "data": s.context(request, document)}
        for s in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))
    ]
