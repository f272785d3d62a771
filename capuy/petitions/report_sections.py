"""The petitions and dialogues part of a composed report: the section ``petitions``,
registered into ``capuy.stats.sections`` from ``PetitionsConfig.ready()``."""

from __future__ import annotations

from typing import Any

from capuy.petitions import stats as petition_stats
from capuy.stats.sections import SectionRequest, register_section

__all__ = ["register"]


def _petitions(r: SectionRequest) -> dict[str, Any]:
    """``petitions`` ("không có đơn thư" when none came) and ``dialogues``."""
    pet = petition_stats.petitions(r.org, r.start, r.end)
    n_pet = r.prov.add("petitions.received", "đơn thư tiếp nhận", None, pet.records["received"])
    dia = petition_stats.dialogues(r.org, r.start, r.end)
    n_dia = r.prov.add(
        "petitions.dialogues",
        "đối thoại với Nhân dân",
        None,
        dia.records["own_dialogues"] | dia.records["unit_dialogues"],
    )
    return {
        "petitions": pet.sentence if n_pet else "không có đơn thư",
        "dialogues": dia.sentence if n_dia else "",
    }


def register() -> None:
    register_section("petitions", _petitions)
