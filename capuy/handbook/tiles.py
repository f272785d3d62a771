"""Tiles of the member's handbook page and links of a cell's page, filled by apps above
(dues) from ``AppConfig.ready()``.

    register_tile(Tile(key="dues", label="Đảng phí", url_name="dues:mine", order=40,
                       note=lambda request, member: "Còn nợ 2 tháng"))

The handbook never imports the apps that fill it; ``note`` runs their own scoped query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["CellLink", "Tile", "cell_links", "register_cell_link", "register_tile", "tiles"]


@dataclass(frozen=True)
class Tile:
    key: str
    label: str
    url_name: str
    order: int = 50
    note: Callable[[Any, Any], str] | None = None


_TILES: dict[str, Tile] = {}


def register_tile(tile: Tile) -> None:
    _TILES[tile.key] = tile


def tiles() -> list[Tile]:
    return sorted(_TILES.values(), key=lambda t: (t.order, t.key))


@dataclass(frozen=True)
class CellLink:
    """A page of another app about one cell, linked from the cell's page (URL takes cell_id)."""

    key: str
    label: str
    url_name: str
    order: int = 50


_CELL_LINKS: dict[str, CellLink] = {}


def register_cell_link(link: CellLink) -> None:
    _CELL_LINKS[link.key] = link


def cell_links() -> list[CellLink]:
    return sorted(_CELL_LINKS.values(), key=lambda t: (t.order, t.key))
