"""``capuy.search.rank``: titles matched on their original text by folded-letter classes."""

from __future__ import annotations

import datetime as dt

from capuy.search.query import parse
from capuy.search.rank import BODY, EXACT_TITLE, TITLE, score_rows, text_score, title_of


def test_a_folded_word_matches_every_spelling_and_only_whole_words() -> None:
    title = "kế hoạch về công tác hòa giải ở đức phổ"
    assert text_score(parse("duc pho"), title) == 2 * (BODY + TITLE)
    assert text_score(parse("uc pho"), title) == 2 * BODY + TITLE  # "uc" is not a word there
    assert text_score(parse("hoa gia*"), title) == 2 * (BODY + TITLE)
    assert text_score(parse('"giai hoa"'), title) == BODY  # a phrase keeps its order


def test_diacritics_as_typed_weigh_more_in_either_tone_placement() -> None:
    old_style, new_style = "công văn về hoà giải", "công văn về hòa giải"
    typed = parse("hòa giải")
    assert text_score(typed, old_style) == text_score(typed, new_style)
    assert text_score(typed, new_style) == 2 * (BODY + TITLE + EXACT_TITLE)
    assert text_score(parse("hóa giải"), new_style) == 2 * (BODY + TITLE) + EXACT_TITLE
    assert text_score(parse("đảng ủy"), "đảng uỷ phường") == 2 * (BODY + TITLE + EXACT_TITLE)


def test_symbol_number_and_recency() -> None:
    today = dt.date.today()
    rows = [
        (1, today, today.year, "1401-cv/tu", title_of("1401-CV/TU", "Về sổ tay", "", "", today)),
        (2, today, today.year, "7-cv/tu", title_of("7-CV/TU", "Về số 1401", "", "", today)),
        (3, dt.date(2001, 1, 1), 2001, "1401-kh/tu", "1401-kh/tu kế hoạch"),
    ]
    by_id = {pk: score for pk, score, _ in score_rows(parse("1401"), rows)}
    assert by_id[1] > by_id[3] > by_id[2]  # numbered 1401, even old, before a mention
    by_id = {pk: score for pk, score, _ in score_rows(parse("1401-cv/tu"), rows)}
    assert by_id[1] > 1000 > by_id[2]
