"""The inspection and discipline part of a composed report: the section ``oversight``,
registered into ``capuy.stats.sections`` from ``OversightConfig.ready()``."""

from __future__ import annotations

from typing import Any

from capuy.oversight import stats as oversight_stats
from capuy.stats.sections import SectionRequest, register_section

__all__ = ["register"]


def _oversight(r: SectionRequest) -> dict[str, Any]:
    """``discipline`` and ``inspections``: the sentences, empty when nothing happened."""
    disc = oversight_stats.discipline(r.org, r.start, r.end)
    n_disc = r.prov.add(
        "oversight.discipline.members", "đảng viên bị kỷ luật", None, disc.records["members"]
    )
    n_disc += r.prov.add(
        "oversight.discipline.organisations",
        "tổ chức đảng bị kỷ luật",
        None,
        disc.records["organisations"],
    )
    insp = oversight_stats.inspections(r.org, r.start, r.end)
    n_insp = r.prov.add(
        "oversight.inspections",
        "lượt kiểm tra",
        None,
        insp.records["members"] | insp.records["organisations"],
    )
    return {
        "discipline": disc.sentence if n_disc else "",
        "inspections": insp.sentence if n_insp else "",
    }


def register() -> None:
    register_section("oversight", _oversight)
