"""The document register: documents, their numbering counters and the links between them.

Numbering (DESIGN.md §5): an outgoing document takes the next number of its series, and a
series is (organisation, symbol code, type, committee term): each type starts again at 01 in
each term, secret documents share their type's series, joint documents take the lead body's.
Bodies that write the same symbol code (the BCH, BTV and Thường trực of a Thị ủy all sign
"…/TU") share one series, so a symbol is never issued twice. The counter row of a series is
locked while a number is taken (see ``numbering``); the unique constraint below is the last
line of defence.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from capuy.accounts.levels import Classification
from capuy.orgs.kinds import body_kind
from capuy.text import search_key
from capuy.vocab import type_by_code


def party_type_choices() -> list[tuple[str, str]]:
    """Party document types with a symbol code, as (code, name), from ``capuy.vocab``."""
    from capuy.vocab import document_types

    return [(t.code, t.name) for t in document_types("party") if t.code]


class Direction(models.TextChoices):
    OUTGOING = "di", "Văn bản đi"
    INCOMING = "den", "Văn bản đến"


class SignerCapacity(models.TextChoices):
    """How the signer signs (Hướng dẫn 36-HD/VPTW): on behalf of, deputy, by order, authorised."""

    OWN = "", "Ký trực tiếp"
    ON_BEHALF = "T/M", "T/M (thay mặt)"
    DEPUTY = "K/T", "K/T (ký thay)"
    BY_ORDER = "T/L", "T/L (thừa lệnh)"
    AUTHORISED = "TUQ", "TUQ (thừa ủy quyền)"


class Urgency(models.TextChoices):
    NORMAL = "", "Thường"
    URGENT = "khan", "Khẩn"
    VERY_URGENT = "thuong_khan", "Thượng khẩn"
    FLASH = "hoa_toc", "Hỏa tốc"


class NumberCounter(models.Model):
    """The last number issued in one series (organisation, symbol code, type, term)."""

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="cấp ủy", on_delete=models.PROTECT, related_name="+"
    )
    symbol_code = models.CharField("ký hiệu cơ quan", max_length=30)
    type_code = models.CharField("thể loại", max_length=8)
    term = models.ForeignKey(
        "orgs.CommitteeTerm", verbose_name="nhiệm kỳ", on_delete=models.PROTECT, related_name="+"
    )
    last_number = models.PositiveIntegerField(
        "số đã cấp gần nhất",
        default=0,
        help_text="Khi bắt đầu dùng capuy giữa nhiệm kỳ, đặt bằng số cuối cùng đã cấp trên giấy.",
    )

    class Meta:
        verbose_name = "bộ đếm số văn bản"
        verbose_name_plural = "bộ đếm số văn bản"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "symbol_code", "type_code", "term"],
                name="number_counter_one_per_series",
            )
        ]

    def __str__(self) -> str:
        return f"{self.type_code}/{self.symbol_code} — {self.term}: {self.last_number}"


class DocumentQuerySet(models.QuerySet["Document"]):
    def outgoing(self) -> DocumentQuerySet:
        return self.filter(direction=Direction.OUTGOING)

    def incoming(self) -> DocumentQuerySet:
        return self.filter(direction=Direction.INCOMING)

    def issued_in_month(self, year: int, month: int) -> DocumentQuerySet:
        return self.filter(issued_on__year=year, issued_on__month=month)


class Document(models.Model):
    """One registered document, outgoing (numbered here) or incoming (number as received)."""

    direction = models.CharField(
        "loại sổ", max_length=3, choices=Direction.choices, default=Direction.OUTGOING
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="sổ của cấp ủy",
        on_delete=models.PROTECT,
        related_name="documents",
        help_text="Cấp ủy giữ sổ: nơi ban hành (văn bản đi) hoặc nơi nhận (văn bản đến).",
    )
    issuing_body = models.ForeignKey(
        "orgs.Body",
        verbose_name="cơ quan ban hành",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    co_issuers = models.ManyToManyField(
        "orgs.Body",
        verbose_name="cơ quan cùng ban hành (văn bản liên tịch)",
        blank=True,
        related_name="joint_documents",
    )
    sender = models.CharField(
        "nơi gửi",
        max_length=300,
        blank=True,
        help_text="Văn bản đến: cơ quan ban hành như ghi trên văn bản, ví dụ Ban Tổ chức Tỉnh ủy.",
    )
    type_code = models.CharField("thể loại", max_length=8, choices=party_type_choices)
    term = models.ForeignKey(
        "orgs.CommitteeTerm",
        verbose_name="nhiệm kỳ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    symbol_code = models.CharField("ký hiệu cơ quan", max_length=30, blank=True)
    number = models.PositiveIntegerField("số", null=True, blank=True)
    symbol = models.CharField("số và ký hiệu", max_length=80, blank=True, db_index=True)
    issued_on = models.DateField("ngày ban hành")
    received_on = models.DateField("ngày đến", null=True, blank=True)
    summary = models.TextField("trích yếu")
    signer_name = models.CharField("người ký", max_length=120, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=120, blank=True)
    signer_capacity = models.CharField(
        "hình thức ký", max_length=4, choices=SignerCapacity.choices, blank=True
    )
    recipients = models.TextField("nơi nhận", blank=True, help_text="Mỗi nơi nhận một dòng.")
    classification = models.PositiveSmallIntegerField(
        "độ mật", choices=Classification.choices, default=Classification.NORMAL
    )
    urgency = models.CharField(
        "độ khẩn", max_length=12, choices=Urgency.choices, blank=True, default=""
    )
    important = models.BooleanField(
        "văn bản quan trọng",
        default=True,
        help_text="Đưa vào phụ lục “một số văn bản quan trọng ban hành trong tháng” của báo cáo.",
    )
    attachment = models.FileField("tệp đính kèm", upload_to="van-ban/%Y/%m/", blank=True)
    text = models.TextField("nội dung tệp", blank=True, editable=False)
    search_text = models.TextField(editable=False, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người vào sổ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("vào sổ lúc", auto_now_add=True)
    recalled_on = models.DateField("ngày thu hồi", null=True, blank=True)
    recall_reason = models.TextField("lý do thu hồi", blank=True)
    recalled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thu hồi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        ordering = ["-issued_on", "-number", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "-issued_on"], name="document_org_date"),
            models.Index(fields=["type_code", "-issued_on"], name="document_type_date"),
            # The list and the home panel read the newest rows first under a LIMIT: an index in
            # their exact order lets the database stop early instead of sorting every visible row.
            models.Index(fields=["-issued_on", "-number", "-id"], name="document_list_order"),
            models.Index(fields=["-issued_on", "-created_at", "-id"], name="document_recent_order"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "symbol_code", "type_code", "term", "number"],
                condition=Q(direction="di"),
                name="document_outgoing_number_unique",
            ),
            models.CheckConstraint(
                condition=~Q(direction="di")
                | (Q(number__isnull=False) & Q(term__isnull=False) & Q(issuing_body__isnull=False)),
                name="document_outgoing_is_numbered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.symbol or self.type_name} — {self.summary[:60]}"

    @property
    def type_name(self) -> str:
        """ "Báo cáo" for BC — from the vocabulary, so the register and the reports agree."""
        found = type_by_code(self.type_code)
        return found.name if found else self.type_code

    @property
    def is_secret(self) -> bool:
        return self.classification > Classification.NORMAL

    @property
    def is_recalled(self) -> bool:
        return self.recalled_on is not None

    @property
    def recipient_list(self) -> list[str]:
        return [line.strip(" -+;,.") for line in self.recipients.splitlines() if line.strip(" -")]

    @property
    def signature_line(self) -> str:
        """ "T/M BAN THƯỜNG VỤ / BÍ THƯ / Đỗ Tâm Hiền": capacity (with the collective body for
        T/M, T/L, TUQ), title and name, as the signature block stacks them."""
        parts: list[str] = []
        collective = self.signer_capacity in (
            SignerCapacity.ON_BEHALF,
            SignerCapacity.BY_ORDER,
            SignerCapacity.AUTHORISED,
        )
        if collective and self.issuing_body_id:
            body = body_kind(self.issuing_body.kind).name.upper()
            parts.append(f"{self.signer_capacity} {body}")
        elif self.signer_capacity:
            parts.append(self.signer_capacity)
        parts += [p for p in (self.signer_title, self.signer_name) if p]
        return " / ".join(parts)

    def get_additional_data(self) -> dict[str, str] | None:
        """What auditlog keeps beside the field changes: the reason a clerk gave (a
        correction, a recall), set by the view on the instance before it saves."""
        reason = getattr(self, "change_reason", "")
        return {"reason": reason} if reason else None

    def refresh_search_text(self) -> None:
        """The folded key searched by the list (symbol, summary, signer, sender, file text)."""
        self.search_text = search_key(
            " ".join([self.symbol, self.summary, self.signer_name, self.sender, self.text])
        )

    def save(self, *args, **kwargs) -> None:
        self.refresh_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)


class DocumentRelation(models.Model):
    """``source`` implements, replaces or answers ``target`` (e.g. a Kế hoạch implementing a
    Nghị quyết; a Công văn answering Công văn 5169-CV/BTCTU)."""

    class Kind(models.TextChoices):
        IMPLEMENTS = "implements", "thực hiện"
        REPLACES = "replaces", "thay thế"
        ANSWERS = "answers", "trả lời, phúc đáp"

    source = models.ForeignKey(
        Document, verbose_name="văn bản", on_delete=models.CASCADE, related_name="relations_out"
    )
    target = models.ForeignKey(
        Document,
        verbose_name="văn bản liên quan",
        on_delete=models.CASCADE,
        related_name="relations_in",
    )
    kind = models.CharField("quan hệ", max_length=12, choices=Kind.choices)

    class Meta:
        verbose_name = "quan hệ giữa văn bản"
        verbose_name_plural = "quan hệ giữa văn bản"
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="relation_unique"),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")), name="relation_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source.symbol} {self.get_kind_display()} {self.target.symbol}"


class DocumentTally(models.Model):
    """How many documents one organisation's register holds at one classification.

    Kept by database triggers (``capuy.documents.counters``) on every insert, delete and
    change of organisation or classification of a document — in the same transaction, also
    for ``bulk_create`` and ``QuerySet.update`` — so it is never stale. The unfiltered list
    counts its rows from here (a sum over the user's units and clearance) instead of reading
    every visible document.
    """

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="cấp ủy", on_delete=models.CASCADE, related_name="+"
    )
    classification = models.PositiveSmallIntegerField("độ mật", choices=Classification.choices)
    total = models.PositiveIntegerField("số văn bản", default=0)

    class Meta:
        verbose_name = "số văn bản theo cấp ủy và độ mật"
        verbose_name_plural = "số văn bản theo cấp ủy và độ mật"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "classification"], name="document_tally_one_per_level"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.classification}: {self.total}"
