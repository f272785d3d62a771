"""The sections a report template declares, and the providers that fill them from the records.

A template lists its ``sections`` (``vocab/report_templates/*.yaml``) in the order they are
computed; each name is a provider registered here, which reads the records of the period for
the organisation's subtree (``capuy.reports.records``, ``capuy.reports.meeting_records``), keeps every figure's provenance and
returns the names the template's text uses. ``compose`` knows no section and no kind: a kind
that needs the committee's conference, the review figures or the unit-by-unit table says so in
its template. ``register_section`` adds a provider (a record app's, or a test's).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from capuy.meetings.models import Meeting
from capuy.members import stats as member_stats
from capuy.orgs.models import Organisation
from capuy.reports import meeting_records, records
from capuy.reports.models import Report
from capuy.reports.periods import ReportPeriod, text_date
from capuy.reports.records import Provenance, committee_short
from capuy.reports.templating import fill
from capuy.text import format_count

__all__ = ["SECTIONS", "SectionRequest", "fill_sections", "register_section"]


@dataclass
class SectionRequest:
    """What a provider may read: the report asked for, and the context filled so far."""

    org: Organisation
    kind: str
    period: ReportPeriod
    template: dict[str, Any]
    classification: int
    symbol: str
    issued_on: dt.date
    prov: Provenance
    ctx: dict[str, Any]

    @property
    def start(self) -> dt.date:
        return self.period.start

    @property
    def end(self) -> dt.date:
        return self.period.end


Provider = Callable[[SectionRequest], dict[str, Any]]
SECTIONS: dict[str, Provider] = {}


def register_section(name: str, provider: Provider) -> None:
    """Add (or replace, by name) the provider of a section a template may declare."""
    SECTIONS[name] = provider


def fill_sections(names: list[str], request: SectionRequest) -> dict[str, Any]:
    """Run the providers of ``names`` in order, each seeing what the earlier ones gave."""
    for name in names:
        if name not in SECTIONS:
            raise KeyError(f"report template {request.kind!r}: unknown section {name!r}")
        request.ctx.update(SECTIONS[name](request))
    return request.ctx


# --- the sections every shipped template uses, in the order they are computed ---------------


def _membership(r: SectionRequest) -> dict[str, Any]:
    m = records.membership(r.org, r.start, r.end, r.prov)
    footnote = "; ".join(
        s
        for s in (m["admissions_sentence"], m["recognitions_sentence"], m["removals_sentence"])
        if s
    )
    return {"m": {**m}, "membership_footnote": footnote}


def _decisions(r: SectionRequest) -> dict[str, Any]:
    """The standing committee's decisions by field; the membership decision is the one
    computed from the member records (the template's ``membership_decision``)."""
    text = fill(r.template.get("membership_decision", ""), {"m": r.ctx.get("m", {})}).strip()
    text = re.sub(r"\s+", " ", text)
    fields = list(r.template.get("decision_fields", []))
    decisions, other = (
        meeting_records.decisions(r.org, r.start, r.end, fields, text, r.classification, r.prov)
        if fields
        else ([], "")
    )
    label = str(r.template.get("other_decisions", "")).rstrip(".")
    other_text = f"**{label}:** {other}" if other else f"**{label}.**" if label else ""
    return {"decisions": decisions, "other_decisions": other_text}


def _chaired_and_attended(r: SectionRequest) -> dict[str, Any]:
    chaired, attended = meeting_records.chaired_and_attended(
        r.org, r.start, r.end, r.classification, r.prov
    )
    return {"chaired": chaired, "attended": attended}


def _statements(r: SectionRequest) -> dict[str, Any]:
    return records.statements(r.org, r.start, r.end, r.prov)


def _subordinate_reports(r: SectionRequest) -> dict[str, Any]:
    """The reports of the units below, as received at this level ("lists merged")."""
    units = records.subordinate_units(r.org, r.period.end)
    if not units:
        return {"subordinate_reports": [], "subordinate_summary": ""}
    got = {
        report.organisation_id: report
        for report in Report.objects.filter(
            organisation__in=units, kind=r.kind, period=r.period.spec, submitted_on__isnull=False
        ).select_related("document")
    }
    r.prov.add(
        "reports.subordinate",
        "báo cáo của tổ chức đảng trực thuộc đã nhận",
        len(got),
        Report.objects.filter(pk__in=[report.pk for report in got.values()]),
    )
    rows = []
    late = 0
    for unit in units:
        report = got.get(unit.pk)
        name = unit.committee_name or unit.name
        if report is None:
            rows.append(f"{name}: chưa nhận báo cáo.")
            continue
        number = f"Báo cáo số {report.symbol}" if report.symbol else "Báo cáo"
        when = text_date(report.submitted_on) if report.submitted_on else ""
        status = "trễ hạn" if report.is_late() else "đúng hạn"
        late += report.is_late()
        rows.append(f"{name}: {number}, gửi ngày {when} ({status}).")
    summary = (
        f"{format_count(len(got))}/{format_count(len(units))} báo cáo của các tổ chức đảng "
        f"trực thuộc (đúng hạn {format_count(len(got) - late)}, trễ hạn {format_count(late)})"
    )
    return {"subordinate_reports": rows, "subordinate_summary": summary}


def _appendix(r: SectionRequest) -> dict[str, Any]:
    appendix = meeting_records.appendix(r.org, r.start, r.end, r.classification, r.prov)
    type_name = str(r.template["document_kind"]).capitalize()
    note = (
        f"(kèm theo {type_name} số {r.symbol} ngày {text_date(r.issued_on)} "
        f"của Ban Thường vụ {committee_short(r.org)})"
        if r.symbol
        else ""
    )
    count = format_count(next(x.value for x in r.prov if x.key == "documents.issued"))
    return {"appendix": appendix, "appendix_count": count, "appendix_note": note}


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
    return {
        "standing_opinions": meeting_records.standing_opinions(
            r.org, r.start, r.end, r.classification, r.prov
        )
    }


def _previous_tasks(r: SectionRequest) -> dict[str, Any]:
    return {
        "previous_tasks": meeting_records.previous_tasks(
            r.org, r.start, r.period.calendar_end, r.classification, r.prov
        )
    }


def _next_tasks(r: SectionRequest) -> dict[str, Any]:
    fields = list(r.template.get("task_fields", []))
    return {
        "next_tasks": meeting_records.next_tasks(
            r.org, r.period.next_start, r.period.next_end, fields, r.classification, r.prov
        )
    }


def _meeting_counts(r: SectionRequest) -> dict[str, Any]:
    return {
        "meeting_counts": meeting_records.meeting_counts(
            r.org, r.start, r.end, r.classification, r.prov
        )
    }


def _indicators(r: SectionRequest) -> dict[str, Any]:
    return {"indicators": records.indicator_rows(r.org, r.start, r.end, r.prov)}


def _unit_figures(r: SectionRequest) -> dict[str, Any]:
    return {"unit_figures": records.unit_figures(r.org, r.start, r.end, r.prov)}


def _review(r: SectionRequest) -> dict[str, Any]:
    """What a conclusion or a term review states of the whole period: admissions against the
    target, the member count at its end, strike-offs and removals in review style."""
    return {
        "admissions_clause": records.admissions_against_target(r.org, r.start, r.end, r.prov),
        "member_count": records.member_total(r.org, r.end, r.prov),
        "removals_clause": member_stats.strike_offs_and_removals(
            r.org, r.start, r.end, style="review"
        ).sentence,
    }


for _name, _provider in (
    ("membership", _membership),
    ("decisions", _decisions),
    ("chaired_and_attended", _chaired_and_attended),
    ("statements", _statements),
    ("subordinate_reports", _subordinate_reports),
    ("appendix", _appendix),
    ("conference", _conference),
    ("standing_opinions", _standing_opinions),
    ("previous_tasks", _previous_tasks),
    ("next_tasks", _next_tasks),
    ("meeting_counts", _meeting_counts),
    ("indicators", _indicators),
    ("unit_figures", _unit_figures),
    ("review", _review),
):
    register_section(_name, _provider)
