"""Spelling rules: impossible syllables, the curated confusion list (each entry with the context
that makes it wrong), known place names written with other diacritics, and one name written two
ways in one document (or across the documents checked together).

Old- and new-style tone placement (hoà/hòa, khoá/khóa, uỷ/ủy) are both correct: every comparison
goes through ``normalize_tones``, and mixing them is at most an ``info``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from capuy.check.registry import RULES, register
from capuy.check.shared import once
from capuy.check.syllable import SyllableProblem, check_syllable
from capuy.check.units import TextUnit, excerpt, text_units, tone_normalised
from capuy.model import Document, Finding
from capuy.text import normalize_tones, search_key
from capuy.vocab.spelling import Confusion, confusions, place_names

_WORD = re.compile(r"[^\W\d_]+")
_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# An ordinary word: small letters only, not glued to digits or to / @ . _ & (codes, abbreviations,
# e-mail, "115ha", "đ/c"), at least two letters.
# (the pattern opens with a letter and looks behind it, so that ``re`` skips at C speed to
# the letters that can start a match; the same matches as a look-behind in front)
_PLAIN_WORD = re.compile(rf"[{_LOWER}](?<![\w/@._&][{_LOWER}])[{_LOWER}]+(?![\w/@_&])")
_VIETNAMESE_MARKS = re.compile(r"[à-ỹđÀ-ỸĐ]")


def _tone_normalised(unit: TextUnit) -> str:
    return tone_normalised(unit.text)


@register("spelling.syllable", "spelling", "a word that cannot be a Vietnamese syllable")
def impossible_syllables(doc: Document) -> Iterator[Finding]:
    """Only ordinary small-letter words are judged: capitalised names may be foreign (Lênin),
    all-caps words are abbreviations (UBND, THPT), mixed case are codes (QĐi, CTr)."""
    rule = RULES["spelling.syllable"]
    units = list(text_units(doc))
    # the document's distinct words judged once (units joined by line ends, which no word
    # touches), so the paragraphs are read again only in the rare document with a bad word
    words = set(_PLAIN_WORD.findall("\n".join(unit.text for unit in units)))
    bad = [w for w in words if _syllable_problem(w)]
    for unit in units if bad else ():
        if not any(w in unit.text for w in bad):
            continue
        for match in _PLAIN_WORD.finditer(unit.text):
            word = match.group()
            problem = _syllable_problem(word)
            if problem is None:
                continue
            marked = bool(_VIETNAMESE_MARKS.search(word))
            meant = _telex_meant(word)
            if meant:
                yield rule.finding(
                    "error",
                    unit.line_at(match.start()),
                    excerpt(unit.text, match.start(), match.end()),
                    f"“{word}” là chữ gõ kiểu Telex khi chưa bật bộ gõ: “{meant}”",
                    meant,
                )
                continue
            yield rule.finding(
                "error" if marked else "warning",
                unit.line_at(match.start()),
                excerpt(unit.text, match.start(), match.end()),
                f"“{word}” không phải là âm tiết tiếng Việt: {problem.reason}"
                + ("" if marked else " (nếu là từ nước ngoài hoặc viết tắt, có thể bỏ qua)"),
            )


@lru_cache(maxsize=8192)
def _telex_meant(word: str) -> str | None:
    """The syllable meant by a Telex leftover, when it is a known one (so "email" is not
    mistaken for anything)."""
    from capuy.check.neighbours import telex_decode
    from capuy.vocab.spelling import hunspell_syllables

    meant = telex_decode(word)
    return meant if meant and meant in hunspell_syllables() else None


@lru_cache(maxsize=65536)
def _syllable_problem(word: str) -> SyllableProblem | None:
    return check_syllable(normalize_tones(word))


def _context_ok(entry: Confusion, text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 60) : start], text[end : end + 60]
    if entry.before and not entry.before.search(before):
        return False
    if entry.after and not entry.after.match(after):
        return False
    if entry.unless_before and entry.unless_before.search(before):
        return False
    return not (entry.unless_after and entry.unless_after.match(after))


def _replacement(entry: Confusion, match: re.Match[str], original: str) -> str:
    right = match.expand(entry.right) if entry.is_regex else entry.right
    if original[:1].isupper():
        right = right[:1].upper() + right[1:]
    return right


def confusions_in(doc: Document) -> dict[int, tuple[Confusion, ...]] | None:
    """For each unit (by ``TextUnit.index``), the curated confusions that can match in it: each
    pattern runs once over the whole document (units joined by line ends), and a unit is
    searched only for the entries with a match overlapping it — every match a unit has is
    found that way or overlaps one that is. None when lower-casing changes the text's length
    (offsets would not carry over): then every unit gets the whole list. Made once per document.
    """

    def find() -> dict[int, tuple[Confusion, ...]] | None:
        texts = [tone_normalised(u.text) for u in text_units(doc)]
        lowered = "\n".join(texts).lower()
        if len(lowered) != sum(map(len, texts)) + len(texts) - 1:
            return None
        starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        found: dict[int, list[Confusion]] = defaultdict(list)
        present: dict[str, bool] = {}  # several entries share a first word: searched once
        for entry in confusions():
            needle = entry.needle
            if needle:
                there = present.get(needle)
                if there is None:
                    there = present[needle] = needle in lowered
                if not there:
                    continue
            for match in entry.pattern.finditer(lowered):
                first = bisect_right(starts, match.start()) - 1
                last = bisect_right(starts, max(match.start(), match.end() - 1)) - 1
                for k in range(first, last + 1):
                    if not found[k] or found[k][-1] is not entry:
                        found[k].append(entry)
        return {k: tuple(entries) for k, entries in found.items()}

    return once(doc, "confusions", find)


def confusion_matches(
    text: str, entries: tuple[Confusion, ...] | None = None
) -> Iterator[tuple[Confusion, re.Match[str]]]:
    """Every curated confusion in ``text`` (tone-normalised) whose context makes it wrong;
    ``entries``: only these (``confusions_in`` the document), else the whole list."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    for entry in confusions() if entries is None else entries:
        if entry.needle and entry.needle not in lowered:
            continue
        for match in entry.pattern.finditer(lowered):
            if match.start() and (
                lowered[match.start() - 1].isalnum() or lowered[match.start() - 1] == "_"
            ):
                continue  # inside a longer word
            if _context_ok(entry, text, match.start(), match.end()):
                yield entry, match


@register("spelling.confusion", "spelling", "a word confused with a look-alike (curated list)")
def confused_words(doc: Document) -> Iterator[Finding]:
    rule = RULES["spelling.confusion"]
    by_unit = confusions_in(doc)
    for unit in text_units(doc):
        entries = None if by_unit is None else by_unit.get(unit.index)
        if entries is None and by_unit is not None:
            continue  # no curated confusion can match here
        text = _tone_normalised(unit)
        for entry, match in confusion_matches(text, entries):
            original = unit.text[match.start() : match.end()]
            right = _replacement(entry, match, original)
            yield rule.finding(
                entry.severity,  # type: ignore[arg-type]
                unit.line_at(match.start()),
                excerpt(unit.text, match.start(), match.end()),
                f"“{original}” → “{right}”: {entry.reason}",
                right,
            )


# A capitalised syllable: a capital and small letters, or one marked capital alone ("Ô" in
# "Châu Ô", not the "C" of "C, PC").
# The marked capital alone is tested after the capital is read (a look-behind), so that every
# pattern opens with a capital and ``re`` skips to the capitals at C speed.
_MARKED_CAPITAL = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_TITLE_WORD = rf"[{_UPPER}](?:[{_LOWER}]+|(?<=[{_MARKED_CAPITAL}]))"
_NAME_RUN = re.compile(
    rf"[{_UPPER}](?<!\w[{_UPPER}])(?:[{_LOWER}]+|(?<=[{_MARKED_CAPITAL}]))(?: {_TITLE_WORD})+(?![\w])"
)


def _name_runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of two to four capitalised syllables separated by single spaces (a proper name)."""
    for match in _NAME_RUN.finditer(text):
        if match.group().count(" ") <= 3:
            yield match.start(), match.end()


@dataclass
class _Span:
    """A matched name: its text and where it is (the shape rules need from a match)."""

    text: str
    begin: int
    finish: int

    def group(self) -> str:
        return self.text

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


def _names(doc: Document) -> list[tuple[str, TextUnit, _Span]]:
    """Each proper name of ``doc`` (tone-normalised), its unit and span; found once per document
    for both name rules (``capuy.check.shared``)."""
    return once(doc, "names", lambda: list(_find_names(doc)))


def _find_names(doc: Document) -> Iterator[tuple[str, TextUnit, _Span]]:
    for unit in text_units(doc):
        for start, end in _name_runs(unit.text):
            span = _Span(unit.text[start:end], start, end)
            yield normalize_tones(span.text), unit, span


# The search key of a name: names recur within a report and across an office's reports, so the
# keys are kept by name (a pure function of the string; nothing of a document is kept).
_name_key = lru_cache(maxsize=16384)(search_key)


@lru_cache(maxsize=4)
def _places_by_key(names: tuple[str, ...]) -> dict[str, list[str]]:
    """The known place names by search key (made once per list; read, never changed)."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_key[search_key(name)].append(name)
    return dict(by_key)


@register("spelling.place-name", "spelling", "a known place name written with other diacritics")
def misspelt_place_names(doc: Document) -> Iterator[Finding]:
    rule = RULES["spelling.place-name"]
    by_key = _places_by_key(place_names())
    for name, unit, match in _names(doc):
        known = by_key.get(_name_key(name))
        if not known or name in known or name.lower() in (k.lower() for k in known):
            continue
        right = known[0] if len(known) == 1 else " hoặc ".join(known)
        yield rule.finding(
            "error",
            unit.line_at(match.start()),
            excerpt(unit.text, match.start(), match.end()),
            f"địa danh “{match.group()}” viết sai dấu: tên đúng là “{right}”",
            known[0] if len(known) == 1 else "",
        )


@register(
    "spelling.name-variant",
    "spelling",
    "one name written two ways in one document or across the documents checked together",
    scope="corpus",
)
def name_variants(docs: list[Document]) -> Iterator[Finding]:
    """A name whose spellings differ in more than tone placement (Châu Ô / Châu Ổ): the rarer
    spelling is flagged, with the commoner as the suggestion. Known place names are left to
    ``spelling.place-name``; two distinct known names never count as variants."""
    rule = RULES["spelling.name-variant"]
    known = {n.lower() for n in place_names()}
    known_keys = _places_by_key(place_names()).keys()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[str, list[tuple[Document, TextUnit, _Span]]] = defaultdict(list)
    for doc in docs:
        for name, unit, match in _names(doc):
            key = _name_key(name)
            spellings[key][name.lower()] += 1
            where[name.lower()].append((doc, unit, match))
    for key, counts in spellings.items():
        if len(counts) < 2 or key in known_keys:
            continue
        ranked = counts.most_common()
        if ranked[0][1] == ranked[1][1]:
            continue  # no majority: cannot tell which is right
        common = ranked[0][0]
        for variant, _count in ranked[1:]:
            if variant in known:
                continue
            for doc, unit, match in where[variant]:
                right = where[common][0][2].group()
                yield rule.finding(
                    "warning",
                    unit.line_at(match.start()),
                    excerpt(unit.text, match.start(), match.end()),
                    f"tên “{match.group()}” được viết khác với “{right}” "
                    f"({counts[common]} lần) trong các văn bản đang kiểm tra",
                    right,
                    source=doc.source,
                )


# on lower-cased text: o/u + toned a/e/y (old) or toned o/u + a/e/y (new), not after q; each
# pattern opens with its first vowel and looks behind it, so ``re`` skips to those at C speed
_OLD_STYLE = re.compile(r"[ou](?<!q[ou])(?:(?<=o)[àáảãạèéẻẽẹ]|(?<=u)[ỳýỷỹỵ])(?!\w)")
_NEW_STYLE = re.compile(r"[òóỏõọùúủũụ](?<!q[òóỏõọùúủũụ])(?:(?<=[òóỏõọ])[ae]|(?<=[ùúủũụ])y)(?!\w)")


@register(
    "spelling.tone-style",
    "spelling",
    "old and new tone placement mixed in one document (both are correct)",
)
def mixed_tone_styles(doc: Document) -> Iterator[Finding]:
    rule = RULES["spelling.tone-style"]
    old: tuple[TextUnit, re.Match[str]] | None = None
    new_count = old_count = 0
    units = list(text_units(doc))
    if not _OLD_STYLE.search("\n".join(unit.text for unit in units).lower()):
        return  # no old-style placement anywhere (one search over the document), nothing mixed
    for unit in units:
        lowered = unit.text.lower()
        if len(lowered) != len(unit.text):
            continue
        for match in _OLD_STYLE.finditer(lowered):
            old_count += 1
            old = old or (unit, match)
        new_count += len(_NEW_STYLE.findall(lowered))
    if old and new_count:
        unit, match = old
        start = unit.text.rfind(" ", 0, match.start()) + 1
        end_space = unit.text.find(" ", match.end())
        word = unit.text[start : end_space if end_space != -1 else len(unit.text)]
        yield rule.finding(
            "info",
            unit.line_at(match.start()),
            excerpt(unit.text, match.start(), match.end()),
            f"văn bản dùng lẫn hai kiểu đặt dấu thanh ({old_count} chỗ kiểu cũ như “{word.strip('.,;:()')}”, "
            f"{new_count} chỗ kiểu mới như “hòa, khóa, ủy”); cả hai đều đúng, nên thống nhất một kiểu",
            "",
        )
