"""Stage — header: the components above the body (DESIGN.md §5).

Reads the logical lines before the body: the bodies ("TỈNH ỦY QUẢNG NGÃI" / "HUYỆN ỦY BÌNH
SƠN", the last one before "*" or "Số" is the issuer, one above it the superior), "Số 708-BC/TU"
or the blank of a draft "Số -BC/HU" (``number`` "" and ``symbol`` "-BC/HU"), "Dự thảo", the
place and date ("Đức Phổ, ngày 26 tháng 02 năm 2024"), the kind ("BÁO CÁO", "KẾT LUẬN", the
upper-case name of a vocab document type) possibly followed by a "CỦA HỘI NGHỊ …" line, and
the summary lines after it. A parenthesised line after the summary ("(kỳ báo cáo từ …)") is the
reporting period, recorded in ``lines["period"]``.

Seed 000 lost its header block: its number and date only appear in the appendix note "(kèm
theo Báo cáo số 708-BC/TU ngày 26/02/2024 của Ban Thường vụ Thị ủy)". When the header has no
number, the citation of the document's own kind in that note is used as a fallback for number,
date, kind and issuer, and ``lines`` points at the note's line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from capuy.extract import tokens
from capuy.extract.layout import Line
from capuy.model import Appendix, Citation, Header, Signature
from capuy.text import parse_date, search_key
from capuy.vocab import document_types, issuer_by_code, issuers

_PLACE_DATE = re.compile(
    r"^(?:(?P<place>[^,\d]{2,40}),\s*(?P<date>ngày\b.*\d{4})"
    r"|(?P<bare>ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))\s*$",
    re.IGNORECASE,
)
"""The place and date line; or the date alone, whole and well formed, where the place was
left blank and its dots were lost (a scan of "…………, ngày 26 tháng 02 năm 2024")."""
_PLACE_DATE_OPEN = re.compile(
    r"^[^,\d]{2,40},\s*ngày(?:\s+\d{1,2}(?:\s+tháng(?:\s+\d{1,2}(?:\s+năm)?)?)?)?\s*$",
    re.IGNORECASE,
)
"""A place and date wrapped in the header's narrow right column before its year: "Nguyễn
Nghiêm, ngày 15 tháng 12 năm" over "2025" (a long place name; the text layer of the PDF and
the scan both read it so)."""
_DATE_REST = re.compile(
    r"^(?:\d{1,2}\s+)?(?:tháng\s+\d{1,2}\s+)?(?:năm\s+)?\d{4}\s*$", re.IGNORECASE
)
"""The wrapped rest of such a date: "2025", "12 năm 2025", "tháng 12 năm 2025"."""
BODY_TAIL_WORDS = 4
"""A body name wrapped in the header's left column leaves at most this many words on its
second line ("ĐẢNG ỦY PHƯỜNG NGUYỄN" over "NGHIÊM")."""
_DRAFT = re.compile(r"^\s*dự\s+thảo\b", re.IGNORECASE)
_CLASSIFICATION = re.compile(r"^\s*(?P<c>TUYỆT MẬT|TỐI MẬT|MẬT)\s*$")
_URGENCY = re.compile(r"^\s*(?P<u>HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN)\s*$")
_PARTY_TITLE = re.compile(r"^\s*ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM\s*$")
_KIND_QUALIFIER = re.compile(r"^\s*CỦA\s+\S")
_COLUMN_GAP = re.compile(r"\t+|\s{3,}")
"""Where a header typed without a table puts its right column: tabs or a run of spaces."""
SUMMARY_WRAPPED = 50
"""A summary line at least this long and ending without punctuation ran on to the next line
(a PDF's or a scan's summary is one centred line per block: "… kết luận của" / "Trung ương năm
2025")."""
SUMMARY_MAX = 250
"""A summary line typed with a capital ("Kết quả công tác tháng 3 …") is shorter than this."""


def split_columns(text: str) -> list[str]:
    """A header line typed in two columns ("ĐẢNG BỘ …<tab>ĐẢNG CỘNG SẢN VIỆT NAM", "Số 45-BC/ĐU
    ␣␣␣␣ Nghĩa Chánh, ngày …") → its two pieces, left first; any other line → itself.

    Only a gap with a recognised piece beside it splits (the number on the left; the Party
    title, the place and date or another upper-case body on the right): a draft's "Số:   /BC"
    or a blank date "…, ngày    tháng    năm 2024" keep their spaces.
    """
    stripped = text.strip()
    pieces = [piece.strip() for piece in _COLUMN_GAP.split(stripped)]
    pieces = [piece for piece in pieces if piece]
    if len(pieces) < 2 or tokens.HEADER_NUMBER.match(stripped) or _PLACE_DATE.match(stripped):
        return [text]
    for cut in range(1, len(pieces)):
        left, right = " ".join(pieces[:cut]), " ".join(pieces[cut:])
        if (
            tokens.HEADER_NUMBER.match(left)
            or _PARTY_TITLE.match(right)
            or _PLACE_DATE.match(right)
            or (is_all_caps(left) and is_all_caps(right) and cut == 1 and len(pieces) == 2)
        ):
            return [left, right]
    return [text]


def is_header_cell(text: str) -> bool:
    """A table cell that only a header holds: the Party title, the number, the place and date."""
    for piece in text.split("\n"):
        stripped = piece.strip().strip("*").strip()
        if (
            _PARTY_TITLE.match(stripped)
            or tokens.HEADER_NUMBER.match(stripped)
            or _PLACE_DATE.match(stripped)
        ):
            return True
    return False


def is_summary_line(text: str) -> bool:
    """A line right after the kind that reads as its summary even with a capital first letter:
    short, not a sentence or a lead-in (no final "." or ":"), not a numbered heading."""
    stripped = text.strip()
    return (
        0 < len(stripped) <= SUMMARY_MAX
        and stripped[-1] not in ".:;"
        and not re.match(r"^(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*)\s*[.\-–)]\s", stripped)
    )


@cache
def body_heads() -> tuple[frozenset[str], frozenset[str]]:
    """How the name of an issuing body begins, from the issuers' vocab: its first word ("BAN",
    "ĐẢNG", "VĂN", "ỦY" …), or its first two where the second is "ỦY" ("TỈNH ỦY", "THỊ ỦY",
    "HUYỆN ỦY": "TỈNH" alone also ends "… DOANH NGHIỆP TỈNH")."""
    ones: set[str] = set()
    twos: set[str] = set()
    for issuer in issuers():
        for option in issuer.name.split(","):
            words = option.upper().split()
            if len(words) > 1 and words[1] == "ỦY":
                twos.add(" ".join(words[:2]))
            elif words:
                ones.add(words[0])
    return frozenset(ones), frozenset(twos)


def starts_body(text: str, marks_lost: bool = False) -> bool:
    """Does this upper-case header line begin the name of a body (else it is the wrapped tail
    of the one above)? ``marks_lost``: compared without marks (a scan's "BẠN THƯỜNG VỤ")."""
    ones, twos = _folded_body_heads() if marks_lost else body_heads()
    words = [search_key(word) for word in text.split()] if marks_lost else text.split()
    return bool(words) and (words[0] in ones or " ".join(words[:2]) in twos)


@cache
def _folded_body_heads() -> tuple[frozenset[str], frozenset[str]]:
    ones, twos = body_heads()
    return frozenset(map(search_key, ones)), frozenset(map(search_key, twos))


@cache
def kind_names() -> frozenset[str]:
    """Upper-case names of every document type of the vocab ("BÁO CÁO", "KẾT LUẬN" …)."""
    names: set[str] = set()
    for system in ("party", "state"):
        for doc_type in document_types(system):
            names.add(doc_type.name.upper())
    return frozenset(names)


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def is_mostly_caps(text: str) -> bool:
    """A capitals line a scan damaged: most letters capitals, its few lower-case words of one or
    two letters ("ĐÔNG ni CHỢ DA" read from "ĐẢNG ỦY XÃ PHỔ CHÂU") — still a header line, not the
    body's first sentence."""
    letters = [c for c in text if c.isalpha()]
    lower = [word for word in text.split() if any(c.islower() for c in word)]
    return (
        len(letters) >= 6
        and sum(c.isupper() for c in letters) >= 0.7 * len(letters)
        and all(len(word.strip(".,:;")) <= 2 for word in lower)
    )


def is_header_line(text: str, kind_seen: bool) -> bool:
    """Could this logical line belong to the header block?"""
    stripped = text.strip()
    if stripped in {"*", ""} or tokens.HEADER_NUMBER.match(stripped) or _DRAFT.match(stripped):
        return True
    if _PLACE_DATE.match(stripped) or is_all_caps(stripped):
        return True
    if is_mostly_caps(stripped):
        return True
    if _PLACE_DATE_OPEN.match(stripped) or _DATE_REST.match(stripped):
        return True
    if kind_seen and len(stripped) < 200 and not stripped.endswith(":"):
        return stripped[0].islower() or stripped.startswith("(")
    return False


def extract_header(lines: list[Line]) -> tuple[Header, str]:
    """The header and the document title (kind + qualifier + summary) from the header lines."""
    # Long: one pass over the header lines in reading order; each component takes a few lines.
    header = Header()
    bodies: list[Line] = []
    summary: list[str] = []
    qualifier = ""
    open_date = ""  # a place and date wrapped before its year, waiting for the rest
    for line in lines:
        text = line.text.strip()
        if open_date and _DATE_REST.match(text):
            text = f"{open_date} {text}"
        elif _PLACE_DATE_OPEN.match(text) and header.date is None:
            open_date = text
            continue
        if _PARTY_TITLE.match(text) or text == "*":
            continue
        number = tokens.HEADER_NUMBER.match(text)
        if number:
            header.number = number.group("number")
            header.symbol = header.number + re.sub(r"\s+", "", number.group("symbol"))
            header.lines["number"] = line.line
            continue
        if _DRAFT.match(text):
            header.draft = True
            header.lines["draft"] = line.line
            continue
        place_date = _PLACE_DATE.match(text)
        if place_date and not header.place and header.date is None:
            # A template's blank place ("…………, ngày …") is no place.
            header.place = (place_date.group("place") or "").strip(" .…_")
            header.date = parse_date(place_date.group("date") or place_date.group("bare"))
            header.lines["place_date"] = line.line
            continue
        if classification := _CLASSIFICATION.match(text):
            header.classification = classification.group("c")
            header.lines["classification"] = line.line
            continue
        if urgency := _URGENCY.match(text):
            header.urgency = urgency.group("u")
            header.lines["urgency"] = line.line
            continue
        if not header.kind and text.upper() == text and text in kind_names():
            header.kind = text
            header.lines["kind"] = line.line
            continue
        if header.kind and not summary and not qualifier and _KIND_QUALIFIER.match(text):
            qualifier = text
            header.lines["kind_qualifier"] = line.line
            continue
        if header.kind and text.startswith("(") and text.endswith(")"):
            header.lines.setdefault("period", line.line)
            continue
        if header.kind:
            if not summary:
                header.lines["summary"] = line.line
            summary.append(text)
            continue
        if is_all_caps(text):
            if bodies and len(text.split()) <= BODY_TAIL_WORDS and not starts_body(text):
                # the wrapped tail of the body above (the rows of the other column between)
                last = bodies[-1]
                bodies[-1] = replace(last, text=f"{last.text.strip()} {text}")
            else:
                bodies.append(line)
    header.summary = " ".join(summary)
    if bodies:
        header.issuer = bodies[-1].text
        header.lines["issuer"] = bodies[-1].line
        if len(bodies) > 1:
            header.superior = bodies[-2].text
            header.lines["superior"] = bodies[-2].line
    title = " ".join(part for part in (header.kind, qualifier, header.summary) if part)
    return header, title


def apply_fallbacks(
    header: Header, appendices: list[Appendix], note_citations: list[Citation]
) -> None:
    """Fill a header without a number from the appendix note "(kèm theo Báo cáo số …)"."""
    if header.symbol or not appendices:
        return
    for citation in note_citations:
        if header.kind and citation.type_word.upper() != header.kind:
            continue
        header.number = citation.number
        header.symbol = citation.symbol
        header.lines["number"] = citation.line
        if header.date is None and citation.date is not None:
            header.date = citation.date
            header.lines["date"] = citation.line
        if not header.kind and citation.type_word:
            header.kind = citation.type_word.upper()
            header.lines["kind"] = citation.line
        if not header.issuer and citation.author:
            header.issuer = citation.author
            header.lines["issuer"] = citation.line
        return


def issuer_name(
    header: Header, signature: Signature | None = None, recipients: Sequence[str] = ()
) -> str:
    """The issuer as written, else the name of the issuer code in the symbol ("HU" → Huyện ủy).

    A code naming several bodies ("TU": "Tỉnh ủy, Thành ủy, Thị ủy") is narrowed by the body
    the signature speaks for ("T/M THỊ ỦY" → "Thị ủy"), else by the archive copy among the
    recipients ("Lưu Văn phòng Thị ủy": the issuer keeps the file copy; seed 003 signs only
    "T/M BAN THƯỜNG VỤ").
    """
    if header.issuer:
        return header.issuer
    code = header.symbol.rsplit("/", 1)[-1] if "/" in header.symbol else ""
    issuer = issuer_by_code(code) if code else None
    if issuer is None:
        return ""
    options = [name.strip() for name in issuer.name.split(",")]
    if len(options) > 1:
        capacity = search_key(signature.capacity) if signature is not None else ""
        archive = [search_key(r) for r in recipients if search_key(r).startswith("luu ")]
        for place in (capacity, *archive):
            named = [name for name in options if re.search(rf"\b{search_key(name)}\b", place)]
            if len(named) == 1:
                return named[0]
    return issuer.name
