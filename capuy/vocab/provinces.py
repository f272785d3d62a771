"""The 34 provinces and centrally governed cities after 1 July 2025, and the national totals
(communes, members, grassroots organisations) the national synthetic data is shaped to
(``vocab/provinces_2025.yaml``, each with its source)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from capuy.vocab.loader import load_data, resolve_source

__all__ = ["Province", "national_totals", "provinces"]


@dataclass(frozen=True, slots=True)
class Province:
    name: str  # "Quảng Ngãi"
    city: bool  # a centrally governed city (Thành ủy), else a province (Tỉnh ủy)
    source: str

    @property
    def committee_name(self) -> str:
        return f"{'Thành ủy' if self.city else 'Tỉnh ủy'} {self.name.removeprefix('Thành phố ')}"

    @property
    def unit_name(self) -> str:
        if self.city:
            return f"Đảng bộ thành phố {self.name.removeprefix('Thành phố ')}"
        return f"Đảng bộ tỉnh {self.name}"


@cache
def provinces() -> tuple[Province, ...]:
    data = load_data("provinces_2025")
    return tuple(
        Province(
            name=e["name"],
            city=e["kind"] == "city",
            source=resolve_source(e, data["sources"], "provinces_2025.yaml"),
        )
        for e in data["provinces"]
    )


@cache
def national_totals() -> dict[str, int]:
    """``communes`` 3321, ``xa``, ``phuong``, ``dac_khu``, ``members``, ``grassroots_organisations``."""
    return {e["key"]: int(e["value"]) for e in load_data("provinces_2025")["totals"]}
