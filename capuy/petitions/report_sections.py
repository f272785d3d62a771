"""The petitions and dialogues part of a composed report: the section ``petitions``,
registered into ``capuy.stats.sections`` from ``PetitionsConfig.ready()``."""

from __future__ import annotations

from typing import Any

from capuy.petitions import stats as petition_stats
from capuy.stats.sections import SectionRequest, register_section

__all__ = ["register"]


def _petitions(r: SectionRequest) -> dict[str, Any]:
    """``petitions`` and ``dialogues``: whole clauses with their verb ("tiếp nhận 25 đơn thư
    …", "không tiếp nhận đơn thư của công dân"), so a template writes "đã {{ petitions }}" and
    never the verb a second time."""
    pet = petition_stats.petitions(r.org, r.start, r.end)
    r.prov.add("petitions.received", "đơn thư tiếp nhận", None, pet.records["received"])
    dia = petition_stats.dialogues(r.org, r.start, r.end)
    n_dia = r.prov.add(
        "petitions.dialogues",
        "đối thoại với Nhân dân",
        None,
        dia.records["own_dialogues"] | dia.records["unit_dialogues"],
    )
    return {
        "petitions": pet.sentence,  # a whole clause: "tiếp nhận …" / "không tiếp nhận …"
        "dialogues": dia.sentence if n_dia else "",
    }


def register() -> None:
    register_section("petitions", _petitions)
