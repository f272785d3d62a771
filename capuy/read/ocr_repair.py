"""Put right what Vietnamese OCR gets wrong where it matters most: symbols, codes, dates and the
fixed header lines (tables in ``vocab/ocr_repairs.yaml``).

A citation is only found when its symbol reads ``708-BC/TU`` and its date ``26/02/2024``; OCR
turns the slash into ``I`` or ``A`` (``708-BCITU``), a zero into ``O`` (``7O8``), Đ into D
(``QD``) and "ngày" into "ngảy". Each repair fires only where the shape is there *and* the
result is a known type code and issuer code (``vocab``) or a valid date, and never where the
text already reads as one, so running text is never rewritten into something it did not say.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection
from datetime import date
from functools import cache

from capuy.read.ocr_places import repair_place_names
from capuy.read.ocr_type_words import repair_type_words
from capuy.text import search_key
from capuy.vocab import document_types, issuer_by_code, type_codes
from capuy.vocab.ocr import ocr_repairs

__all__ = ["repair_date", "repair_ocr_text", "repair_symbol", "to_digits"]


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    repairs = ocr_repairs()
    return (
        dict(repairs.digits),
        dict(repairs.separators),
        dict(repairs.letters),
        dict(repairs.date_words),
    )


@cache
def _codes() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(type_codes("party")), frozenset(type_codes("state"))


_MARK = "[.:,;]?"
_RUN_DATE = re.compile(r"(?<=\b[Nn]gày )(?P<d>\d{1,2})/(?P<m>\d{2})(?P<y>(?:19|20)\d{2})(?![\w/])")
"""A date after "ngày" whose second slash was not read ("ngày 14/062024" at 200 dpi, in a
table's narrow cell): the month is two digits, the year four."""
_DAY_MARK = re.compile(r"\b(?P<w>[Nn]gày)[.:;]\s+(?=\d{1,2}/\d{1,2}/\d{4}(?!\d))")
"""A stray mark between "ngày" and a slashed date ("ngày. 11/01/2024")."""


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    digits, separators, _letters, _words = _tables()
    digit = "[0-9" + re.escape("".join(digits)) + "]"
    dash = "[" + re.escape("".join(k for k, v in separators.items() if v == "-")) + "-]"
    # capitals with a mark too: a code's letter read with a tone or hat ("ĐŨ" for "ĐU")
    code_chars = "A-ZĐÐa-z0-9À-ỹ" + re.escape("".join(separators) + "/-")
    symbol = re.compile(
        rf"(?<![\w/.-])(?P<num>{digit}*\d{digit}*)[ ]?(?P<sep>{dash}|/)[ ]?"
        # a comma right before the slash: an L's foot read as one ("KI,/TU"; letters: "I," → L)
        rf"(?P<rest>[A-ZĐÐ](?:[{code_chars}]|,(?=/)){{1,24}})(?![\w])"
    )
    numeric = rf"{digit}*\d{digit}*"
    slash_date = re.compile(
        rf"(?<![\w/])(?P<d>{numeric})[ ]?/[ ]?(?P<m>{numeric})[ ]?/[ ]?(?P<y>{numeric})(?![\w/])"
    )
    word = r"[^\W\d_]{2,6}"
    date_word = re.compile(
        # a stray mark after a piece ("tháng 11: năm", "năm. 2019") is a speck read as one
        rf"(?P<w1>{word}){_MARK}\s+(?P<d>{numeric}){_MARK}\s+(?P<w2>{word}){_MARK}\s+"
        rf"(?P<m>{numeric}){_MARK}\s+(?P<w3>{word}){_MARK}\s+(?P<y>{numeric})(?!\w)"
    )
    return symbol, slash_date, date_word


def to_digits(text: str) -> str:
    """``text`` with OCR's letters-for-digits read as digits ("2O23" → "2023")."""
    digits = _tables()[0]
    return "".join(digits.get(ch, ch) for ch in text)


def _known(type_code: str, issuer: str, system: str) -> bool:
    """A known pair of codes, spelled as codes are: the issuers' lookup folds the lookalike "Ð"
    (U+00D0) into Đ, but a symbol written with it is no symbol to the extraction."""
    party, state = _codes()
    codes = party if system == "party" else state
    return type_code in codes and "Ð" not in issuer and issuer_by_code(issuer) is not None


def _fix_code_letters(code: str, valid: object) -> list[str]:
    """``code`` and its variants with OCR letter confusions undone (D→Đ, Ð→Đ, 0→O, marks on a
    letter dropped)."""
    letters = _tables()[2]
    options = [code]
    for read, means in letters.items():
        for option in list(options):
            if read in option:
                options.append(option.replace(read, means))
    # a mark OCR put on a code's letter ("ĐŨ", "BÇ"): codes are unmarked capitals and Đ
    for option in list(options):
        bare = _unmarked(option)
        if bare != option:
            options.append(bare)
    # one letter read twice ("QĐÐ": the Đ and its lookalike Ð side by side)
    for option in list(options):
        for index in range(1, len(option)):
            if option[index] == option[index - 1]:
                options.append(option[:index] + option[index + 1 :])
    return options


def _unmarked(code: str) -> str:
    """``code`` with every diacritic dropped but Đ's bar (a letter of its own, not a mark)."""
    decomposed = unicodedata.normalize("NFD", code)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def _split_codes(rest: str, system: str) -> tuple[str, str] | None:
    """``rest`` ("BCITU", "BC/TU", "NQ1TW", "QD-UBND") → (type code, issuer code) when some
    reading of it is a known pair (a separator lookalike, or a missing separator)."""
    separators = _tables()[1]
    joiner = "/" if system == "party" else "-"
    candidates: list[tuple[str, str]] = []
    if joiner in rest:  # the separator was read: only its own codes may be wrong
        head, tail = rest.split(joiner, 1)
        candidates.append((head, tail))
        if separators.get(head[-1:]) == joiner:  # and read twice ("CTI/IW": "I" and "/")
            candidates.append((head[:-1], tail))
    else:
        for index in range(1, len(rest) - 1):
            if separators.get(rest[index]) == joiner:
                candidates.append((rest[:index], rest[index + 1 :]))
        for index in range(1, len(rest)):
            candidates.append((rest[:index], rest[index:]))
    for head, tail in candidates:
        for type_code in _fix_code_letters(head, None):
            for issuer in _fix_code_letters(tail, None):
                if _known(type_code, issuer, system):
                    return type_code, issuer
    return None


def repair_symbol(match_text: str) -> str | None:
    """The symbol a piece of OCR text stands for ("7O8-BCITU" → "708-BC/TU"), or None when it is
    already a symbol, or no reading of it is one."""
    symbol, _date, _word = _patterns()
    found = symbol.fullmatch(match_text)
    if found is None:
        return None
    return _repaired(found)


def _repaired(found: re.Match[str]) -> str | None:
    separators = _tables()[1]
    number = to_digits(found.group("num"))
    sep = separators.get(found.group("sep"), found.group("sep"))
    rest = found.group("rest")
    # a space read beside the separator ("20- NQ/TW", "114 -QĐ/TW") is not part of the symbol
    as_written = (
        number == found.group("num") and sep == found.group("sep") and " " not in found.group(0)
    )
    if sep == "-":
        head, _, tail = rest.partition("/")
        if tail and _known(head, tail, "party") and as_written:
            return None  # already a symbol
        pair = _split_codes(rest, "party")
        return f"{number}-{pair[0]}/{pair[1]}" if pair else None
    head, _, tail = rest.partition("-")
    if tail and _known(head, tail, "state") and as_written:
        return None
    pair = _split_codes(rest, "state")
    return f"{number}/{pair[0]}-{pair[1]}" if pair else None


def repair_date(day: str, month: str, year: str) -> tuple[str, str, str] | None:
    """Digits of a date with OCR's letter-for-digit confusions undone, when they make a date."""
    d, m, y = to_digits(day), to_digits(month), to_digits(year)
    if not (d.isdigit() and m.isdigit() and y.isdigit() and len(y) == 4):
        return None
    try:
        date(int(y), int(m), int(d))
    except ValueError:
        return None
    return d, m, y


_CUT_CODE = re.compile(
    r"(?<![\w/.-])(?P<num>\d{1,4})- ?(?P<type>[A-ZĐ]{1,5})/(?P<head>[A-ZĐ]{1,8}) (?P<tail>[A-ZĐ]{1,3})"
    r"(?![\w/])"
)
"""A symbol whose issuer code was cut by a space ("27-NQ/T W", "62-KL/T W" at 200 dpi), a space
read after its dash too ("24- QĐ/T W")."""
_DASH_DATE = re.compile(
    r"(?<![\w/-])(?P<d>\d{1,2})(?P<s1> ?- ?)(?P<m>\d{1,2})(?P<s2> ?- ?)(?P<y>\d{4})(?![\w/-])"
)
"""A dashed date with a space read beside a dash ("ngày 11- 7-2023", "7-9- 2010")."""


def _joined_codes(text: str) -> str:
    """ "27-NQ/T W" → "27-NQ/TW": only when the codes as read are not a known pair and joined
    they are."""

    def join(found: re.Match[str]) -> str:
        head, tail, kind = found.group("head"), found.group("tail"), found.group("type")
        if _known(kind, head, "party") or not _known(kind, head + tail, "party"):
            return found.group(0)
        return f"{found.group('num')}-{kind}/{head}{tail}"

    return _CUT_CODE.sub(join, text)


def _dash_dates(text: str) -> str:
    """A dashed date's stray spaces dropped when the pieces make a valid date."""

    def join(found: re.Match[str]) -> str:
        if " " not in found.group("s1") + found.group("s2"):
            return found.group(0)
        fixed = repair_date(found.group("d"), found.group("m"), found.group("y"))
        if fixed is None or not 1900 <= int(fixed[2]) <= 2100:
            return found.group(0)
        return "-".join(fixed)

    return _DASH_DATE.sub(join, text)


def _symbols(text: str) -> str:
    symbol, _date, _word = _patterns()
    text = _joined_codes(text)

    def replace(found: re.Match[str]) -> str:
        repaired = _repaired(found)
        return repaired if repaired is not None else found.group(0)

    return symbol.sub(replace, text)


_DATE_WORDS = ("ngày", "tháng", "năm")


def _one_letter_off(folded: str, word: str) -> str | None:
    """``word`` when ``folded`` is its folded form with one letter dropped, added or changed
    (Levenshtein distance 1) — OCR's usual slip on a date word. Only used inside the whole
    "ngày D tháng M năm Y" shape with a valid date, so a stray word cannot pass for one."""
    target = search_key(word)
    if folded == target or abs(len(folded) - len(target)) > 1 or len(folded) < 2:
        return word if folded == target else None
    if len(folded) == len(target):
        return word if sum(a != b for a, b in zip(folded, target, strict=True)) == 1 else None
    short, long = sorted((folded, target), key=len)
    for index in range(len(long)):
        if long[:index] + long[index + 1 :] == short:
            return word
    return None


def _dates(text: str) -> str:
    _symbol, slash_date, date_word = _patterns()

    def slash(found: re.Match[str]) -> str:
        fixed = repair_date(found.group("d"), found.group("m"), found.group("y"))
        return "/".join(fixed) if fixed else found.group(0)

    text = _DAY_MARK.sub(lambda found: found.group("w") + " ", slash_date.sub(slash, text))
    text = _RUN_DATE.sub(slash, text)  # the same repair, its second slash lost
    words = _tables()[3]

    def spelled(found: re.Match[str]) -> str:
        """ "ngảy 26 thảng O2 nãm 2O24" → "ngày 26 tháng 02 năm 2024", only when all three
        words fold to the date words (or one letter off them: "gầy" where the scan lost the
        "n") and the digits make a date."""
        written = [found.group(name) for name in ("w1", "w2", "w3")]
        right = [
            words.get(search_key(w)) or _one_letter_off(search_key(w), target)
            for w, target in zip(written, _DATE_WORDS, strict=True)
        ]
        if right != list(_DATE_WORDS):
            return found.group(0)
        fixed = repair_date(found.group("d"), found.group("m"), found.group("y"))
        if fixed is None:
            return found.group(0)
        first = "Ngày" if written[0][:1].isupper() else "ngày"
        return f"{first} {fixed[0]} tháng {fixed[1]} năm {fixed[2]}"

    return date_word.sub(spelled, text)


def _fixed_line(text: str) -> str:
    key = search_key(text)
    for line in ocr_repairs().fixed_lines:
        target = search_key(line)
        if text.strip() != line and difflib.SequenceMatcher(None, key, target).ratio() >= 0.9:
            return line
    return text


@cache
def _kinds() -> dict[str, str]:
    """Each document type's name in capitals by its letters folded, without spaces."""
    return {
        search_key(kind.name).replace(" ", ""): kind.name.upper()
        for system in ("party", "state")
        for kind in document_types(system)
    }


_NUMBER_LINE = re.compile(r"(Số\s+\d{1,4}-[^\W_]+(?:/[^\W_]+)+)[.,;:_]+")
"""The header's number line with a speck after its symbol read as a mark ("Số 41-CTr/TU.")."""


def _header_line(text: str) -> str:
    """The kind's line ("CHƯƠN G TRÌNH": a space inside a word, or a mark slipped) and the
    number line ("Số 41-CTr/TU.") as the header prints them: a line of capitals only whose
    letters are a document type's name, a number line without a mark after its symbol. Either
    one read wrong ended the header, and the kind, the number, the date and the title with it."""
    line = text.strip()
    if (found := _NUMBER_LINE.fullmatch(line)) is not None:
        return found.group(1)
    if line != line.upper() or not 1 <= len(line.split()) <= 4:
        return text
    kind = _kinds().get(search_key(line).replace(" ", ""))
    return kind if kind is not None else text


_TERM = re.compile(r"\((?P<word>[^\W\d_]{3,5})\s+(?P<roman>[IVXL]{1,6})(?:[_\]}|](?=\s|$)|$)")
"""An opening "(khóa XXI" whose closing bracket was read as "_", "]", "}" or "|", or lost at
the end of the line ("(khóa XIII và XIV)" is left alone)."""


def _terms(text: str) -> str:
    """ "(KHÓA XXI_" → "(KHÓA XXI)": a congress term's bracket is always closed right after its
    Roman numeral; only the word "khóa" (any case, any marks) is touched."""

    def close(found: re.Match[str]) -> str:
        if search_key(found.group("word")) != "khoa":
            return found.group(0)
        return f"({found.group('word')} {found.group('roman')})"

    return _TERM.sub(close, text)


_YEAR_WORD = re.compile(r"\b(?P<w>n[^\W\d_]m)(?= (?:19|20)\d{2}(?![\d/]))")
"""A lower-case three-letter word before a year ("nắm 2027", "nấm 2026")."""


def _year_words(text: str) -> str:
    """ "trong nắm 2026" → "trong năm 2026": before a year the word is the date word "năm"
    (its folded spellings in ``vocab/ocr_repairs.yaml``), whatever tone Tesseract put on it
    ("nắm", "nấm" are words, but never before a year: a summary's "… năm 2026" lost its
    title match). A word of another spelling stays."""
    words = _tables()[3]

    def fix(found: re.Match[str]) -> str:
        word = found.group("w")
        return "năm" if words.get(search_key(word)) == "năm" else word

    return _YEAR_WORD.sub(fix, text)


_QUARTER = re.compile(r"\b(?P<w>[Qq]uý) (?P<n>[ïíìĩỉị|l]{1,3})(?=[\s;,.)]|$)")
"""A quarter's Roman numeral read with marks or as a stroke ("quý ï", "quý |")."""


def _quarters(text: str) -> str:
    """ "quý ï" → "quý I": a quarter is numbered I to IV in Roman numerals (or in digits, left
    alone); "ï", "í", "|" or "l" there are its I with a speck or read as a stroke — no
    Vietnamese word is made of them."""
    return _QUARTER.sub(lambda found: f"{found.group('w')} {'I' * len(found.group('n'))}", text)


_STRAY_QUOTE = re.compile(r"(?<![\w'])'(?=[A-ZĐÀ-Ỹ][^\W\d_]+\b)(?![^']*')")
"""An apostrophe glued to the front of a capitalised word with no closing one after it."""


def _stray_quotes(text: str) -> str:
    """ "của 'Trung ương" → "của Trung ương": a speck before a word read as an apostrophe; a
    quotation opened and closed with apostrophes ("'Trung ương'") stays."""
    return _STRAY_QUOTE.sub("", text)


def repair_ocr_text(
    text: str, unsure_words: Collection[str] = (), repairs: list[str] | None = None
) -> str:
    """One recognised paragraph with its symbols, type words before them, dates, terms, fixed
    lines and (in a line of capitals) place names repaired; the
    dates of Central citations against the catalogue (``ocr_citations``) — each such repair
    noted in ``repairs``. ``unsure_words``: the paragraph's words read at a low confidence."""
    from capuy.read.ocr_citations import repair_citation_dates  # it uses this module's tables

    text, made = repair_citation_dates(
        repair_type_words(_symbols(repair_place_names(_fixed_line(_header_line(text))))),
        unsure_words,
    )
    if repairs is not None:
        repairs.extend(repair.note() for repair in made)
    return _stray_quotes(_quarters(_terms(_year_words(_dates(_dash_dates(text))))))
