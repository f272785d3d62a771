"""The spelling word lists and the syllable test, on words taken from the seeds."""

from __future__ import annotations

import re

import pytest
import yaml

from capuy.check.spelling import confusion_matches
from capuy.check.syllable import check_syllable
from capuy.text import normalize_tones
from capuy.vocab.spelling import HERE, confusions, hunspell_syllables, place_names


@pytest.mark.parametrize(
    "word",
    # every one of these occurs in the seeds
    [
        "nghiêng",
        "quốc",
        "quý",
        "giữ",
        "gìn",
        "khuya",
        "thuở",
        "tưởng",
        "khóa",
        "khoá",
        "hoà",
        "ủy",
        "uỷ",
        "nòng",
        "kiện",
        "chuyển",
        "nguyễn",
        "xoong",
        "việc",
        "tuyển",
        "huỳnh",
    ],
)
def test_real_syllables_pass(word: str) -> None:
    assert check_syllable(normalize_tones(word)) is None


@pytest.mark.parametrize(
    ("word", "why"),
    [
        ("tuyểt", "p, t, c, ch"),  # tuyết with the wrong tone
        ("hoàt", "p, t, c, ch"),
        ("viêc", "p, t, c, ch"),  # việc without its tone
        ("ươa", "vần"),
        ("ngê", "ngh"),  # nghề
        ("ce", "“k”"),
        ("quo", "qu"),
        ("đổỉ", "một dấu"),
    ],
)
def test_impossible_syllables_fail(word: str, why: str) -> None:
    problem = check_syllable(word)
    assert problem is not None and why in problem.reason


def test_structure_alone_accepts_the_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without hunspell-vi the structural rules decide alone: they accept every native
    syllable of the dictionary (what they reject are loanwords and abbreviations it lists)."""
    import capuy.check.syllable as syllable

    words = sorted(hunspell_syllables())
    monkeypatch.setattr(syllable, "hunspell_syllables", frozenset)
    rejected = {w for w in words if w.isalpha() and len(w) > 1 and check_syllable(w)}
    assert {"gì", "gí", "gỉ", "gi"}.isdisjoint(rejected)
    assert len(rejected) < 50
    assert {"email", "internet", "ubnd", "html"} <= rejected


def test_hunspell_dictionary_is_read_as_a_syllable_list() -> None:
    syllables = hunspell_syllables()
    assert len(syllables) > 6000
    assert normalize_tones("hoà") in syllables  # stored old style, compared new style


def test_every_confusion_entry_has_reason_and_source() -> None:
    data = yaml.safe_load((HERE / "confusions.yaml").read_text(encoding="utf-8"))
    for entry in data["entries"]:
        assert entry.get("reason") and entry.get("source") and entry.get("right")
        assert ("wrong" in entry) != ("pattern" in entry)
    assert len(confusions()) == len(data["entries"])


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("đạt 100% chỉ tiêu tình giao", "tỉnh giao"),
        ("Đội ngũ công tác viên dự luận xã hội", "cộng tác viên"),
        ("thường xuyên năm tình hình", "nắm tình hình"),
        ("Lãnh đạo, chỉ đạo, kiên toàn, sắp xếp bộ máy", "kiện toàn"),
    ],
)
def test_confusions_on_seed_phrases(text: str, right: str) -> None:
    assert right in {entry.right for entry, _ in confusion_matches(normalize_tones(text))}


@pytest.mark.parametrize(
    "text",
    [
        "Cuối năm tình hình",  # năm as a year
        "công tác viên chức",  # công tác (work) on viên chức (civil servants)
        "giải quyết những vấn đề phát sinh",
        "Đề án số 07-ĐA/TU",
        "đề nghị công nhận đảng viên chính thức",
        "Làm tốt hơn nữa công tác chỉ đạo",
        "tinh thần trách nhiệm của Trung ương, tinh thần",
    ],
)
def test_confusions_stay_silent_on_correct_phrases(text: str) -> None:
    found = [e.wrong for e, _ in confusion_matches(normalize_tones(text))]
    assert found == []


def test_place_names_are_new_style_and_unique() -> None:
    names = place_names()
    assert len(names) == len(set(names))
    assert all(n == normalize_tones(n) for n in names)
    assert "Châu Ổ" in names and not any(re.search(r"\bPhố\b", n) for n in names)


@pytest.mark.parametrize(
    "text",
    ["nhan đề bài viết", "phong trào Đề Thám", "thư đề ngày 05/02/2024", "tham dự luận án tiến sĩ"],
)
def test_more_correct_phrases_stay_silent(text: str) -> None:
    assert [e.wrong for e, _ in confusion_matches(normalize_tones(text))] == []
