"""Compose a report from the records: (organisation, kind, period) → authoring Markdown.

The template of the kind (``capuy.reports.templating``) gives the structure and the words; the
records of the period for the organisation's subtree give the figures, the lists and the
appendix, through the sections the template declares (each filled by a provider the owning
app registered in ``capuy.stats.sections``); every computed value is kept with the model and
ids it was drawn from (``Composition.provenance``). Narrative passages are left for staff, marked
``NARRATIVE`` so the editor (and the checker) shows where text is still to be written. The
Markdown goes to ``capuy.render`` for DOCX and PDF, exactly as a hand-written file would.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from capuy.accounts.levels import Classification
from capuy.documents.models import Document
from capuy.orgs.lookup import organisation_by_name as organisation_by_name
from capuy.orgs.models import Body, CommitteeTerm, Organisation
from capuy.reports.models import ReportSettings
from capuy.reports.periods import ReportPeriod, resolve_period, text_date
from capuy.reports.templating import fill, load_template
from capuy.stats.sections import (
    Provenance,
    SectionRequest,
    Source,
    committee_short,
    fill_sections,
)
from capuy.vocab.areas import area_words

NARRATIVE = "[Chuyên viên bổ sung nội dung.]"


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
    return next((w for w in area_words() if f" {w} " in f" {name} "), "địa phương")


def place_of(org: Organisation) -> str:
    """ "Đức Phổ" from "Thị ủy Đức Phổ"; "Phổ Hòa" from "Đảng ủy phường Phổ Hòa"."""
    words = (org.committee_name or org.name).split()[2:]
    text = " ".join(words)
    for area in area_words():
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
    """The period of a report of ``org``. A kind whose template says ``committee_window``
    (the monthly report) counts over the committee's own window (``ReportSettings.window_rule``:
    27-26 as seed 000, 15-14 …); every kind otherwise over its template's ``window_rule``."""
    template = load_template(kind)
    own = settings_for(org) if template.get("committee_window") else None
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
    when = issued_on or period.end
    ctx: dict[str, Any] = {
        "short": short,
        "superior_short": committee_short(parent) if parent else "",
        "area": area_word(org),
        "unit_name": f"Đảng bộ {area_word(org)}",
        "period": period.period,
        "next": period.next,
        "previous": period.previous,
        "window_start": text_date(period.start),
        "window_end": text_date(period.end),
        "narrative": NARRATIVE,
        "topic": topic or NARRATIVE,
        "conference": f"Hội nghị {short}",  # the "conference" section names the real one
        "conference_date": "",
        "unit_figures": [],
    }
    request = SectionRequest(
        org, kind, period, template, classification, symbol or "", when, prov, ctx, fill
    )
    fill_sections(list(template.get("sections", [])), request)
    summary = _clean(fill(str(template["summary"]), ctx))
    body = _clean(fill(str(template["body"]), ctx))
    front = _front_matter(org, template, ctx, summary, when, number, symbol, classification)
    markdown = (
        "---\n"
        + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
        + "---\n\n"
        + body
        + "\n"
    )
    # the whole summary on one line: a two-line one ("…quý I/2024;" / "nhiệm vụ …") kept
    # only its first line, ending in a stray ";"
    title = " ".join(line.strip() for line in summary.splitlines() if line.strip())
    title = title or str(template["name"])
    due = period.end + dt.timedelta(days=int(template["deadline_days"]))
    return Composition(org, kind, period, title, markdown, due, list(prov))


def _front_matter(
    org: Organisation,
    template: dict[str, Any],
    ctx: dict[str, Any],
    summary: str,
    when: dt.date,
    number: int | None,
    symbol: str,
    classification: int,
) -> dict[str, Any]:
    """The authoring format's header of the report: issuer, number, place and date, kind and
    summary, signature (the committee's own signer if it set one) and recipients."""
    parent = org.parent
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
    return front


def _clean(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out)
