"""The registry of report sections: the providers the record apps register for the composer.

A report template (``vocab/report_templates/*.yaml``) lists its ``sections`` in the order
they are computed; each name is a provider registered here by the app that owns the records
it reads, from its ``AppConfig.ready()`` (as ``capuy.web.home`` takes the home panels)::

    from capuy.stats.sections import SectionRequest, register_section

    def _indicators(r: SectionRequest) -> dict[str, Any]:
        return {"indicators": indicator_rows(r.org, r.start, r.end, r.prov)}

    register_section("indicators", _indicators)

A provider reads the records of the period for the organisation's subtree, keeps every
figure's records in ``r.prov`` (``Provenance``) and returns the names the template's text
uses. It lives below the record apps so they can register into it; the composer
(``capuy.reports.compose``) knows no section and no app. ``docs/architecture.md`` lists the
shipped providers (a test compares the list with this registry).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from django.db.models import QuerySet

from capuy.orgs.models import Organisation

__all__ = [
    "SECTIONS",
    "Provenance",
    "SectionRequest",
    "Source",
    "committee_short",
    "fill_sections",
    "provider_of",
    "register_section",
    "section_names",
]


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


class Period(Protocol):
    """What a provider reads of the report's period (``capuy.reports.periods.ReportPeriod``)."""

    @property
    def spec(self) -> str: ...
    @property
    def start(self) -> dt.date: ...
    @property
    def end(self) -> dt.date: ...
    @property
    def calendar_end(self) -> dt.date: ...
    @property
    def next_start(self) -> dt.date: ...
    @property
    def next_end(self) -> dt.date: ...


@dataclass
class SectionRequest:
    """What a provider may read: the report asked for, and the context filled so far.

    ``fill`` fills a piece of the template's text (Django template language) from a context:
    the composer's own filler, so a provider needs nothing of the reports app."""

    org: Organisation
    kind: str
    period: Period
    template: dict[str, Any]
    classification: int
    symbol: str
    issued_on: dt.date
    prov: Provenance
    ctx: dict[str, Any]
    fill: Callable[[str, dict[str, Any]], str]

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


def section_names() -> list[str]:
    """Every registered section, by name."""
    return sorted(SECTIONS)


def provider_of(name: str) -> Provider:
    return SECTIONS[name]


def fill_sections(names: list[str], request: SectionRequest) -> dict[str, Any]:
    """Run the providers of ``names`` in order, each seeing what the earlier ones gave."""
    for name in names:
        if name not in SECTIONS:
            raise KeyError(f"report template {request.kind!r}: unknown section {name!r}")
        request.ctx.update(SECTIONS[name](request))
    return request.ctx
