"""Meetings (with their agenda, outcomes and conclusions) and tasks in the site-wide search."""

from __future__ import annotations

from django.urls import reverse

from capuy.meetings.models import AgendaItem, Meeting, Task
from capuy.search.registry import Entry, SearchProvider, register_provider


def meeting_entry(meeting: Meeting) -> Entry:
    items = [
        " ".join(p for p in (item.title, item.presenter, item.outcome) if p)
        for item in meeting.agenda_items.all()
    ]
    body = "\n".join([*items, meeting.notes, meeting.attendance])
    return Entry(
        title=meeting.full_title,
        body=body.strip(),
        organisation_id=meeting.organisation_id,
        classification=meeting.classification,
        date=meeting.held_on,
        type_name="Hội nghị",
        issuer=meeting.body.name,
        url=reverse("meetings:detail", args=[meeting.pk]),
        meta=" ".join(p for p in (meeting.place, meeting.chair) if p),
    )


def task_entry(task: Task) -> Entry:
    lead = task.lead_body.name if task.lead_body_id else task.lead_text
    return Entry(
        title=task.title,
        body=" ".join(p for p in (task.due_label, task.get_status_display()) if p),
        organisation_id=task.organisation_id,
        classification=task.classification,
        date=task.due_on,
        type_name="Nhiệm vụ",
        issuer=lead,
        url=reverse("meetings:task", args=[task.pk]),
    )


def register_search() -> None:
    register_provider(
        SearchProvider(
            kind="meeting",
            label="Hội nghị, kết luận",
            model=Meeting,
            entry=meeting_entry,
            queryset=lambda: Meeting.objects.select_related("body", "term").prefetch_related(
                "agenda_items"
            ),
            order=30,
            touches=(
                (AgendaItem, lambda item: [Meeting.objects.filter(pk=item.meeting_id).first()]),
            ),
        )
    )
    register_provider(
        SearchProvider(
            kind="task",
            label="Nhiệm vụ",
            model=Task,
            entry=task_entry,
            queryset=lambda: Task.objects.select_related("lead_body"),
            order=35,
        )
    )
