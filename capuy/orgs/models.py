"""Organisations, their reorganisations, the bodies of their committees and their terms.

History is kept by never moving a unit: an organisation row keeps its parent for life and has
a validity window (``valid_from``..``valid_to``, inclusive). A merger, split, transfer or
dissolution ends the old rows and starts new ones, linked by an ``OrgEvent`` (predecessors →
successors); a rename keeps the row and records the old and new names in an event. So
"which cells did the Phổ Hòa committee have on 01/3/2023" is a query on rows valid that day,
and the records filed under a unit stay attached to the unit as it was.

Each row carries its materialised ``path`` ("/1/4/17/") so that a subtree is one indexed
``path LIKE '/1/4/%'`` condition, usable inside any query (access scoping relies on it).
Lists are ordered by ``tree_key`` instead: the same walk down the tree, but each step written
as the unit's ``position`` and id zero-padded, so siblings come in the order the office set
("/1/2/10/" sorts before "/1/2/3/" as text; their keys do not).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Length, Substr

from capuy.orgs.kinds import body_kind, body_kind_choices, org_kind_choices
from capuy.text import int_to_roman, search_key


def valid_at_q(at: dt.date, prefix: str = "") -> Q:
    """Rows whose validity window contains ``at`` (open ends count as always)."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": at})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": at})
    )


TREE_STEP_WIDTH = 16  # 5 digits of position, 10 of id, one "/"


def tree_step(position: int, pk: int) -> str:
    """One level of ``tree_key``: position first (capped at 99.999), the id to break ties."""
    return f"{min(position, 99_999):05d}{pk:010d}/"


def _fill_keys(org: Organisation) -> None:
    org.name_key = search_key(org.name)
    org.committee_key = search_key(org.committee_name or "")


class OrganisationManager(models.Manager["Organisation"]):
    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> list[Organisation]:
        """Rows written in bulk (``capuy synth``) get their search keys too: ``save()`` is
        not called for them."""
        objs = list(objs)
        for org in objs:
            _fill_keys(org)
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_create_level(self, rows: list[Organisation], batch_size: int) -> list[Organisation]:
        """Create one level of a generated tree (every parent already saved) and set what
        ``save()`` would set: ``path`` and ``tree_key`` from the parent's."""
        created = self.bulk_create(rows, batch_size=batch_size)
        parents = {o.parent_id for o in created if o.parent_id}
        known = {
            pk: (path, key)
            for pk, path, key in self.filter(pk__in=parents).values_list("pk", "path", "tree_key")
        }
        for org in created:
            path, key = known.get(org.parent_id, ("/", "")) if org.parent_id else ("/", "")
            org.path = f"{path}{org.pk}/"
            org.tree_key = f"{key}{tree_step(org.position, org.pk)}"
        self.bulk_update(created, ["path", "tree_key"], batch_size=batch_size)
        return created


class Organisation(models.Model):
    """A party unit (đảng bộ, chi bộ) as it existed between ``valid_from`` and ``valid_to``."""

    name = models.CharField("tên tổ chức đảng", max_length=200)
    committee_name = models.CharField(
        "tên cấp ủy",
        max_length=200,
        blank=True,
        help_text="Tên ghi ở tiêu đề văn bản, ví dụ: Thị ủy Đức Phổ.",
    )
    kind = models.CharField("loại tổ chức", max_length=40, choices=org_kind_choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="trực thuộc",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.CharField(
        "ký hiệu",
        max_length=20,
        blank=True,
        help_text="Dùng trong số, ký hiệu văn bản: TU, HU, ĐU…",
    )
    valid_from = models.DateField("có hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("đến hết ngày", null=True, blank=True)
    position = models.PositiveIntegerField("thứ tự", default=0)
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    # The order of lists: ``tree_step(position, id)`` of each unit from the root down.
    tree_key = models.CharField(max_length=255, db_index=True, editable=False, default="")
    # The names folded (``capuy.text.search_key``: no marks, đ→d, lower case), kept by
    # ``save()`` and ``bulk_create``, so a unit named on the command line ("thi uy duc pho",
    # "Thị uỷ Đức Phổ") is found by an indexed query (``capuy.orgs.lookup``), never by
    # scanning every unit in Python.
    name_key = models.CharField(max_length=255, db_index=True, editable=False, default="")
    committee_key = models.CharField(max_length=255, db_index=True, editable=False, default="")

    objects = OrganisationManager()

    class Meta:
        verbose_name = "tổ chức đảng"
        verbose_name_plural = "tổ chức đảng"
        ordering = ["tree_key"]
        # The units of some kinds (the grassroots organisations a year's ratings are counted
        # over) read from the index alone, with their keys for the join: at national size a
        # scan of the ~250.000 units to test their kind was most of the nation's rating count
        # (docs/national.md).
        indexes = [models.Index(fields=["kind", "id"], name="org_kind_id")]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="org_valid_window",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def choice_label(self) -> str:
        """The unit in a choice list, never ambiguous: a cell (or any unit named like its
        namesakes) with its parent, "Chi bộ Tổ dân phố số 1 — Đảng bộ phường Phổ Hòa"."""
        if self.parent_id and self.kind.startswith("chi_bo"):
            return f"{self.name} — {self.parent.name}"
        return self.name

    @property
    def header_name(self) -> str:
        """The issuing body as a document header writes it: "THỊ ỦY ĐỨC PHỔ"."""
        return (self.committee_name or self.name).upper()

    def is_valid_at(self, at: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= at) and (
            self.valid_to is None or at <= self.valid_to
        )

    def ancestors(self) -> list[Organisation]:
        """From the root down to the parent (one query, read from the path)."""
        ids = [int(p) for p in self.path.strip("/").split("/")[:-1] if p]
        by_id = Organisation.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]

    def clean(self) -> None:
        if self.parent_id is not None and self.pk is not None:
            parent = Organisation.objects.get(pk=self.parent_id)
            if f"/{self.pk}/" in parent.path:
                raise ValidationError({"parent": "Không thể đặt tổ chức trực thuộc chính nó."})

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Saves (the folded names with it), then keeps ``path`` (and the paths below, if the
        parent changed) right."""
        _fill_keys(self)
        fields = kwargs.get("update_fields")
        if fields is not None and {"name", "committee_name"} & set(fields):
            kwargs["update_fields"] = {*fields, "name_key", "committee_key"}
        with transaction.atomic():
            super().save(*args, **kwargs)
            parent_path, parent_key = (
                Organisation.objects.values_list("path", "tree_key").get(pk=self.parent_id)
                if self.parent_id
                else ("/", "")
            )
            new_path = f"{parent_path}{self.pk}/"
            new_key = f"{parent_key}{tree_step(self.position, self.pk)}"
            old_path, old_key = self.path, self.tree_key
            if (new_path, new_key) == (old_path, old_key):
                return
            Organisation.objects.filter(pk=self.pk).update(path=new_path, tree_key=new_key)
            if old_path:
                _move_descendants(self.pk, old_path, new_path, old_key, new_key)
            self.path, self.tree_key = new_path, new_key


def _move_descendants(pk: int, old_path: str, new_path: str, old_key: str, new_key: str) -> None:
    """Rewrite the prefixes of every unit below a unit whose path or order changed."""
    changes: dict[str, Any] = {}
    if new_path != old_path:
        changes["path"] = Concat(Value(new_path), Substr("path", Length(Value(old_path)) + 1))
    if old_key and new_key != old_key:
        changes["tree_key"] = Concat(Value(new_key), Substr("tree_key", Length(Value(old_key)) + 1))
    if changes:
        Organisation.objects.filter(path__startswith=old_path).exclude(pk=pk).update(**changes)


class OrgEvent(models.Model):
    """A reorganisation: who came before, who came after, on which date, by which decision."""

    class Kind(models.TextChoices):
        CREATE = "create", "thành lập"
        RENAME = "rename", "đổi tên"
        MERGE = "merge", "hợp nhất, sáp nhập"
        SPLIT = "split", "chia tách"
        TRANSFER = "transfer", "chuyển trực thuộc"
        DISSOLVE = "dissolve", "giải thể, kết thúc hoạt động"

    kind = models.CharField("loại sự kiện", max_length=20, choices=Kind.choices)
    date = models.DateField("ngày có hiệu lực")
    predecessors = models.ManyToManyField(
        Organisation, verbose_name="tổ chức trước", related_name="events_as_predecessor", blank=True
    )
    successors = models.ManyToManyField(
        Organisation, verbose_name="tổ chức sau", related_name="events_as_successor", blank=True
    )
    old_name = models.CharField("tên cũ", max_length=200, blank=True)
    new_name = models.CharField("tên mới", max_length=200, blank=True)
    decision = models.CharField(
        "căn cứ", max_length=300, blank=True, help_text="Ví dụ: Quyết định số 123-QĐ/TU ngày …"
    )
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "sự kiện tổ chức"
        verbose_name_plural = "sự kiện tổ chức"
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.date:%d/%m/%Y})"


class Body(models.Model):
    """A body of a committee (BCH, BTV, UBKT, Văn phòng, Ban Tổ chức…) with its symbol code."""

    organisation = models.ForeignKey(
        Organisation, verbose_name="cấp ủy", on_delete=models.PROTECT, related_name="bodies"
    )
    kind = models.CharField("loại cơ quan", max_length=40, choices=body_kind_choices)
    name = models.CharField("tên", max_length=200)
    code = models.CharField("ký hiệu", max_length=30, help_text="Ví dụ: TU, UBKTTU, BTCTU.")
    valid_from = models.DateField("có hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("đến hết ngày", null=True, blank=True)

    class Meta:
        verbose_name = "cơ quan của cấp ủy"
        verbose_name_plural = "cơ quan của cấp ủy"
        ordering = ["organisation__tree_key", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "valid_from"], name="body_unique_kind"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def choice_label(self) -> str:
        """The body in a choice list with its committee when its name does not say it: "Ban
        Thường vụ Đảng ủy — Đảng ủy phường Phổ Hòa" (fifteen wards have a "Ban Thường vụ Đảng ủy")."""
        owner = self.organisation.committee_name or self.organisation.name
        return self.name if owner in self.name else f"{self.name} — {owner}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.code:
            self.code = body_kind(self.kind).symbol_code(self.organisation.code)
        super().save(*args, **kwargs)


class CommitteeTerm(models.Model):
    """A committee's term of office: khóa XXI, nhiệm kỳ 2020 - 2025."""

    organisation = models.ForeignKey(
        Organisation, verbose_name="tổ chức đảng", on_delete=models.PROTECT, related_name="terms"
    )
    ordinal = models.PositiveSmallIntegerField(
        "khóa (số thứ tự)",
        null=True,
        blank=True,
        help_text="Để trống nếu không rõ (nhiều đảng bộ xã, phường không ghi khóa).",
    )
    start_year = models.PositiveSmallIntegerField("nhiệm kỳ từ năm")
    end_year = models.PositiveSmallIntegerField("đến năm")
    start_date = models.DateField("ngày bắt đầu")
    end_date = models.DateField("ngày kết thúc", null=True, blank=True)

    class Meta:
        verbose_name = "nhiệm kỳ"
        verbose_name_plural = "nhiệm kỳ"
        ordering = ["organisation__tree_key", "start_date"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "ordinal"], name="term_unique_ordinal"),
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")), name="term_years_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def roman(self) -> str:
        return int_to_roman(self.ordinal) if self.ordinal else ""

    @property
    def label(self) -> str:
        """ "khóa XXI, nhiệm kỳ 2020 - 2025" as documents write it (without khóa if unknown)."""
        years = f"nhiệm kỳ {self.start_year} - {self.end_year}"
        return f"khóa {self.roman}, {years}" if self.ordinal else years

    def contains(self, at: dt.date) -> bool:
        """Whether the term is in force on ``at``. Without an end date it runs to the end of
        its last year at most: a record dated after that is not stamped with it silently —
        the next term must be declared (``term_missing`` says so)."""
        last = self.end_date or dt.date(self.end_year, 12, 31)
        return self.start_date <= at <= last


def term_in_force(organisation: Organisation, at: dt.date) -> CommitteeTerm | None:
    """The committee term of ``organisation`` in force on ``at``, or None."""
    for term in CommitteeTerm.objects.filter(organisation=organisation).order_by("-start_date"):
        if term.contains(at):
            return term
    return None


def term_missing(organisation: Organisation, at: dt.date) -> str:
    """Why no term of ``organisation`` covers ``at``, in Vietnamese: the last one has ended
    (declare the new one) or none was ever declared."""
    name = organisation.committee_name or organisation.name
    last = (
        CommitteeTerm.objects.filter(organisation=organisation, start_date__lte=at)
        .order_by("-start_date")
        .first()
    )
    if last is not None:
        return (
            f"{name}: {last.label} đã kết thúc, ngày {at:%d/%m/%Y} thuộc nhiệm kỳ mới chưa được "
            "khai báo — hãy khai báo nhiệm kỳ mới (quản trị › Nhiệm kỳ) trước khi ghi."
        )
    return f"{name} chưa khai báo nhiệm kỳ bao gồm ngày {at:%d/%m/%Y}."
