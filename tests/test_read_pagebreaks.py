"""Paragraphs and footnotes cut by page breaks in the seeds are joined back — and nothing else.

Every case below was read off the seeds: the first line ends mid-sentence at the foot of a
printed page, the second is where the text goes on (after the footnote bodies of that page).
"""

from __future__ import annotations

import pytest

from capuy.model import Document
from capuy.read import read_file
from tests.conftest import seed

# (seed, line where the paragraph starts, line where its rest is printed)
BODY_JOINS = [
    ("000", 27, 29),  # list item "(01 trường" / "hợp); (2) Báo cáo…"
    ("000", 53, 55),  # "* **Đánh giá chung:** … trọng tâm" / "là tiếp tục…"
    ("001", 22, 26),  # "…khóa XIII¹ đưa ra các" / footnote ¹ / "nhóm nhiệm vụ…"
    ("001", 32, 40),  # "…Bình Sơn" / footnote ¹ rest, ², ³ / "giai đoạn 1930 - 1975…"
    ("001", 50, 58),  # "…đơn vị⁶. Ban" / ⁴ ⁵ ⁶ / "hành các quyết định…"
    ("001", 62, 80),  # "…tăng cường lãnh" / ⁶ rest, ⁷…¹³ / "đạo, chỉ đạo…"
    ("001", 110, 114),  # "…giám sát;" / ¹⁹ / "công tác kiểm tra…"
    ("001", 170, 172),
    ("001", 218, 220),
    ("001", 236, 238),
    ("001", 266, 268),
    ("001", 286, 288),
    ("002", 14, 16),
    ("002", 28, 30),
    ("002", 52, 54),
    ("003", 32, 40),  # "…triển khai thực hiện" / ² ³ ⁴ / "Chỉ thị của Ban Thường vụ…"
    ("003", 46, 54),
    ("003", 72, 80),
    ("003", 90, 100),
    ("003", 126, 134),
    ("003", 140, 148),
    ("003", 154, 164),
    ("003", 170, 176),
    ("003", 204, 206),  # list item "thường" / "xuyên năm tình hình…"
    ("003", 222, 224),  # list item
    ("003", 244, 246),  # "**Hai là,** … và phát" / "huy. Trong lãnh đạo…"
    ("003", 260, 264),
    ("003", 276, 278),
]

# (seed, footnote label, body line, line where the rest of the body is printed)
FOOTNOTE_JOINS = [
    ("001", "1", 24, 34),  # "…nhanh và" / (next page, before ² ³) "bền vững trong giai đoạn mới…"
    ("001", "6", 56, 64),  # "…Chi bộ Kho" / (next page, before ⁷) "bạc Nhà nước huyện…"
]

# Blocks that must stay on their own at these lines (not swallowed by what precedes them).
STANDALONE = [
    ("000", 3),  # BÁO CÁO
    ("000", 5),  # summary line after the all-capitals kind
    ("000", 7),  # (kỳ báo cáo …)
    ("000", 9),  # I- heading
    ("000", 13),
    ("000", 23),  # list item after "1.4. …quan trọng" (no punctuation)
    ("000", 121),  # Nơi nhận:
    ("000", 123),
    ("000", 135),  # T/M BAN THƯỜNG VỤ / BÍ THƯ
    ("000", 138),  # signer
    ("000", 140),  # PHỤ LỤC after the signer's name (no punctuation)
    ("000", 142),  # the table
    ("001", 3),
    ("001", 4),  # "Số -BC/HU" under the lone "*"
    ("001", 6),  # "Dự thảo" after "Số -BC/HU" (no punctuation)
    ("001", 8),
    ("001", 20),  # after "1.1 Về đổi mới…" (numbered heading, no punctuation)
    ("001", 82),  # heading right after a joined continuation
    ("001", 90),
    ("001", 102),  # after footnotes that follow the numbered heading "1.5. …xã hội"
    ("001", 154),  # "228 đơn/214 vụ" after "…trong kỳ báo cáo:" — ends with a colon
    ("001", 222),  # after "(30/4/1975 - 30/4/2025)" — no footnotes in between
    ("001", 294),
    ("001", 296),
    ("001", 306),
    ("001", 309),
    ("002", 12),
    ("002", 72),
    ("002", 74),
    ("002", 76),
    ("002", 86),
    ("002", 89),
    ("003", 3),
    ("003", 5),
    ("003", 20),  # heading after footnote <sup>1</sup>
    ("003", 56),
    ("003", 184),
    ("003", 192),  # "(3) …" after footnotes ³⁰ ³¹
    ("003", 198),
    ("003", 226),
    ("003", 294),
    ("003", 296),
    ("003", 303),
]


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {prefix: read_file(seed(prefix)) for prefix in ("000", "001", "002", "003")}


def seed_line(prefix: str, line: int) -> str:
    return seed(prefix).read_text(encoding="utf-8").split("\n")[line - 1]


@pytest.mark.parametrize(("prefix", "first", "rest"), BODY_JOINS)
def test_body_paragraph_joined_across_page_break(
    docs: dict[str, Document], prefix: str, first: int, rest: int
) -> None:
    doc = docs[prefix]
    (block,) = [b for b in doc.blocks if b.line == first]
    assert rest in [line for _, line in block.segments]
    assert not [b for b in doc.blocks if b.line == rest]
    offset = max(start for start, line in block.segments if line == rest)
    assert block.text[offset - 1] == " "
    assert block.line_at(offset) == rest
    assert block.line_at(offset - 2) < rest
    words = seed_line(prefix, rest).replace("*", "").split()
    assert block.text[offset:].startswith(" ".join(words[:3]))


@pytest.mark.parametrize(("prefix", "label", "line", "rest"), FOOTNOTE_JOINS)
def test_footnote_joined_across_page_break(
    docs: dict[str, Document], prefix: str, label: str, line: int, rest: int
) -> None:
    doc = docs[prefix]
    (note,) = [f for f in doc.footnotes if f.label == label]
    assert note.line == line
    assert [seg_line for _, seg_line in note.segments] == [line, rest]
    assert note.text.endswith(seed_line(prefix, rest).strip())
    assert not [b for b in doc.blocks if rest in [seg for _, seg in b.segments]]


@pytest.mark.parametrize(("prefix", "line"), STANDALONE)
def test_block_not_joined(docs: dict[str, Document], prefix: str, line: int) -> None:
    doc = docs[prefix]
    (block,) = [b for b in doc.blocks if b.line == line]
    assert block.segments[0] == (0, line)
    assert all(
        line not in [seg for _, seg in other.segments] for other in doc.blocks if other is not block
    )


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_only_the_listed_joins_happen(docs: dict[str, Document], prefix: str) -> None:
    """No block gathers lines from a blank-separated run other than the listed ones."""
    doc = docs[prefix]
    lines = seed(prefix).read_text(encoding="utf-8").split("\n")
    joined = set()
    for block in doc.blocks:
        seg_lines = [line for _, line in block.segments]
        for before, after in zip(seg_lines, seg_lines[1:], strict=False):
            if any(not lines[n - 1].strip() for n in range(before, after)):
                joined.add((block.line, after))
    if prefix == "000":  # the appendix table row broken by a blank line (147 / 149)
        joined.discard((142, 149))
        joined.discard((142, 150))
    expected = {(first, rest) for p, first, rest in BODY_JOINS if p == prefix}
    assert joined == expected
