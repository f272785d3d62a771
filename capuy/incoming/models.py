"""The incoming register (sổ văn bản đến): each arrival, its arrival number and its handling.

An arrival takes the next arrival number (số đến) of its unit's book for the year it arrives
in: each unit keeps one book a year, numbered from 1 (Nghị định 30/2020/NĐ-CP, Phụ lục IV,
"Đăng ký văn bản đến": số đến theo thứ tự thời gian tiếp nhận, bắt đầu từ số 01 vào ngày đầu
năm). The counter row of a book is locked while a number is taken (``numbering``); the unique
constraint below is the last line of defence. Its handling is a history of steps (chuyển xử
lý with the leader's instruction, xử lý xong) and a state, with a deadline and overdue marks.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from capuy.accounts.levels import Classification
from capuy.documents.models import Urgency, party_type_choices
from capuy.text import search_key
from capuy.vocab import type_by_code


class State(models.TextChoices):
    WAITING = "cho_xu_ly", "Chờ xử lý"
    IN_HAND = "dang_xu_ly", "Đang xử lý"
    DONE = "da_xu_ly", "Đã xử lý"
    FILED = "luu", "Lưu, để biết"


OPEN_STATES = (State.WAITING, State.IN_HAND)


class ArrivalCounter(models.Model):
    """The last arrival number given in one unit's book of one year."""

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="cấp ủy", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("năm")
    last_number = models.PositiveIntegerField(
        "số đến gần nhất",
        default=0,
        help_text="Khi bắt đầu dùng capuy giữa năm, đặt bằng số đến cuối cùng trong sổ giấy.",
    )

    class Meta:
        verbose_name = "bộ đếm số đến"
        verbose_name_plural = "bộ đếm số đến"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="arrival_counter_book")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.year}: {self.last_number}"


class Arrival(models.Model):
    """One incoming document as the clerk (văn thư) registered it, and how it is handled."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="sổ của cấp ủy",
        on_delete=models.PROTECT,
        related_name="arrivals",
    )
    year = models.PositiveSmallIntegerField("năm của sổ")
    number = models.PositiveIntegerField("số đến")
    received_on = models.DateField("ngày đến")
    sender = models.CharField("nơi gửi", max_length=300)
    sender_symbol = models.CharField("số, ký hiệu", max_length=80, blank=True)
    sender_date = models.DateField("ngày văn bản", null=True, blank=True)
    type_code = models.CharField("thể loại", max_length=8, choices=party_type_choices)
    summary = models.TextField("trích yếu")
    classification = models.PositiveSmallIntegerField(
        "độ mật", choices=Classification.choices, default=Classification.NORMAL
    )
    urgency = models.CharField(
        "độ khẩn", max_length=12, choices=Urgency.choices, blank=True, default=""
    )
    attachment = models.FileField("tệp đính kèm", upload_to="van-ban-den/%Y/%m/", blank=True)
    text = models.TextField("nội dung tệp", blank=True, editable=False)
    search_text = models.TextField(editable=False, blank=True, default="")
    state = models.CharField(
        "tình trạng xử lý", max_length=12, choices=State.choices, default=State.WAITING
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xử lý",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deadline = models.DateField("hạn xử lý", null=True, blank=True)
    handled_on = models.DateField("ngày xử lý xong", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người vào sổ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("vào sổ lúc", auto_now_add=True)

    class Meta:
        verbose_name = "văn bản đến"
        verbose_name_plural = "văn bản đến"
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "number"], name="arrival_number_unique"
            )
        ]
        indexes = [
            models.Index(fields=["organisation", "-received_on"], name="arrival_org_date"),
            models.Index(fields=["state", "deadline"], name="arrival_state_deadline"),
        ]

    def __str__(self) -> str:
        return f"Số đến {self.number}/{self.year} — {self.summary[:60]}"

    @property
    def type_name(self) -> str:
        found = type_by_code(self.type_code)
        return found.name if found else self.type_code

    @property
    def is_secret(self) -> bool:
        return self.classification > Classification.NORMAL

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def is_overdue(self, today: dt.date | None = None) -> bool:
        """Past its deadline and still open (or handled after it: ``handled_late``)."""
        today = today or timezone.localdate()
        return bool(self.deadline and self.is_open and self.deadline < today)

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    @property
    def handled_late(self) -> bool:
        return bool(self.deadline and self.handled_on and self.handled_on > self.deadline)

    def get_additional_data(self) -> dict[str, str] | None:
        """The reason a clerk gave for a correction, kept by auditlog beside the changes."""
        reason = getattr(self, "change_reason", "")
        return {"reason": reason} if reason else None

    def save(self, *args, **kwargs) -> None:
        self.search_text = search_key(
            " ".join([str(self.number), self.sender_symbol, self.sender, self.summary, self.text])
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)


class Step(models.Model):
    """One step of an arrival's handling, kept as its history (never edited)."""

    class Kind(models.TextChoices):
        ROUTED = "chuyen", "Chuyển xử lý"
        DONE = "xong", "Đã xử lý"
        FILED = "luu", "Lưu, để biết"
        REOPENED = "mo_lai", "Mở lại"

    arrival = models.ForeignKey(
        Arrival, verbose_name="văn bản đến", on_delete=models.CASCADE, related_name="steps"
    )
    kind = models.CharField("bước", max_length=8, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("lúc", auto_now_add=True)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="lãnh đạo cho ý kiến",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    instruction = models.TextField("ý kiến chỉ đạo", blank=True)
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="chuyển cho",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deadline = models.DateField("hạn xử lý", null=True, blank=True)
    note = models.TextField("kết quả, ghi chú", blank=True)

    class Meta:
        verbose_name = "bước xử lý văn bản đến"
        verbose_name_plural = "bước xử lý văn bản đến"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.arrival}"
