"""Stage 1 — tokens: the compiled patterns every later stage shares.

Like eyecite's tokenizer, the patterns are *built*, not hand-listed: the type words that may
stand before a symbol ("Nghị quyết", "Chương trình hành động", "Kế hoạch" …) come from
``capuy.vocab.document_types`` for both the Party and the State system, so a new document type
in the vocab data is recognised without touching this code. The symbol shapes themselves are
the Party rule (``number-TYPE/ISSUER``: ``45-NQ/TW``, ``08-QĐi/TW``, ``218-QĐ/UBKTTU``) and the
State rule (``number/TYPE-ISSUER`` or ``number/year/ISSUER``: ``06/QĐ-TTg``, ``48/2021/QĐ-UBND``,
``26/2022/UBTVQH15``) of DESIGN.md §5, with optional spaces the typist may have left.

Words that decide whether a number is a quantity (units, period words) are data too
(``capuy/vocab/units.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from capuy.vocab import document_types
from capuy.vocab.loader import load_data

_UPPER = "A-ZĐÀ-ỸÂĂÊÔƠƯ"
# End of a unit word: no letter or digit follows, except a footnote call mark ("đồng²⁰").
_WORD_END = r"(?![^\W¹²³⁴⁵⁶⁷⁸⁹⁰])"
_CODE_TAIL = "A-Za-zĐđ"

# One scan over the text finds every symbol; all other citation work happens on the matches.
SYMBOL = re.compile(
    rf"(?<![\w/.-])(?:"
    rf"(?P<pnum>\d+)[ ]?-[ ]?(?P<ptype>[A-ZĐ][{_CODE_TAIL}]{{0,5}})[ ]?/[ ]?(?P<piss>[A-ZĐ][A-ZĐ0-9]{{0,11}})"
    rf"|(?P<snum>\d+)[ ]?/[ ]?(?:(?P<syear>(?:19|20)\d\d)[ ]?/[ ]?)?"
    rf"(?:(?P<stype>[A-ZĐ][{_CODE_TAIL}]{{0,5}})-)?(?P<siss>[A-ZĐ][A-Za-zĐ0-9]{{1,15}})"
    rf"){_WORD_END}"
)

# A symbol-shaped run with no number: the blank of a draft ("Số -BC/HU").
HEADER_NUMBER = re.compile(
    rf"^\s*Số\s*:?\s*(?P<number>\d*)\s*(?P<symbol>-\s*[A-ZĐ][{_CODE_TAIL}]{{0,5}}\s*/\s*[A-ZĐ][A-ZĐ0-9]{{0,11}}"
    rf"|/\s*(?:\d{{4}}\s*/\s*)?[A-ZĐ][A-Za-zĐ0-9-]{{1,20}})\s*$"
)

# Between a type word and its symbol: a few lower-case words ("Quy chế làm việc số") and "số".
TYPE_GAP = re.compile(r"(?:\s+[a-zà-ỹđ]+){0,3}?\s*(?:\bsố\b\s*:?\s*)?", re.IGNORECASE)

# After the symbol, before the date.
DATE_GAP = re.compile(r"[\s,]*(?:ngày\s*)?", re.IGNORECASE)

# After the date (or symbol): "của <author>", cut at the first word that starts the subject.
AUTHOR_START = re.compile(r"[\s,]*của\s+", re.IGNORECASE)
AUTHOR_STOP = re.compile(
    r"\s+(?:về|tiếp tục|ban hành|đối với|gắn với|và|thực hiện|trình|nhằm|tại|theo)\s"
    r"|[;.“”\"*:]|\((?!\s*kh(?:óa|oá)\b)",
    re.IGNORECASE,
)
TERM = re.compile(r"[\s,(]*\bkh(?:óa|oá)\s+(?P<term>[IVXLC]+)\b\)?", re.IGNORECASE)

# Outline labels, by shape (level comes from the shape, see outline.py).
LABEL_PART = re.compile(
    r"^PHẦN\s+(?P<label>THỨ\s+[A-ZÀ-Ỹ]+|[IVXLC]+)\b\s*[.:\-–]?\s*(?P<title>.*)$"
)
LABEL_ROMAN = re.compile(r"^(?P<label>[IVXLC]+)\s*[.\-–]\s*(?P<title>\S.*)$")
LABEL_DOTTED = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<title>[^\W\d_].*)$")
LABEL_NUMBER = re.compile(r"^(?P<label>\d{1,2})\.\s+(?P<title>[^\W\d_].*)$")
LABEL_LETTER = re.compile(r"^(?P<label>[a-zđ])\)\s+(?P<title>\S.*)$")

# A Vietnamese number: "1.044,9", "257.113", "09", "19,92".
NUMBER_BODY = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d]|[.,]\d)"
NUMBER = re.compile(r"(?<![\w.,/-])" + NUMBER_BODY)
# The second number of a ratio, right after its slash.
DENOMINATOR = re.compile(NUMBER_BODY)


@dataclass(frozen=True)
class UnitData:
    count_units: tuple[str, ...]
    not_units: tuple[str, ...]
    money_scales: dict[str, int]
    measure_units: tuple[str, ...]
    not_quantity_before: tuple[str, ...]


@cache
def unit_data() -> UnitData:
    raw = load_data("units")
    by_length = lambda words: tuple(sorted((str(w) for w in words), key=len, reverse=True))  # noqa: E731
    return UnitData(
        count_units=by_length(raw["count_units"]),
        not_units=by_length(raw["not_units"]),
        money_scales={str(k): int(v) for k, v in raw["money_scales"].items()},
        measure_units=by_length(raw["measure_units"]),
        not_quantity_before=by_length(raw["not_quantity_before"]),
    )


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@cache
def type_words() -> tuple[str, ...]:
    """Every type word of the vocab (both systems), longest first so the longest wins."""
    words: set[str] = set()
    for system in ("party", "state"):
        for doc_type in document_types(system):
            words.update(w for w in doc_type.words if w)
            if doc_type.name:
                words.add(doc_type.name)
    return tuple(sorted(words, key=len, reverse=True))


@cache
def type_word_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternation(type_words())})(?!\w)", re.IGNORECASE)


@cache
def count_unit_pattern() -> re.Pattern[str]:
    units = unit_data().count_units
    return re.compile(rf"\s+(?P<unit>{_alternation(units)}){_WORD_END}", re.IGNORECASE)


@cache
def not_unit_pattern() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{_alternation(unit_data().not_units)})(?!\w)", re.IGNORECASE)


@cache
def money_pattern() -> re.Pattern[str]:
    scales = _alternation(tuple(unit_data().money_scales))
    return re.compile(
        rf"\s*(?P<unit>(?:(?:{scales})\s+)?đồng{_WORD_END}(?!\s+chí)|đ{_WORD_END})", re.IGNORECASE
    )


@cache
def measure_pattern() -> re.Pattern[str]:
    return re.compile(rf"\s*(?P<unit>{_alternation(unit_data().measure_units)}){_WORD_END}")


@cache
def not_quantity_before_pattern() -> re.Pattern[str]:
    words = _alternation(unit_data().not_quantity_before)
    return re.compile(rf"(?:^|[^\w])(?:{words})\s*$", re.IGNORECASE)
