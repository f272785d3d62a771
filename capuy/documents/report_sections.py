"""The register's part of a composed report: the appendix of important documents issued in
the period, grouped by type (seed 000's appendix) — the section ``appendix``, registered into
``capuy.stats.sections`` from ``DocumentsConfig.ready()``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from capuy.documents.models import Document
from capuy.documents.monthly import group_by_type, join_summaries
from capuy.orgs.models import Organisation
from capuy.stats.sections import Provenance, SectionRequest, committee_short, register_section
from capuy.text import format_count
from capuy.text.dates import text_date

__all__ = ["appendix", "register"]


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


def _appendix(r: SectionRequest) -> dict[str, Any]:
    rows = appendix(r.org, r.start, r.end, r.classification, r.prov)
    type_name = str(r.template["document_kind"]).capitalize()
    note = (
        f"(kèm theo {type_name} số {r.symbol} ngày {text_date(r.issued_on)} "
        f"của Ban Thường vụ {committee_short(r.org)})"
        if r.symbol
        else ""
    )
    count = format_count(next(x.value for x in r.prov if x.key == "documents.issued"))
    return {"appendix": rows, "appendix_count": count, "appendix_note": note}


def register() -> None:
    register_section("appendix", _appendix)
