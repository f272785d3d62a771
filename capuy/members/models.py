"""The member register: who is a member, where they belong, and what happened to them.

Only the minimum a committee office needs is kept about a person (name, gender, date of
birth, card number). Membership in a unit is an ``Affiliation`` interval, so "how many members
did the Phổ Hòa committee have on 01/3/2023" is a count of intervals containing that day under
the unit's path, correct across transfers and reorganisations. Events (admission, recognition,
transfers, strike-off, removal, resignation, death) are the facts reports count; use
``capuy.members.services.record_event`` to add one so the intervals follow.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from capuy.members.choices import GENDER_CHOICES, event_kind_choices, rating_choices


class Member(models.Model):
    """A Party member (or a person admitted and then gone: the register keeps them)."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="chi bộ sinh hoạt",
        on_delete=models.PROTECT,
        related_name="members",
    )
    full_name = models.CharField("họ và tên", max_length=120)
    gender = models.CharField("giới tính", max_length=3, choices=GENDER_CHOICES)
    birth_date = models.DateField("ngày sinh", null=True, blank=True)
    card_number = models.CharField("số thẻ đảng viên", max_length=20, blank=True)
    admitted_on = models.DateField("ngày vào Đảng", null=True, blank=True)
    recognised_on = models.DateField("ngày chính thức", null=True, blank=True)
    left_on = models.DateField("ngày ra khỏi danh sách", null=True, blank=True)
    left_reason = models.CharField("lý do", max_length=30, blank=True, choices=event_kind_choices)

    class Meta:
        verbose_name = "đảng viên"
        verbose_name_plural = "đảng viên"
        ordering = ["full_name", "pk"]
        indexes = [
            models.Index(fields=["organisation", "left_on"]),
            models.Index(fields=["admitted_on"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_probationary(self) -> bool:
        """Admitted, not yet recognised, still a member."""
        return self.admitted_on is not None and self.recognised_on is None and self.left_on is None

    def party_years(self, at: dt.date) -> int:
        """Full years of Party age on ``at``, counted from the admission date."""
        if self.admitted_on is None or at < self.admitted_on:
            return 0
        years = at.year - self.admitted_on.year
        if (at.month, at.day) < (self.admitted_on.month, self.admitted_on.day):
            years -= 1
        return years


class MemberEvent(models.Model):
    """A dated fact in a member's life, counted under ``organisation`` (the unit it happened in)."""

    member = models.ForeignKey(
        Member, verbose_name="đảng viên", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField("loại", max_length=30, choices=event_kind_choices)
    date = models.DateField("ngày")
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="tổ chức đảng",
        on_delete=models.PROTECT,
        related_name="member_events",
    )
    counterpart = models.CharField(
        "nơi đi / nơi đến", max_length=200, blank=True, help_text="Với chuyển sinh hoạt đảng."
    )
    decision = models.CharField("quyết định", max_length=200, blank=True)
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "biến động đảng viên"
        verbose_name_plural = "biến động đảng viên"
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "kind", "date"]),
            models.Index(fields=["kind", "date"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.member} ({self.date:%d/%m/%Y})"


class Affiliation(models.Model):
    """Membership of one unit from ``start`` until ``end`` (exclusive; open while a member)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="affiliations"
    )
    start = models.DateField("từ ngày")
    end = models.DateField("đến trước ngày", null=True, blank=True)

    class Meta:
        verbose_name = "sinh hoạt đảng"
        verbose_name_plural = "sinh hoạt đảng"
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["organisation", "start", "end"]),
            # the live part of a member count (``capuy.members.tallies``): the affiliations
            # that start or end inside one month, over a whole subtree
            models.Index(fields=["start"], name="members_aff_start"),
            models.Index(fields=["end"], name="members_aff_end"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="affiliation_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} @ {self.organisation}"


class Badge(models.Model):
    """Huy hiệu Đảng awarded to a member."""

    member = models.ForeignKey(
        Member, verbose_name="đảng viên", on_delete=models.CASCADE, related_name="badges"
    )
    years = models.PositiveSmallIntegerField("huy hiệu (năm tuổi Đảng)")
    awarded_on = models.DateField("ngày trao")
    decision = models.CharField("quyết định", max_length=200, blank=True)

    class Meta:
        verbose_name = "huy hiệu Đảng"
        verbose_name_plural = "huy hiệu Đảng"
        constraints = [models.UniqueConstraint(fields=["member", "years"], name="badge_once")]

    def __str__(self) -> str:
        return f"Huy hiệu {self.years} năm tuổi Đảng — {self.member}"


class MemberRating(models.Model):
    """A member's yearly quality rating."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField("năm")
    rating = models.CharField("xếp loại", max_length=20, choices=rating_choices)

    class Meta:
        verbose_name = "xếp loại đảng viên"
        verbose_name_plural = "xếp loại đảng viên"
        constraints = [
            models.UniqueConstraint(fields=["member", "year"], name="member_rating_once")
        ]


class OrganisationRating(models.Model):
    """An organisation's yearly quality rating."""

    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="ratings"
    )
    year = models.PositiveSmallIntegerField("năm")
    rating = models.CharField("xếp loại", max_length=20, choices=rating_choices)

    class Meta:
        verbose_name = "xếp loại tổ chức đảng"
        verbose_name_plural = "xếp loại tổ chức đảng"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="org_rating_once")
        ]


class MemberRatingTally(models.Model):
    """How many members of one organisation got one rating in one year.

    Kept by database triggers (``capuy.members.tallies``) on every insert, delete and change
    of a member's rating and on a member's move to another unit — in the same transaction,
    for ``bulk_create``, ``QuerySet.update`` and COPY too — so it is never stale. The nation's
    ratings statement sums these rows instead of reading every member's rating.
    """

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="chi bộ", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField("năm")
    rating = models.CharField("xếp loại", max_length=20, choices=rating_choices)
    total = models.IntegerField("số đảng viên", default=0)

    class Meta:
        verbose_name = "số đảng viên theo chi bộ, năm và xếp loại"
        verbose_name_plural = "số đảng viên theo chi bộ, năm và xếp loại"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "rating"], name="member_rating_tally_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.year} {self.rating}: {self.total}"


class MemberCountTally(models.Model):
    """The net change of one organisation's member count in one month: affiliations that start
    in the month minus those that end in it (``month`` is the month's first day; every day
    before ``capuy.members.tallies.TALLY_FROM`` falls in one bucket dated 01/01/0001).

    The members of a subtree on a day are the sum of its rows before that day's month plus
    the affiliations that start or end inside that month, read live (exact, see
    ``capuy.members.tallies.member_count_at``). Kept by database triggers, like
    ``MemberRatingTally``.
    """

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="chi bộ", on_delete=models.CASCADE, related_name="+"
    )
    month = models.DateField("tháng")
    net = models.IntegerField("tăng (giảm) trong tháng", default=0)

    class Meta:
        verbose_name = "biến động số đảng viên theo chi bộ và tháng"
        verbose_name_plural = "biến động số đảng viên theo chi bộ và tháng"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "month"], name="member_count_tally_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.month:%m/%Y}: {self.net:+d}"
