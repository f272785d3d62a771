"""The paperless meeting room: a meeting of ``capuy.meetings`` run live.

A ``Session`` is one meeting being run: its invitation (a document of the register), the
people invited (``Invitee``: a user, optionally linked to the member register), the document
pack, attendance, the agenda's progress, the speakers, and the polls (votes and elections).

Secrecy of a secret poll, by construction (see ``voting`` and docs/decisions.md):

- ``Voter`` (who voted; unique per poll and user, so a second ballot is refused by the
  database) and ``Ballot`` (what was chosen) are two tables with nothing in common but the
  poll: no user, no timestamp, random UUID keys (never autoincrement, never time-based);
- the poll keeps no running tally while open (only the count of voters);
- at close both tables of the poll are rewritten in one transaction — voters in user order,
  ballots in a random order — so neither the physical order (SQLite rowid, PostgreSQL ctid)
  nor the inserting transaction (PostgreSQL xmin) relates a ballot to a voter any more;
- neither table is in the audit trail; the poll's opening, closing and every correction are.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from capuy.accounts.levels import Classification


class Session(models.Model):
    """A meeting of ``capuy.meetings`` run in the meeting room."""

    class State(models.TextChoices):
        PREPARED = "prepared", "Chuẩn bị"
        OPEN = "open", "Đang họp"
        CLOSED = "closed", "Đã kết thúc"

    meeting = models.OneToOneField(
        "meetings.Meeting",
        verbose_name="hội nghị",
        on_delete=models.PROTECT,
        related_name="room",
    )
    state = models.CharField(
        "trạng thái", max_length=10, choices=State.choices, default=State.PREPARED
    )
    members_total = models.PositiveSmallIntegerField(
        "tổng số thành viên của cơ quan",
        help_text="Số thành viên đương nhiệm: căn cứ tính túc số và đa số (quá một nửa).",
    )
    invitation = models.ForeignKey(
        "documents.Document",
        verbose_name="giấy mời",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    current_item = models.ForeignKey(
        "meetings.AgendaItem",
        verbose_name="nội dung đang thảo luận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="chủ trì",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="thư ký",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    opened_at = models.DateTimeField("khai mạc lúc", null=True, blank=True)
    closed_at = models.DateTimeField("bế mạc lúc", null=True, blank=True)
    conclusion = models.ForeignKey(
        "reports.Report",
        verbose_name="dự thảo kết luận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version = models.PositiveIntegerField("phiên bản trạng thái", default=0)

    class Meta:
        verbose_name = "phòng họp"
        verbose_name_plural = "phòng họp"

    def __str__(self) -> str:
        return str(self.meeting)

    @property
    def organisation_id(self) -> int:
        return int(self.meeting.organisation_id)


class Invitee(models.Model):
    """A person invited: a user of capuy, optionally the member record they are."""

    class Attendance(models.TextChoices):
        UNKNOWN = "", "Chưa điểm danh"
        HALL = "hall", "Có mặt tại hội trường"
        ONLINE = "online", "Dự trực tuyến"
        EXCUSED = "excused", "Vắng có lý do"
        ABSENT = "absent", "Vắng không lý do"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="invitees")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người được mời", on_delete=models.PROTECT
    )
    member = models.ForeignKey(
        "members.Member",
        verbose_name="đảng viên",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    may_vote = models.BooleanField("có quyền biểu quyết", default=True)
    opened_at = models.DateTimeField("đã xem giấy mời lúc", null=True, blank=True)
    attendance = models.CharField(
        "điểm danh", max_length=8, choices=Attendance.choices, blank=True, default=""
    )
    reason = models.CharField("lý do vắng", max_length=300, blank=True)

    class Meta:
        verbose_name = "đại biểu được mời"
        verbose_name_plural = "đại biểu được mời"
        ordering = ["session", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="invitee_once_per_session")
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """Vietnamese order: family name first (Django keeps it in last_name)."""
        full = f"{self.user.last_name} {self.user.first_name}".strip()
        return full or self.user.get_username()

    @property
    def present(self) -> bool:
        return self.attendance in (self.Attendance.HALL, self.Attendance.ONLINE)


class PackDocument(models.Model):
    """A document of the pack: a draft, a report, a personnel file; read on the device only."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="pack")
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField("tên tài liệu", max_length=300)
    body = models.TextField("nội dung")
    classification = models.PositiveSmallIntegerField(
        "độ mật", choices=Classification.choices, default=Classification.NORMAL
    )
    is_draft = models.BooleanField("dự thảo lấy ý kiến", default=False)
    position = models.PositiveSmallIntegerField("thứ tự", default=1)
    source = models.ForeignKey(
        "documents.Document",
        verbose_name="văn bản trong sổ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "tài liệu hội nghị"
        verbose_name_plural = "tài liệu hội nghị"
        ordering = ["session", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class DraftComment(models.Model):
    """A member's written comment on a draft before the meeting (góp ý dự thảo)."""

    document = models.ForeignKey(PackDocument, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField("ý kiến góp ý", max_length=10000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "ý kiến góp ý dự thảo"
        verbose_name_plural = "ý kiến góp ý dự thảo"
        ordering = ["document", "created_at", "pk"]


class Speaker(models.Model):
    """A request to speak on an agenda item (đăng ký phát biểu), its turn and its duration."""

    item = models.ForeignKey("meetings.AgendaItem", on_delete=models.CASCADE, related_name="+")
    invitee = models.ForeignKey(Invitee, on_delete=models.CASCADE, related_name="speeches")
    position = models.PositiveSmallIntegerField("thứ tự")
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "đăng ký phát biểu"
        verbose_name_plural = "đăng ký phát biểu"
        ordering = ["item", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "invitee"],
                condition=Q(started_at__isnull=True),
                name="speaker_one_waiting_turn",
            )
        ]

    @property
    def seconds(self) -> int | None:
        if self.started_at and self.ended_at:
            return int((self.ended_at - self.started_at).total_seconds())
        return None


class Poll(models.Model):
    """A vote on an item or an election; a state machine created → open → closed.

    ``options`` (for a vote) or ``candidates`` (for an election), ``electorate`` and the base
    of the majority are frozen when it opens; results are computed and sealed when it closes.
    """

    class Kind(models.TextChoices):
        VOTE = "vote", "Biểu quyết"
        ELECTION = "election", "Bầu cử"

    class Method(models.TextChoices):
        ANALOG = "analog", "Giơ tay (thư ký ghi kết quả)"
        NAMED = "named", "Điện tử công khai"
        SECRET = "secret", "Điện tử bỏ phiếu kín"

    class State(models.TextChoices):
        CREATED = "created", "Chưa mở"
        OPEN = "open", "Đang biểu quyết"
        CLOSED = "closed", "Đã kết thúc"

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="polls")
    item = models.ForeignKey(
        "meetings.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField("loại", max_length=10, choices=Kind.choices, default=Kind.VOTE)
    method = models.CharField("hình thức", max_length=8, choices=Method.choices)
    title = models.CharField("nội dung biểu quyết", max_length=500)
    state = models.CharField(
        "trạng thái", max_length=8, choices=State.choices, default=State.CREATED
    )
    options = models.JSONField("phương án", default=list)
    candidates = models.JSONField("danh sách bầu cử", default=list, blank=True)
    seats = models.PositiveSmallIntegerField("số lượng cần bầu", default=1)
    majority_base = models.CharField("căn cứ tính đa số", max_length=10, default="members")
    base_count = models.PositiveSmallIntegerField("số làm căn cứ", default=0)
    electorate_size = models.PositiveSmallIntegerField("số người có quyền biểu quyết", default=0)
    rule_source = models.TextField("căn cứ quy định", blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField("kết quả", default=dict, blank=True)
    seal = models.CharField("niêm phong (SHA-256)", max_length=64, blank=True)

    class Meta:
        verbose_name = "biểu quyết"
        verbose_name_plural = "biểu quyết"
        ordering = ["session", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_secret(self) -> bool:
        return self.method == self.Method.SECRET


class Entitlement(models.Model):
    """Who may vote in a poll, frozen when it opens (present members with the right to vote)."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="entitlements")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["poll", "user"], name="entitlement_once_per_poll")
        ]


def _random_key() -> uuid.UUID:
    """A random key (uuid4 from os.urandom): carries neither time nor order."""
    return uuid.uuid4()


class Voter(models.Model):
    """Who has voted (to refuse a second ballot); nothing here says how or when."""

    id = models.UUIDField(primary_key=True, default=_random_key, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="voters")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "user"], name="voter_once_per_poll")]


class Ballot(models.Model):
    """A secret ballot: the choice and nothing else (no user, no time, a random key)."""

    id = models.UUIDField(primary_key=True, default=_random_key, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="ballots")
    choice = models.JSONField("lựa chọn")


class NamedVote(models.Model):
    """An open (named) electronic vote: who chose what, kept for the minutes."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="named_votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    choice = models.JSONField("lựa chọn")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["poll", "user"], name="named_vote_once_per_poll")
        ]
