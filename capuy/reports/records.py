"""What a report states, gathered from the records of its period for an organisation subtree.

Every function returns plain values for the template together with ``Source`` entries — the
model and primary keys each number or list item was drawn from — so a report keeps the
provenance of every computed figure (``Report.provenance``) and a page can link back to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from capuy.documents.models import Document
from capuy.documents.monthly import group_by_type, join_summaries
from capuy.indicators.models import Indicator, IndicatorValue, Target
from capuy.indicators.rollup import achievement, entered_values
from capuy.meetings.models import AgendaItem, Meeting, Task
from capuy.members import stats as member_stats
from capuy.members.models import MemberEvent
from capuy.members.services import members_at
from capuy.orgs.models import Organisation, valid_at_q
from capuy.oversight import stats as oversight_stats
from capuy.petitions import stats as petition_stats
from capuy.reports.templating import classify, field_labels
from capuy.stats.counts import COUNTS
from capuy.text import format_count, format_number, format_percent, search_key


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


# --- meetings ---------------------------------------------------------------------------------

_INNER_NUMBER = re.compile(r"\((\d+)\)")


def number_items(items: list[str]) -> str:
    """ "(1) a; (2) b." — an item's own sub-items "(1)…" become "(2.1)…" under item 2."""
    cleaned = [i.strip().rstrip(".;").strip() for i in items if i.strip()]
    if len(cleaned) == 1:
        return cleaned[0] + "."
    parts = []
    for n, item in enumerate(cleaned, start=1):
        item = _INNER_NUMBER.sub(lambda m, n=n: f"({n}.{m[1]})", item)  # type: ignore[misc]
        parts.append(f"({n}) {item}")
    return "; ".join(parts) + "."


def _meetings(root: Organisation, start: dt.date, end: dt.date, classification: int) -> Any:
    return (
        Meeting.objects.filter(
            organisation=root,
            held_on__gte=start,
            held_on__lte=end,
            classification__lte=classification,
        )
        .select_related("body")
        .order_by("held_on", "pk")
    )


def agenda_items(
    root: Organisation, start: dt.date, end: dt.date, body_kind: str, classification: int
) -> Any:
    return (
        AgendaItem.objects.filter(
            meeting__in=_meetings(root, start, end, classification).filter(body__kind=body_kind)
        )
        .select_related("meeting")
        .order_by("meeting__held_on", "meeting__pk", "position", "pk")
    )


_MEMBERSHIP_WORDS = ("ket nap", "cong nhan dang vien chinh thuc")


def is_membership_item(title: str) -> bool:
    key = search_key(title)
    return any(w in key for w in _MEMBERSHIP_WORDS)


def decisions(
    root: Organisation,
    start: dt.date,
    end: dt.date,
    fields: list[str],
    membership_text: str,
    classification: int,
    prov: Provenance,
) -> tuple[list[dict[str, str]], str]:
    """The standing committee's decisions, grouped by field; the membership decision is the
    one computed from the member records (it replaces an agenda item that states it)."""
    items = agenda_items(root, start, end, "btv", classification)
    groups: dict[str, list[str]] = {code: [] for code in fields}
    other: list[str] = []
    used: list[int] = []
    placed_membership = False
    for item in items:
        used.append(item.pk)
        if is_membership_item(item.title):
            if membership_text and not placed_membership and "to_chuc_co_so" in groups:
                groups["to_chuc_co_so"].append(membership_text)
                placed_membership = True
            continue
        code = classify(item.title, fields)
        (groups[code] if code else other).append(item.title)
    if membership_text and not placed_membership and "to_chuc_co_so" in groups:
        groups["to_chuc_co_so"].insert(0, membership_text)
    prov.add(
        "meetings.btv_decisions",
        "nội dung Ban Thường vụ thảo luận, quyết định",
        len(used),
        AgendaItem.objects.filter(pk__in=used),
    )
    labels = field_labels()
    result = [
        {"label": labels[code]["decision_label"], "text": number_items(texts)}
        for code, texts in groups.items()
        if texts
    ]
    return result, number_items(other) if other else ""


def standing_opinions(
    root: Organisation, start: dt.date, end: dt.date, classification: int, prov: Provenance
) -> list[str]:
    items = agenda_items(root, start, end, "thuong_truc", classification)
    prov.add("meetings.standing_opinions", "nội dung Thường trực cho ý kiến", items.count(), items)
    out = []
    for item in items:
        if is_membership_item(item.title):
            continue
        text = _OPINION_LEAD.sub("", item.title).rstrip(".")
        out.append(text[:1].upper() + text[1:] + ".")
    return out


_OPINION_LEAD = re.compile(r"^\s*cho ý kiến\s+(về\s+)?", re.IGNORECASE)


def chaired_and_attended(
    root: Organisation, start: dt.date, end: dt.date, classification: int, prov: Provenance
) -> tuple[str, str]:
    """Meetings the permanent members chaired (those with a chair, except the permanent
    members' own meetings, whose matters are listed above) and those they attended (no chair
    recorded: held by others). Meetings of a body are named by the body: "Họp Ban Thường vụ
    Thị ủy", once however many times it met."""
    meetings = list(_meetings(root, start, end, classification))
    chaired: list[str] = []
    attended: list[str] = []
    chaired_ids: list[int] = []
    attended_ids: list[int] = []
    for meeting in meetings:
        if meeting.body.kind == "thuong_truc" and meeting.chair:
            continue
        if meeting.chair:
            own = search_key(meeting.body.name) in search_key(meeting.title)
            name = f"Họp {meeting.body.name}" if own else meeting.title
            if name not in chaired:
                chaired.append(name)
            chaired_ids.append(meeting.pk)
        else:
            attended.append(meeting.title)
            attended_ids.append(meeting.pk)
    prov.add(
        "meetings.chaired",
        "cuộc họp, hội nghị chủ trì",
        len(chaired_ids),
        Meeting.objects.filter(pk__in=chaired_ids),
    )
    prov.add(
        "meetings.attended",
        "cuộc họp, hội nghị tham dự",
        len(attended_ids),
        Meeting.objects.filter(pk__in=attended_ids),
    )
    return (number_items(chaired) if chaired else "", number_items(attended) if attended else "")


def meeting_counts(
    root: Organisation, start: dt.date, end: dt.date, classification: int, prov: Provenance
) -> str:
    """ "05 Hội nghị Thị ủy bất thường, 07 Hội nghị Ban Thường vụ Thị ủy thường kỳ …"."""
    order = {"bch": 0, "btv": 1, "thuong_truc": 2}
    words = {"thuong_ky": "thường kỳ", "bat_thuong": "không thường kỳ", "mo_rong": "mở rộng"}
    qs = (
        _meetings(root, start, end, classification)
        .filter(body__kind__in=list(order))
        .exclude(chair="")
    )
    counts: Counter[tuple[int, str, str]] = Counter()
    for meeting in qs:
        short = meeting.body.name
        if meeting.body.kind == "bch":
            short = committee_short(root)
        counts[(order[meeting.body.kind], short, words.get(meeting.kind, meeting.kind))] += 1
    prov.add(
        "meetings.count",
        "số hội nghị",
        qs.count(),
        Meeting.objects.filter(pk__in=[m.pk for m in qs]),
    )
    parts = [
        f"{format_count(n)} Hội nghị {body} {kind}" for (_, body, kind), n in sorted(counts.items())
    ]
    if not parts:
        return ""
    return ", ".join(parts[:-1]) + (" và " if len(parts) > 1 else "") + parts[-1]


def committee_short(org: Organisation) -> str:
    """ "Thị ủy Đức Phổ" → "Thị ủy"; "Đảng ủy phường Phổ Hòa" → "Đảng ủy"."""
    words = (org.committee_name or org.name).split()
    return " ".join(words[:2])


# --- documents --------------------------------------------------------------------------------


def appendix(
    root: Organisation, start: dt.date, end: dt.date, classification: int, prov: Provenance
) -> list[dict[str, str]]:
    """Important outgoing documents of the committee's register in the period, grouped by
    type (seed 000's appendix); none above the report's own classification."""

    qs = (
        Document.objects.outgoing()
        .filter(
            organisation=root,
            important=True,
            issued_on__gte=start,
            issued_on__lte=end,
            classification__lte=classification,
        )
        .exclude(report__isnull=False)
    )
    groups = group_by_type(qs.order_by("number"))
    prov.add("documents.issued", "văn bản quan trọng ban hành", qs.count(), qs)
    return [
        {
            "type_name": g.type_name,
            "text": join_summaries([d.summary for d in g.documents]).replace("|", "/"),
        }
        for g in groups
    ]


# --- tasks ------------------------------------------------------------------------------------


def _tasks(root: Organisation, start: dt.date, end: dt.date, classification: int) -> Any:
    return Task.objects.filter(
        organisation=root, due_on__gte=start, due_on__lte=end, classification__lte=classification
    ).order_by("due_on", "pk")


def previous_tasks(
    root: Organisation, start: dt.date, end: dt.date, classification: int, prov: Provenance
) -> list[str]:
    """The key tasks due in the period, with where they stand at its end."""
    qs = _tasks(root, start, end, classification)
    prov.add("tasks.due", "nhiệm vụ trọng tâm của kỳ", qs.count(), qs)
    out = []
    for task in qs:
        status = task.get_status_display()
        if task.status == task.Status.DONE and task.completed_on:
            status += f" ngày {task.completed_on:%d/%m/%Y}"
        out.append(f"{task.title.rstrip('.')} (*{status}*).")
    return out


def next_tasks(
    root: Organisation,
    start: dt.date,
    end: dt.date,
    fields: list[str],
    classification: int,
    prov: Provenance,
) -> list[dict[str, Any]]:
    """Tasks due in the next period, grouped by field; a task of no field stands alone."""
    qs = _tasks(root, start, end, classification)
    prov.add("tasks.next", "nhiệm vụ trọng tâm kỳ tới", qs.count(), qs)
    groups: dict[str, list[str]] = {code: [] for code in fields}
    alone: list[str] = []
    for task in qs:
        code = classify(task.title, fields)
        text = task.title.rstrip(".") + "."
        (groups[code] if code else alone).append(text)
    labels = field_labels()
    out = [
        {"label": labels[code]["task_label"], "items": items}
        for code, items in groups.items()
        if items
    ]
    out += [{"label": text, "items": []} for text in alone]
    return out


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
