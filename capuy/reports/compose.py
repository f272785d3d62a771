"""Compose a report from the records: (organisation, kind, period) → authoring Markdown.

The template of the kind (``capuy.reports.templating``) gives the structure and the words; the
records of the period for the organisation's subtree (``capuy.reports.records``) give the
figures, the lists and the appendix; every computed value is kept with the model and ids it was
drawn from (``Composition.provenance``). Narrative passages are left for staff, marked
``NARRATIVE`` so the editor (and the checker) shows where text is still to be written. The
Markdown goes to ``capuy.render`` for DOCX and PDF, exactly as a hand-written file would.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from django.db.models import Q

from capuy.accounts.levels import Classification
from capuy.documents.models import Document
from capuy.errors import InputError
from capuy.meetings.models import Meeting
from capuy.members import stats as member_stats
from capuy.orgs.models import Body, CommitteeTerm, Organisation
from capuy.reports import records
from capuy.reports.models import Report, ReportSettings
from capuy.reports.periods import ReportPeriod, resolve_period, text_date
from capuy.reports.records import Provenance, Source, committee_short
from capuy.reports.templating import fill, load_template
from capuy.text import format_count, search_key

NARRATIVE = "[Chuyên viên bổ sung nội dung.]"
_AREA_WORDS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "phường", "xã")


@dataclass
class Composition:
    organisation: Organisation
    kind: str
    period: ReportPeriod
    title: str
    markdown: str
    due_on: dt.date
    provenance: list[Source] = field(default_factory=list)

    def value(self, key: str) -> Any:
        """The computed value stored under ``key`` (e.g. ``members.admissions``)."""
        for source in self.provenance:
            if source.key == key:
                return source.value
        raise KeyError(key)

    def source(self, key: str) -> Source:
        return next(s for s in self.provenance if s.key == key)


def settings_for(org: Organisation) -> Any:
    """The reporting settings of ``org`` or of the nearest unit above it that has some."""
    chain = [org.pk] + [int(p) for p in reversed(org.path.strip("/").split("/")[:-1]) if p]
    found = {s.organisation_id: s for s in ReportSettings.objects.filter(organisation__in=chain)}
    return next((found[pk] for pk in chain if pk in found), None)


def area_word(org: Organisation) -> str:
    """ "thị xã" for Đảng bộ thị xã Đức Phổ: how the report names its territory."""
    name = org.name.lower()
    return next((w for w in _AREA_WORDS if f" {w} " in f" {name} "), "địa phương")


def place_of(org: Organisation) -> str:
    """ "Đức Phổ" from "Thị ủy Đức Phổ"; "Phổ Hòa" from "Đảng ủy phường Phổ Hòa"."""
    words = (org.committee_name or org.name).split()[2:]
    text = " ".join(words)
    for area in _AREA_WORDS:
        if text.lower().startswith(area + " "):
            return text[len(area) + 1 :]
    return text


def term_of(org: Organisation, spec: str) -> tuple[int, int, dt.date, dt.date | None] | None:
    found = re.fullmatch(r"\s*(\d{4})\s*-\s*(\d{4})\s*", spec or "")
    if not found:
        return None
    term = CommitteeTerm.objects.filter(organisation=org, start_year=int(found[1])).first()
    if term is None:
        return None
    return term.start_year, term.end_year, term.start_date, term.end_date


def period_for(
    org: Organisation, kind: str, spec: str, today: dt.date | None = None
) -> ReportPeriod:
    """The period of a report of ``org``. Monthly reports count over the committee's own
    window (``ReportSettings.window_rule``: 27-26 as seed 000, 15-14 …); every kind otherwise
    over its template's ``window_rule``."""
    template = load_template(kind)
    own = settings_for(org) if kind == "monthly" else None
    rule = (own.window_rule if own and own.window_rule else None) or template.get(
        "window_rule", "calendar"
    )
    return resolve_period(kind, spec, rule, term_of(org, spec), today)


def _signer(org: Organisation, title: str) -> str:
    own = settings_for(org)
    if own and own.signer_name:
        return str(own.signer_name)
    return (
        Document.objects.outgoing()
        .filter(organisation=org, signer_title__iexact=title)
        .exclude(signer_name="")
        .order_by("-issued_on", "-pk")
        .values_list("signer_name", flat=True)
        .first()
        or ""
    )


def _conference(org: Organisation, period: ReportPeriod, classification: int) -> Any:
    """The committee's conference that discussed the period: the first BCH meeting after the
    period's end (within two months), else the last one inside it."""
    qs = Meeting.objects.filter(
        organisation=org, body__kind="bch", classification__lte=classification
    ).select_related("term")
    after = qs.filter(held_on__gt=period.end, held_on__lte=period.end + dt.timedelta(days=62))
    return (
        after.order_by("held_on").first()
        or qs.filter(held_on__gte=period.start, held_on__lte=period.end)
        .order_by("-held_on")
        .first()
    )


def _subordinate_reports(
    org: Organisation, kind: str, period: ReportPeriod, prov: Provenance
) -> tuple[list[str], str]:
    """The reports of the units below, as received at this level ("lists merged")."""
    units = records.subordinate_units(org, period.end)
    if not units:
        return [], ""
    got = {
        r.organisation_id: r
        for r in Report.objects.filter(
            organisation__in=units, kind=kind, period=period.spec, submitted_on__isnull=False
        ).select_related("document")
    }
    prov.add(
        "reports.subordinate",
        "báo cáo của tổ chức đảng trực thuộc đã nhận",
        len(got),
        Report.objects.filter(pk__in=[r.pk for r in got.values()]),
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
    return rows, summary


def _issuer_code(org: Organisation, body_kind: str) -> str:
    body = Body.objects.filter(organisation=org, kind=body_kind).first()
    return body.code if body else org.code


def compose(
    org: Organisation,
    kind: str,
    spec: str,
    *,
    classification: int = 0,
    topic: str = "",
    number: int | None = None,
    symbol: str = "",
    issued_on: dt.date | None = None,
    today: dt.date | None = None,
) -> Composition:
    """The report of ``org`` for ``kind`` and period ``spec``, composed from the records."""
    template = load_template(kind)
    period = period_for(org, kind, spec, today)
    prov = Provenance()
    parent = org.parent
    short = committee_short(org)
    start, end = period.start, period.end
    m = records.membership(org, start, end, prov)
    m_ctx = {**m}
    membership_text = fill(template.get("membership_decision", ""), {"m": m_ctx}).strip()
    membership_text = re.sub(r"\s+", " ", membership_text)
    fields = list(template.get("decision_fields", []))
    decisions, other = (
        records.decisions(org, start, end, fields, membership_text, classification, prov)
        if fields
        else ([], "")
    )
    other_label = str(template.get("other_decisions", "")).rstrip(".")
    other_decisions = (
        f"**{other_label}:** {other}" if other else f"**{other_label}.**" if other_label else ""
    )
    chaired, attended = records.chaired_and_attended(org, start, end, classification, prov)
    task_fields = list(template.get("task_fields", []))
    statements = records.statements(org, start, end, prov)
    subordinate_rows, subordinate_summary = _subordinate_reports(org, kind, period, prov)
    appendix = records.appendix(org, start, end, classification, prov)
    conference = _conference(org, period, classification) if kind == "conclusion" else None
    when = issued_on or period.end
    type_name = str(template["document_kind"]).capitalize()
    symbol_text = symbol or ""
    appendix_note = (
        f"(kèm theo {type_name} số {symbol_text} ngày {text_date(when)} của Ban Thường vụ {short})"
        if symbol_text
        else ""
    )
    membership_footnote = "; ".join(
        s
        for s in (m["admissions_sentence"], m["recognitions_sentence"], m["removals_sentence"])
        if s
    )
    ctx: dict[str, Any] = {
        "short": short,
        "superior_short": committee_short(parent) if parent else "",
        "area": area_word(org),
        "unit_name": f"Đảng bộ {area_word(org)}",
        "period": period.period,
        "next": period.next,
        "previous": period.previous,
        "window_start": text_date(start),
        "window_end": text_date(end),
        "narrative": NARRATIVE,
        "m": m_ctx,
        "decisions": decisions,
        "other_decisions": other_decisions,
        "standing_opinions": records.standing_opinions(org, start, end, classification, prov),
        "chaired": chaired,
        "attended": attended,
        "appendix": appendix,
        "appendix_count": records.format_count(
            next(x.value for x in prov if x.key == "documents.issued")
        ),
        "appendix_note": appendix_note,
        "previous_tasks": records.previous_tasks(
            org, start, period.calendar_end, classification, prov
        ),
        "next_tasks": records.next_tasks(
            org, period.next_start, period.next_end, task_fields, classification, prov
        ),
        "meeting_counts": records.meeting_counts(org, start, end, classification, prov),
        "membership_footnote": membership_footnote,
        "indicators": records.indicator_rows(org, start, end, prov),
        "unit_figures": records.unit_figures(org, start, end, prov)
        if template.get("unit_figures")
        else [],
        "subordinate_reports": subordinate_rows,
        "subordinate_summary": subordinate_summary,
        "conference": conference.full_title if conference else f"Hội nghị {short}",
        "conference_date": text_date(conference.held_on) if conference else "",
        "topic": topic or NARRATIVE,
        **statements,
    }
    if kind in ("conclusion", "term", "mid_term"):
        ctx["admissions_clause"] = records.admissions_against_target(org, start, end, prov)
        ctx["member_count"] = records.member_total(org, end, prov)
        ctx["removals_clause"] = member_stats.strike_offs_and_removals(
            org, start, end, style="review"
        ).sentence
    summary = _clean(fill(str(template["summary"]), ctx))
    body = _clean(fill(str(template["body"]), ctx))
    kind_text = str(template["document_kind"])
    if template.get("kind_line"):
        kind_text += "\n" + fill(str(template["kind_line"]), ctx).strip()
    settings_row = settings_for(org)
    signature = dict(template.get("signature") or {})
    if settings_row and settings_row.signer_title:
        signature["title"] = settings_row.signer_title
    signature["name"] = _signer(org, str(signature.get("title", "")))
    front: dict[str, Any] = {
        "superior": parent.name.upper() if parent else "",
        "issuer": org.header_name,
        "issuer_code": _issuer_code(org, str(template.get("issuing_body", "btv"))),
    }
    if number is not None:
        front["number"] = number
    if symbol:
        front["symbol"] = symbol
    front.update(
        {
            "place": (settings_row.place if settings_row and settings_row.place else "")
            or place_of(org),
            "date": when.isoformat(),
            "kind": kind_text,
            "summary": summary,
            "draft": number is None and not symbol,
        }
    )
    if classification:
        front["classification"] = Classification(classification).label
    front["signature"] = {k: signature.get(k, "") for k in ("capacity", "title", "name")}
    front["recipients"] = [fill(str(r), ctx).strip() for r in template.get("recipients", [])]
    if not front["superior"]:
        del front["superior"]
    markdown = (
        "---\n"
        + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
        + "---\n\n"
        + body
        + "\n"
    )
    title = summary.splitlines()[0] if summary else str(template["name"])
    due = period.end + dt.timedelta(days=int(template["deadline_days"]))
    return Composition(org, kind, period, title, markdown, due, list(prov))


def _clean(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out)


def organisation_by_name(name: str) -> Organisation:
    """The organisation a user names on the command line: by id, name, committee name or
    code path; ``InputError`` when none or several match."""

    name = (name or "").strip()
    if name.isdigit():
        found = Organisation.objects.filter(pk=int(name))
    else:
        found = Organisation.objects.filter(
            Q(name__iexact=name) | Q(committee_name__iexact=name), valid_to__isnull=True
        )
        if not found.exists():
            key = search_key(name)
            ids = [
                o.pk
                for o in Organisation.objects.filter(valid_to__isnull=True)
                if key in (search_key(o.name), search_key(o.committee_name))
            ]
            found = Organisation.objects.filter(pk__in=ids)
    orgs = list(found[:3])
    if len(orgs) != 1:
        reason = "không tìm thấy" if not orgs else "có nhiều tổ chức trùng tên"
        raise InputError(
            f"Tổ chức đảng “{name}”: {reason}",
            f"organisation {name!r}: {'not found' if not orgs else 'ambiguous'}",
        )
    return orgs[0]
