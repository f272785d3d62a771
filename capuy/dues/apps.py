"""App config: the dues book in the audit trail; its tile in the member's handbook; the menu."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


def _owed_note(request: Any, member: Any) -> str:
    from django.db.models import F, Sum

    from capuy.dues.models import DuesEntry

    owed = (
        DuesEntry.objects.filter(member=member, paid__lt=F("due")).aggregate(
            s=Sum(F("due") - F("paid"))
        )["s"]
        or 0
    )
    from capuy.text.numbers import format_number

    return f"Còn nợ {format_number(owed)} đồng" if owed else "Đã nộp đủ"


class DuesConfig(AppConfig):
    name = "capuy.dues"
    label = "dues"
    verbose_name = "Đảng phí"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from capuy.dues.models import CellMonthDues, DuesEntry, PassUp
        from capuy.handbook.tiles import CellLink, Tile, register_cell_link, register_tile
        from capuy.web.home import NavItem, register_nav
        from capuy.web.records import READ_ROLES

        auditlog.register(DuesEntry)
        auditlog.register(PassUp)
        auditlog.register(CellMonthDues)
        from capuy.accounts.scoped import register_scoped

        for model in (DuesEntry, PassUp, CellMonthDues):
            register_scoped(model, "cell")  # the cell's unit: admin and audit trail scoping
        register_tile(Tile("dues", "Đảng phí", "dues:mine", order=40, note=_owed_note))
        register_cell_link(CellLink("dues", "Sổ đảng phí", "dues:book", order=40))
        register_nav(NavItem("Đảng phí", "dues:report", roles=frozenset(READ_ROLES), order=75))

        from capuy.dues.demo import load_demo_handbook
        from capuy.web.demo import register_demo_step

        register_demo_step("handbook", load_demo_handbook, order=60, label="Sổ tay, đảng phí")
