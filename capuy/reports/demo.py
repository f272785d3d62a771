"""Demo step: the records behind seed 000 that the other steps do not hold (``demo.yaml``).

Runs after the documents' and meetings' steps (``load_demo`` order 40). Member events are
topped up per kind to the count seed 000 states for the window 27/01–26/02/2024, so a second
run, or another step that already recorded some of them, never makes the count exceed it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources
from typing import Any

import yaml

from capuy.documents.numbering import term_for
from capuy.meetings.models import AgendaItem, Meeting
from capuy.members.models import MemberEvent
from capuy.members.services import admit, record_event
from capuy.reports.models import ReportSettings
from capuy.text import nfc

WINDOW = (dt.date(2024, 1, 27), dt.date(2024, 2, 26))


@cache
def demo_records() -> dict[str, Any]:
    text = resources.files("capuy.reports").joinpath("demo.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(nfc(text))
    assert isinstance(data, dict)
    return data


def _events(ctx: Any, data: dict[str, Any]) -> int:
    added = 0
    for kind, people in data["member_events"].items():
        if kind == "source":
            continue
        have = MemberEvent.objects.filter(
            kind=kind,
            date__gte=WINDOW[0],
            date__lte=WINDOW[1],
            organisation__path__startswith=ctx.town.path,
        ).count()
        for spec in people[have:]:
            unit = ctx.wards[spec["unit"]]
            if kind == "admission":
                admit(unit, spec["name"], spec["gender"], spec["date"])
            else:
                member = admit(unit, spec["name"], spec["gender"], spec["admitted"])
                if kind != "recognition":
                    record_event(member, "recognition", _plus_year(spec["admitted"]))
                record_event(member, kind, spec["date"])
            added += 1
    return added


def _plus_year(day: dt.date) -> dt.date:
    return day.replace(year=day.year + 1)


def _meetings(ctx: Any, data: dict[str, Any]) -> int:
    town = ctx.town
    added = 0
    for spec in data["meetings"]:
        body = ctx.body(town, spec["body"])
        if Meeting.objects.filter(body=body, title=spec["title"], held_on=spec["held_on"]).exists():
            continue
        meeting = Meeting.objects.create(
            organisation=town,
            body=body,
            term=term_for(town, spec["held_on"]),
            kind=spec["kind"],
            title=spec["title"],
            held_on=spec["held_on"],
            chair=spec.get("chair", ""),
        )
        for position, title in enumerate(spec["agenda"], start=1):
            AgendaItem.objects.create(meeting=meeting, position=position, title=title)
        added += 1
    return added


def load_demo_reports(ctx: Any) -> str:
    data = demo_records()
    ReportSettings.objects.get_or_create(
        organisation=ctx.town, defaults={"window_rule": data["settings"]["window_rule"]}
    )
    events = _events(ctx, data)
    meetings = _meetings(ctx, data)
    return (
        f"{_added(events, 'biến động đảng viên')}, {_added(meetings, 'hội nghị')} (tháng 02/2024)"
    )


def _added(n: int, noun: str) -> str:
    """ "thêm 03 hội nghị"; nothing added (a second run) is said in words, not "00"."""
    return f"thêm {n:02d} {noun}" if n else f"không thêm {noun} (đã có)"
