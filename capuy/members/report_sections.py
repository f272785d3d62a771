"""The members' part of a composed report: the sections ``membership``, ``unit_figures`` and
``review``, registered into ``capuy.stats.sections`` from ``MembersConfig.ready()``.

Each figure keeps the member events (or members) it was counted from in the report's
provenance; the sentences are the members' statistics' own (``capuy.members.stats``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from capuy.members import stats as member_stats
from capuy.members.models import MemberEvent
from capuy.members.services import members_at
from capuy.orgs.lookup import subordinate_units
from capuy.orgs.models import Organisation
from capuy.stats.sections import Provenance, SectionRequest, committee_short, register_section
from capuy.text import format_count, format_number

__all__ = ["membership", "register", "unit_figures"]


def membership(
    root: Organisation, start: dt.date, end: dt.date, prov: Provenance
) -> dict[str, Any]:
    """Admissions, recognitions, strike-offs and removals in the subtree and period."""
    adm = member_stats.admissions(root, start, end)
    rec = member_stats.recognitions(root, start, end)
    out = member_stats.strike_offs_and_removals(root, start, end)
    n_adm = prov.add("members.admissions", "kết nạp đảng viên", None, adm.records["admitted"])
    n_rec = prov.add(
        "members.recognitions",
        "công nhận đảng viên chính thức",
        None,
        rec.records["recognised"],
    )
    n_rem = prov.add("members.removals", "cho ra khỏi Đảng", None, out.records["removed"])
    n_str = prov.add("members.strike_offs", "xóa tên", None, out.records["struck_off"])
    return {
        "admissions": format_count(n_adm),
        "recognitions": format_count(n_rec),
        "removals": format_count(n_rem),
        "strike_offs": format_count(n_str),
        "admissions_n": n_adm,
        "recognitions_n": n_rec,
        "removals_n": n_rem,
        "strike_offs_n": n_str,
        "admissions_sentence": adm.sentence,
        "recognitions_sentence": rec.sentence,
        "removals_sentence": out.sentence,
    }


_UNIT_KINDS = ("admission", "recognition", "strike_off", "removal")


def unit_figures(
    root: Organisation, start: dt.date, end: dt.date, prov: Provenance
) -> list[dict[str, str]]:
    """The member figures of the period unit by unit (the units reporting to ``root``), with a
    row for events recorded at ``root`` itself and the total — the subordinates' figures
    merged into one table of the report above them. One query over the subtree."""

    units = subordinate_units(root, end)
    if not units:
        return []
    qs = MemberEvent.objects.filter(
        kind__in=_UNIT_KINDS,
        date__gte=start,
        date__lte=end,
        organisation__path__startswith=root.path,
    )
    counts: dict[int | None, Counter[str]] = {}
    by_id = {u.pk: u for u in units}
    for path, kind in qs.values_list("organisation__path", "kind"):
        head = path[len(root.path) :].split("/", 1)[0]
        key = int(head) if head.isdigit() and int(head) in by_id else None
        counts.setdefault(key, Counter())[kind] += 1
    prov.add("members.by_unit", "biến động đảng viên theo tổ chức trực thuộc", None, qs)

    def row(name: str, c: Counter[str]) -> dict[str, str]:
        return {
            "name": name,
            "admissions": format_count(c["admission"]),
            "recognitions": format_count(c["recognition"]),
            "strike_offs": format_count(c["strike_off"]),
            "removals": format_count(c["removal"]),
        }

    rows = [row(u.committee_name or u.name, counts.get(u.pk, Counter())) for u in units]
    if counts.get(None):
        rows.append(row(f"{committee_short(root)} (trực tiếp)", counts[None]))
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    rows.append(row("Cộng", total))
    return rows


def _membership(r: SectionRequest) -> dict[str, Any]:
    m = membership(r.org, r.start, r.end, r.prov)
    footnote = "; ".join(
        s
        for s in (m["admissions_sentence"], m["recognitions_sentence"], m["removals_sentence"])
        if s
    )
    return {"m": {**m}, "membership_footnote": footnote}


def _unit_figures(r: SectionRequest) -> dict[str, Any]:
    return {"unit_figures": unit_figures(r.org, r.start, r.end, r.prov)}


def _review(r: SectionRequest) -> dict[str, Any]:
    """What a conclusion or a term review states of the whole period: admissions against the
    target ("kết nạp 165 đảng viên mới, đạt 91,7% chỉ tiêu tỉnh giao", seed 002), the member
    count at its end, strike-offs and removals in review style."""
    total = members_at(r.org, r.end)
    n = r.prov.add("members.count", "tổng số đảng viên", total.count(), total)
    return {
        "admissions_clause": member_stats.admissions(
            r.org, r.start, r.end, style="achievement", places=1
        ).sentence,
        "member_count": format_number(n),
        "removals_clause": member_stats.strike_offs_and_removals(
            r.org, r.start, r.end, style="review"
        ).sentence,
    }


def register() -> None:
    register_section("membership", _membership)
    register_section("unit_figures", _unit_figures)
    register_section("review", _review)
