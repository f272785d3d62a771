"""Demo step: meetings of Thị ủy Đức Phổ around February 2024 and the tasks they and the monthly
report set (``demo.yaml`` beside this file). Runs after the documents' step, whose documents
the agenda items and tasks point to; running it twice changes nothing."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from capuy.documents.models import Document
from capuy.documents.numbering import term_for
from capuy.meetings.models import AgendaItem, Meeting, Task, TaskProgress
from capuy.text import nfc


@cache
def demo_meetings() -> dict[str, Any]:
    text = resources.files("capuy.meetings").joinpath("demo.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(nfc(text))
    assert isinstance(data, dict)
    return data


def _task(
    ctx: Any,
    organisation: Any,
    spec: dict[str, Any],
    documents: dict[str, Document],
    meetings: dict[str, Meeting],
) -> Task:
    task = Task.objects.create(
        organisation=organisation,
        title=spec["title"],
        lead_body=ctx.body(organisation, spec["lead"]) if spec.get("lead") else None,
        lead_text=spec.get("lead_text", ""),
        source_document=documents.get(spec.get("document", "")),
        source_meeting=meetings.get(spec.get("meeting", "")),
        due_label=spec.get("due_label", ""),
        due_on=spec["due_on"],
        status=spec["status"],
        completed_on=spec.get("completed_on"),
    )
    author = ctx.users.get("chuyenvien.ducpho")
    for note in spec.get("progress", []):
        TaskProgress.objects.create(
            task=task, noted_on=note["date"], text=note["text"], author=author
        )
    return task


def load_demo_meetings(ctx: Any) -> str:
    data = demo_meetings()
    town = ctx.town
    if Meeting.objects.filter(organisation=town).exists():
        return "đã có sẵn"
    documents = {d.symbol: d for d in Document.objects.filter(organisation=town).exclude(symbol="")}
    meetings: dict[str, Meeting] = {}
    for spec in data["meetings"]:
        meeting = Meeting.objects.create(
            organisation=town,
            body=ctx.body(town, spec["body"]),
            term=term_for(town, spec["held_on"]),
            kind=spec["kind"],
            ordinal=spec.get("ordinal"),
            title=spec["title"],
            held_on=spec["held_on"],
            place=spec.get("place", ""),
            chair=spec.get("chair", ""),
        )
        for position, item in enumerate(spec["agenda"], start=1):
            AgendaItem.objects.create(
                meeting=meeting,
                position=position,
                title=item["title"],
                outcome=item.get("outcome", ""),
                document=documents[item["document"]] if item.get("document") else None,
            )
        meetings[spec["key"]] = meeting
    tasks = [_task(ctx, town, spec, documents, meetings) for spec in data["tasks"]]
    ward = ctx.wards[data["ward_tasks"]["unit"]]
    tasks += [_task(ctx, ward, spec, {}, {}) for spec in data["ward_tasks"]["tasks"]]
    return f"{len(meetings):02d} hội nghị, {len(tasks):02d} nhiệm vụ"
