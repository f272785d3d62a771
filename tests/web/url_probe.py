"""What the URL-walk probe (``test_security_urls.py``) needs to know about each app's URLs.

The probe reads EVERY URL pattern from the URL conf and fills its arguments with the ids of
records the walking user must not reach. It cannot guess what ``<int:pk>`` means on a new page,
so each URL with arguments is declared here, once:

- ``OBJECT_URLS["namespace:name"] = "kind"`` — the ``pk`` is a record of that kind;
  ``World.hidden(kind, user)`` gives the records of that kind the user may not see (another
  unit's, or classified above the user's clearance). A new record family adds its kind to
  ``BUILDERS`` (a function that makes one record for a unit and a classification) and names
  its URLs here. A URL whose arguments are not just one ``pk`` is declared with ``Target``:
  the kind, and for each record argument how to derive it from the built record —
  ``Target("room", {"pk": pk, "poll_pk": first("polls")})`` (a room and one of its polls),
  ``Target("cell", {"cell_id": pk, "member_id": cell_member})`` (a cell and a member of it);
  ``values`` gives the values of this URL's other arguments (an action's name).
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


def make_arrival(org: Organisation, level: int, marker: str) -> Any:
    from capuy.incoming.services import register_arrival

    return register_arrival(
        organisation=org, received_on=D(2024, 3, 4), sender=marker, sender_symbol="12-CV/TU",
        type_code="CV", summary=marker, classification=level,
    )  # fmt: skip


def make_unit(org: Organisation, level: int, marker: str) -> Any:
    return org


def _cell(org: Organisation, marker: str) -> Organisation:
    """A cell (chi bộ) under ``org`` named after ``marker``, with one member who has a login."""
    from capuy.handbook.services import create_account
    from capuy.members.services import admit

    cell = Organisation.objects.create(
        name=f"Chi bộ {marker}", kind="chi_bo_truc_thuoc", code="CB", parent=org
    )
    create_account(admit(cell, f"Đảng viên {marker}", "nam", D(2010, 5, 19)), None)
    return cell


def make_cell(org: Organisation, level: int, marker: str) -> Any:
    return _cell(org, marker)


def make_cell_meeting(org: Organisation, level: int, marker: str) -> Any:
    from django.utils import timezone

    from capuy.handbook.models import CellMeeting
    from capuy.handbook.services import open_meeting

    meeting = CellMeeting(
        cell=_cell(org, marker),
        title=marker,
        agenda=marker,
        minutes=marker,
        starts_at=timezone.make_aware(dt.datetime(2024, 3, 5, 14, 0)),
        month=D(2024, 3, 1),
    )
    open_meeting(meeting, lambda m: f"/so-tay/sinh-hoat/{m.pk}/")
    return meeting


def make_reading(org: Organisation, level: int, marker: str) -> Any:
    from capuy.handbook.models import Reading
    from capuy.handbook.services import publish_reading

    reading = Reading(organisation=org, title=marker, body=marker, classification=level)
    publish_reading(reading, lambda r: f"/so-tay/tai-lieu/{r.pk}/")
    return reading


def make_cell_reading(org: Organisation, level: int, marker: str) -> Any:
    """A reading sent to a cell (under ``org``) of its own: the cell's read receipts."""
    # the cell's name is not the marker: a cell is no secret, its classified reading is
    return make_reading(_cell(org, f"nhận tài liệu {level} của {org.pk}"), level, marker)


def make_room(org: Organisation, level: int, marker: str) -> Any:
    """A meeting room (open) with a draft in its pack and a closed secret election."""
    from capuy.meetingroom import room as rooms
    from capuy.meetingroom import voting
    from capuy.meetingroom.models import PackDocument

    session = rooms.create_room(make_meeting(org, level, marker), members_total=5, invitees=[])
    rooms.open_room(session, None)
    PackDocument.objects.create(
        session=session, title=marker, body=marker, classification=level, is_draft=True
    )
    poll = voting.create_poll(
        session, title=marker, method="secret", kind="election", candidates=[marker]
    )
    voting.close_poll(voting.open_poll(poll))
    return session


def _import_run(org: Organisation, marker: str) -> Any:
    from capuy.archive.models import ImportRun

    return ImportRun.objects.create(
        organisation=org, source=marker, origin="web", message=marker, total=1, done=1
    )


def _import_item(run: Any, level: int, marker: str) -> Any:
    """A file waiting for review; its stored original is named here, written by
    ``World.store_files`` (the caller points ``MEDIA_ROOT`` at a throw-away folder first)."""
    from capuy.archive.models import ImportItem

    item = ImportItem.objects.create(
        run=run,
        organisation=run.organisation,
        path=f"{marker}.docx",
        sha256=f"{zlib.crc32(marker.encode()):064d}",
        status=ImportItem.Status.REVIEW,
        reason=marker,
        metadata={"summary": marker, "title": marker},
        text=marker,
        classification=level,
    )
    item.original.name = f"luu-tru/do-{item.pk}.txt"
    item.save(update_fields=["original"])
    return item


def make_import_run(org: Organisation, level: int, marker: str) -> Any:
    """An archive import run with one (ordinary) file waiting for review."""
    run = _import_run(org, marker)
    _import_item(run, level, marker)
    return run


def make_import_item(org: Organisation, level: int, marker: str) -> Any:
    return _import_item(_import_run(org, f"Lượt nhập {level}"), level, marker)


def make_job(org: Organisation, level: int, marker: str) -> Any:
    """A finished background job on a record of the unit (its title and message name it)."""
    from capuy.jobs.models import Job

    return Job.objects.create(
        kind="report_pdf",
        title=marker,
        message=marker,
        organisation=org,
        classification=level,
        state=Job.State.DONE,
        result_file=f"cong-viec/thu/{zlib.crc32(marker.encode())}.pdf",
    )


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
    "arrival": Kind(make_arrival, classified=True),
    "unit": Kind(make_unit),
    "cell": Kind(make_cell),
    "cell_meeting": Kind(make_cell_meeting),
    "reading": Kind(make_reading, classified=True),
    "cell_reading": Kind(make_cell_reading, classified=True),
    "room": Kind(make_room, classified=True),
    "import_run": Kind(make_import_run),
    "import_item": Kind(make_import_item, classified=True),
    "job": Kind(make_job, classified=True),
}


# --- how a URL's record arguments come from the built record ---------------------------------

Derive = Callable[[Any], Any]


def pk(record: Any) -> Any:
    return record.pk


def first(related: str) -> Derive:
    """The pk of the record's first ``related`` (a room's first poll, its first document)."""

    def derive(record: Any) -> Any:
        return getattr(record, related).order_by("pk").values_list("pk", flat=True).first()

    return derive


def cell_member(cell: Organisation) -> Any:
    from capuy.members.models import Member

    return Member.objects.filter(organisation=cell).values_list("pk", flat=True).first()


def org_of(record: Any) -> Any:
    return record.organisation_id


def cell_of(record: Any) -> Any:
    return record.cell_id


def first_version(record: Any) -> Any:
    return 1  # a report's first version (kept when it is made)


def this_year(record: Any) -> Any:
    from django.utils import timezone

    return timezone.localdate().year  # a rating meeting is for this year or the last one


@dataclass(frozen=True)
class Target:
    """What an object URL's arguments are: ``args`` derive the record arguments from a record
    of ``kind``; ``values`` lists the values of the others (else ``VALUE_KWARGS``)."""

    kind: str
    args: dict[str, Derive] = field(default_factory=lambda: {"pk": pk})
    values: dict[str, list[str]] = field(default_factory=dict)


ROOM_ACTIONS = [
    "khai-mac", "be-mac", "giay-moi", "diem-danh", "chuyen-noi-dung", "moi-phat-bieu",
    "dung-phat-bieu", "tao-bieu-quyet", "mo-bieu-quyet", "ket-thuc-bieu-quyet", "ghi-ket-qua",
    "tai-lieu",
]  # fmt: skip

ROOM_PAGES = (
    "room", "room_live", "state", "request_floor", "check_in", "console", "console_live",
    "screen", "events", "snapshot", "minutes", "conclusion",
)  # fmt: skip

OBJECT_URLS: dict[str, str | Target] = {
    "orgs:detail": "unit",
    "documents:detail": "document",
    "documents:attachment": "document",
    "documents:correct": "document",
    "documents:recall": "document",
    "documents:replace": "document",
    "meetings:detail": "meeting",
    "meetings:edit": "meeting",
    "meetings:task": "task",
    "meetings:task_progress": "task",
    "members:detail": "member",
    "members:event": "member",
    "members:rating": "member",
    "oversight:asset": "asset",
    "petitions:handle": "petition",
    "incoming:detail": "arrival",
    "incoming:route": "arrival",
    "incoming:finish": "arrival",
    "incoming:attachment": "arrival",
    "incoming:correct": "arrival",
    "reports:detail": "report",
    "reports:save": "report",
    "reports:action": "report",
    "reports:download": "report",
    "reports:editor": "report",
    "reports:autosave": "report",
    "reports:versions": "report",
    "reports:docx_commented": "report",
    "reports:upload_docx": "report",
    "reports:dismiss": "report",
    "reports:confirm": "report",
    "reports:version_text": Target("report", {"pk": pk, "number": first_version}),
    # the meeting room: a room (its meeting's unit and classification), its polls, its pack
    "meetingroom:create": Target("meeting", {"meeting_pk": pk}),
    **{f"meetingroom:{name}": "room" for name in ROOM_PAGES},
    "meetingroom:cast": Target("room", {"pk": pk, "poll_pk": first("polls")}),
    "meetingroom:counting": Target("room", {"pk": pk, "poll_pk": first("polls")}),
    "meetingroom:document": Target("room", {"pk": pk, "doc_pk": first("pack")}),
    "meetingroom:comments": Target("room", {"pk": pk, "doc_pk": first("pack")}),
    "meetingroom:action": Target("room", values={"name": ROOM_ACTIONS}),
    # the archive's intake: a run, and a file waiting for review
    "archive:run": "import_run",
    "archive:progress": "import_run",
    "archive:run_csv": "import_run",
    "archive:review_item": "import_item",
    "archive:original": "import_item",
    # the handbook: the member's own pages, a cell's pages (office), the unit's roll-up
    "handbook:meeting": "cell_meeting",
    "handbook:reading": "reading",
    "handbook:bookmark": "reading",
    "handbook:attendance_report_unit": Target("unit", {"org_id": pk}),
    "handbook:cell": Target("cell", {"cell_id": pk}),
    "handbook:meeting_new": Target("cell", {"cell_id": pk}),
    "handbook:reading_new": Target("cell", {"cell_id": pk}),
    "handbook:cell_readings": Target("cell", {"cell_id": pk}),
    "handbook:cell_receipts": Target("cell_reading", {"cell_id": org_of, "pk": pk}),
    "handbook:cell_meeting": Target("cell_meeting", {"cell_id": cell_of, "pk": pk}),
    "handbook:cell_member": Target("cell", {"cell_id": pk, "member_id": cell_member}),
    "handbook:account_create": Target("cell", {"cell_id": pk, "member_id": cell_member}),
    "handbook:account_reset": Target("cell", {"cell_id": pk, "member_id": cell_member}),
    "handbook:rating": Target("cell", {"cell_id": pk, "year": this_year}),
    # party dues: a cell's book, a unit's roll-up
    "dues:book": Target("cell", {"cell_id": pk}),
    "dues:report_unit": Target("unit", {"org_id": pk}),
    # background jobs: a job (its unit and classification), its progress, its result file
    "jobs:detail": "job",
    "jobs:progress": "job",
    "jobs:result": "job",
}


def target(name: str) -> Target | None:
    """The declaration of URL ``name`` (a bare kind is its ``pk``), None if not an object URL."""
    declared = OBJECT_URLS.get(name)
    return Target(declared) if isinstance(declared, str) else declared


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
            if isinstance(record, Organisation):  # a unit, a cell
                from capuy.accounts.access import visible_organisations

                seen = visible_organisations(user).filter(pk=record.pk).exists()
            else:
                seen = visible(type(record), user).filter(pk=record.pk).exists()
            if not seen:
                found.append((record, self.marker(unit, kind_name, level)))
        return found

    def store_files(self) -> None:
        """Write the files the records name (an import item's original holds its marker) into
        ``MEDIA_ROOT``: the builders write no file, so building never touches the data folder."""
        from django.core.files.base import ContentFile
        from django.core.files.storage import default_storage

        from capuy.archive.models import ImportItem

        for (unit, kind, level), record in self.records.items():
            if kind == "import_item":
                items = [record]
            elif kind == "import_run":
                items = list(ImportItem.objects.filter(run=record))
            else:
                continue
            for item in items:
                content = ContentFile(self.marker(unit, kind, level).encode())
                saved = default_storage.save(item.original.name, content)
                assert saved == item.original.name, (saved, item.original.name)

    def all_hidden_markers(self, user: Any) -> list[str]:
        return [marker for kind in BUILDERS for _, marker in self.hidden(kind, user)]
