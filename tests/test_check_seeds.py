"""The checker on the four real seed reports: every error issue 3 lists (and the others found
by reading them) must be found, and the false alarms met on the seeds must stay silent.

All four seeds are checked together, as ``capuy check 000… 001… 002… 003…`` would, so the
cross-document rules (same symbol, numbering order, name variants) see each other's citations.
"""

from __future__ import annotations

from functools import cache

import pytest

from capuy.api import load_documents
from capuy.check import check
from capuy.model import Finding
from tests.conftest import SEED_FILES, seed


@cache
def all_findings() -> tuple[Finding, ...]:
    return tuple(check(load_documents(SEED_FILES)))


def findings(prefix: str, line: int | None = None, rule: str | None = None) -> list[Finding]:
    source = str(seed(prefix))
    return [
        f
        for f in all_findings()
        if f.source == source
        and (line is None or f.line == line)
        and (rule is None or f.rule == rule)
    ]


MUST_FIND = [
    # (seed, line, rule, severity, text in excerpt, suggestion or None)
    ("000", 23, "spelling.confusion", "error", "công tác viên", "cộng tác viên"),
    ("000", 23, "spelling.confusion", "error", "dự luận", "dư luận"),
    ("000", 25, "duplicate.word", "error", "thực hiện thực hiện", "thực hiện"),
    ("000", 25, "spelling.confusion", "warning", "chính trị nội;", "chính trị nội bộ"),
    ("000", 55, "spelling.confusion", "error", "tình giao", "tỉnh giao"),
    ("000", 147, "spelling.confusion", "error", "đề hiệp thương", "để"),
    ("000", 3, "format.header-missing", "warning", "BÁO CÁO", None),
    ("001", 154, "arithmetic.received-carried", "error", "225 đơn/211 vụ", "231 đơn/217 vụ"),
    ("001", 154, "arithmetic.letters-cases", "error", "19 đơn/26 vụ", "19 đơn/19 vụ"),
    ("001", 218, "citation-date.after-report", "error", "37-NQ/TW ngày 09/10/2024", None),
    ("001", 218, "citation-date.term", "error", "37-NQ/TW", None),
    # the catalogue of Central documents knows 37-NQ/TW of khóa XI: 09/10/2014
    (
        "001",
        218,
        "citation-date.known",
        "error",
        "37-NQ/TW ngày 09/10/2024",
        "Nghị quyết 37-NQ/TW ngày 09/10/2014",
    ),
    # a local Quy định under QĐ, not in any catalogue: a note, no longer a warning
    ("003", 96, "citation-type.code", "info", "809-QĐ/TU", "809-QĐi/TU"),
    ("001", 218, "arithmetic.anniversary", "error", "10 năm thực hiện", None),
    ("001", 38, "citation-date.implements-earlier", "error", "254-KH/TU ngày 19/02/2021", None),
    ("001", 38, "citation-type.code", "error", "số 39-CT/TU", "39-CTr/TU"),
    ("001", 38, "citation-type.code", "error", "số 40-CT/TU", "40-CTr/TU"),
    ("001", 38, "citation-type.code", "error", "số 42-CT/TU", "42-CTr/TU"),
    ("001", 38, "citation-type.code", "error", "số 43-CT/TU", "43-CTr/TU"),
    ("001", 38, "citation-conflict.numbering", "error", "254-KH/TU", None),
    ("001", 222, "spelling.confusion", "error", "Tu tưởng", "Tư tưởng"),
    ("001", 88, "spelling.confusion", "error", "kiến trách", "khiển trách"),
    ("001", 58, "spelling.confusion", "error", "chuyên sinh hoạt", "chuyển sinh hoạt"),
    ("001", 44, "spelling.confusion", "error", "công tác viên", "cộng tác viên"),
    ("001", 54, "spelling.confusion", "error", "đề bầu", "để"),
    ("001", 100, "spelling.confusion", "error", "đề cấp dưới", "để"),
    ("001", 52, "spelling.confusion", "warning", "sơ kết 03 thực hiện", "sơ kết 03 năm thực hiện"),
    ("001", 132, "spelling.place-name", "error", "Châu Ô", "Châu Ổ"),
    ("001", 76, "duplicate.word", "error", "tại Học viện Chính trị tại", "tại Học viện Chính trị"),
    ("001", 140, "duplicate.word", "error", "tư công tư công", "tư công"),
    ("001", 288, "duplicate.sentence", "error", "Tăng cường công tác tuần tra", None),
    ("001", 18, "format.label-style", "warning", "1.1 Về", "1.1."),
    ("001", 8, "format.header-missing", "warning", "BÁO CÁO", None),
    ("002", 3, "format.blank-number", "error", "Số -KL/TU", None),
    ("002", 18, "spelling.confusion", "error", "chuyên biến", "chuyển biến"),
    ("002", 32, "spelling.confusion", "error", "tiêu ban", "tiểu ban"),
    ("002", 34, "spelling.confusion", "error", "phần đấu", "phấn đấu"),
    ("002", 34, "duplicate.sentence", "error", "lãnh đạo, chỉ đạo các nội dung", None),
    ("002", 36, "spelling.confusion", "error", "tình hình tiền của", "tình hình thực tiễn của"),
    ("002", 46, "spelling.place-name", "error", "Phố Văn", "Phổ Văn"),
    ("002", 46, "spelling.place-name", "error", "Phố Quang", "Phổ Quang"),
    ("002", 68, "spelling.confusion", "error", "đề cụ thể hóa", "để"),
    ("003", 14, "arithmetic.parts-sum", "error", "19 đảng bộ", "18 đảng bộ"),
    ("003", 34, "citation-conflict.numbering", "error", "CTr/TU", None),
    ("003", 86, "spelling.confusion", "error", "chuyên tiếp", "chuyển tiếp"),
    ("003", 138, "spelling.confusion", "error", "khung đề các", "để"),
    ("003", 148, "spelling.confusion", "error", "truyền truyền", "tuyên truyền"),
    ("003", 170, "spelling.confusion", "error", "kế hoạch đề cụ thể", "để"),
    ("003", 182, "spelling.confusion", "error", "văn bản đề cụ thể", "để"),
    ("003", 192, "spelling.confusion", "error", "kiên toàn", "kiện toàn"),
    ("003", 192, "spelling.confusion", "error", "tinh đề triển khai", "tỉnh"),
    ("003", 192, "spelling.confusion", "error", "tinh đề triển khai", "để"),
    ("003", 206, "spelling.confusion", "error", "năm tình hình", "nắm tình hình"),
    ("003", 248, "spelling.confusion", "error", "chông chéo", "chồng chéo"),
    ("003", 288, "spelling.confusion", "error", "Trung ương, tinh về", "tỉnh"),
    ("003", 180, "format.heading-level", "warning", "### III.", "##"),
    ("000", 144, "format.quotes", "warning", '"Sổ tay đảng viên', None),
    ("001", 218, "format.quotes", "warning", "2030”", None),
    ("001", 244, "format.quotes", "warning", "“tăng cường", None),
    ("001", 140, "other.sentence-case", "warning", "kế hoạch. rà", "Rà"),
    ("003", 20, "format.label-style", "warning", "II-", "II."),
]


@pytest.mark.parametrize(("prefix", "line", "rule", "severity", "text", "suggestion"), MUST_FIND)
def test_finds_the_error(
    prefix: str, line: int, rule: str, severity: str, text: str, suggestion: str | None
) -> None:
    candidates = findings(prefix, line, rule)
    matching = [f for f in candidates if text in f.excerpt]
    assert matching, f"{prefix}:{line} {rule} not found; got {[f.excerpt for f in candidates]}"
    assert any(f.severity == severity for f in matching)
    if suggestion is not None:
        assert suggestion in {f.suggestion for f in matching}
    assert all(f.message and rule.startswith(f.category) for f in matching)


# (seed, line, rule or category prefix that must not fire there, text the finding would quote
#  ("" = any), reason)
MUST_STAY_SILENT = [
    # Quy định issued as QĐ/TW (central_documents.yaml): the symbol is right as written
    ("001", 38, "citation-type", "138-QĐ/TW", "Quy định 138-QĐ/TW was issued so"),
    ("003", 56, "citation-type", "101-QĐ/TW", "Quy định 101-QĐ/TW was issued so"),
    ("003", 96, "citation-type", "65-QĐ/TW", "Quy định 65-QĐ/TW was issued so"),
    ("003", 138, "citation-type", "124-QĐ/TW", "Quy định 124-QĐ/TW was issued so"),
    ("003", 204, "citation-type", "114-QĐ/TW", "Quy định 114-QĐ/TW was issued so"),
    ("003", 56, "citation-type", "08-QĐi/TW", "Quy định 08-QĐi/TW was issued so"),
    (
        "001",
        88,
        "arithmetic",
        "",
        "kiến trách 08 + cảnh cáo 01 = 09; 37 đơn thư = 11+9+5+8+4; 35 = 25+10",
    ),
    ("001", 92, "arithmetic", "", "51/256 = 19,92%"),
    ("001", 100, "arithmetic", "", "footnote 18: every discipline breakdown adds up"),
    ("001", 138, "arithmetic", "", "106.394 = 43.849 + 1.545 + 61.000 triệu đồng"),
    ("001", 154, "arithmetic.parts-sum", "", "26 vụ = 23 + 03"),
    ("003", 134, "arithmetic", "", "28 = 19 + 08 + 01; 04 = 02 + 02"),
    ("003", 124, "arithmetic", "", "“(trong đó, …)” is a subset, not a breakdown"),
    ("000", 55, "arithmetic.anniversary", "", "94 năm (03/02/1930 - 03/02/2024)"),
    ("002", 64, "arithmetic.anniversary", "", "80 năm (22/12/1944 - 22/12/2024)"),
    (
        "001",
        220,
        "arithmetic.anniversary",
        "",
        "15 năm thực hiện Chỉ thị 38-CT/TW (2009); 50 năm (1975-2025)",
    ),
    (
        "001",
        36,
        "arithmetic.anniversary",
        "",
        "10 năm triển khai Chỉ thị 25-CT/TU ngày 04/9/2013 (±1 year)",
    ),
    ("000", 31, "citation-date", "", "tỷ lệ 1/500 is a scale, not a date"),
    ("001", 132, "citation-date", "", "tỷ lệ 1/2000 and 55/63 are not dates"),
    ("001", 262, "spelling", "", "“Hoà Phát” is old-style tone placement of “Hòa Phát”: correct"),
    ("001", 32, "spelling.confusion", "", "“khoá XIII” is correct (old style)"),
    ("003", 26, "spelling.confusion", "", "“thể chế hoá, cụ thể hoá” are correct (old style)"),
    ("001", 64, "spelling.place-name", "", "Bình Thanh and Bình Chánh are real communes"),
    ("000", 19, "spelling", "", "“chỉ tiêu tỉnh giao” is right"),
    ("001", 108, "spelling", "", "“chuyển biến tích cực” is right"),
    ("000", 101, "spelling", "", "“nắm tình hình” is right"),
    ("003", 122, "spelling", "", "“nắm chắc tình hình”, “chồng chéo” are right"),
    ("000", 23, "duplicate", "", "“Ban Biên tập Tập tin” is two words"),
    ("000", 115, "duplicate", "", "“Đại hội Hội Liên hiệp” is two words"),
    ("001", 258, "duplicate", "", "“song song” is a reduplicative"),
    ("003", 72, "duplicate", "", "“tổ chức đảng, đảng viên” is a list"),
    ("001", 62, "duplicate", "", "“bổ nhiệm, bổ nhiệm lại” is a list"),
    ("001", 242, "duplicate", "", "a formula restated in another section"),
    ("002", 80, "duplicate", "", "the recipients list repeats body names"),
    ("000", 150, "duplicate", "", "parallel list items “(1) … (2) …”"),
    (
        "002",
        24,
        "citation-date",
        "",
        "“(khóa XX)” beside a Tỉnh ủy conclusion is the province's term",
    ),
    ("002", 24, "term", "", "“(khóa XX)” is the Tỉnh ủy's own term"),
    (
        "000",
        147,
        "term",
        "",
        "Ủy ban MTTQ thị xã khóa XI, nhiệm kỳ 2024 - 2029 is not a Party term",
    ),
    ("002", 18, "term", "", "chi bộ nhiệm kỳ 2025 - 2027"),
    ("000", 59, "term", "", "07-NQ/TU of 12/2023 (khóa XXI) fits 003's khóa XXI, 2020 - 2025"),
    ("001", 194, "term", "", "16-QC/HU of 2023 (khóa XXVII) fits 001's khóa XXVII, 2020 - 2025"),
    ("001", 114, "term", "", "HĐND huyện khóa XII, nhiệm kỳ 2021 - 2026"),
    ("003", 100, "term", "", "Quốc hội khóa XV, HĐND nhiệm kỳ 2021 - 2026"),
    ("001", 244, "citation", "", "42-CTr/HU (2014) and 30-CTr/HU (2023) are in different terms"),
    (
        "001",
        66,
        "citation-conflict",
        "",
        "07-ĐA/TU of the Tỉnh ủy is not 003's 07-ĐA/TU of the Thị ủy",
    ),
    ("003", 98, "citation-conflict", "", "07-ĐA/TU of the Thị ủy"),
    (
        "002",
        32,
        "citation",
        "",
        "Kế hoạch 206-KH/TU 24/7/2024 implements Chỉ thị 35-CT/TW 14/6/2024",
    ),
    (
        "001",
        36,
        "citation-conflict",
        "",
        "35-CT/TW (2019, khóa XII) vs 002's 35-CT/TW (2024, khóa XIII)",
    ),
    (
        "001",
        38,
        "citation-date.implements-earlier",
        "69-KL/TW",
        "Kết luận 69-KL/TW (2024) continues NQ 20 (2012)",
    ),
    (
        "003",
        34,
        "citation-date.implements-earlier",
        "",
        "08-CTr/TU implements a congress resolution",
    ),
    ("003", 190, "citation-date", "", "a list item “(4) Kế hoạch …” starts a new document"),
    ("001", 4, "format.blank-number", "", "“Số -BC/HU” in a draft (Dự thảo)"),
    ("003", 3, "format.blank-number", "", "“Số -BC/TU” in a draft (Dự thảo)"),
    (
        "000",
        140,
        "format",
        "",
        "the appendix names 708-BC/TU of the Ban Thường vụ Thị ủy: consistent",
    ),
]


@pytest.mark.parametrize(("prefix", "line", "rule", "about", "reason"), MUST_STAY_SILENT)
def test_stays_silent(prefix: str, line: int, rule: str, about: str, reason: str) -> None:
    noisy = [
        f
        for f in findings(prefix, line)
        if f.rule.startswith(rule) and f.severity != "info" and about in f.excerpt
    ]
    assert not noisy, f"{reason}: {[(f.rule, f.excerpt) for f in noisy]}"


def test_abbreviations_and_names_are_not_misspellings() -> None:
    """UBND, HĐND, TMGV, CT-XH, THPT, QĐi, Lênin, Covid-19, đ/c, b/c, 115ha … on every seed."""
    syllables = [f for f in all_findings() if f.rule == "spelling.syllable"]
    assert syllables == []


def test_tone_style_is_never_more_than_info() -> None:
    styles = [f for f in all_findings() if f.rule == "spelling.tone-style"]
    assert styles and all(f.severity == "info" for f in styles)
    assert {f.source for f in styles} == {str(seed("001")), str(seed("003"))}


def test_every_finding_has_a_vietnamese_message_and_a_line() -> None:
    for f in all_findings():
        assert f.line >= 1 and f.excerpt and f.message
        assert f.severity in ("error", "warning", "info")


def test_anniversary_message_on_a_document_of_the_report_year() -> None:
    """001:218 "tổng kết 10 năm thực hiện: Nghị quyết 37-NQ/TW ngày 09/10/2024" in a 2024 report:
    the message says the document is of the report's own year, not "mới được 0 năm"."""
    found = [
        f
        for f in check(load_documents([seed("001")]))
        if f.rule == "arithmetic.anniversary" and f.line == 218
    ]
    assert len(found) == 1
    assert "ngay trong năm 2024 của báo cáo, chưa được năm nào" in found[0].message
    assert "mới được 0 năm" not in found[0].message


@pytest.mark.parametrize(
    ("prefix", "line", "message"),
    [
        ("001", 18, "nhãn “1.1” không có dấu sau số, trong khi các mục cùng cấp có dấu “.” sau số"),
        ("003", 20, "nhãn “II” có dấu “-” sau số, trong khi các mục cùng cấp có dấu “.” sau số"),
    ],
)
def test_label_style_message_is_plain_vietnamese(prefix: str, line: int, message: str) -> None:
    found = [
        f
        for f in check(load_documents([seed(prefix)]))
        if f.rule == "format.label-style" and f.line == line
    ]
    assert [f.message.split(" — ")[0] for f in found] == [message]
