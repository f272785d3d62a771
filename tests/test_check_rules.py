"""Each rule on real seed lines: the line as written must stay silent, the same line with one
error put in (as a drafter would make it) must be found. Rules whose error the seeds happen not
to contain (a wrong khóa, an impossible date, a repeated label …) are tested this way too.
"""

from __future__ import annotations

import pytest

from capuy.check import check
from capuy.extract import extract
from capuy.model import Finding
from capuy.read import read_text
from tests.conftest import seed

# A Party document header (DESIGN.md §5 and seed 000's own number and date) above the body.
HEADER = """ĐẢNG CỘNG SẢN VIỆT NAM
THỊ ỦY ĐỨC PHỔ
*
Số 708-BC/TU

Đức Phổ, ngày 26 tháng 02 năm 2024

BÁO CÁO
công tác tháng 02, nhiệm vụ trọng tâm tháng 3 năm 2024

"""


def seed_line(prefix: str, number: int) -> str:
    return seed(prefix).read_text(encoding="utf-8").splitlines()[number - 1]


def run(body: str, header: str = HEADER) -> list[Finding]:
    return check([extract(read_text(header + body, "<seed lines>"))])


def rules(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings if f.severity != "info"}


# (rule, seed, line, text as written, text with the error, expected suggestion or None)
MUTATIONS = [
    ("arithmetic.ratio-percent", "001", 92, "19,92%", "19,29%", "19,92%"),
    ("arithmetic.parts-sum", "003", 134, "khiển trách 19", "khiển trách 18", "27 đảng viên"),
    (
        "arithmetic.parts-sum",
        "001",
        88,
        "kiến trách 08, cảnh cáo 01",
        "kiến trách 08, cảnh cáo 02",
        "10 đảng viên",
    ),
    (
        "arithmetic.anniversary",
        "002",
        64,
        "22/12/1944 - 22/12/2024",
        "22/12/1944 - 22/12/2023",
        "79 năm",
    ),
    ("citation-date.invalid", "000", 105, "ngày 23/01/2024", "ngày 31/02/2024", None),
    (
        "citation-date.term",
        "003",
        56,
        "ngày 07/6/2012 của Ban Bí thư (khóa XI)",
        "ngày 07/6/2017 của Ban Bí thư (khóa XI)",
        None,
    ),
    ("citation-date.implements-earlier", "002", 32, "ngày 24/7/2024", "ngày 24/5/2024", None),
    (
        "citation-type.code",
        "001",
        244,
        "Chương trình hành động số 42-CTr/HU",
        "Chương trình hành động số 42-CT/HU",
        "42-CTr/HU",
    ),
    ("spelling.syllable", "002", 18, "chuyển đổi số", "chuyển đổỉ số", None),
    ("spelling.confusion", "003", 232, "nắm chắc nguồn", "năm chắc nguồn", "nắm chắc"),
    ("spelling.confusion", "001", 94, "lãng phí", "lăng phí", "lãng phí"),
    ("duplicate.word", "003", 24, "Các cấp ủy Đảng", "Các cấp ủy ủy Đảng", "ủy"),
    (
        "term.central",
        "003",
        100,
        "Quốc hội khóa XV, đại biểu",
        "Quốc hội khóa XV, nhiệm kỳ 2020 - 2025, đại biểu",
        "nhiệm kỳ 2021 - 2026",
    ),
    ("term.council", "001", 114, "nhiệm kỳ 2021 - 2026", "nhiệm kỳ 2020 - 2025", None),
    (
        "term.committee",
        "001",
        176,
        "khóa XXVII, nhiệm kỳ 2020-2025;",
        "khóa XXVII, nhiệm kỳ 2020-2026;",
        None,
    ),
]


@pytest.mark.parametrize(("rule", "prefix", "line", "right", "wrong", "suggestion"), MUTATIONS)
def test_rule_on_seed_line(
    rule: str, prefix: str, line: int, right: str, wrong: str, suggestion: str | None
) -> None:
    original = seed_line(prefix, line)
    assert right in original
    assert rule not in rules(run(original + "\n"))
    found = [f for f in run(original.replace(right, wrong, 1) + "\n") if f.rule == rule]
    assert found, f"{rule} missed {wrong!r}"
    assert found[0].line == HEADER.count("\n") + 1
    if suggestion is not None:
        assert suggestion in {f.suggestion for f in found}


def test_same_symbol_with_two_dates() -> None:
    line = seed_line("000", 25)
    changed = seed_line("000", 91).replace("ngày 25/10/2017", "ngày 25/10/2018")
    found = [f for f in run(f"{line}\n\n{changed}\n") if f.rule == "citation-conflict.same-symbol"]
    assert [f.excerpt for f in found] == ["Nghị quyết số 19-NQ/TW ngày 25/10/2018"]
    assert "25/10/2017" in found[0].message
    assert not [
        f
        for f in run(f"{line}\n\n{seed_line('000', 91)}\n")
        if f.rule.startswith("citation-conflict")
    ]


def test_same_symbol_across_documents() -> None:
    """A symbol cited with another date in another file checked together."""
    first = extract(read_text(HEADER + seed_line("000", 81) + "\n", "a.txt"))
    second = extract(
        read_text(HEADER + seed_line("003", 52).replace("15/6/2023", "15/6/2022") + "\n", "b.txt")
    )
    found = [f for f in check([first, second]) if f.rule == "citation-conflict.same-symbol"]
    assert len(found) == 1 and found[0].source == "b.txt" and "a.txt" in found[0].message


def test_header_symbol_disagreements() -> None:
    header = HEADER.replace("Số 708-BC/TU", "Số 708-KL/HU")
    found = {f.rule: f for f in run(seed_line("000", 11) + "\n", header)}
    assert found["format.symbol-kind"].suggestion == "708-BC/HU"
    assert found["format.symbol-issuer"].suggestion == "708-KL/TU"
    clean = rules(run(seed_line("000", 11) + "\n"))
    assert not clean & {"format.symbol-kind", "format.symbol-issuer", "format.header-missing"}


def test_blank_number_needs_draft_mark() -> None:
    header = HEADER.replace("Số 708-BC/TU", "Số -BC/TU")
    assert "format.blank-number" in rules(run(seed_line("000", 11) + "\n", header))
    draft = header.replace("*\n", "*\nDự thảo\n")
    assert "format.blank-number" not in rules(run(seed_line("000", 11) + "\n", draft))


def test_section_labels_out_of_order_and_repeated() -> None:
    body = "\n\n".join(
        [
            seed_line("000", 9),
            seed_line("000", 13),
            seed_line("000", 35).replace("2.", "3.", 1),
            seed_line("000", 57),
            seed_line("000", 57),
        ]
    )
    found = [f for f in run(body + "\n") if f.rule == "format.section-order"]
    messages = " ".join(f.message for f in found)
    assert "1 → 3" in messages and "lặp lại" in messages
    in_order = "\n\n".join([seed_line("000", n) for n in (9, 13, 35, 57)])
    assert "format.section-order" not in rules(run(in_order + "\n"))


def test_name_written_two_ways() -> None:
    """A name outside the place list (a school from seed 001) spelled two ways: the rarer
    spelling is flagged; tone placement alone (Hòa/Hoà Phát, seed 001) is not."""
    body = "\n\n".join(
        [
            seed_line("001", 96),
            seed_line("001", 246),
            seed_line("001", 86).replace("¹⁵", ""),
            seed_line("001", 96).replace("Trần Kỳ Phong", "Trần Kỷ Phong"),
        ]
    )
    found = [f for f in run(body + "\n") if f.rule == "spelling.name-variant"]
    assert [f.suggestion for f in found] == ["Trần Kỳ Phong"]
    both_styles = seed_line("001", 58) + "\n\n" + seed_line("001", 262) + "\n"
    assert "spelling.name-variant" not in rules(run(both_styles))


def test_table_total_row() -> None:
    """Seed 001's footnote 20 (257.113 = 126.619 + 106.394 + 24.100 triệu đồng) as a table."""
    note = seed_line("001", 138)
    assert all(n in note for n in ("126.619", "106.394", "24.100"))
    table = (
        "Nguồn vốn\tSố tiền (triệu đồng)\n"
        "Ngân sách tỉnh\t126.619\n"
        "Ngân sách huyện\t106.394\n"
        "Chương trình mục tiêu quốc gia\t24.100\n"
        "Tổng cộng\t{total}\n"
    )
    assert "arithmetic.table-sum" not in rules(run(table.format(total="257.113")))
    found = [f for f in run(table.format(total="257.131")) if f.rule == "arithmetic.table-sum"]
    assert [f.suggestion for f in found] == ["257.113"]
    assert found[0].line == HEADER.count("\n") + 5


def test_handled_plus_pending() -> None:
    """Seed 001 line 154 rewritten the way such paragraphs usually end ("đang giải quyết …")."""
    line = seed_line("001", 154)
    assert "đến nay đã giải quyết 19 đơn/26 vụ; số vụ còn lại đang giải quyết" in line
    right = line.replace(
        "đến nay đã giải quyết 19 đơn/26 vụ; số vụ còn lại đang giải quyết",
        "đến nay đã giải quyết 19 đơn/19 vụ, đang giải quyết 07 đơn/07 vụ",
    )
    assert "arithmetic.handled-pending" not in rules(run(right + "\n"))
    wrong = right.replace("đang giải quyết 07 đơn/07 vụ", "đang giải quyết 05 đơn/05 vụ")
    found = [f for f in run(wrong + "\n") if f.rule == "arithmetic.handled-pending"]
    assert [f.suggestion for f in found] == ["24 đơn/24 vụ"]


def test_committee_khoa_against_date() -> None:
    """Seed 003 says the town's congress XXI opened the 2020 - 2025 term; seed 000's resolution
    of 12/12/2023 written "(khóa XX)" instead of "(khóa XXI)" is then out of its term."""
    term_line = seed_line("003", 62)
    resolution = seed_line("000", 59)
    assert "(khóa XXI)" in resolution and "lần thứ XXI, nhiệm kỳ 2020 - 2025" in term_line
    clean = run(f"{term_line}\n\n{resolution}\n")
    assert "term.committee-date" not in rules(clean)
    wrong = resolution.replace("(khóa XXI)", "(khóa XX)")
    found = [f for f in run(f"{term_line}\n\n{wrong}\n") if f.rule == "term.committee-date"]
    assert len(found) == 1 and "2015 - 2020" in found[0].message


@pytest.mark.parametrize(
    ("text", "doubled"),
    [
        ("Báo cáo. " * 2000, []),  # each copy cut by a full stop: not a typo, and found fast
        ("kế hoạch đầu tư công tư công trung hạn", ["tư công"]),
        ("Kế hoạch thực hiện thực hiện Kết luận", ["thực hiện"]),
        ("tổ chức đảng, đảng viên", []),
        ("năm 2024 2024", []),
    ],
)
def test_doubled_phrases_need_an_unbroken_run(text: str, doubled: list[str]) -> None:
    from capuy.check.duplicate import _doubled

    assert [text[start:first_end] for start, first_end, _ in _doubled(text)] == doubled
