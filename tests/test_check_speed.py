"""What the checker keeps between documents to go faster changes no finding.

* The caches kept across ``check`` calls (search keys of names, the known place names by key,
  one-slip neighbours) are pure functions of a word: two different documents checked one
  after the other, in either order, get the findings each gets alone.
* The regular expressions rewritten to open with a letter (so ``re`` can skip to it) find
  what the look-behind-first forms they replaced find, on the seeds and on generated text.
"""

from __future__ import annotations

import random
import re

import pytest

from capuy.api import load_documents
from capuy.check import check, spelling
from capuy.check import language_model as lm
from capuy.vocab.spelling import hunspell_syllables
from tests.conftest import SEED_FILES


def _unseen_model() -> lm.LanguageModel:
    """A model that has not read the seeds, so ``spelling.context`` does its whole work."""
    counts = lm.build_counts([t for _, t in lm.project_texts(None)])
    bigrams, syllables = lm.read_word_list()
    return lm.LanguageModel(counts, bigrams, hunspell_syllables() | syllables)


def test_two_documents_in_one_process_get_what_each_gets_alone() -> None:
    first, second = load_documents(SEED_FILES[:2])
    with lm.using_model(_unseen_model()):
        alone_first = check([first])
        alone_second = check([second])
        assert any(f.rule == "spelling.context" for f in alone_first + alone_second)
        assert check([first]) == alone_first
        assert check([second]) == alone_second
        assert check([second]) + check([first]) == alone_second + alone_first


def _texts() -> list[str]:
    lines = [line for path in SEED_FILES for line in path.read_text("utf-8").splitlines()]
    rnd = random.Random(14)
    alphabet = "aoquyeAOQUYĐđÔô .@/_&1òóàáèỳýùTHBC\u0301x"
    made = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 14))) for _ in range(20000)]
    return lines + [line.lower() for line in lines] + [line.upper() for line in lines] + made


_L, _U = spelling._LOWER, spelling._UPPER
_MARKED = spelling._MARKED_CAPITAL


@pytest.mark.parametrize(
    ("before", "now"),
    [
        (rf"(?<![\w/@._&])[{_L}]{{2,}}(?![\w/@_&])", spelling._PLAIN_WORD),
        (r"(?<!q)(?:o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?!\w)", spelling._OLD_STYLE),
        (r"(?<!q)(?:[òóỏõọ]a|[òóỏõọ]e|[ùúủũụ]y)(?!\w)", spelling._NEW_STYLE),
        (
            rf"(?<![\w])(?:[{_U}][{_L}]+|[{_MARKED}])(?: (?:[{_U}][{_L}]+|[{_MARKED}]))+(?![\w])",
            spelling._NAME_RUN,
        ),
    ],
    ids=["plain word", "old tone style", "new tone style", "name run"],
)
def test_patterns_opening_with_a_letter_match_as_before(before: str, now: re.Pattern[str]) -> None:
    reference = re.compile(before)
    for text in _texts():
        assert [m.span() for m in now.finditer(text)] == [
            m.span() for m in reference.finditer(text)
        ], text


def test_clause_keys_read_from_the_paragraph_are_the_keys_made_alone() -> None:
    """``duplicate.sentence`` lowers and cuts a paragraph of several clauses into words once and
    reads each clause's key from that (``_key_of``): the same key ``_key`` makes of the clause
    alone, for every clause of the seeds and of generated text with enumerators, connectives,
    capitals and punctuation at the cuts."""
    from capuy.check import duplicate
    from capuy.check.units import tone_normalised

    rnd = random.Random(1164)
    pieces = [
        "(1) ",
        "- ",
        "a) ",
        "2. ",
        "Đồng thời, ",
        "ĐÃ ",
        "đã ",
        "Trong đó ",
        " ",
        "  ",
        ", ",
        "; ",
        ". ",
        "…",
        "\t",
        "báo cáo",
        "Công tác",
        "İ",
        "ẞ",
        "Σα",
        "12",
        "_x",
    ]
    made = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 16))) for _ in range(5000)]
    texts = [tone_normalised(t) for t in _texts()[:30000] + made]
    checked = 0
    for text in texts:
        spaced = duplicate._spaced(text)
        if spaced is None:
            continue
        cuts = sorted({0, len(text), *(rnd.randint(0, len(text)) for _ in range(3))})
        cuts += [m.end() for m in duplicate._CLAUSE_END.finditer(text)]
        for start in cuts:
            for end in cuts:
                if start <= end:
                    assert duplicate._key_of(text, spaced, start, end) == duplicate._key(
                        text[start:end]
                    ), (text, start, end)
                    checked += 1
    assert checked > 100000


def _matching_before(tokens: list[object]) -> list[tuple[int, int]]:
    """``duplicate._matching`` as it was: a second pass over every word for the last token."""
    from itertools import compress
    from operator import and_, eq

    found = []
    for n in range(1, 7):
        equal = list(map(eq, tokens, tokens[n:]))
        both = map(and_, equal, equal[n - 1 :]) if n > 1 else equal
        found += [(i, n) for i in compress(range(len(equal)), both)]
    return found


def test_doubled_phrase_candidates_are_found_as_before() -> None:
    """The candidates for a phrase typed twice, on the seeds' words (with the paragraph breaks
    as ``check`` puts them) and on generated runs of a few words, in the same order."""
    from capuy.check import duplicate

    rnd = random.Random(6)
    words: list[object] = []
    for number, line in enumerate(_texts()[:20000]):
        words += duplicate._WORD.findall(line)
        words.append(number)
    made = [[rnd.choice("abc") for _ in range(rnd.randint(0, 30))] for _ in range(3000)]
    for tokens in [words, *made]:
        assert list(duplicate._matching(tokens)) == _matching_before(tokens), tokens


def _spaced_before(text: str) -> str | None:
    """``duplicate._spaced`` as it was: a ``translate`` through a table that lowers each
    character alone and makes it a space when it is not a letter or digit."""
    out = []
    for char in text:
        lowered = char.lower()
        out.append(" " if len(lowered) == 1 and re.match(r"[^\w]", lowered) else lowered)
    spaced = "".join(out)
    if len(spaced) != len(text) or "Σ" in text:
        return None
    return spaced


def test_a_paragraph_lowered_at_once_is_spaced_as_character_by_character() -> None:
    """``duplicate.sentence`` lowers a whole paragraph and spaces out what is not a letter or
    digit: the same text (or the same ``None``) as the character-by-character table it
    replaced, on the seeds' paragraphs (tone-normalised, as the rule reads them), their capitals
    and generated text with the letters whose lower case is longer or depends on context."""
    from capuy.check import duplicate
    from capuy.check.units import tone_normalised

    rnd = random.Random(2026)
    odd = "İẞΣσςÅǅﬁ\u0301\u00a0\t\n–…“”ÐĐđ"
    made = [
        "".join(rnd.choice(odd + "aĂ b.,;1_") for _ in range(rnd.randint(0, 20)))
        for _ in range(20000)
    ]
    texts = [tone_normalised(t) for t in _texts()] + made
    nones = 0
    for text in texts:
        expected = _spaced_before(text)
        assert duplicate._spaced(text) == expected, text
        nones += expected is None
    assert 0 < nones < len(texts) // 2  # both branches met


def test_gaps_found_from_any_non_letter_are_the_gaps_of_the_alternation() -> None:
    """``syllable_split._GAP`` opens with one character class and rules spaces and tabs out by a
    look-behind: it replaces exactly what the alternation it replaced did, on the seeds' lines
    folded as the split folds them (and as written) and on generated text."""
    from capuy.check.syllable_split import _GAP

    before = re.compile(r"(?:[^\w \t]|[\d_])[\W\d_]*")
    rnd = random.Random(3)
    made = [
        "".join(rnd.choice("ab đ\t \n.,_19-–…(") for _ in range(rnd.randint(0, 25)))
        for _ in range(20000)
    ]
    for text in [*_texts(), *(lm.fold(t) for t in _texts()[:5000]), *made]:
        assert _GAP.sub(" | ", text) == before.sub(" | ", text), text


def test_words_kept_per_unit_are_the_words_of_the_unit() -> None:
    """``duplicate._doubled_in`` keeps, for each unit with a candidate, the unit's words cut
    from the document's list; they are the words ``_doubled`` would cut from the unit itself,
    and ``_doubled`` finds the same phrases with them as without them, on every seed."""
    from capuy.check import duplicate
    from capuy.check.units import text_units, tone_normalised

    kept = 0
    for doc in load_documents(SEED_FILES):
        doubled = duplicate._doubled_in(doc)
        for unit in text_units(doc):
            if unit.index not in doubled:
                continue
            text = tone_normalised(unit.text)
            matches, words = doubled[unit.index]
            assert words == duplicate._WORD.findall(text), unit.text
            found = list(duplicate._doubled(text, matches, words))
            assert found == list(duplicate._doubled(text, matches)), unit.text
            kept += 1
    assert kept > 20


def test_dates_found_from_the_day_are_the_dates_of_the_whole_pattern() -> None:
    """``find_dates`` reads each date from its day's first digit (``_FROM_DAY``) and takes in an
    "ngày" just before it: the same dates, offsets, raw text and numbers as ``_DATE.finditer``,
    on the seeds' lines and on generated text with "ngày" glued, spaced, doubled or in capitals,
    both forms, odd digits (Arabic-Indic, superscript), and "/", ".", "," around the date."""
    from capuy.text import dates

    def before(text: str) -> list[dates.DateMatch]:
        return [dates._match_to_date(m) for m in dates._DATE.finditer(text)]

    rnd = random.Random(7)
    lead = ["", "ngày ", "Ngày  ", "ngày\t", "xngày ", "/ngày ", ".ngày ", "ngày", "(ngày "]
    lead += ["ngàyngày ", "a ", "1", "/", ".", " ", "\n", "_ngày ", "NGÀY ", "ngày \n "]
    numbers = ["1", "12", "123", "0", "31", "٣", "²", "05"]
    cuts = ["/", ".", "-", " tháng ", "/ ", "  tháng\t"]
    years = ["2024", "202", "20245", "1999"]
    tail = ["", " ", "/", ".5", ",3", ".", ",", "a", "-2024", "/1", " năm "]
    made = []
    for _ in range(40000):
        parts = []
        for _ in range(rnd.randint(1, 3)):
            first = rnd.choice(cuts)
            if "tháng" in first:
                second = rnd.choice([" năm ", " năm\t", "năm ", " năm  "])
            else:
                second = rnd.choice([first, first, rnd.choice(cuts)])
            parts.append(
                rnd.choice(lead) + rnd.choice(numbers) + first + rnd.choice(numbers) + second
            )
            parts[-1] += rnd.choice(years) + rnd.choice(tail)
        made.append("".join(parts))
    found = 0
    for text in [*_texts(), *made]:
        expected = before(text)
        assert dates.find_dates(text) == expected, text
        found += len(expected)
    assert found > 5000


def test_clause_ends_opening_with_a_class_are_the_ends_of_the_alternation() -> None:
    """``duplicate._CLAUSE_END`` opens with one character class: the same clause ends as the
    alternation it replaced, on the seeds' lines (with the line end ``_clauses`` adds) and on
    generated text with stops before spaces, letters, digits, line ends and the end."""
    from capuy.check import duplicate

    before = re.compile(r"[.;!?…](?=\s|$)|\n")
    rnd = random.Random(8)
    made = [
        "".join(rnd.choice("ab .;!?…\n\t1,") for _ in range(rnd.randint(0, 20)))
        for _ in range(20000)
    ]
    ends = 0
    for text in [*_texts(), *(t + "\n" for t in _texts()[:5000]), *made]:
        found = [m.span() for m in duplicate._CLAUSE_END.finditer(text)]
        assert found == [m.span() for m in before.finditer(text)], text
        ends += len(found)
    assert ends > 10000


def test_dictionary_sides_find_the_candidates_the_dictionary_pairs_find() -> None:
    """``spelling.context`` picks the one-slip neighbours that make a dictionary word with the
    syllable before or after by set tests on ``LanguageModel.dictionary_sides``: the two sides
    hold exactly the dictionary pairs, and they give the same candidates, in the same order, as
    looking "before c" and "c after" up in the pairs — at every place of every seed (breaks
    included) and for 20.000 generated triples of known syllables."""
    from capuy.check import context_spelling
    from capuy.check.neighbours import neighbours
    from capuy.check.syllable_split import syllable_split
    from capuy.check.units import text_units

    model = _unseen_model()
    dictionary, known = model.dictionary_bigrams, model.syllables
    follows, precedes = model.dictionary_sides
    assert {f"{a} {b}" for a, bs in follows.items() for b in bs} == dictionary
    assert {f"{a} {b}" for b, a_s in precedes.items() for a in a_s} == dictionary

    def plain(left: str, key: str, right: str) -> list[str]:
        return [
            c
            for c in neighbours(key, known)
            if f"{left} {c}" in dictionary or f"{c} {right}" in dictionary
        ]

    def sides(left: str, key: str, right: str) -> list[str]:
        near = neighbours(key, known)
        return context_spelling._candidates(
            near, follows.get(left, frozenset()), precedes.get(right, frozenset())
        )

    triples = []
    for doc in load_documents(SEED_FILES):
        words = syllable_split(list(text_units(doc))).words
        triples += zip(words, words[1:], words[2:], strict=False)
    rnd = random.Random(41)
    pool = sorted(known)
    triples += [tuple(rnd.choice(pool) for _ in range(3)) for _ in range(20000)]
    with_candidates = 0
    for left, key, right in triples:
        expected = plain(left, key, right)
        assert sides(left, key, right) == expected, (left, key, right)
        with_candidates += bool(expected)
    assert with_candidates > 1000
