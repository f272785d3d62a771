"""What the URL-walk probe (``test_security_urls.py``) needs to know about each app's URLs.

The probe reads EVERY URL pattern from the URL conf and fills its arguments with the ids of
records the walking user must not reach. It cannot guess what ``<int:pk>`` means on a new page,
so each URL with arguments is declared here, once:

- ``OBJECT_URLS["namespace:name"] = "kind"`` — the ``pk`` (or ``object_id``…) is a record of
  that kind; ``World.hidden(kind, user)`` gives the ids of such records the user may not see
  (another unit's, or classified above the user's clearance). A new record family adds its kind
  to ``BUILDERS`` (a function that makes one record for a unit and a classification) and names
  its URLs here.
- ``VALUE_KWARGS["fmt"] = [...]`` — arguments that are not records (a format, an action): the
  probe tries each value.
- ``GLOBAL_URLS["name"] = (reason, roles)`` — pages about no unit's record (the installation's
  vocabulary): only ``roles`` may open them.

A URL argument the probe does not know makes ``test_every_url_argument_is_declared`` fail with
the place to declare it — a new page cannot be skipped silently.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from capuy.accounts.levels import Classification
from capuy.accounts.scoped import visible
from capuy.documents.numbering import register_outgoing
from capuy.orgs.models import Body, CommitteeTerm, Organisation

D = dt.date


def _body(org: Organisation) -> Body:
    body = Body.objects.filter(organisation=org, kind="btv").first()
    if body is None:
        body = Body.objects.create(organisation=org, kind="btv", name=f"Ban Thường vụ {org.name}")
    if not CommitteeTerm.objects.filter(organisation=org).exists():
        CommitteeTerm.objects.create(
            organisation=org, start_year=2020, end_year=2025, start_date=D(2020, 6, 1)
        )
    return body


def make_document(org: Organisation, level: int, marker: str) -> Any:
    return register_outgoing(
        issuing_body=_body(org),
        type_code="TB",
        issued_on=D(2024, 3, 1),
        summary=marker,
        signer_name=marker,
        classification=level,
    )


def make_meeting(org: Organisation, level: int, marker: str) -> Any:
    from capuy.meetings.models import AgendaItem, Meeting

    meeting = Meeting.objects.create(
        organisation=org,
        body=_body(org),
        title=marker,
        notes=marker,
        held_on=D(2024, 3, 2),
        classification=level,
    )
    AgendaItem.objects.create(meeting=meeting, title=marker)
    return meeting


def make_task(org: Organisation, level: int, marker: str) -> Any:
    from capuy.meetings.models import Task

    return Task.objects.create(
        organisation=org,
        title=marker,
        lead_body=_body(org),
        due_on=D(2024, 3, 31),
        classification=level,
    )


def make_report(org: Organisation, level: int, marker: str) -> Any:
    from capuy.reports.models import Report

    return Report.objects.create(
        organisation=org,
        kind="monthly",
        period=f"2024-{level + 1:02d}",
        start=D(2024, 2, 27),
        end=D(2024, 3, 26),
        title=marker,
        body=f"---\nkind: BÁO CÁO\nsummary: {marker}\n---\n\n{marker}\n",
        due_on=D(2024, 3, 28),
        classification=level,
        state="checked",
    )


def make_member(org: Organisation, level: int, marker: str) -> Any:
    from capuy.members.services import admit

    return admit(org, marker, "nam", D(2010, 5, 19))


def make_asset(org: Organisation, level: int, marker: str) -> Any:
    from capuy.oversight.models import AssetVerification

    return AssetVerification.objects.create(
        organisation=org,
        member=make_member(org, level, marker + " kê khai"),
        declaration_year=2023,
        verified_on=D(2024, 6, 14),
        outcome="trung_thuc",
        conclusion=marker,
    )


def make_petition(org: Organisation, level: int, marker: str) -> Any:
    from capuy.petitions.models import Petition

    return Petition.objects.create(
        organisation=org, kind="to_cao", received_on=D(2024, 1, 2), summary=marker,
        sender=marker, jurisdiction="own",
    )  # fmt: skip


def make_unit(org: Organisation, level: int, marker: str) -> Any:
    return org


@dataclass(frozen=True)
class Kind:
    """A record family the probe can build: ``classified`` if it has a classification."""

    build: Callable[[Organisation, int, str], Any]
    classified: bool = False


BUILDERS: dict[str, Kind] = {
    "document": Kind(make_document, classified=True),
    "meeting": Kind(make_meeting, classified=True),
    "task": Kind(make_task, classified=True),
    "report": Kind(make_report, classified=True),
    "member": Kind(make_member),
    "asset": Kind(make_asset),
    "petition": Kind(make_petition),
    "unit": Kind(make_unit),
}

OBJECT_URLS: dict[str, str] = {
    "orgs:detail": "unit",
    "documents:detail": "document",
    "documents:attachment": "document",
    "meetings:detail": "meeting",
    "meetings:edit": "meeting",
    "meetings:task": "task",
    "meetings:task_progress": "task",
    "members:detail": "member",
    "members:event": "member",
    "members:rating": "member",
    "oversight:asset": "asset",
    "petitions:handle": "petition",
    "reports:detail": "report",
    "reports:save": "report",
    "reports:action": "report",
    "reports:download": "report",
}

VALUE_KWARGS: dict[str, list[str]] = {
    "fmt": ["csv", "xlsx", "docx", "pdf", "md", "txt"],
    "action": ["duyet", "ban-hanh", "gui", "tra-ve", "xoa"],
}

# pages about no unit's record: (why, the roles that may open them; superusers always may)
GLOBAL_URLS: dict[str, tuple[str, frozenset[str]]] = {
    "vocab_edit": ("the installation's vocabulary (docs/web.md)", frozenset({"quan_tri"})),
    "vocab_restore": ("the installation's vocabulary (docs/web.md)", frozenset({"quan_tri"})),
}
GLOBAL_KWARGS: dict[str, list[str]] = {"name": ["issuers", "document_types", "terms"]}


@dataclass
class World:
    """Records of every kind in every unit of the test tree, at every classification."""

    units: dict[str, Organisation]
    records: dict[tuple[str, str, int], Any] = field(default_factory=dict)

    @classmethod
    def build(cls, units: dict[str, Organisation]) -> World:
        world = cls(units)
        for unit_name, org in units.items():
            for kind_name, kind in BUILDERS.items():
                levels = list(Classification.values) if kind.classified else [0]
                for level in levels:
                    marker = world.marker(unit_name, kind_name, level)
                    world.records[(unit_name, kind_name, level)] = kind.build(org, level, marker)
        return world

    @staticmethod
    def marker(unit: str, kind: str, level: int) -> str:
        """A text put in the record (title, summary…), searched for in every page."""
        return f"Dấu dò {unit} {kind} {level} QX{zlib.crc32(f'{unit}{kind}{level}'.encode()):010d}"

    def hidden(self, kind: str, user: Any) -> list[tuple[Any, str]]:
        """(record, marker) of ``kind`` that ``user`` may not see."""
        found = []
        for (unit, kind_name, level), record in self.records.items():
            if kind_name != kind:
                continue
            model = type(record)
            if kind == "unit":
                from capuy.accounts.access import visible_organisations

                seen = visible_organisations(user).filter(pk=record.pk).exists()
            else:
                seen = visible(model, user).filter(pk=record.pk).exists()
            if not seen:
                found.append((record, self.marker(unit, kind_name, level)))
        return found

    def all_hidden_markers(self, user: Any) -> list[str]:
        return [marker for kind in BUILDERS for _, marker in self.hidden(kind, user)]
