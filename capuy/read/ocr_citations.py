"""Citations of Central documents in OCR'd text, put right against the catalogue
(``capuy/vocab/central_documents.yaml``).

A citation is ``<symbol> ngày <date>``. When the symbol is a Central document of the catalogue
and the date Tesseract read for it is unreadable, or one or two characters away from the
catalogue's date *and* was read with a low confidence or with a glyph that is not a digit
(``11/7/2O23``, ``O3/1O/2017``), the date is the catalogue's: it is rewritten in the same form
(zero-padded or not, slashed or spelled) and the repair is reported so the block can be marked.

A date read cleanly stays as read, however far from the catalogue's: the text may really say
it, and catching an author's wrong date is the checker's job (``citation-date``), which needs
the text as written. Only the shape of OCR's slips is repaired, never what the author wrote.

Two slips of the shape itself are also undone for any Party symbol: a stray ``.``, ``_`` or
quote between the symbol and its ``ngày`` (``114-QĐ/TW. ngày 11/7/2023``, ``01-KL/TW_ ngày``
above a table's rule; a sentence never goes on with a lower-case "ngày"), which hides the date
from the citation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from capuy.read.ocr_repair import repair_date, to_digits
from capuy.vocab import issuer_by_code, type_codes
from capuy.vocab.central_documents import CentralDocument, central_documents

__all__ = ["UNSURE_CONFIDENCE", "CatalogueRepair", "repair_citation_dates"]

UNSURE_CONFIDENCE = 90.0
"""A date word Tesseract read below this confidence may be misread (clean dates on the
rasterised seeds come at 93–97)."""
MAX_NEAR = 2
"""A readable date this many characters (edits) from the catalogue's, or fewer, is the same
date misread; an unreadable one may be up to ``MAX_UNREADABLE``."""
MAX_UNREADABLE = 3

_SYMBOL = r"(?P<symbol>\d{1,4}-[A-ZĐa-zđ]{2,4}/TW)"
_STRAY = re.compile(r"(?P<symbol>\d{1,4}-[A-ZĐa-zđ]{2,5}/[A-ZĐ]{2,10})[.'’‘`_]+(?=\s+ngày\s+\S)")
_SLASHED = re.compile(
    _SYMBOL + r"(?P<gap>[\s,]*ngày\s*)(?P<date>[0-9A-Za-z|]{1,3}[/.-][0-9A-Za-z|]{1,3}"
    r"[/.-][0-9A-Za-z|]{2,5})(?![\w/])"
)
_SPELLED = re.compile(
    _SYMBOL + r"(?P<gap>[\s,]*ngày\s+)(?P<date>(?P<d>\S{1,3})\s+tháng\s+(?P<m>\S{1,3})"
    r"\s+năm\s+(?P<y>\S{3,5}))(?![\w])"
)


@dataclass(frozen=True)
class CatalogueRepair:
    """One date put right: the symbol, the date as read and as the catalogue has it; or, with
    ``part`` "symbol", a symbol's codes put right (``symbol`` the repaired one)."""

    symbol: str
    read: str
    repaired: str
    part: str = "date"

    def note(self) -> str:
        if self.part == "symbol":
            return f"{self.read} → {self.repaired} (danh mục văn bản Trung ương)"
        return f"{self.symbol}: ngày {self.read} → {self.repaired} (danh mục văn bản Trung ương)"


@cache
def _catalogue() -> dict[str, tuple[CentralDocument, ...]]:
    found: dict[str, list[CentralDocument]] = {}
    for doc in central_documents():
        found.setdefault(doc.symbol, []).append(doc)
    return {symbol: tuple(docs) for symbol, docs in found.items()}


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (edits of one character)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _slashed(day: dt.date, parts: list[str]) -> str:
    """``day`` written like ``parts`` were: each part zero-padded where the read one is two
    characters long ("9/6/2014" stays unpadded, "09/06/2014" padded)."""
    d = f"{day.day:02d}" if len(parts) < 1 or len(parts[0]) >= 2 else str(day.day)
    m = f"{day.month:02d}" if len(parts) < 2 or len(parts[1]) >= 2 else str(day.month)
    return f"{d}/{m}/{day.year}"


def _best(
    symbol: str, read: str, written: list[str], form: str
) -> tuple[CentralDocument, str, int] | None:
    """The catalogue document of ``symbol`` whose date, written in the read date's form, is
    nearest the read text; None on a tie between two documents of the symbol."""
    options = []
    for doc in _catalogue().get(symbol, ()):
        if form == "slashed":
            target = _slashed(doc.date, written)
        else:
            d = f"{doc.date.day:02d}" if len(written[0]) >= 2 else str(doc.date.day)
            m = f"{doc.date.month:02d}" if len(written[1]) >= 2 else str(doc.date.month)
            target = f"{d} tháng {m} năm {doc.date.year}"
        options.append((_distance(read, target), doc, target))
    if not options:
        return None
    options.sort(key=lambda option: option[0])
    if len(options) > 1 and options[0][0] == options[1][0] and options[0][2] != options[1][2]:
        return None
    return options[0][1], options[0][2], options[0][0]


def _unsure(read: str, unsure_words: Collection[str]) -> bool:
    """Was a word of the date read below ``UNSURE_CONFIDENCE``?"""
    tokens = set(read.split())
    return any(word.strip(_EDGES) in tokens for word in unsure_words)


_EDGES = "().,;:!?\"'“”«»"


def _decide(
    symbol: str, read: str, parts: list[str], form: str, unsure_words: Collection[str]
) -> str | None:
    """The catalogue's date for the read one, or None to leave it as read."""
    best = _best(symbol, read, parts, form)
    if best is None or len(parts) != 3:
        return None
    doc, target, _raw_distance = best
    if read == target:
        return None
    fixed = repair_date(*parts)
    if fixed is not None and dt.date(int(fixed[2]), int(fixed[1]), int(fixed[0])) == doc.date:
        return None  # the digit repairs (``ocr_repair``) already make it the catalogue's date
    # distance once the letters read for digits are digits again ("2O23" is "2023")
    distance = _distance(to_digits(read), target)
    glyphs = any(not (ch.isdigit() or ch in "/ ") for ch in re.sub(r"tháng|năm", "", read))
    if fixed is None:  # unreadable: no calendar date however its glyphs are read
        return target if distance <= MAX_UNREADABLE else None
    if distance <= MAX_NEAR and (glyphs or _unsure(read, unsure_words)):
        return target
    return None


_CODED = re.compile(
    r"(?<![\w/.-])(?P<num>\d{1,4})-(?P<codes>[A-ZĐa-z]{1,5}/[A-ZĐ]{1,5})(?![\w/])"
    r"(?P<between>[^\n\t]{0,80}?\t?[^\n\t]{0,80}?)"
    r"(?:(?<![\w/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\w/])"
    r"|ngày\s+(?P<sd>\d{1,2})\s+tháng\s+(?P<sm>\d{1,2})\s+năm\s+(?P<sy>\d{4})(?!\w))"
)
"""A Party symbol and the first date after it in the same sentence or table row ("41-NQ/EW
ngày 10/10/2023", "46-NQ/LW, ngày 20/12/2023", "57-KUL/TW<tab>15/06/2023", "… của Bộ Chính trị
ngày 28/04/2022")."""
_ANOTHER_SYMBOL = re.compile(r"\d-[A-ZĐ]{1,5}/")


def _known_codes(codes: str) -> bool:
    type_code, _, issuer = codes.partition("/")
    return type_code in type_codes("party") and issuer_by_code(issuer) is not None


def _catalogue_symbol(found: re.Match[str]) -> str | None:
    """The catalogue's symbol for one whose codes are no known pair ("41-NQ/EW", "38-CT/W",
    "57-KUL/TW"): of the catalogue's documents with its number, the one whose codes are one
    character from the read ones *and* whose date is the date read after it; None when there is
    none, or two."""
    codes, between = found.group("codes"), found.group("between")
    if _known_codes(codes) or _ANOTHER_SYMBOL.search(between):
        return None
    parts = [found.group(k) for k in ("d", "m", "y")]
    if parts[0] is None:
        parts = [found.group(k) for k in ("sd", "sm", "sy")]
    try:
        read_date = dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        return None
    number = int(found.group("num"))
    options = {
        doc.symbol
        for doc in central_documents()
        if doc.number == number
        and doc.date == read_date
        and _distance(codes, doc.symbol.split("-", 1)[1]) == 1
    }
    return options.pop() if len(options) == 1 else None


def _catalogue_symbols(text: str, repairs: list[CatalogueRepair]) -> str:
    """``text`` with each symbol whose codes OCR damaged put right when the catalogue knows one
    symbol of its number one character away, issued on the date cited with it (the rest of
    the citation agrees). A symbol read as a known pair of codes is never touched."""

    def fixed(found: re.Match[str]) -> str:
        symbol = _catalogue_symbol(found)
        if symbol is None:
            return found.group(0)
        read = f"{found.group('num')}-{found.group('codes')}"
        repairs.append(CatalogueRepair(symbol, read, symbol, "symbol"))
        return found.group(0).replace(read, symbol, 1)

    return _CODED.sub(fixed, text)


def repair_citation_dates(
    text: str, unsure_words: Collection[str] = ()
) -> tuple[str, list[CatalogueRepair]]:
    """``text`` with the dates of its Central citations put right against the catalogue (and a
    symbol's damaged codes, ``_catalogue_symbols``), and the repairs made. ``unsure_words``: the
    words of the paragraph Tesseract read below ``UNSURE_CONFIDENCE``."""
    repairs: list[CatalogueRepair] = []
    text = _catalogue_symbols(_STRAY.sub(lambda found: found.group("symbol"), text), repairs)

    def slashed(found: re.Match[str]) -> str:
        read = found.group("date")
        parts = re.split(r"[/.-]", read)
        target = _decide(found.group("symbol"), read, parts, "slashed", unsure_words)
        if target is None:
            return found.group(0)
        repairs.append(CatalogueRepair(found.group("symbol"), read, target))
        return found.group("symbol") + found.group("gap") + target

    def spelled(found: re.Match[str]) -> str:
        read = found.group("date")
        parts = [found.group("d"), found.group("m"), found.group("y")]
        target = _decide(found.group("symbol"), read, parts, "spelled", unsure_words)
        if target is None:
            return found.group(0)
        repairs.append(CatalogueRepair(found.group("symbol"), read, target))
        return found.group("symbol") + found.group("gap") + target

    text = _SLASHED.sub(slashed, text)
    text = _SPELLED.sub(spelled, text)
    return text, repairs
