"""Duplicate rules: a word or phrase typed twice in a row ("thực hiện thực hiện"), and a
sentence or paragraph pasted twice.

A phrase repeated after a comma is not flagged: "tổ chức đảng, đảng viên", "bổ nhiệm, bổ nhiệm
lại", "một cửa, một cửa liên thông" are lists, not typos. Correct reduplicatives (dần dần, người người) are listed in
``vocab/spelling/reduplicatives.yaml`` and never flagged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import cast

from capuy.check.registry import RULES, register
from capuy.check.shared import once
from capuy.check.spelling import confusion_matches, confusions_in
from capuy.check.units import TextUnit, excerpt, section_path_at, text_units, tone_normalised
from capuy.model import Document, Finding
from capuy.vocab.spelling import reduplicatives

_WORD = re.compile(r"\w+")
_BREAK = re.compile(r"[^\w\s]")  # what may stand between two words other than spaces
MAX_PHRASE_WORDS = 6
# A clause ends at . ; ! ? … before a space or the end, or at a line end. The pattern opens
# with one character class, so ``re`` skips to those characters at C speed; its first form,
# ``[.;!?…](?=\s|$)|\n``, an alternation, was tried at every character (same matches:
# ``tests/test_check_speed.py``).
_CLAUSE_END = re.compile(r"[.;!?…\n](?:(?<=[.;!?…])(?=\s|$)|(?<=\n))")
_ENUMERATOR = re.compile(r"^\s*(?:\(\d+(?:\.\d+)?\)|[-+*•]|\d+[.)]|[a-zđ]\))\s*")
_NON_WORD = re.compile(r"[^\w]+")
_NON_WORD_CHAR = re.compile(r"[^\w]")
MIN_CLAUSE_WORDS = 10


def _matching(tokens: Sequence[object]) -> Iterator[tuple[int, int]]:
    """(i, n) wherever the n tokens from i may be the n after them — the first and the last of
    them equal (token i is token i + n, token i + n - 1 is token i + 2n - 1) — for n from one
    to six ("và … và" six words apart is common, a phrase typed twice is not). By n, then i.

    One pass over the words: each word's last place (a dict) and, for each place, the place
    before it of the same word give every earlier place of that word at most six back — the
    few pairs (i, i + n) with token i equal to token i + n. This replaced six comparisons of
    the whole list with itself n on, one per n (``map(eq, …)``), which cost a quarter more;
    ``tests/test_check_speed.py`` checks both give the same pairs in the same order."""
    last: dict[object, int] = {}
    earlier: list[int] = []  # earlier[i]: the place before i of token i's word, or -1
    hits: list[set[int]] = [set() for _ in range(MAX_PHRASE_WORDS + 1)]
    for i, token in enumerate(tokens):
        j = last.get(token, -1)
        last[token] = i
        earlier.append(j)
        while j >= 0 and i - j <= MAX_PHRASE_WORDS:
            hits[i - j].add(j)
            j = earlier[j]
    yield from ((i, 1) for i in sorted(hits[1]))
    for n in range(2, MAX_PHRASE_WORDS + 1):
        found = hits[n]
        yield from ((i, n) for i in sorted(found) if i + n - 1 in found)


def _doubled_in(doc: Document) -> dict[int, tuple[list[tuple[int, int]], list[str]]]:
    """For each unit (by ``TextUnit.index``) that may have a phrase typed twice, the (i, n) of
    ``_matching`` and the unit's words (``_WORD`` on its tone-normalised text, kept so that
    ``_doubled`` does not cut the paragraph into words again): the whole document's words
    compared in one pass (made once per document)."""

    def find() -> dict[int, tuple[list[tuple[int, int]], list[str]]]:
        tokens: list[str | int] = []
        starts = []
        for unit in text_units(doc):
            starts.append(len(tokens))
            tokens += _WORD.findall(tone_normalised(unit.text))
            tokens.append(unit.index)  # between two units: equal to no word, no other break
        by_unit: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for i, n in _matching(tokens):
            k = bisect_right(starts, i) - 1
            by_unit[k].append((i - starts[k], n))
        ends = [*starts[1:], len(tokens)]  # each unit's words end before its index
        return {
            k: (found, cast(list[str], tokens[starts[k] : ends[k] - 1]))
            for k, found in by_unit.items()
        }

    return once(doc, "doubled words", find)


def _doubled(
    text: str,
    matches: list[tuple[int, int]] | None = None,
    tokens: list[str] | None = None,
) -> Iterator[tuple[int, int, int]]:
    """(start, end of the first copy, end of the second) of each phrase of one to six words
    typed twice with only spaces between. Case-sensitive on purpose: "Ban Biên tập Tập tin",
    "Đại hội Hội Liên hiệp" are two different words.

    ``matches`` and ``tokens`` (the text's words) come from ``_doubled_in`` when the whole
    document was compared; alone, the text is cut into words and compared here (``_matching``).
    Linear in the text: only the few positions that match are looked at in Python; whether such
    a stretch (at most twelve words) is unbroken is one bounded search for a character that is
    neither a letter nor a space, so "Báo cáo. Báo cáo. …" costs no more than prose."""
    if tokens is None:
        tokens = _WORD.findall(text)
    count = len(tokens)
    if matches is None:
        matches = list(_matching(tokens))
    matching = sorted((i, n) for i, n in matches if i + 2 * n <= count)
    if not matching:
        return
    words = list(_WORD.finditer(text))

    def unbroken(first: int, last: int) -> bool:
        return _BREAK.search(text, words[first].end(), words[last].start()) is None

    candidates = [(i, n) for i, n in matching if unbroken(i, i + 2 * n - 1)]
    taken_until = -1
    for i, n in candidates:
        if i <= taken_until or tokens[i : i + n] != tokens[i + n : i + 2 * n]:
            continue
        if any(t.isdigit() for t in tokens[i : i + n]):
            continue
        taken_until = i + 2 * n - 1
        yield words[i].start(), words[i + n - 1].end(), words[i + 2 * n - 1].end()


@register("duplicate.word", "duplicate", "a word or phrase typed twice in a row")
def doubled_words(doc: Document) -> Iterator[Finding]:
    rule = RULES["duplicate.word"]
    singles = reduplicatives()
    by_unit = confusions_in(doc)
    doubled = _doubled_in(doc)
    for unit in text_units(doc):
        if unit.index not in doubled:
            continue  # no phrase there can be doubled
        text = tone_normalised(unit.text)
        matches, words = doubled[unit.index]
        for start, first_end, end in _doubled(text, matches, words):
            phrase = text[start:first_end]
            if " " not in phrase and phrase.lower() in singles:
                continue
            entries = None if by_unit is None else by_unit.get(unit.index, ())
            if any(m.start() <= start < m.end() for _, m in confusion_matches(text, entries)):
                continue  # "truyền truyền": the confusion list has the better suggestion
            original = unit.text[start:end]
            kept = unit.text[start:first_end]
            yield rule.finding(
                "error",
                unit.line_at(start),
                excerpt(unit.text, start, end),
                f"“{kept}” bị gõ lặp hai lần liền nhau (“{original}”)",
                kept,
            )


_CONNECTIVE = re.compile(
    r"^(?:đồng thời|ngoài ra|bên cạnh đó|tiếp tục|đặc biệt|qua đó|trong đó|mặt khác|đã)\s*,?\s*",
    re.IGNORECASE,
)


def _key(text: str) -> str:
    """``text`` (already tone-normalised) reduced to its words, lower case. The enumerator and
    the connective are anchored at the start: ``match`` (``sub`` would try every position)."""
    found = _ENUMERATOR.match(text)
    text = (text[found.end() :] if found else text).strip()
    found = _CONNECTIVE.match(text)
    text = (text[found.end() :] if found else text).lower()
    return _NON_WORD.sub(" ", text).strip()


_NON_WORD_NOR_SPACE = re.compile(r"[^\w ]")  # a space stays a space: no need to match it


def _spaced(text: str) -> str | None:
    """``text`` (already tone-normalised) in lower case with every character that is not a
    letter or digit made a space, same length, so the key of any stretch of it is a slice of
    this split and joined again (``_key_of``): a paragraph of several clauses is lowered and
    cut into words once (one ``translate``), not once for itself and once more for each
    clause. ``None`` where lowering is not one character for one (a capital that lowers to two
    characters, or a Greek sigma, whose lower form depends on the letter after it): then
    ``_key`` is used.

    The whole paragraph is lowered at once and only the characters that are neither a letter,
    a digit nor a space are replaced (a ``translate`` through a table looked up character by
    character cost twice as much). The same as lowering each character alone: whole-string
    ``lower`` differs from it only for the Greek sigma, which returns ``None`` either way
    (``tests/test_check_speed.py`` compares the two forms)."""
    if "Σ" in text:
        return None
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    return _NON_WORD_NOR_SPACE.sub(" ", lowered)


# ``_ENUMERATOR`` and ``_CONNECTIVE`` matched in place, between ``start`` and ``end`` of the
# paragraph (``pattern.match(text, start, end)``: no ``^``, which only holds at the string's
# real start). The connective's pattern opens with the spaces ``_key`` strips before it; the
# spaces a match may take after the clause's last word (``_key`` strips them first) leave no
# word behind either way (``tests/test_check_speed.py`` compares ``_key_of`` with ``_key``).
_ENUMERATOR_AT = re.compile(_ENUMERATOR.pattern.removeprefix("^"))
_CONNECTIVE_AT = re.compile(r"\s*" + _CONNECTIVE.pattern.removeprefix("^"), re.IGNORECASE)


def _key_of(text: str, spaced: str, start: int, end: int) -> str:
    """``_key(text[start:end])``, with its words read from ``spaced`` (``_spaced(text)``).

    The enumerator and the connective are matched in place (no copy of the clause, stripped
    or not, is made): only the words are sliced from ``spaced``, split and joined."""
    found = _ENUMERATOR_AT.match(text, start, end)
    if found:
        start = found.end()
    found = _CONNECTIVE_AT.match(text, start, end)
    if found:
        start = found.end()
    return " ".join(spaced[start:end].split())


def _clause_key(text: str, spaced: str | None, start: int, end: int) -> str:
    """``_key(text[start:end])``: read from ``spaced`` when the paragraph has one."""
    return _key(text[start:end]) if spaced is None else _key_of(text, spaced, start, end)


def _clauses(unit: TextUnit) -> Iterator[tuple[int, int, str, bool]]:
    """(start, end, text, starts a sentence) for each clause cut at . ; ! ? and line breaks."""
    start = 0
    opens_sentence = True
    for match in _CLAUSE_END.finditer(unit.text + "\n"):
        yield start, match.start(), unit.text[start : match.start()], opens_sentence
        opens_sentence = match.group() != ";"
        start = match.end()


def _recipients_line(doc: Document) -> int:
    """Where the "Nơi nhận" list starts (it repeats body names by nature); past the end if none."""
    for number, text in enumerate(doc.lines, start=1):
        if text.strip().strip("*").startswith("Nơi nhận"):
            return number
    return len(doc.lines) + 1


def _in_capitals(text: str) -> bool:
    return text.isupper()  # cased letters all capitals, and at least one of them


@register("duplicate.sentence", "duplicate", "a sentence or paragraph pasted twice")
def repeated_sentences(doc: Document) -> Iterator[Finding]:
    """A whole paragraph repeated anywhere, or a sentence repeated in the same section or a
    neighbouring paragraph (restating a formula in another section is normal in reports and is
    not flagged). At least one of the two copies must open a sentence, so parallel list items
    ("…; (2) … các chức danh …") do not count."""
    rule = RULES["duplicate.sentence"]
    paragraphs: dict[str, TextUnit] = {}
    clauses: dict[str, tuple[TextUnit, int, bool]] = {}
    recipients = _recipients_line(doc)
    for unit in text_units(doc):
        if unit.kind == "heading" or unit.line > recipients or _in_capitals(unit.text):
            continue  # a title in capitals repeated under "PHẦN THỨ NHẤT" is not a paste
        normalised = tone_normalised(unit.text)
        parts = list(_clauses(unit))
        # one sentence (nothing but punctuation after the first clause): its key is the
        # paragraph's, made once
        first_end = parts[0][1]
        single = _WORD.search(normalised, first_end) is None
        spaced = None if single else _spaced(normalised)
        whole = _clause_key(normalised, spaced, 0, first_end if single else len(normalised))
        if whole.count(" ") >= MIN_CLAUSE_WORDS - 1:  # a key is its words, one space apart
            first = paragraphs.get(whole)
            if first is not None:
                yield rule.finding(
                    "error",
                    unit.line,
                    excerpt(unit.text, 0, min(len(unit.text), 60)),
                    f"cả đoạn này lặp lại nguyên văn đoạn ở dòng {first.line}",
                    "bỏ đoạn lặp",
                )
                continue
            paragraphs[whole] = unit
        for start, end, clause, opens in parts:
            if clause.count(" ") < MIN_CLAUSE_WORDS - 1:
                continue
            key = whole if single and start == 0 else _clause_key(normalised, spaced, start, end)
            if key.count(" ") < MIN_CLAUSE_WORDS - 1:
                continue
            seen = clauses.get(key)
            if seen is None:
                clauses[key] = (unit, start, opens)
                continue
            first_unit, first_start, first_opens = seen
            if not (opens or first_opens):
                continue
            first_line = first_unit.line_at(first_start)
            line = unit.line_at(start)
            same_section = section_path_at(doc, line) == section_path_at(doc, first_line)
            if unit.index - first_unit.index > 2 and not (same_section and doc.sections):
                continue
            lead = len(clause) - len(clause.lstrip())
            yield rule.finding(
                "error",
                line,
                excerpt(unit.text, start + lead, min(end, start + lead + 90), context=0),
                f"câu này lặp lại nguyên văn câu ở dòng {first_line}, ngay trong cùng mục/đoạn kề",
                "bỏ câu lặp",
            )
