"""Arithmetic: a total against its parenthesised parts, a fraction against the percentage
written beside it (to the document's own rounding), received + carried over = to be handled,
letters against cases ("19 đơn/26 vụ": a case has at least one letter), and anniversaries
("kỷ niệm 94 năm … (03/02/1930 - 03/02/2024)", "10 năm thực hiện Nghị quyết … 2014")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from capuy.check.registry import RULES, register
from capuy.check.units import excerpt, text_units
from capuy.model import Document, Finding, Quantity
from capuy.text import format_count, format_number, parse_number, search_key

_RECEIVED = ("tiep nhan", "phat sinh")
_CARRIED = ("ky truoc chuyen sang", "ton ky truoc", "chuyen sang")
_TO_HANDLE = ("phai xu ly", "phai giai quyet", "can xu ly")


def _count(value: Decimal) -> str:
    return format_count(int(value)) if value == value.to_integral_value() else format_number(value)


def _all_quantities(doc: Document) -> Iterator[Quantity]:
    for quantity in doc.quantities:
        yield quantity
        yield from _nested(quantity)


def _nested(quantity: Quantity) -> Iterator[Quantity]:
    for part in quantity.parts:
        if part.parts:
            yield part
            yield from _nested(part)


@register("arithmetic.parts-sum", "arithmetic", "a total that disagrees with its parts")
def parts_sum(doc: Document) -> Iterator[Finding]:
    rule = RULES["arithmetic.parts-sum"]
    for quantity in _all_quantities(doc):
        parts = quantity.parts
        if len(parts) < 2:
            continue
        total = quantity.value
        unit = quantity.unit
        if (
            quantity.kind == "ratio"
            and parts[0].unit
            and parts[0].unit == quantity.denominator_unit
        ):
            total, unit = quantity.denominator or total, quantity.denominator_unit
        stated = sum((p.value for p in parts), Decimal(0))
        if stated == total:
            continue
        listing = " + ".join(f"{_count(p.value)} {p.label}".strip() for p in parts)
        yield rule.finding(
            "error",
            quantity.line,
            quantity.text if not quantity.label else f"{quantity.text} ({listing})",
            f"tổng {_count(total)} {unit} không bằng tổng các phần: {listing} = "
            f"{_count(stated)}".rstrip(),
            f"{_count(stated)} {unit}".strip(),
        )


def _places(percent: Quantity) -> int:
    digits = re.search(r"[.,](\d+)\s*%", percent.text)
    return len(digits.group(1)) if digits else 0


@register("arithmetic.ratio-percent", "arithmetic", "a fraction and its percentage disagree")
def ratio_percent(doc: Document) -> Iterator[Finding]:
    rule = RULES["arithmetic.ratio-percent"]
    for quantity in doc.quantities:
        ratio = getattr(quantity, "ratio", None)
        if quantity.kind != "percent" or ratio is None or not ratio.denominator:
            continue
        exact = ratio.value / ratio.denominator * 100
        places = _places(quantity)
        tolerance = Decimal(5) / Decimal(10) ** (places + 1) + Decimal("0.000001")
        if abs(exact - quantity.value) <= tolerance:
            continue
        right = format_number(exact.quantize(Decimal(1) / Decimal(10) ** places)) + "%"
        # off by no more than one unit of the last written digit: rounded wrongly (12/13 =
        # 92,31 written 92,4%) — worth a look, not the same as a wrong figure
        misrounded = abs(exact - quantity.value) <= Decimal(1) / Decimal(10) ** places
        yield rule.finding(
            "warning" if misrounded else "error",
            quantity.line,
            f"{ratio.text} … {quantity.text}",
            f"{_count(ratio.value)}/{_count(ratio.denominator)} = {format_number(exact.quantize(Decimal('0.0001')))}%, "
            f"không phải {quantity.text}",
            right,
        )


def _labelled(quantities: list[Quantity], needles: tuple[str, ...]) -> Quantity | None:
    for quantity in quantities:
        label = search_key(quantity.label)
        if any(label.endswith(n) or n in label for n in needles):
            return quantity
    return None


def _pair(q: Quantity) -> tuple[Decimal, Decimal | None]:
    return q.value, q.denominator if q.kind == "ratio" else None


def _show(value: Decimal, denominator: Decimal | None, q: Quantity) -> str:
    text = f"{_count(value)} {q.unit}".strip()
    if denominator is not None:
        text += f"/{_count(denominator)} {q.denominator_unit}".rstrip()
    return text


@register(
    "arithmetic.received-carried",
    "arithmetic",
    "received in the period + carried over ≠ total to be handled",
)
def received_plus_carried(doc: Document) -> Iterator[Finding]:
    rule = RULES["arithmetic.received-carried"]
    by_line: dict[int, list[Quantity]] = {}
    for quantity in doc.quantities:
        if quantity.kind in ("count", "ratio"):
            by_line.setdefault(quantity.line, []).append(quantity)
    for quantities in by_line.values():
        total = _labelled(quantities, _TO_HANDLE)
        carried = _labelled([q for q in quantities if q is not total], _CARRIED)
        received = _labelled([q for q in quantities if q not in (total, carried)], _RECEIVED)
        if not (total and carried and received):
            continue
        (rv, rd), (cv, cd), (tv, td) = _pair(received), _pair(carried), _pair(total)
        sum_value = rv + cv
        sum_den = rd + cd if rd is not None and cd is not None else None
        if sum_value == tv and (sum_den is None or td is None or sum_den == td):
            continue
        expected = _show(sum_value, sum_den, total)
        yield rule.finding(
            "error",
            total.line,
            f"{received.text} … {carried.text} … {total.text}",
            f"tiếp nhận {received.text} + kỳ trước chuyển sang {carried.text} = {expected}, "
            f"nhưng báo cáo ghi phải xử lý {total.text}",
            expected,
        )


_HANDLED = ("da giai quyet", "da xu ly", "giai quyet xong")
_PENDING = ("dang giai quyet", "dang xu ly", "chua giai quyet", "con lai", "ton dong")


def _labelled_exactly(quantities: list[Quantity], needles: tuple[str, ...]) -> Quantity | None:
    for quantity in quantities:
        label = search_key(quantity.label)
        if any(n in label for n in needles):
            return quantity
    return None


@register(
    "arithmetic.handled-pending",
    "arithmetic",
    "handled + still pending ≠ the total to be handled",
)
def handled_plus_pending(doc: Document) -> Iterator[Finding]:
    rule = RULES["arithmetic.handled-pending"]
    by_line: dict[int, list[Quantity]] = {}
    for quantity in doc.quantities:
        if quantity.kind in ("count", "ratio"):
            by_line.setdefault(quantity.line, []).append(quantity)
    for quantities in by_line.values():
        handled = _labelled_exactly(quantities, _HANDLED)
        pending = _labelled_exactly([q for q in quantities if q is not handled], _PENDING)
        if not (handled and pending):
            continue
        earlier = [
            q
            for q in quantities
            if q.end <= handled.start
            and q is not pending
            and q.unit == handled.unit
            and q.denominator_unit == handled.denominator_unit
        ]
        if not earlier:
            continue
        total = max(earlier, key=lambda q: q.end)  # the count the handled ones are part of
        units = {u.line: u for u in text_units(doc)}
        unit_text = units[total.line].text if total.line in units else ""
        if unit_text and re.search(r"\.\s", unit_text[total.end : handled.start]):
            continue  # a new sentence: not the same count
        (hv, hd), (pv, pd), (tv, td) = _pair(handled), _pair(pending), _pair(total)
        sum_den = hd + pd if hd is not None and pd is not None else None
        if hv + pv == tv and (sum_den is None or td is None or sum_den == td):
            continue
        expected = _show(hv + pv, sum_den, total)
        yield rule.finding(
            "error",
            total.line,
            f"{total.text} … {handled.text} … {pending.text}",
            f"đã giải quyết {handled.text} + đang giải quyết {pending.text} = {expected}, "
            f"nhưng tổng số phải giải quyết ghi {total.text}",
            expected,
        )


@register("arithmetic.letters-cases", "arithmetic", "more cases (vụ) than letters (đơn)")
def letters_and_cases(doc: Document) -> Iterator[Finding]:
    rule = RULES["arithmetic.letters-cases"]
    for quantity in doc.quantities:
        if quantity.kind != "ratio" or quantity.denominator is None:
            continue
        if search_key(quantity.unit) != "don" or search_key(quantity.denominator_unit) != "vu":
            continue
        if quantity.denominator <= quantity.value:
            continue
        siblings = [
            q
            for q in doc.quantities
            if q.line == quantity.line
            and q.kind == "ratio"
            and q is not quantity
            and q.denominator == quantity.denominator
            and q.value == q.denominator
        ]
        hint = ""
        suggestion = ""
        if siblings:
            hint = (
                f"; cùng đoạn ghi {siblings[0].text} (mỗi vụ một đơn), nên số đã giải quyết "
                f"phải là {_count(quantity.value)} đơn/{_count(quantity.value)} vụ"
            )
            suggestion = f"{_count(quantity.value)} đơn/{_count(quantity.value)} vụ"
        yield rule.finding(
            "error",
            quantity.line,
            quantity.text,
            f"“{quantity.text}”: số vụ ({_count(quantity.denominator)}) không thể nhiều hơn số đơn "
            f"({_count(quantity.value)}) — mỗi vụ có ít nhất một đơn{hint}",
            suggestion,
        )


_DATE_SPAN = re.compile(r"\(\s*\d{1,2}/\d{1,2}/(\d{4})\s*[-–]\s*\d{1,2}/\d{1,2}/(\d{4})\s*\)")
_N_YEARS = re.compile(r"(\d{1,3})\s+năm\b")
_YEARS_OF = re.compile(r"(\d{1,3})\s+năm\s+(?:triển khai\s+)?(?:thực hiện|thi hành)\s*:?\s*$")


@register("arithmetic.anniversary", "arithmetic", "a number of years that disagrees with the dates")
def anniversaries(doc: Document) -> Iterator[Finding]:
    rule = RULES["arithmetic.anniversary"]
    for unit in text_units(doc):
        for span in _DATE_SPAN.finditer(unit.text):
            window_start = max(0, span.start() - 160)
            counts = list(_N_YEARS.finditer(unit.text, window_start, span.start()))
            if not counts or re.search(r"[.;]\s", unit.text[counts[-1].end() : span.start()]):
                continue
            count = counts[-1]
            years, first, last = int(count.group(1)), int(span.group(1)), int(span.group(2))
            if last - first == years:
                continue
            yield rule.finding(
                "error",
                unit.line_at(count.start()),
                excerpt(unit.text, count.start(), span.end(), context=0),
                f"“{years} năm” nhưng từ {first} đến {last} là {last - first} năm",
                f"{last - first} năm",
            )
    year = _report_year(doc)
    if year is None:
        return
    units = {unit.line: unit for unit in text_units(doc)}
    for citation in doc.citations:
        cited_in = units.get(citation.line)
        if cited_in is None or citation.date is None or not citation.start:
            continue
        lead = _YEARS_OF.search(cited_in.text[max(0, citation.start - 40) : citation.start])
        if lead is None:
            continue
        stated = int(lead.group(1))
        elapsed = year - citation.date.year
        if abs(elapsed - stated) <= 1:
            continue
        yield rule.finding(
            "error",
            citation.line,
            f"{lead.group(0).strip()} {citation.text or citation.symbol}",
            f"“{stated} năm thực hiện” {citation.symbol} ngày {citation.date:%d/%m/%Y}, nhưng "
            + _years_since(elapsed, year)
            + " — số năm hoặc ngày văn bản bị ghi sai",
        )


def _years_since(elapsed: int, year: int) -> str:
    """ "đến năm 2024 mới được 3 năm", or, for a document of the report's own year or later,
    that it has not had a year yet (not "mới được 0 năm")."""
    if elapsed > 0:
        return f"đến năm {year} mới được {elapsed} năm"
    if elapsed == 0:
        return f"văn bản ban hành ngay trong năm {year} của báo cáo, chưa được năm nào"
    return f"văn bản ghi ngày sau năm {year} của báo cáo"


def _report_year(doc: Document) -> int | None:
    if doc.header.date:
        return doc.header.date.year
    years = re.findall(r"\b(20\d{2})\b", doc.header.summary)
    return int(years[-1]) if years else None


# Only a row labelled with the total word alone is a total of the rows above it: "Tổng số đảng
# viên" heads its own breakdown (the parts come below it) and is not the sum of what precedes.
_TOTAL_ROW = re.compile(r"^\s*(?:tổng cộng|tổng số|tổng|cộng)\s*:?\s*$", re.IGNORECASE)
_CELL_NUMBER = re.compile(r"^\s*\d{1,3}(?:\.\d{3})*(?:,\d+)?\s*$")


def _cell_value(cell: str) -> Decimal | None:
    if not _CELL_NUMBER.match(cell):
        return None
    try:
        return parse_number(cell.strip())
    except ValueError:
        return None


@register("arithmetic.table-sum", "arithmetic", "a table's total row disagrees with its rows")
def table_sums(doc: Document) -> Iterator[Finding]:
    """A row labelled "Tổng cộng"/"Cộng"/"Tổng số" must equal the sum of the numeric rows above
    it (up to the previous total row), column by column. Percent columns are left alone."""
    rule = RULES["arithmetic.table-sum"]
    for block in doc.blocks:
        if block.kind != "table" or len(block.rows) < 3:
            continue
        header = block.rows[0]
        start = 1
        for index, row in enumerate(block.rows):
            if index == 0 or not row or not _TOTAL_ROW.match(row[0]):
                continue
            body = block.rows[start:index]
            start = index + 1
            if len(body) < 2:
                continue  # one row above is not a breakdown
            for column in range(1, len(row)):
                if column < len(header) and "%" in header[column]:
                    continue
                total = _cell_value(row[column])
                values = [_cell_value(r[column]) for r in body if column < len(r)]
                if total is None or not values or any(v is None for v in values):
                    continue
                stated = sum((v for v in values if v is not None), Decimal(0))
                if stated == total:
                    continue
                line = block.row_lines[index] if index < len(block.row_lines) else block.line
                name = header[column] if column < len(header) else f"cột {column + 1}"
                yield rule.finding(
                    "error",
                    line,
                    "\t".join(row),
                    f"dòng “{row[0].strip()}” ghi {row[column].strip()} ở cột “{name}”, nhưng "
                    f"cộng {len(values)} dòng phía trên được {format_number(stated)}",
                    format_number(stated),
                )
