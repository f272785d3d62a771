"""What a report states, gathered from the records of its period for an organisation subtree.

Every function returns plain values for the template together with ``Source`` entries — the
model and primary keys each number or list item was drawn from — so a report keeps the
provenance of every computed figure (``Report.provenance``) and a page can link back to it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from capuy.indicators.models import Indicator, IndicatorValue, Target
from capuy.indicators.rollup import achievement, entered_values
from capuy.members import stats as member_stats
from capuy.members.models import MemberEvent
from capuy.members.services import members_at
from capuy.orgs.models import Organisation, valid_at_q
from capuy.oversight import stats as oversight_stats
from capuy.petitions import stats as petition_stats
from capuy.stats.counts import COUNTS
from capuy.text import format_count, format_number, format_percent


@dataclass
class Source:
    """One computed value and the records behind it."""

    key: str
    label: str
    value: Any
    model: str = ""
    ids: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["value"] = str(self.value)
        return data


class Provenance(list[Source]):
    def add(self, key: str, label: str, value: Any, qs: QuerySet[Any] | None = None) -> Any:
        """Keep ``value`` with the ids of ``qs``; ``value=None`` means "how many ids" (one
        query for both the figure and its records)."""
        if qs is None:
            self.append(Source(key, label, value))
            return value
        model = f"{qs.model._meta.app_label}.{qs.model.__name__}"
        ids = sorted(qs.values_list("pk", flat=True))
        value = len(ids) if value is None else value
        self.append(Source(key, label, value, model, ids))
        return value


def committee_short(org: Organisation) -> str:
    """ "Thị ủy Đức Phổ" → "Thị ủy"; "Đảng ủy phường Phổ Hòa" → "Đảng ủy"."""
    words = (org.committee_name or org.name).split()
    return " ".join(words[:2])


# --- members ----------------------------------------------------------------------------------


def membership(
    root: Organisation, start: dt.date, end: dt.date, prov: Provenance
) -> dict[str, Any]:
    """Admissions, recognitions, strike-offs and removals in the subtree and period."""
    adm = member_stats.admissions(root, start, end)
    rec = member_stats.recognitions(root, start, end)
    out = member_stats.strike_offs_and_removals(root, start, end)
    n_adm = prov.add(
        "members.admissions",
        "kết nạp đảng viên",
        None,
        adm.records["admitted"],
    )
    n_rec = prov.add(
        "members.recognitions",
        "công nhận đảng viên chính thức",
        None,
        rec.records["recognised"],
    )
    n_rem = prov.add(
        "members.removals",
        "cho ra khỏi Đảng",
        None,
        out.records["removed"],
    )
    n_str = prov.add(
        "members.strike_offs",
        "xóa tên",
        None,
        out.records["struck_off"],
    )
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


# --- oversight, petitions, dialogues ----------------------------------------------------------


def statements(
    root: Organisation, start: dt.date, end: dt.date, prov: Provenance
) -> dict[str, str]:
    out: dict[str, str] = {}
    disc = oversight_stats.discipline(root, start, end)
    n_disc = prov.add(
        "oversight.discipline.members",
        "đảng viên bị kỷ luật",
        None,
        disc.records["members"],
    )
    n_disc += prov.add(
        "oversight.discipline.organisations",
        "tổ chức đảng bị kỷ luật",
        None,
        disc.records["organisations"],
    )
    out["discipline"] = disc.sentence if n_disc else ""
    insp = oversight_stats.inspections(root, start, end)
    n_insp = prov.add(
        "oversight.inspections",
        "lượt kiểm tra",
        None,
        insp.records["members"] | insp.records["organisations"],
    )
    out["inspections"] = insp.sentence if n_insp else ""
    pet = petition_stats.petitions(root, start, end)
    prov.add(
        "petitions.received",
        "đơn thư tiếp nhận",
        None,
        pet.records["received"],
    )
    out["petitions"] = pet.sentence if prov[-1].value else "không có đơn thư"
    dia = petition_stats.dialogues(root, start, end)
    n_dia = prov.add(
        "petitions.dialogues",
        "đối thoại với Nhân dân",
        None,
        dia.records["own_dialogues"] | dia.records["unit_dialogues"],
    )
    out["dialogues"] = dia.sentence if n_dia else ""
    return out


def admissions_against_target(
    root: Organisation, start: dt.date, end: dt.date, prov: Provenance
) -> str:
    """ "kết nạp 165 đảng viên mới, đạt 91,7% chỉ tiêu tỉnh giao" style (seed 002)."""
    stmt = member_stats.admissions(root, start, end, style="achievement", places=1)
    return stmt.sentence


def member_total(root: Organisation, at: dt.date, prov: Provenance) -> str:
    qs = members_at(root, at)
    n = prov.add("members.count", "tổng số đảng viên", qs.count(), qs)
    return format_number(n)


# --- indicators and subordinate units ---------------------------------------------------------


def _fmt(value: Decimal | None, places: int = 2) -> str:
    if value is None:
        return "—"
    if value == value.to_integral_value():
        return format_number(int(value))
    return format_number(value.quantize(Decimal(10) ** -places).normalize())


def indicator_rows(
    root: Organisation, start: dt.date, end: dt.date, prov: Provenance
) -> list[dict[str, str]]:
    """Every indicator with data or a target for the subtree: the value rolled up over the
    subordinate units (``capuy.indicators.rollup``), its target and the achievement."""

    with_values = IndicatorValue.objects.filter(
        organisation__path__startswith=root.path, period_start__gte=start, period_end__lte=end
    ).values("indicator")
    with_targets = Target.objects.filter(organisation=root, start__lte=start, end__gte=end).values(
        "indicator"
    )
    indicators = Indicator.objects.filter(Q(pk__in=with_values) | Q(pk__in=with_targets))
    rows = []
    for indicator in indicators.order_by("position", "code"):
        result = achievement(indicator, root, start, end)
        if indicator.source:
            prov.add(
                f"indicators.{indicator.code}",
                indicator.name,
                result.actual,
                COUNTS[indicator.source](root, start, end),
            )
        else:
            prov.add(
                f"indicators.{indicator.code}",
                indicator.name,
                result.actual,
                entered_values(indicator, root, start, end),
            )
        rows.append(
            {
                "code": indicator.code,
                "name": indicator.name,
                "unit": indicator.unit,
                "actual": _fmt(result.actual),
                "actual_value": result.actual,
                "target": _fmt(result.target.value) if result.target else "—",
                "percent": format_percent(result.percent, 2) if result.percent is not None else "—",
            }
        )
    return rows


def subordinate_units(root: Organisation, at: dt.date) -> list[Organisation]:
    """The units that report to ``root``: those directly below it that have a committee."""
    return list(
        Organisation.objects.filter(Q(parent=root) & valid_at_q(at))
        .exclude(committee_name="")
        .order_by("position", "name")
    )


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
