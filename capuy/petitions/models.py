"""Petitions (đơn thư): letters grouped into cases, their handling; citizen receptions and the
secretary's dialogues with the people.

A letter is "carried over" into a period when it was received before the period and was not
yet handled when the period began; that is derived from the dates, never typed.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from capuy.petitions.choices import (
    handling_choices,
    handling_jurisdiction,
    jurisdiction_choices,
    kind_choices,
    reception_kind_choices,
)


class PetitionCase(models.Model):
    """A case (vụ): one matter, however many letters were written about it."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="cấp ủy tiếp nhận",
        on_delete=models.PROTECT,
        related_name="petition_cases",
    )
    title = models.CharField("nội dung vụ việc", max_length=300)
    opened_on = models.DateField("ngày phát sinh")

    class Meta:
        verbose_name = "vụ việc"
        verbose_name_plural = "vụ việc"
        ordering = ["-opened_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class Petition(models.Model):
    """A letter (đơn) received by a committee."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="cấp ủy tiếp nhận",
        on_delete=models.PROTECT,
        related_name="petitions",
    )
    case = models.ForeignKey(
        PetitionCase,
        verbose_name="vụ việc",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters",
    )
    kind = models.CharField("loại đơn", max_length=20, choices=kind_choices)
    received_on = models.DateField("ngày nhận")
    sender = models.CharField("người gửi", max_length=200, blank=True)
    summary = models.CharField("nội dung tóm tắt", max_length=500)
    jurisdiction = models.CharField("thẩm quyền", max_length=10, choices=jurisdiction_choices)
    handling = models.CharField("xử lý", max_length=20, choices=handling_choices, blank=True)
    handled_on = models.DateField("ngày xử lý", null=True, blank=True)
    handled_by = models.CharField("chuyển đến / cơ quan giải quyết", max_length=200, blank=True)

    class Meta:
        verbose_name = "đơn thư"
        verbose_name_plural = "đơn thư"
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "received_on"]),
            models.Index(fields=["organisation", "handled_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.summary}"

    def clean(self) -> None:
        if self.handling and handling_jurisdiction(self.handling) != self.jurisdiction:
            raise ValidationError({"handling": "Cách xử lý không phù hợp với thẩm quyền."})
        if self.handling in {"forwarded", "filed", "resolved"} and not self.handled_on:
            raise ValidationError({"handled_on": "Cần ghi ngày xử lý."})
        if self.handled_on and self.handled_on < self.received_on:
            raise ValidationError({"handled_on": "Ngày xử lý phải sau ngày nhận đơn."})


class Reception(models.Model):
    """A citizen reception (tiếp công dân) or a dialogue of the secretary with the people."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="cấp ủy",
        on_delete=models.PROTECT,
        related_name="receptions",
    )
    kind = models.CharField("hình thức", max_length=20, choices=reception_kind_choices)
    date = models.DateField("ngày")
    place = models.CharField("địa điểm (thôn, tổ dân phố)", max_length=200)
    host = models.CharField("người chủ trì", max_length=200, blank=True)
    attendance = models.PositiveIntegerField("số người tham dự", default=0)
    opinions_raised = models.PositiveIntegerField("số ý kiến, kiến nghị", default=0)
    opinions_resolved = models.PositiveIntegerField("số ý kiến đã giải quyết", default=0)
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "tiếp dân, đối thoại"
        verbose_name_plural = "tiếp dân, đối thoại"
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["organisation", "kind", "date"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.place} ({self.date:%d/%m/%Y})"

    def clean(self) -> None:
        if self.opinions_resolved > self.opinions_raised:
            raise ValidationError(
                {"opinions_resolved": "Số ý kiến đã giải quyết không thể lớn hơn số ý kiến nêu."}
            )
