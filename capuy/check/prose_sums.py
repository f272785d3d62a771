"""Sums and percentages written as prose, not in brackets.

* ``arithmetic.prose-sum``: "nhận 14 hồ sơ, đã thẩm định 9 hồ sơ, đang thẩm định 4 hồ sơ" — a
  total followed, in the same sentence, by parts counted in the same unit. Parts that add up
  to more than the total are always wrong; parts that add up to less are wrong only when they
  are complementary (đã …/đang …, đã …/chưa …, nam/nữ), since "trong đó 5 nữ" alone is a
  subset, not a breakdown.
* ``arithmetic.percent-base``: "giải ngân 48,2 tỷ đồng, đạt 75% kế hoạch vốn (kế hoạch 60 tỷ
  đồng)" — a percentage of a base stated in the same sentence, in the same unit.

Both read sentences (split at ". ", ";" and line ends) of every text unit, so tables and
footnotes are read too; numbers are read the Vietnamese way (1.044,9).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from capuy.check.registry import RULES, register
from capuy.check.units import excerpt, text_units
from capuy.model import Document, Finding
from capuy.text import format_number, parse_number

_DIGIT = re.compile(r"\d")
_NUMBER = r"\d{1,3}(?:\.\d{3})*(?:,\d+)?"
_UNIT = r"[a-zà-ỹđ]+(?: [a-zà-ỹđ]+)?"
# a total: a counting verb right before "N unit"
_TOTAL = re.compile(
    rf"(?<![\w/])(?P<verb>tiếp nhận|nhận|tổng số|tổng cộng|có tổng số|kết nạp|xem xét|thụ lý|"
    rf"tổ chức|phát hiện|xử lý|giải quyết|kiểm tra|quản lý|có)\s+(?:được\s+)?"
    rf"(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})"
)
_PART = re.compile(rf"(?<![\w/,.])(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})(?![\d/])")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n")
_COMPLEMENTS = (("đã", "đang"), ("đã", "chưa"), ("nam", "nữ"), ("nữ", "nam"))


def _value(text: str) -> Decimal | None:
    try:
        return parse_number(text)
    except (ValueError, InvalidOperation):
        return None


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield start, text[start : match.start()]
        start = match.end()
    yield start, text[start:]


def _same_unit(a: str, b: str) -> bool:
    return a == b or a.split()[0] == b.split()[0]


def _cue(clause: str) -> str:
    for word in re.findall(r"[^\W\d_]+", clause):
        if word in ("đã", "đang", "chưa", "nam", "nữ"):
            return word
    return ""


_BREAKDOWN = re.compile(
    r"^\s*(?:trong đó|gồm|bao gồm|đã|đang|chưa)\b|^\s*\d[\d.,]*\s+\S+(?:\s+\S+)?\s+(?:nam|nữ)\b"
)


def _parts(rest: str, unit_words: str) -> list[tuple[Decimal, str]]:
    """The parts that follow a total: comma-separated clauses counting the same unit, the first
    of them opened by "trong đó", "gồm", "đã", "đang", "chưa" (or split by nam/nữ) — parallel
    activities ("kiểm tra 5 tổ chức, giám sát 7 tổ chức") are not a breakdown."""
    clauses = rest.split(",")
    if clauses and clauses[0].strip():
        return []  # the total's clause goes on: "nhận 14 hồ sơ của …, …" is not followed by parts
    parts: list[tuple[Decimal, str]] = []
    for clause in clauses[1:]:
        part = _PART.search(clause)
        if part is None or not _same_unit(part.group("unit"), unit_words):
            break
        if not parts and not _BREAKDOWN.search(clause):
            break
        if "%" in clause[part.end() : part.end() + 2]:
            break
        value = _value(part.group("n"))
        if value is None:
            break
        parts.append((value, _cue(clause)))
    return parts


@register("arithmetic.prose-sum", "arithmetic", "a total and its parts written out in a sentence")
def prose_sums(doc: Document) -> Iterator[Finding]:
    rule = RULES["arithmetic.prose-sum"]
    for unit in text_units(doc):
        if not _DIGIT.search(unit.text):  # no number, no sum (C speed, not a loop per letter)
            continue
        for offset, sentence in _sentences(unit.text):
            if not _DIGIT.search(sentence):
                continue  # a total is a number: the costlier pattern need not run
            for total in _TOTAL.finditer(sentence):
                n = _value(total.group("n"))
                unit_words = total.group("unit")
                rest = sentence[total.end() :]
                if n is None or rest.lstrip()[:1] == "(":
                    continue  # "19 đảng bộ (15 …; 03 …)": arithmetic.parts-sum
                parts = _parts(rest, unit_words)
                if n is None or len(parts) < 2:
                    continue
                stated = sum((p[0] for p in parts), Decimal(0))
                if stated == n:
                    continue
                cues = tuple(p[1] for p in parts[:2])
                complementary = len(parts) == 2 and cues in _COMPLEMENTS
                if stated < n and not complementary:
                    continue
                listing = " + ".join(format_number(p[0]) for p in parts)
                start = offset + total.start("n")
                yield rule.finding(
                    "error",
                    unit.line_at(start),
                    excerpt(unit.text, start, offset + total.end()),
                    f"{total.group('n')} {unit_words} nhưng các phần cộng lại: {listing} = "
                    f"{format_number(stated)} {unit_words}",
                    f"{format_number(stated)} {unit_words}",
                )


_MONEY_UNIT = r"tỷ đồng|triệu đồng|nghìn đồng|ngàn đồng|đồng|ha|héc-ta|tấn|km|người|hộ|lao động"
_PERCENT_OF_BASE = re.compile(
    rf"(?P<x>{_NUMBER})\s+(?P<unit>{_MONEY_UNIT})\s*,?\s+(?:đạt|bằng|chiếm|đạt tỷ lệ)\s+"
    rf"(?P<p>{_NUMBER})\s*%\s+(?P<of>[^()%.;]{{2,60}}?)\s*\((?P<label>[^()\d]{{0,40}}?)"
    rf"(?P<y>{_NUMBER})\s+(?P=unit)\s*\)"
)


@register(
    "arithmetic.percent-base",
    "arithmetic",
    "a percentage of a base stated in the same sentence that does not match it",
)
def percent_of_base(doc: Document) -> Iterator[Finding]:
    rule = RULES["arithmetic.percent-base"]
    for unit in text_units(doc):
        if "%" not in unit.text:
            continue
        for match in _PERCENT_OF_BASE.finditer(unit.text):
            x, p, y = (_value(match.group(k)) for k in ("x", "p", "y"))
            if x is None or p is None or not y:
                continue
            exact = x / y * 100
            places = len(match.group("p").split(",")[1]) if "," in match.group("p") else 0
            step = Decimal(1) / Decimal(10) ** places
            if abs(exact - p) <= step / 2 + Decimal("0.000001"):
                continue
            right = format_number(exact.quantize(step)) + "%"
            severity = "warning" if abs(exact - p) <= step else "error"
            yield rule.finding(
                severity,  # type: ignore[arg-type]
                unit.line_at(match.start()),
                excerpt(unit.text, match.start(), match.end(), context=0),
                f"{match.group('x')} {match.group('unit')} trên {match.group('y')} "
                f"{match.group('unit')} là {format_number(exact.quantize(Decimal('0.01')))}%, "
                f"không phải {match.group('p')}%",
                right,
            )
