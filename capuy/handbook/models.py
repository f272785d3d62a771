"""The member's handbook: accounts for members on the register, their cell's meetings and
readings, self-reviews, notifications, and the log of who looked at whose personal data.

A member's account is a Django user linked to a ``Member`` of the register
(``MemberAccount``). It carries no ``RoleAssignment``: office roles open the committee's
records, and a member must see only their own profile and their own cell's business, which
``capuy.handbook.scope`` enforces. A cell's secretary (or deputy) is a member named in
``CellOfficer``; that opens the cell's pages, nothing above it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from capuy.accounts.levels import Classification
from capuy.members.choices import rating_choices


class MemberAccount(models.Model):
    """The login of one member on the register (no e-mail: the cell hands out the password)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_account"
    )
    member = models.OneToOneField(
        "members.Member",
        verbose_name="đảng viên",
        on_delete=models.CASCADE,
        related_name="account",
    )
    must_change_password = models.BooleanField("phải đổi mật khẩu", default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)

    class Meta:
        verbose_name = "tài khoản đảng viên"
        verbose_name_plural = "tài khoản đảng viên"

    def __str__(self) -> str:
        return f"{self.user.username} — {self.member}"


class CellOfficer(models.Model):
    """A member who runs a cell's business (bí thư, phó bí thư): opens the cell's pages."""

    class Duty(models.TextChoices):
        SECRETARY = "bi_thu", "Bí thư chi bộ"
        DEPUTY = "pho_bi_thu", "Phó Bí thư chi bộ"

    cell = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="cell_officers"
    )
    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="cell_duties"
    )
    duty = models.CharField("chức vụ", max_length=12, choices=Duty.choices)

    class Meta:
        verbose_name = "cấp ủy chi bộ"
        verbose_name_plural = "cấp ủy chi bộ"
        constraints = [models.UniqueConstraint(fields=["cell", "member"], name="cell_officer_once")]

    def __str__(self) -> str:
        return f"{self.get_duty_display()} — {self.member}"


class ProfileView(models.Model):
    """Someone looked at a member's personal data: who, whose, when, on which page."""

    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="profile_views"
    )
    viewed_at = models.DateTimeField("lúc", auto_now_add=True)
    page = models.CharField("trang", max_length=100)

    class Meta:
        verbose_name = "lượt xem hồ sơ"
        verbose_name_plural = "lượt xem hồ sơ"
        ordering = ["-viewed_at", "-pk"]
        indexes = [models.Index(fields=["member", "-viewed_at"])]


class CorrectionRequest(models.Model):
    """A member asks the office to correct what the register holds about them."""

    class Status(models.TextChoices):
        OPEN = "moi", "Chờ xử lý"
        DONE = "da_xu_ly", "Đã xử lý"
        REFUSED = "khong_sua", "Không sửa"

    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="correction_requests"
    )
    field = models.CharField("thông tin cần sửa", max_length=60)
    proposed = models.CharField("đề nghị sửa thành", max_length=300)
    reason = models.TextField("lý do, giấy tờ kèm theo", max_length=2000, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    answer = models.TextField("trả lời", max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "đề nghị sửa hồ sơ"
        verbose_name_plural = "đề nghị sửa hồ sơ"
        ordering = ["-created_at", "-pk"]


class CellMeeting(models.Model):
    """A cell meeting: the monthly one (định kỳ) or a thematic one (chuyên đề)."""

    class Kind(models.TextChoices):
        REGULAR = "dinh_ky", "Sinh hoạt định kỳ"
        THEMATIC = "chuyen_de", "Sinh hoạt chuyên đề"

    cell = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="chi bộ",
        on_delete=models.PROTECT,
        related_name="cell_meetings",
    )
    kind = models.CharField("loại", max_length=12, choices=Kind.choices, default=Kind.REGULAR)
    title = models.CharField("tiêu đề", max_length=300)
    starts_at = models.DateTimeField("thời gian")
    month = models.DateField("tháng", help_text="Ngày đầu tháng; để thống kê theo tháng.")
    place = models.CharField("địa điểm", max_length=200, blank=True)
    agenda = models.TextField("chương trình", max_length=10000, blank=True)
    minutes = models.TextField("biên bản", max_length=50000, blank=True)
    resolution = models.TextField("nghị quyết", max_length=50000, blank=True)
    held = models.BooleanField("đã họp", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "buổi sinh hoạt chi bộ"
        verbose_name_plural = "buổi sinh hoạt chi bộ"
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["cell", "month"]), models.Index(fields=["month"])]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    """One member's answer to a meeting's invitation and, afterwards, whether they came."""

    class Reply(models.TextChoices):
        NONE = "", "Chưa trả lời"
        YES = "tham_du", "Tham dự"
        NO = "vang", "Vắng, có lý do"

    meeting = models.ForeignKey(CellMeeting, on_delete=models.CASCADE, related_name="attendances")
    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="cell_attendances"
    )
    reply = models.CharField("trả lời", max_length=10, choices=Reply.choices, blank=True)
    reason = models.CharField("lý do vắng", max_length=300, blank=True)
    present = models.BooleanField("có mặt", null=True)
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "dự sinh hoạt"
        verbose_name_plural = "dự sinh hoạt"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="attendance_once")
        ]


class Reading(models.Model):
    """A document sent to the members of a unit (a cell, or every member under a committee)."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="gửi đảng viên của",
        on_delete=models.PROTECT,
        related_name="readings",
    )
    meeting = models.ForeignKey(
        CellMeeting,
        verbose_name="tài liệu của buổi sinh hoạt",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="readings",
    )
    title = models.CharField("tiêu đề", max_length=300)
    body = models.TextField("nội dung", max_length=200000)
    study = models.BooleanField("tài liệu học tập chuyên đề", default=False)
    classification = models.PositiveSmallIntegerField(
        "độ mật", choices=Classification.choices, default=Classification.NORMAL
    )
    published_at = models.DateTimeField("ngày gửi", auto_now_add=True)
    source = models.ForeignKey(
        "documents.Document",
        verbose_name="văn bản trong sổ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "tài liệu gửi đảng viên"
        verbose_name_plural = "tài liệu gửi đảng viên"
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class ReadingMark(models.Model):
    """A member read a reading (and may keep it bookmarked)."""

    reading = models.ForeignKey(Reading, on_delete=models.CASCADE, related_name="marks")
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(null=True, blank=True)
    bookmarked = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reading", "member"], name="reading_mark_once")
        ]


class SelfReview(models.Model):
    """A member's yearly self-review (bản tự kiểm điểm), sent to the cell, and its outcome."""

    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="self_reviews"
    )
    year = models.PositiveSmallIntegerField("năm")
    strengths = models.TextField("ưu điểm, kết quả", max_length=20000)
    shortcomings = models.TextField("hạn chế, khuyết điểm và nguyên nhân", max_length=20000)
    remedies = models.TextField("phương hướng, biện pháp khắc phục", max_length=20000)
    self_rating = models.CharField("tự xếp loại", max_length=20, choices=rating_choices)
    submitted_at = models.DateTimeField("ngày gửi chi bộ", null=True, blank=True)
    outcome = models.CharField("chi bộ xếp loại", max_length=20, choices=rating_choices, blank=True)
    outcome_note = models.TextField("ý kiến của chi bộ", max_length=5000, blank=True)

    class Meta:
        verbose_name = "bản tự kiểm điểm"
        verbose_name_plural = "bản tự kiểm điểm"
        constraints = [models.UniqueConstraint(fields=["member", "year"], name="self_review_once")]


class Notification(models.Model):
    """A message inside capuy for one user: a new meeting, document, dues, a due date."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="handbook_notices"
    )
    kind = models.CharField(max_length=20)
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]


class CellMonthAttendance(models.Model):
    """Attendance of one cell in one month, recomputed from its rows whenever they change.

    The committee's roll-up reads these (3.000 rows for a province month) instead of every
    invitation (~100.000); ``capuy.handbook.stats.refresh_attendance`` rewrites a cell's row
    from the raw rows in the same transaction as the change, so it is never stale.
    """

    cell = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    meetings = models.PositiveIntegerField(default=0)
    invited = models.PositiveIntegerField(default=0)
    present = models.PositiveIntegerField(default=0)
    excused = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cell", "month"], name="cell_month_attendance_once")
        ]
        indexes = [models.Index(fields=["month", "cell"])]
