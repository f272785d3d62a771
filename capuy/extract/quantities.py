"""Stage — quantities: the numbers a report states, with what they count.

One pass of ``tokens.NUMBER`` over the text; each number is then classified by what follows it:

* ``19,92%`` → **percent**; ``of`` is the phrase after it ("chỉ tiêu được giao năm 2024",
  "dự toán HĐND huyện giao năm 2024"), ``ratio`` the ratio just before it in the same clause
  (``51/256 quần chúng vào đảng (19,92% …)``), so the checker can compare 51/256 with 19,92%;
* ``1,99 tỷ đồng``, ``257.113 triệu đồng``, ``935.960.000đ`` → **money**, value in đồng
  (``capuy.text.parse_money``);
* ``1,37 ha`` → **measure**;
* ``51/256``, ``19 đơn/26 vụ``, ``55/63 tiêu chuẩn`` → **ratio** (value, denominator and both
  units); a "ratio" whose denominator is a year (``02/2024``) or smaller than its numerator
  (the date ``28/6``) is not one;
* ``09 đảng viên`` → **count**, when a unit of ``capuy/vocab/units.yaml`` follows.

A count, ratio or amount followed (within a few words) by a parenthesised list in which every
item has a number is a **breakdown**: ``28 đảng viên (khiển trách 19, cảnh cáo 08, cách chức
01)``, ``37 đơn thư của công dân (tố cáo: 11 đơn, …)``, ``(01 khiển trách)``. Each item becomes
a part with its ``label`` and unit. A list of changes ("tăng 04 vụ …") or a partial one ("trong
đó …") is not a breakdown.

Not quantities: numbers inside dates and document symbols, outline labels, years, numbers after
an ordinal or period word ("lần thứ 18", "năm 2024", "tỷ lệ 1/500", "khóa XIII", "Điều 32") and
numbers followed by a period word ("03 năm thực hiện"). Every quantity has a ``label``: the
clause before it ("Tổng số đơn phải xử lý", "tố cáo", "kết nạp"); the next item of a list
("…, 99 lượt tổ chức đảng") shares the label of the item before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from decimal import Decimal

from capuy.extract import tokens
from capuy.extract.layout import line_counter
from capuy.model import Quantity
from capuy.text import find_dates, parse_money, parse_number

_PERCENT = re.compile(r"\s?%")
_SLASH = re.compile(r"\s?/\s?")
_OF_STOP = re.compile(r"[,;.()\n:]|\s[-–]\s")
_LABEL_STOP = re.compile(r"[.;:()\n,]")
_BEFORE_PAREN = re.compile(r"(?:[ \t]+[^\W\d][\w-]*){0,6}?\s*\(")
_NOT_BREAKDOWN = re.compile(r"^\s*(?:tăng|giảm|trong đó|so với|gồm cả|bằng|đạt)\b", re.IGNORECASE)
_PART_SPLIT = re.compile(r"\s*;\s*|\s*,\s*|\s+và\s+")
_PART_SPLIT_STRONG = re.compile(r"\s*;\s*")
_LABEL_WINDOW = 120
_LIST_GAP = re.compile(r"\s*(?:,|và)\s*")


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    spans = [(d.start, d.end) for d in find_dates(text)]
    spans += [(m.start(), m.end()) for m in tokens.SYMBOL.finditer(text)]
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def _is_year(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2100


_LONE_IN_PARENS = re.compile(r"\(\s*\*?\s*$")
_ENUMERATOR = re.compile(r"^\(?\d+(?:\.\d+)?\)\s*")
# Words that only link the label to its number: "công nhận đảng viên chính thức cho 09 …",
# "đã kết nạp được 06 …", "tỷ lệ … là 51/256".
_TRAILING_LINK = re.compile(r"\s+(?:đối với|cho|được|là|với|gồm|có)$")


def label_before(text: str, start: int) -> str:
    """The clause before ``start``: back to the last . ; : ( , or line break, without an item
    number ("(1) …") or a linking word at its end ("… cho", "… được"). A number alone in
    brackets, "công nhận đảng viên chính thức (09 đồng chí)", takes the clause before them."""
    before = text[max(0, start - _LABEL_WINDOW) : start].rstrip(" \t:*")
    if _LONE_IN_PARENS.search(before):
        return label_before(text, max(0, text.rfind("(", 0, start)))
    cut = 0
    for match in _LABEL_STOP.finditer(before):
        cut = match.end()
    label = re.sub(r"\s+", " ", before[cut:].strip(" *-–"))
    label = _ENUMERATOR.sub("", re.sub(r"^[\d¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*", "", label))
    return _TRAILING_LINK.sub("", label)


def _phrase_after(text: str, start: int) -> str:
    window = text[start : start + 100]
    stop = _OF_STOP.search(window)
    return re.sub(r"\s+", " ", window[: stop.start()] if stop else window).strip(" *")


def _closing_paren(text: str, open_at: int) -> int:
    depth = 0
    for index in range(open_at, min(len(text), open_at + 600)):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
    return -1


class QuantityScanner:
    """Finds the quantities of one text; ``line_at(offset)`` gives source lines."""

    def __init__(self, text: str, line_at: Callable[[int], int]) -> None:
        self.text = text
        self.line_at = line_at
        self._spans: list[tuple[int, int]] | None = None
        self._starts: list[int] = []

    def _excluded(self, offset: int) -> bool:
        """Inside a date or a symbol? (Both are found only once a number needs it.)"""
        if self._spans is None:
            self._spans = _excluded_spans(self.text)
            self._starts = [start for start, _ in self._spans]
        return _inside(self._spans, self._starts, offset)

    def _usable(self, match: re.Match[str]) -> bool:
        start = match.start()
        if self._excluded(start):
            return False
        if tokens.not_quantity_before_pattern().search(self.text, max(0, start - 25), start):
            return False
        return not (
            _is_year(match.group(0)) and not tokens.money_pattern().match(self.text, match.end())
        )

    def classify(self, match: re.Match[str], in_breakdown: bool = False) -> Quantity | None:
        """The quantity starting with this number, or None if it is not one."""
        text, start, end = self.text, match.start(), match.end()
        raw = match.group(0)
        try:
            value = parse_number(raw)
        except ValueError:
            return None
        if percent := _PERCENT.match(text, end):
            return self._make(
                "percent", value, start, percent.end(), of=_phrase_after(text, percent.end())
            )
        if money := tokens.money_pattern().match(text, end):
            try:
                amount = parse_money(re.sub(r"\s+", " ", text[start : money.end()]))
            except ValueError:
                return None
            return self._make("money", amount, start, money.end(), unit=money.group("unit"))
        if measure := tokens.measure_pattern().match(text, end):
            return self._make("measure", value, start, measure.end(), unit=measure.group("unit"))
        unit_match = tokens.count_unit_pattern().match(text, end)
        after_unit = unit_match.end() if unit_match else end
        if (slash := _SLASH.match(text, after_unit)) and (
            denominator := tokens.DENOMINATOR.match(text, slash.end())
        ):
            return self._ratio(value, start, unit_match, denominator)
        if unit_match:
            return self._make(
                "count", value, start, unit_match.end(), unit=unit_match.group("unit")
            )
        if tokens.not_unit_pattern().match(text, end):
            return None
        if in_breakdown:
            return self._make("count", value, start, end)
        return None

    def _ratio(
        self,
        value: Decimal,
        start: int,
        unit_match: re.Match[str] | None,
        denominator: re.Match[str],
    ) -> Quantity | None:
        raw = denominator.group(0)
        if _is_year(raw):
            return None
        den_value = parse_number(raw)
        den_unit = tokens.count_unit_pattern().match(self.text, denominator.end())
        if den_value == 0 or (value > den_value and not (unit_match and den_unit)):
            return None
        end = den_unit.end() if den_unit else denominator.end()
        quantity = self._make(
            "ratio", value, start, end, unit=unit_match.group("unit") if unit_match else ""
        )
        quantity.denominator = den_value
        quantity.denominator_unit = den_unit.group("unit") if den_unit else ""
        return quantity

    def _make(
        self, kind: str, value: Decimal, start: int, end: int, unit: str = "", of: str = ""
    ) -> Quantity:
        return Quantity(
            kind=kind,  # type: ignore[arg-type]
            value=value,
            text=re.sub(r"\s+", " ", self.text[start:end]),
            line=self.line_at(start),
            unit=re.sub(r"\s+", " ", unit),
            label=label_before(self.text, start),
            of=of,
            start=start,
            end=end,
        )

    def breakdown(self, quantity: Quantity) -> int:
        """Attach a parenthesised breakdown after ``quantity``; the offset scanning resumes at."""
        lead = _BEFORE_PAREN.match(self.text, quantity.end)
        if lead is None:
            return quantity.end
        open_at = lead.end() - 1
        close_at = _closing_paren(self.text, open_at)
        if close_at < 0:
            return quantity.end
        inner = self.text[open_at + 1 : close_at]
        if _NOT_BREAKDOWN.match(inner.strip(" *")):
            return quantity.end
        pieces: list[tuple[int, str]] = []
        position = open_at + 1
        splitter = _PART_SPLIT_STRONG if ";" in inner else _PART_SPLIT
        for piece in splitter.split(inner):
            offset = self.text.find(piece, position) if piece else position
            position = offset + len(piece)
            if piece.strip(" *") and tokens.NUMBER.search(piece):
                pieces.append((offset, piece))
            elif pieces:
                continue
            else:
                return quantity.end
        parts: list[Quantity] = []
        for offset, piece in pieces:
            numbers = [m for m in tokens.NUMBER.finditer(self.text, offset, offset + len(piece))]
            numbers = [m for m in numbers if self._usable(m)]
            if len(numbers) != 1:
                return quantity.end
            part = self.classify(numbers[0], in_breakdown=True)
            if part is None or part.kind in {"percent", "ratio"}:
                return quantity.end
            words_before = self.text[offset : numbers[0].start()].strip(" *:\t")
            if words_before:
                part.label = re.sub(r"\s+", " ", words_before)
            else:
                part.label = (
                    re.sub(r"\s+", " ", self.text[part.end : offset + len(piece)]).strip(" *")
                    or part.unit
                )
            if not part.unit:
                part.unit = quantity.unit
            parts.append(part)
        if not parts:
            return quantity.end
        quantity.parts = parts
        return close_at + 1

    def scan(self) -> list[Quantity]:
        found: list[Quantity] = []
        resume = 0
        for match in tokens.NUMBER.finditer(self.text):
            if match.start() < resume or not self._usable(match):
                continue
            quantity = self.classify(match)
            if quantity is None:
                continue
            resume = quantity.end
            if quantity.kind in {"count", "ratio", "money"}:
                resume = self.breakdown(quantity)
            if quantity.kind == "percent":
                quantity.ratio = _neighbour_ratio(found, self.text, quantity.start)
            if (
                not quantity.label
                and found
                and _LIST_GAP.fullmatch(self.text, found[-1].end, quantity.start)
            ):
                # "đã kiểm tra 254 lượt đảng viên, 99 lượt tổ chức đảng": the verb serves both.
                quantity.label = found[-1].label
            found.append(quantity)
        return found


def _neighbour_ratio(found: list[Quantity], text: str, start: int) -> Quantity | None:
    for previous in reversed(found):
        if previous.kind != "ratio":
            continue
        between = text[previous.end : start]
        if len(between) <= 80 and not re.search(r"[.;]\s", between):
            return previous
        return None
    return None


def find_quantities(
    text: str, line: int = 1, line_at: Callable[[int], int] | None = None
) -> list[Quantity]:
    """Every quantity stated in ``text`` (lines counted from ``line`` at each ``\\n``)."""
    if line_at is None:
        line_at = line_counter(text, line)
    return QuantityScanner(text, line_at).scan()
