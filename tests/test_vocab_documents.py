"""Document types and symbol forms: codes of every type the seeds cite, and their words."""

from __future__ import annotations

import re

import pytest

from capuy.vocab import (
    document_types,
    symbol_forms,
    type_by_code,
    type_code_for_word,
    type_codes,
    types_for_word,
)
from tests.conftest import SEED_FILES


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("NQ", "Nghị quyết"),
        ("QĐ", "Quyết định"),
        ("QĐi", "Quy định"),
        ("CT", "Chỉ thị"),
        ("KL", "Kết luận"),
        ("QC", "Quy chế"),
        ("TT", "Thông tri"),
        ("HD", "Hướng dẫn"),
        ("TB", "Thông báo"),
        ("BC", "Báo cáo"),
        ("KH", "Kế hoạch"),
        ("CTr", "Chương trình"),
        ("ĐA", "Đề án"),
        ("TTr", "Tờ trình"),
        ("CV", "Công văn"),
        ("BB", "Biên bản"),
        ("CĐ", "Công điện"),
        ("GGT", "Giấy giới thiệu"),
    ],
)
def test_party_codes(code: str, name: str) -> None:
    found = type_by_code(code)
    assert found is not None and found.name == name and found.system == "party"


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("NĐ", "Nghị định"),
        ("QĐ", "Quyết định"),
        ("TT", "Thông tư"),
        ("CT", "Chỉ thị"),
        ("BC", "Báo cáo"),
        ("TB", "Thông báo"),
        ("KH", "Kế hoạch"),
        ("NQ", "Nghị quyết"),
    ],
)
def test_state_codes(code: str, name: str) -> None:
    found = type_by_code(code, system="state")
    assert found is not None and found.name == name


def test_quy_dinh_is_marked_with_its_qd_variant() -> None:
    quy_dinh = type_by_code("QĐi")
    assert quy_dinh is not None and "QĐ" in quy_dinh.variants and quy_dinh.note
    assert type_by_code("QĐ").name == "Quyết định"  # own code wins over a variant
    assert type_by_code("QĐI") is None  # codes are case-sensitive
    assert type_by_code("XX") is None


@pytest.mark.parametrize(
    ("word", "names"),
    [
        ("Chương trình hành động", {"Chương trình"}),
        ("chương trình công tác", {"Chương trình"}),
        ("Chương trình kiểm tra, giám sát", {"Chương trình"}),
        ("QUYẾT ĐỊNH", {"Quyết định"}),
        ("Nghị định", {"Nghị định"}),
        ("Lời kêu gọi", {"Lời kêu gọi"}),
        ("Thông cáo", {"Thông cáo"}),
        ("nghị quyết", {"Nghị quyết"}),
        ("không có", set()),
        ("  Chương   trình\nhành động ", {"Chương trình"}),
    ],
)
def test_types_for_word(word: str, names: set[str]) -> None:
    assert {t.name for t in types_for_word(word)} == names


def test_types_for_word_lists_both_systems_party_first() -> None:
    systems = [t.system for t in types_for_word("Quyết định")]
    assert systems == ["party", "state"]


def test_every_entry_has_a_source_and_a_word() -> None:
    for system in ("party", "state"):
        for t in document_types(system):
            assert t.source and t.words and t.words[0] == t.name


def test_unknown_system_is_refused() -> None:
    with pytest.raises(ValueError):
        document_types("church")  # type: ignore[arg-type]


def test_every_type_code_cited_in_the_seeds_is_known() -> None:
    party = re.compile(r"\b\d+-(?P<type>[A-ZĐ][A-Za-zĐđ]*)/(?P<issuer>[A-ZĐ]+)\b")
    state = re.compile(r"\b\d+/(?:\d{4}/)?(?P<type>[A-ZĐ][A-Za-zĐđ]*)-(?P<issuer>[A-Za-zĐ]+)\b")
    for path in SEED_FILES:
        text = path.read_text(encoding="utf-8")
        for match in party.finditer(text):
            assert type_by_code(match["type"]) is not None, match.group(0)
        for match in state.finditer(text):
            assert type_by_code(match["type"], system="state") is not None, match.group(0)


@pytest.mark.parametrize(
    "example",
    [
        "708-BC/TU",
        "08-QĐi/TW",
        "-BC/HU",
        "06/QĐ-TTg",
        "177/BC-UBND",
        "48/2021/QĐ-UBND",
        "26/2022/UBTVQH15",
        "41/TB-UBND",
    ],
)
def test_symbol_forms_are_documented_with_examples(example: str) -> None:
    assert example in {f.example for f in symbol_forms()}


def test_type_codes_longest_first_for_regex() -> None:
    codes = type_codes("party")
    assert codes.index("QĐi") < codes.index("QĐ") and codes.index("CTr") < codes.index("CT")


def test_eth_lookalike_in_a_code_is_accepted() -> None:
    found = type_by_code("Q\u00d0i")
    assert found is not None and found.code == "QĐi"


def test_party_document_types_include_platform_and_strategy() -> None:
    assert [t.code for t in types_for_word("Cương lĩnh chính trị")] == [None]
    assert [t.system for t in types_for_word("Chiến lược")] == ["party"]


@pytest.mark.parametrize(
    ("word", "code"),
    [("BÁO CÁO", "BC"), (" Kế hoạch ", "KH"), ("Chương trình hành động", "CTr"), ("Lời chào", "")],
)
def test_type_code_for_word(word, code):
    assert type_code_for_word(word) == code
