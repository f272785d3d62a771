"""Format rules (DESIGN.md §5): required header components missing, a blank number in a
document not marked "Dự thảo", the symbol's type and issuer codes against the document's kind
and issuing body, and the outline — labels out of order or repeated, label punctuation mixed
("II-" then "III."), headings of one rank drawn at different heading levels."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from capuy.check.registry import RULES, register
from capuy.check.units import excerpt, flatten_sections, text_units
from capuy.model import Document, Finding, Section
from capuy.text import roman_to_int, search_key
from capuy.vocab import issuers, types_for_word

_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
_SYMBOL = re.compile(r"^(?P<number>\d*)-(?P<type>[^/]+)/(?P<issuer>.+)$")


def _in_header(doc: Document, key: str) -> bool:
    """A component counts as in the header only if it sits above the kind line (000 names its
    number and date only in the appendix's "kèm theo Báo cáo số …")."""
    line = doc.header.lines.get(key)
    if line is not None and "front_matter" in doc.header.lines:
        return line <= doc.header.lines["front_matter"]
    kind_line = doc.header.lines.get("kind")
    return line is not None and (kind_line is None or line <= kind_line)


def _first_words(line: str, length: int = 80) -> str:
    """The start of ``line`` as an excerpt: a text without a header begins with a paragraph."""
    line = line.strip()
    return line if len(line) <= length else excerpt(line, 0, length, context=0)


@register("format.header-missing", "format", "required header components missing")
def header_missing(doc: Document) -> Iterator[Finding]:
    rule = RULES["format.header-missing"]
    kind_line = doc.header.lines.get("kind", 1)
    top = [search_key(text) for text in doc.lines[: max(kind_line, 1)]]
    missing = []
    # An authored Markdown file's front matter has no title line: the renderer always prints it.
    authored = "front_matter" in doc.header.lines
    if not authored and not any(search_key(_TITLE) in line for line in top):
        missing.append("tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM”")
    if not (doc.header.issuer and _in_header(doc, "issuer")):
        missing.append("tên cơ quan ban hành")
    if not (doc.header.symbol and _in_header(doc, "number")):
        missing.append("số và ký hiệu")
    has_place_date = (doc.header.date or doc.header.place) and (
        _in_header(doc, "date") or _in_header(doc, "place")
    )
    if not has_place_date and not any("ngay" in line and "thang" in line for line in top):
        missing.append("địa danh, ngày tháng năm")
    if not doc.header.kind:
        missing.append("tên loại văn bản")
    if not missing:
        return
    yield rule.finding(
        "warning",
        kind_line,
        _first_words(doc.lines[kind_line - 1]) if 0 < kind_line <= len(doc.lines) else "",
        "phần đầu văn bản thiếu: " + "; ".join(missing) + " (thể thức theo Hướng dẫn 36-HD/VPTW)",
    )


@register("format.blank-number", "format", "a blank number in a document not marked Dự thảo")
def blank_number(doc: Document) -> Iterator[Finding]:
    rule = RULES["format.blank-number"]
    symbol = doc.header.symbol
    if not symbol or doc.header.number or not symbol.startswith("-") or doc.header.draft:
        return
    line = doc.header.lines.get("number", 1)
    yield rule.finding(
        "error",
        line,
        f"Số {symbol}",
        f"số văn bản để trống (“Số {symbol}”) nhưng văn bản không ghi “Dự thảo”: văn bản "
        "chính thức phải được văn thư cấp số trước khi phát hành",
        "ghi số văn bản, hoặc thêm “Dự thảo” nếu đây là bản dự thảo",
    )


@register("format.symbol-kind", "format", "the symbol's type code disagrees with the kind")
def symbol_kind(doc: Document) -> Iterator[Finding]:
    rule = RULES["format.symbol-kind"]
    match = _SYMBOL.match(doc.header.symbol)
    if not match or not doc.header.kind:
        return
    types = types_for_word(doc.header.kind.capitalize())
    if not types:
        return
    codes = {t.code for t in types} | {v for t in types for v in t.variants}
    if match.group("type") in codes:
        return
    yield rule.finding(
        "error",
        doc.header.lines.get("number", 1),
        f"Số {doc.header.symbol}",
        f"văn bản là “{doc.header.kind}” nhưng ký hiệu {match.group('type')} trong số hiệu không "
        f"phải của thể loại này ({types[0].name}: {types[0].code})",
        doc.header.symbol.replace(f"-{match.group('type')}/", f"-{types[0].code}/", 1),
    )


def _issuer_code(name: str) -> str | None:
    key = search_key(name)
    best: tuple[int, str] | None = None
    for issuer in issuers():
        for alias in re.split(r"[,;()]", issuer.name):
            alias_key = search_key(alias)
            if alias_key and alias_key in key and (best is None or len(alias_key) > best[0]):
                best = (len(alias_key), issuer.code)
    return best[1] if best else None


@register("format.symbol-issuer", "format", "the symbol's issuer code disagrees with the issuer")
def symbol_issuer(doc: Document) -> Iterator[Finding]:
    rule = RULES["format.symbol-issuer"]
    match = _SYMBOL.match(doc.header.symbol)
    if not match or not doc.header.issuer:
        return
    expected = _issuer_code(doc.header.issuer)
    if expected is None or expected == match.group("issuer"):
        return
    yield rule.finding(
        "error",
        doc.header.lines.get("number", 1),
        f"Số {doc.header.symbol}",
        f"cơ quan ban hành là “{doc.header.issuer}” (ký hiệu {expected}) nhưng số hiệu ghi "
        f"/{match.group('issuer')}",
        doc.header.symbol.replace(f"/{match.group('issuer')}", f"/{expected}", 1),
    )


def _ordinal(label: str) -> int | None:
    last = label.split(".")[-1]
    if last.isdigit():
        return int(last)
    if re.fullmatch(r"[IVXLC]+", last):
        try:
            return roman_to_int(last)
        except ValueError:
            return None
    if re.fullmatch(r"[a-zđ]", last):
        return "abcdđeghiklmnopqrstuvxy".index(last) + 1
    return None


def _check_siblings(
    siblings: list[Section], parent: Section | None
) -> Iterator[tuple[Section, str, str]]:
    previous: int | None = None
    labels: set[str] = set()
    for section in siblings:
        if section.label in labels:
            yield section, f"nhãn mục “{section.label}” bị lặp lại trong cùng cấp", ""
        labels.add(section.label)
        if parent and "." in section.label and parent.label:
            prefix = section.label.rsplit(".", 1)[0]
            if prefix != parent.label:
                yield (
                    section,
                    f"mục “{section.label}” nằm trong mục “{parent.label}”: số đầu phải là {parent.label}",
                    f"{parent.label}.{section.label.rsplit('.', 1)[1]}",
                )
        number = _ordinal(section.label)
        if number is not None and previous is not None and number not in (previous, previous + 1):
            yield (
                section,
                f"mục “{section.label}” không liền sau mục trước (thứ tự {previous} → {number})",
                "",
            )
        previous = number if number is not None else previous
    for section in siblings:
        yield from _check_siblings(section.children, section)


@register("format.section-order", "format", "section labels out of order or repeated")
def section_order(doc: Document) -> Iterator[Finding]:
    rule = RULES["format.section-order"]
    for section, message, suggestion in _check_siblings(doc.sections, None):
        yield rule.finding(
            "error", section.line, f"{section.label}. {section.title[:60]}", message, suggestion
        )


_SEPARATOR = re.compile(r"^[#*\s]*(?P<label>[IVXLC]+|\d+(?:\.\d+)*)(?P<sep>\s*[-.)]|\s)")


def _separator(doc: Document, section: Section) -> str | None:
    if not 0 < section.line <= len(doc.lines):
        return None
    match = _SEPARATOR.match(doc.lines[section.line - 1])
    if not match or match.group("label") != section.label:
        return None
    return match.group("sep").strip() or "(không dấu)"


def _after_label(sep: str) -> str:
    """How a label is punctuated, said in words: "có dấu “.” sau số", "không có dấu sau số"."""
    return "không có dấu sau số" if sep == "(không dấu)" else f"có dấu “{sep}” sau số"


@register("format.label-style", "format", "label punctuation mixed within one rank (II- / III.)")
def label_style(doc: Document) -> Iterator[Finding]:
    rule = RULES["format.label-style"]
    by_rank: dict[tuple[str, int], list[tuple[Section, str]]] = {}
    for section in flatten_sections(doc.sections):
        sep = _separator(doc, section)
        if sep is None:
            continue
        shape = "roman" if re.fullmatch(r"[IVXLC]+", section.label) else "number"
        by_rank.setdefault((shape, section.label.count(".")), []).append((section, sep))
    for items in by_rank.values():
        counts = Counter(sep for _, sep in items)
        if len(counts) < 2:
            continue
        usual, usual_count = counts.most_common(1)[0]
        if list(counts.values()).count(usual_count) > 1:
            usual = items[0][1]
        for section, sep in items:
            if sep == usual:
                continue
            yield rule.finding(
                "warning",
                section.line,
                doc.lines[section.line - 1].strip()[:70],
                f"nhãn “{section.label}” {_after_label(sep)}, trong khi các mục cùng cấp "
                f"{_after_label(usual)} — nên thống nhất một kiểu",
                f"{section.label}{usual if usual != '(không dấu)' else ''}",
            )


@register("format.heading-level", "format", "headings of one rank drawn at different levels")
def heading_levels(doc: Document) -> Iterator[Finding]:
    """Markdown sources: "## II-" then "### III." draws a part like a section."""
    rule = RULES["format.heading-level"]
    heading_at = {b.line: b for b in doc.blocks if b.kind == "heading"}
    by_depth: dict[int, list[tuple[Section, int]]] = {}
    for section in flatten_sections(doc.sections):
        block = heading_at.get(section.line)
        if block is not None:
            by_depth.setdefault(section.level, []).append((section, block.level))
    for items in by_depth.values():
        counts = Counter(level for _, level in items)
        if len(counts) < 2:
            continue
        usual, usual_count = counts.most_common(1)[0]
        if list(counts.values()).count(usual_count) > 1:
            usual = items[0][1]
        odd = [(section, level) for section, level in items if level != usual]
        first, _ = odd[0]
        listing = ", ".join(
            f"“{section.label}” dòng {section.line} ({'#' * level})" for section, level in odd
        )
        yield rule.finding(
            "warning",
            first.line,
            doc.lines[first.line - 1].strip()[:70],
            f"các mục cùng cấp với “{first.label}” phần lớn là tiêu đề {'#' * usual}, nhưng "
            f"{listing} — trình bày tiêu đề không thống nhất",
            "#" * usual,
        )


_OPEN_QUOTE, _CLOSE_QUOTE = "“", "”"
_CURLY = re.compile("[“”]")
_PAIR = _OPEN_QUOTE + _CLOSE_QUOTE


@register("format.quotes", "format", "a quotation mark opened and not closed, or the reverse")
def unbalanced_quotes(doc: Document) -> Iterator[Finding]:
    """Counted per paragraph: a quotation never spans paragraphs in these reports."""
    rule = RULES["format.quotes"]
    for unit in text_units(doc):
        text = unit.text
        if '"' not in text and _OPEN_QUOTE not in text and _CLOSE_QUOTE not in text:
            continue
        curly = _CURLY.findall(text)
        if not text.count('"') % 2 and "".join(curly) == _PAIR * (len(curly) // 2):
            continue  # every “ closed by the next ” and the straight ones even: nothing wrong
        depth = 0
        problem: tuple[int, str] | None = None
        for at, ch in enumerate(text):
            if ch == _OPEN_QUOTE:
                if depth:
                    problem = problem or (at, "mở ngoặc kép “ khi ngoặc trước chưa đóng")
                depth += 1
            elif ch == _CLOSE_QUOTE:
                if not depth:
                    problem = problem or (at, "đóng ngoặc kép ” mà không có ngoặc mở “")
                depth = max(0, depth - 1)
        if problem is None and depth:
            problem = (text.rfind(_OPEN_QUOTE), "mở ngoặc kép “ mà không đóng ”")
        straight = [i for i, ch in enumerate(text) if ch == '"']
        if problem is None and len(straight) % 2:
            problem = (straight[-1], 'số dấu ngoặc kép " lẻ: có dấu mở mà không đóng')
        if problem is None:
            continue
        at, why = problem
        yield rule.finding(
            "warning",
            unit.line_at(at),
            excerpt(text, at, at + 1),
            f"ngoặc kép không cân: {why}",
        )


# the full stop first, then the look-behinds (which include it): ``re`` scans for the literal
# "." instead of trying every position (16× faster on the seeds, the same matches)
_LOWER_START = re.compile(r"\.(?<![.…]\.)(?<!\b[A-Za-zĐđ]\.)\s+([a-zà-ỹđ])")


@register("other.sentence-case", "other", "a sentence that starts with a small letter")
def lower_case_sentence(doc: Document) -> Iterator[Finding]:
    rule = RULES["other.sentence-case"]
    for unit in text_units(doc):
        for match in _LOWER_START.finditer(unit.text):
            letter = match.group(1)
            if not letter.islower():
                continue
            start = match.start(1)
            word_end = re.match(r"\w+", unit.text[start:])
            word = word_end.group() if word_end else letter
            yield rule.finding(
                "warning",
                unit.line_at(start),
                excerpt(unit.text, match.start(), start + len(word)),
                f"sau dấu chấm, câu mới phải viết hoa chữ đầu (“{word}”)",
                word[:1].upper() + word[1:],
            )
