"""Issuing-body codes, including those the seeds use and the numbered State bodies."""

from __future__ import annotations

import re

import pytest

from capuy.vocab import issuer_by_code, issuer_code_for_name, issuers
from tests.conftest import SEED_FILES


@pytest.mark.parametrize(
    ("code", "word", "level"),
    [
        ("TW", "Bộ Chính trị", "central"),
        ("TU", "Thị ủy", "province"),
        ("HU", "Huyện ủy", "district"),
        ("QU", "Quận ủy", "district"),
        ("ĐU", "Đảng ủy", "commune"),
        ("ĐUK", "Đảng ủy Khối", "province"),
        ("UBKTTU", "Ủy ban Kiểm tra", "province"),
        ("UBKTHU", "Ủy ban Kiểm tra Huyện ủy", "district"),
        ("UBKTTW", "Ủy ban Kiểm tra Trung ương", "central"),
        ("BTCTU", "Ban Tổ chức", "province"),
        ("BTCHU", "Ban Tổ chức Huyện ủy", "district"),
        ("BTCTW", "Ban Tổ chức Trung ương", "central"),
        ("VPTU", "Văn phòng", "province"),
        ("VPHU", "Văn phòng Huyện ủy", "district"),
        ("VPTW", "Văn phòng Trung ương Đảng", "central"),
        ("BTGTU", "Ban Tuyên giáo", "province"),
        ("BTGHU", "Ban Tuyên giáo Huyện ủy", "district"),
        ("BTGTW", "Ban Tuyên giáo Trung ương", "central"),
        ("BDVTU", "Ban Dân vận", "province"),
        ("BDVHU", "Ban Dân vận Huyện ủy", "district"),
        ("BDVTW", "Ban Dân vận Trung ương", "central"),
        ("BNCTU", "Ban Nội chính", "province"),
        ("KDV", "Khối Dân vận", "district"),
        ("TTg", "Thủ tướng", "central"),
        ("CP", "Chính phủ", "central"),
        ("UBND", "Ủy ban nhân dân", "province"),
        ("HĐND", "Hội đồng nhân dân", "province"),
        ("UBTVQH", "Ủy ban Thường vụ Quốc hội", "central"),
    ],
)
def test_issuer_codes(code: str, word: str, level: str) -> None:
    issuer = issuer_by_code(code)
    assert issuer is not None and word in issuer.name and issuer.level == level and issuer.source


def test_tw_covers_the_three_central_bodies() -> None:
    name = issuer_by_code("TW").name
    assert all(body in name for body in ("Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư"))


@pytest.mark.parametrize(
    ("code", "base", "number"), [("UBTVQH15", "UBTVQH", 15), ("QH13", "QH", 13)]
)
def test_legislature_number_suffix(code: str, base: str, number: int) -> None:
    issuer = issuer_by_code(code)
    assert issuer is not None and (issuer.code, issuer.number) == (base, number)


@pytest.mark.parametrize("code", ["", "XYZ", "TU15", "tw", "UBND3x"])
def test_unknown_codes(code: str) -> None:
    assert issuer_by_code(code) is None


def test_every_issuer_cited_in_the_seeds_is_known() -> None:
    party = re.compile(r"\b\d*-[A-ZĐ][A-Za-zĐđ]*/(?P<issuer>[A-ZĐ]+\d*)\b")
    state = re.compile(r"\b\d+/(?:\d{4}/)?(?:[A-ZĐ][A-Za-zĐđ]*-)?(?P<issuer>[A-Za-zĐ]+\d*)\b")
    seen = set()
    for path in SEED_FILES:
        text = path.read_text(encoding="utf-8")
        for pattern in (party, state):
            for match in pattern.finditer(text):
                if match["issuer"].isdigit():
                    continue
                seen.add(match["issuer"])
                assert issuer_by_code(match["issuer"]) is not None, match.group(0)
    assert {"TW", "TU", "HU", "UBKTTU", "BTCTU", "UBND", "TTg"} <= seen


def test_codes_are_unique() -> None:
    codes = [i.code for i in issuers()]
    assert len(codes) == len(set(codes))


def test_eth_lookalike_in_a_code_is_accepted() -> None:
    issuer = issuer_by_code("\u00d0UK")
    assert issuer is not None and issuer.code == "ĐUK"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("THỊ ỦY ĐỨC PHỔ", "TU"),
        ("Thị uỷ Đức Phổ", "TU"),  # old tone placement
        ("HUYỆN ỦY BÌNH SƠN", "HU"),
        ("ỦY BAN KIỂM TRA HUYỆN ỦY BÌNH SƠN", "UBKTHU"),
        ("ỦY BAN KIỂM TRA TỈNH ỦY QUẢNG NGÃI", "UBKTTU"),
        ("ỦY BAN KIỂM TRA THỊ ỦY ĐỨC PHỔ", "UBKTTU"),  # from "(Thành ủy; Thị ủy)"
        ("VĂN PHÒNG THỊ ỦY ĐỨC PHỔ", "VPTU"),
        ("BAN TỔ CHỨC THÀNH ỦY ĐÀ NẴNG", "BTCTU"),
        ("THÀNH ỦY ĐÀ NẴNG", "TU"),
        ("Công ty TNHH Một thành viên", ""),
    ],
)
def test_issuer_code_for_name_takes_the_longest_name_the_body_starts_with(name, code):
    assert issuer_code_for_name(name) == code
