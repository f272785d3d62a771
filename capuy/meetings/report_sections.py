"""The meetings' part of a composed report: the standing committee's decisions by field, the
opinions given, the meetings chaired and attended and their counts, the committee's
conference, the tasks due and those of the next period — the sections ``decisions``,
``chaired_and_attended``, ``conference``, ``standing_opinions``, ``previous_tasks``,
``next_tasks`` and ``meeting_counts``, registered into ``capuy.stats.sections`` from
``MeetingsConfig.ready()``.

Every function returns plain values for the template and keeps each figure's records in the
``Provenance``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from capuy.meetings.models import AgendaItem, Meeting, Task
from capuy.orgs.models import Organisation
from capuy.stats.sections import Provenance, SectionRequest, committee_short, register_section
from capuy.text import format_count, search_key
from capuy.text.dates import text_date
from capuy.vocab.report_fields import classify, field_labels

__all__ = ["number_items", "register"]

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


# --- the providers ----------------------------------------------------------------------------


def _decisions(r: SectionRequest) -> dict[str, Any]:
    """The standing committee's decisions by field; the membership decision is the one
    computed from the member records (the template's ``membership_decision``)."""
    text = r.fill(r.template.get("membership_decision", ""), {"m": r.ctx.get("m", {})}).strip()
    text = re.sub(r"\s+", " ", text)
    fields = list(r.template.get("decision_fields", []))
    found, other = (
        decisions(r.org, r.start, r.end, fields, text, r.classification, r.prov)
        if fields
        else ([], "")
    )
    label = str(r.template.get("other_decisions", "")).rstrip(".")
    other_text = f"**{label}:** {other}" if other else f"**{label}.**" if label else ""
    return {"decisions": found, "other_decisions": other_text}


def _chaired_and_attended(r: SectionRequest) -> dict[str, Any]:
    chaired, attended = chaired_and_attended(r.org, r.start, r.end, r.classification, r.prov)
    return {"chaired": chaired, "attended": attended}


def _conference(r: SectionRequest) -> dict[str, Any]:
    """The committee's conference that discussed the period: the first BCH meeting after the
    period's end (within two months), else the last one inside it."""
    qs = Meeting.objects.filter(
        organisation=r.org, body__kind="bch", classification__lte=r.classification
    ).select_related("term")
    period = r.period
    after = qs.filter(held_on__gt=period.end, held_on__lte=period.end + dt.timedelta(days=62))
    conference = (
        after.order_by("held_on").first()
        or qs.filter(held_on__gte=period.start, held_on__lte=period.end)
        .order_by("-held_on")
        .first()
    )
    if conference is None:
        return {}
    return {"conference": conference.full_title, "conference_date": text_date(conference.held_on)}


def _standing_opinions(r: SectionRequest) -> dict[str, Any]:
    return {"standing_opinions": standing_opinions(r.org, r.start, r.end, r.classification, r.prov)}


def _previous_tasks(r: SectionRequest) -> dict[str, Any]:
    return {
        "previous_tasks": previous_tasks(
            r.org, r.start, r.period.calendar_end, r.classification, r.prov
        )
    }


def _next_tasks(r: SectionRequest) -> dict[str, Any]:
    fields = list(r.template.get("task_fields", []))
    return {
        "next_tasks": next_tasks(
            r.org, r.period.next_start, r.period.next_end, fields, r.classification, r.prov
        )
    }


def _meeting_counts(r: SectionRequest) -> dict[str, Any]:
    return {"meeting_counts": meeting_counts(r.org, r.start, r.end, r.classification, r.prov)}


def register() -> None:
    for name, provider in (
        ("decisions", _decisions),
        ("chaired_and_attended", _chaired_and_attended),
        ("conference", _conference),
        ("standing_opinions", _standing_opinions),
        ("previous_tasks", _previous_tasks),
        ("next_tasks", _next_tasks),
        ("meeting_counts", _meeting_counts),
    ):
        register_section(name, provider)
