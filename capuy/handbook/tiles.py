"""Tiles of the member's handbook page, filled by apps above (dues) from ``AppConfig.ready()``.

    register_tile(Tile(key="dues", label="Đảng phí", url_name="dues:mine", order=40,
                       note=lambda request, member: "Còn nợ 2 tháng"))

The handbook never imports the apps that fill it; ``note`` runs their own scoped query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["Tile", "register_tile", "tiles"]


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
