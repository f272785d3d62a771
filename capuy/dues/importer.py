"""Import of a month's dues from the treasurer's spreadsheet (CSV, or XLSX via openpyxl).

All or nothing: every row is checked first and a list of errors (one per bad row, with its
line number and the reason in Vietnamese) comes back without writing anything; only a clean
file is written, in one transaction. Columns (header row, any order, case and accents as
typed): ``so_the`` (card number) or ``ma`` (register id), ``doi_tuong`` (kind code from
capuy/vocab/dues.yaml), ``can_cu`` (monthly base in đồng), ``da_nop`` (đồng paid),
``ngay_nop`` (dd/mm/yyyy), ``bien_lai``, ``ly_do``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from capuy.dues.book import record_entry
from capuy.dues.rates import kind_choices
from capuy.members.models import Member
from capuy.orgs.models import Organisation
from capuy.text.normalize import nfc

__all__ = ["ImportResult", "import_rows", "read_table"]

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024


@dataclass
class ImportResult:
    saved: int
    errors: list[str]


def read_table(name: str, data: bytes) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8, with or without BOM) or XLSX file as header → text."""
    if len(data) > MAX_BYTES:
        raise ValueError("Tệp quá lớn (tối đa 5 MB).")
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        values = [
            ["" if v is None else _cell_text(v) for v in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    elif name.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError("Tệp CSV phải mã hóa UTF-8.") from exc
        values = list(csv.reader(io.StringIO(text)))
    else:
        raise ValueError("Chỉ nhận tệp .csv hoặc .xlsx.")
    if not values:
        raise ValueError("Tệp không có dữ liệu.")
    header = [nfc(h).strip().lower() for h in values[0]]
    rows = [dict(zip(header, (nfc(c).strip() for c in row), strict=False)) for row in values[1:]]
    rows = [r for r in rows if any(r.values())]
    if len(rows) > MAX_ROWS:
        raise ValueError(f"Tệp có quá {MAX_ROWS} dòng.")
    return rows


def _cell_text(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _money(text: str, what: str) -> int:
    cleaned = text.replace(".", "").replace(" ", "").replace("đ", "")
    if not cleaned.isdigit():
        raise ValueError(f"{what} “{text}” không phải số tiền nguyên (đồng)")
    return int(cleaned)


def _row_member(
    row: dict[str, str], members: dict[int, Member], by_card: dict[str, Member]
) -> Member:
    """The cell's member a row names by card number (``so_the``) or member id (``ma``)."""
    card, code = row.get("so_the", ""), row.get("ma", "")
    member = by_card.get(card) if card else members.get(int(code)) if code.isdigit() else None
    if member is None:
        raise ValueError(
            f"không có đảng viên số thẻ “{card}” trong chi bộ"
            if card
            else "thiếu số thẻ (so_the) hoặc mã đảng viên (ma)"
        )
    return member


def _row_values(row: dict[str, str], kinds: set[str]) -> dict[str, Any]:
    """A row's kind, base, paid, day paid, receipt and reason, checked (``ValueError``)."""
    kind = row.get("doi_tuong", "")
    if kind not in kinds:
        raise ValueError(f"đối tượng “{kind}” không có trong danh mục đảng phí")
    base = _money(row.get("can_cu") or "0", "Căn cứ tính")
    paid = _money(row.get("da_nop") or "0", "Số đã nộp")
    paid_on = None
    if row.get("ngay_nop"):
        try:
            paid_on = dt.datetime.strptime(row["ngay_nop"], "%d/%m/%Y").date()
        except ValueError as exc:
            raise ValueError(f"ngày nộp “{row['ngay_nop']}” không đúng dạng dd/mm/yyyy") from exc
    return {
        "kind": kind,
        "base": base,
        "paid": paid,
        "paid_on": paid_on,
        "receipt": row.get("bien_lai", "")[:40],
        "reason": row.get("ly_do", "")[:200],
    }


def import_rows(cell: Organisation, month: dt.date, rows: list[dict[str, str]]) -> ImportResult:
    """Check every row; write them all (one transaction) only if none is wrong."""
    kinds = {k for k, _ in kind_choices(month)}
    members = {m.pk: m for m in Member.objects.filter(organisation=cell, left_on__isnull=True)}
    by_card = {m.card_number: m for m in members.values() if m.card_number}
    planned: list[tuple[Member, dict[str, Any]]] = []
    errors: list[str] = []
    seen: set[int] = set()
    for line, row in enumerate(rows, start=2):
        try:
            member = _row_member(row, members, by_card)
            if member.pk in seen:
                raise ValueError(f"{member.full_name} xuất hiện hai lần")
            planned.append((member, _row_values(row, kinds)))
            seen.add(member.pk)
        except ValueError as error:
            errors.append(f"Dòng {line}: {error}.")
    if errors:
        return ImportResult(saved=0, errors=errors)
    with transaction.atomic():
        for member, values in planned:
            record_entry(
                member,
                month,
                values["kind"],
                values["base"],
                values["paid"],
                paid_on=values["paid_on"],
                receipt=values["receipt"],
                reason=values["reason"],
            )
    return ImportResult(saved=len(planned), errors=[])
