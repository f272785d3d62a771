"""The .txt/.md reader on the four real seeds: blocks, inline markup, tables, footnotes."""

from __future__ import annotations

import re

import pytest

from capuy.model import Block, Document
from capuy.read import read_file, read_text
from tests.conftest import seed


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {prefix: read_file(seed(prefix)) for prefix in ("000", "001", "002", "003")}


def block_at(doc: Document, line: int) -> Block:
    (match,) = [b for b in doc.blocks if b.line == line]
    return match


def source_lines(prefix: str) -> list[str]:
    return seed(prefix).read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_lines_are_the_source_lines(docs: dict[str, Document], prefix: str) -> None:
    doc = docs[prefix]
    assert doc.format == "txt"
    assert doc.source == str(seed(prefix))
    assert doc.lines == source_lines(prefix)[: len(doc.lines)]
    assert len(doc.lines) == len(seed(prefix).read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(
    ("prefix", "line", "kind", "label", "text_start"),
    [
        ("000", 3, "paragraph", "", "BÁO CÁO"),
        ("000", 9, "paragraph", "", "I- MỘT SỐ HOẠT ĐỘNG"),
        ("000", 23, "list_item", "-", "Về công tác chính trị, tư tưởng, đạo đức: (1)"),
        ("000", 53, "list_item", "*", "Đánh giá chung: Trong tháng 02/2024"),
        ("000", 121, "paragraph", "", "Nơi nhận:"),
        ("000", 126, "list_item", "-", "Đ/c Phan Công Bình - UVBTV Tỉnh ủy,\nGiám đốc Công an"),
        ("000", 133, "list_item", "-", "Lưu Văn phòng Thị ủy."),
        ("000", 135, "paragraph", "", "T/M BAN THƯỜNG VỤ\nBÍ THƯ"),
        ("000", 138, "paragraph", "", "Đỗ Tâm Hiền"),
        ("000", 142, "table", "", "THỂ LOẠI\tTRÍCH YẾU NỘI DUNG"),
        ("001", 3, "paragraph", "", "*"),
        ("001", 4, "paragraph", "", "Số -BC/HU"),
        ("001", 6, "paragraph", "", "Dự thảo"),
        ("001", 8, "paragraph", "", "BÁO CÁO\ntình hình công tác quý I;\nnhiệm vụ trọng tâm"),
        ("001", 296, "list_item", "-", "Thường trực Tỉnh ủy (b/c),"),
        ("001", 306, "paragraph", "", "T/M HUYỆN ỦY\nBÍ THƯ"),
        ("002", 5, "paragraph", "", "KẾT LUẬN\nCỦA HỘI NGHỊ THỊ ỦY LẦN THỨ 18 (KHÓA XXI)\nvề"),
        ("002", 76, "list_item", "-", "Đ/c Phan Công Bình, UVBTVTU,\nGiám đốc CA tỉnh (b/c),"),
        ("003", 7, "paragraph", "", "BÁO CÁO\ntổng kết công tác xây dựng Đảng"),
        ("003", 12, "paragraph", "", "I- ĐẶC ĐIỂM, TÌNH HÌNH"),
        ("003", 184, "paragraph", "", "(1) Công tác đấu tranh, ngăn chặn"),
        ("003", 198, "list_item", "-", "Ban Thường vụ Thị ủy tập trung"),
        ("003", 242, "paragraph", "", "Một là, phải thực sự coi trọng"),
        ("003", 294, "paragraph", "", "Nơi nhận:"),
        ("003", 303, "paragraph", "", "T/M BAN THƯỜNG VỤ"),
    ],
)
def test_block_kinds_at_seed_lines(
    docs: dict[str, Document], prefix: str, line: int, kind: str, label: str, text_start: str
) -> None:
    block = block_at(docs[prefix], line)
    assert block.kind == kind
    assert block.label == label
    assert block.text.startswith(text_start)


@pytest.mark.parametrize(
    ("prefix", "paragraphs", "list_items", "headings", "tables", "footnotes"),
    [
        # paragraphs = runs of non-blank lines that start as a paragraph, + the lone "*" split
        # off, - the runs joined back across a page break (tests/test_read_pagebreaks.py)
        ("000", 30 - 2, 43, 0, 1, 0),
        ("001", 127 + 1 - 12, 9, 0, 0, 20),
        ("002", 36 - 3, 10, 0, 0, 0),
        ("003", 79 - 13, 17, 24, 0, 31),
    ],
)
def test_block_counts(
    docs: dict[str, Document],
    prefix: str,
    paragraphs: int,
    list_items: int,
    headings: int,
    tables: int,
    footnotes: int,
) -> None:
    doc = docs[prefix]
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count("paragraph") == paragraphs
    assert kinds.count("list_item") == list_items
    assert kinds.count("heading") == headings
    assert kinds.count("table") == tables
    assert len(doc.footnotes) == footnotes


@pytest.mark.parametrize(
    ("line", "level", "text", "bold", "italic"),
    [
        (20, 2, "II- KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG NHIỆM KỲ 2020 - 2025", False, False),
        (22, 3, "1. Công tác xây dựng Đảng về chính trị", False, False),
        (30, 3, "2. Xây dựng Đảng về tư tưởng", False, False),
        (
            60,
            4,
            "4. Đổi mới, hoàn thiện tổ chức bộ máy và nâng cao hiệu quả hoạt động của hệ thống chính trị",
            True,
            False,
        ),
        (
            66,
            3,
            "5. Công tác xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên",
            True,
            False,
        ),
        (82, 2, "6. Xây dựng đội ngũ cán bộ và công tác bảo vệ chính trị nội bộ", True, False),
        (84, 3, "6.1. Về xây dựng đội ngũ cán bộ", True, False),
        (104, 2, "6.2. Công tác bảo vệ chính trị nội bộ", True, False),
        (118, 2, "7. Công tác kiểm tra, giám sát, kỷ luật đảng", False, False),
        (180, 3, "III. THỰC HIỆN NHIỆM VỤ TRỌNG TÂM, GIẢI PHÁP ĐỘT PHÁ", False, False),
        (208, 2, "IV. ĐÁNH GIÁ CHUNG", True, False),
        (212, 4, "1.1. Ưu điểm", True, True),
        (218, 4, "1.2. Nguyên nhân", True, True),
        (
            256,
            2,
            "V. PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP CỦA CÔNG TÁC XÂY DỰNG ĐẢNG NHIỆM KỲ 2025 - 2030",
            True,
            False,
        ),
        (270, 2, "2. Nhiệm vụ, giải pháp", True, False),
    ],
)
def test_markdown_headings_of_seed_003(
    docs: dict[str, Document], line: int, level: int, text: str, bold: bool, italic: bool
) -> None:
    block = block_at(docs["003"], line)
    assert (block.kind, block.level, block.text, block.bold, block.italic) == (
        "heading",
        level,
        text,
        bold,
        italic,
    )


def test_all_markdown_heading_lines_of_seed_003_are_headings(docs: dict[str, Document]) -> None:
    heading_lines = [n for n, text in enumerate(source_lines("003"), 1) if text.startswith("#")]
    assert [b.line for b in docs["003"].blocks if b.kind == "heading"] == heading_lines


@pytest.mark.parametrize(
    ("prefix", "line", "text", "bold", "italic"),
    [
        ("003", 7, "BÁO CÁO\ntổng kết công tác xây dựng Đảng nhiệm kỳ 2020 - 2025", True, False),
        ("003", 12, "I- ĐẶC ĐIỂM, TÌNH HÌNH", True, False),
        ("003", 294, "Nơi nhận:", True, False),
        ("000", 33, "Một số nội dung khác thuộc thẩm quyền.", True, False),
        ("000", 135, "T/M BAN THƯỜNG VỤ\nBÍ THƯ", True, False),
        (
            "000",
            140,
            "PHỤ LỤC\nmột số văn bản quan trọng ban hành trong tháng 02/2024\n"
            "(kèm theo Báo cáo số 708-BC/TU ngày 26/02/2024 của Ban Thường vụ Thị ủy)",
            False,
            False,
        ),
        (
            "000",
            126,
            "Đ/c Phan Công Bình - UVBTV Tỉnh ủy,\nGiám đốc Công an tỉnh (phụ trách thị xã),",
            False,
            False,
        ),
        ("001", 3, "*", False, False),
    ],
)
def test_inline_markup_removed(
    docs: dict[str, Document], prefix: str, line: int, text: str, bold: bool, italic: bool
) -> None:
    block = block_at(docs[prefix], line)
    assert (block.text, block.bold, block.italic) == (text, bold, italic)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_no_markup_left_in_any_text(docs: dict[str, Document], prefix: str) -> None:
    doc = docs[prefix]
    texts = [b.text for b in doc.blocks if b.text != "*"] + [f.text for f in doc.footnotes]
    for text in texts:
        assert "*" not in text
        assert not re.search(r"</?(?:sup|i|b)>", text)
        assert not re.search(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]", text)
        assert "  " not in text


@pytest.mark.parametrize(
    ("prefix", "line", "fragment"),
    [
        ("001", 50, "đối với 21 cơ quan, đơn vị. Ban hành các quyết định"),
        ("003", 124, "đối với 11 đảng viên và 03 tổ chức đảng)."),
        ("003", 138, "Phong trào thi đua “Dân vận khéo” ngày càng đi vào chiều sâu"),
        ("003", 14, "(15 đảng bộ xã, phường; 03 đảng bộ cơ quan) và 30 chi bộ"),
        ("001", 22, "khóa XIII đưa ra các nhóm nhiệm vụ trọng tâm"),
    ],
)
def test_text_reads_on_after_markup_and_calls(
    docs: dict[str, Document], prefix: str, line: int, fragment: str
) -> None:
    assert fragment in block_at(docs[prefix], line).text


def test_appendix_table_of_seed_000(docs: dict[str, Document]) -> None:
    table = block_at(docs["000"], 142)
    assert table.kind == "table"
    assert [row[0] for row in table.rows] == [
        "THỂ LOẠI",
        "Báo cáo",
        "Công văn",
        "Đề án",
        "Kế hoạch",
        "Kết luận",
        "Quyết định",
        "Thông báo",
    ]
    assert table.row_lines == [142, 143, 144, 145, 146, 147, 150, 151]
    assert table.rows[0] == ["THỂ LOẠI", "TRÍCH YẾU NỘI DUNG"]
    assert all(len(row) == 2 for row in table.rows)
    conclusion = table.rows[5][1]
    assert "(3) Tập trung hoàn thành công tác bồi thường, giải phóng mặt bằng" in conclusion
    assert conclusion.endswith("giai đoạn 2021 - 2025 (đoạn qua địa bàn thị xã).")
    offset = table.text.index("thường, giải phóng mặt bằng Dự án đường bộ")
    assert table.line_at(offset) == 149
    assert table.line_at(table.text.index("(1) Phê duyệt đưa ra")) == 150
    assert table.rows[2][1].endswith(
        '(9) Về tiếp tục triển khai thực hiện Phần mềm "Sổ tay đảng viên điện tử.'
    )


# Footnotes: (label, body line, call line, continuation line of the body or None)
FOOTNOTES_001 = [
    ("1", 24, 22, 34), ("2", 36, 26, None), ("3", 38, 32, None), ("4", 52, 42, None),
    ("5", 54, 50, None), ("6", 56, 50, 64), ("7", 66, 58, None), ("8", 68, 58, None),
    ("9", 70, 58, None), ("10", 72, 60, None), ("11", 74, 60, None), ("12", 76, 60, None),
    ("13", 78, 62, None), ("14", 92, 80, None), ("15", 94, 86, None), ("16", 96, 86, None),
    ("17", 98, 86, None), ("18", 100, 88, None), ("19", 112, 106, None), ("20", 138, 128, None),
]  # fmt: skip
FOOTNOTES_003 = [
    ("1", 18, 14), ("2", 34, 26), ("3", 36, 32), ("4", 38, 32), ("5", 48, 40), ("6", 50, 42),
    ("7", 52, 46), ("8", 74, 68), ("9", 76, 70), ("10", 78, 70), ("11", 92, 80),
    ("12", 94, 80), ("13", 96, 88), ("14", 98, 88), ("15", 110, 100), ("16", 112, 100),
    ("17", 114, 100), ("18", 116, 108), ("19", 128, 120), ("20", 130, 124), ("21", 142, 138),
    ("22", 144, 138), ("23", 146, 138), ("24", 156, 148), ("25", 158, 148), ("26", 160, 148),
    ("27", 162, 148), ("28", 172, 168), ("29", 174, 168), ("30", 188, 178), ("31", 190, 182),
]  # fmt: skip
MARK = re.compile(r"^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|<sup>\d+</sup>)\s*")


def expected_body(prefix: str, line: int, continuation: int | None) -> str:
    lines = source_lines(prefix)
    text = MARK.sub("", lines[line - 1]).replace("*", "").strip()
    if continuation:
        text += " " + lines[continuation - 1].strip()
    return text


@pytest.mark.parametrize(("label", "line", "ref_line", "continuation"), FOOTNOTES_001)
def test_footnotes_of_seed_001(
    docs: dict[str, Document], label: str, line: int, ref_line: int, continuation: int | None
) -> None:
    (note,) = [f for f in docs["001"].footnotes if f.label == label]
    assert (note.line, note.ref_line) == (line, ref_line)
    assert note.text == expected_body("001", line, continuation)
    if continuation:
        assert note.line_at(len(note.text) - 1) == continuation


@pytest.mark.parametrize(("label", "line", "ref_line"), FOOTNOTES_003)
def test_footnotes_of_seed_003(
    docs: dict[str, Document], label: str, line: int, ref_line: int
) -> None:
    (note,) = [f for f in docs["003"].footnotes if f.label == label]
    assert (note.line, note.ref_line) == (line, ref_line)
    assert note.text == expected_body("003", line, None)


@pytest.mark.parametrize(("prefix", "count"), [("001", 20), ("003", 31)])
def test_every_footnote_linked_in_order(docs: dict[str, Document], prefix: str, count: int) -> None:
    doc = docs[prefix]
    assert [f.label for f in doc.footnotes] == [str(n) for n in range(1, count + 1)]
    assert all(f.ref_line is not None for f in doc.footnotes)
    calls = [ref.label for b in doc.blocks for ref in b.footnote_refs]
    assert calls == [str(n) for n in range(1, count + 1)]


@pytest.mark.parametrize(
    ("prefix", "line", "label", "text_before"),
    [
        ("001", 22, "1", "khóa XIII"),
        ("001", 22, "2", "các văn bản của Đảng cấp trên"),
        ("001", 50, "6", "đối với 21 cơ quan, đơn vị"),
        ("001", 62, "14", "công nhận đảng viên chính thức"),
        ("003", 14, "1", "03 đảng bộ cơ quan)"),
        ("003", 124, "20", "03 tổ chức đảng"),
        ("003", 138, "23", "Phong trào thi đua “Dân vận khéo”"),
    ],
)
def test_call_site_offsets(
    docs: dict[str, Document], prefix: str, line: int, label: str, text_before: str
) -> None:
    block = block_at(docs[prefix], line)
    (ref,) = [r for r in block.footnote_refs if r.label == label]
    assert block.text[: ref.offset].endswith(text_before)


@pytest.mark.parametrize(
    ("text", "label", "body", "call_before"),
    [
        (
            "Nghị quyết khóa XIII¹ đưa ra.\n\n¹Chương trình 45.",
            "1",
            "Chương trình 45.",
            "Nghị quyết khóa XIII",
        ),
        (
            "Tổ chức<sup>2</sup> họp.\n\n<sup>2</sup> Đảng bộ: Quân sự.",
            "2",
            "Đảng bộ: Quân sự.",
            "Tổ chức",
        ),
        (
            "Kết luận^(1) nêu.\n\n^(1) Kết luận số 01-KL/TW.",
            "1",
            "Kết luận số 01-KL/TW.",
            "Kết luận",
        ),
        ("Đại hội⁽²⁾ họp.\n\n⁽²⁾ Đến ngày 23/3/2024.", "2", "Đến ngày 23/3/2024.", "Đại hội"),
        ("Cử cán bộ¹⁰; tham gia.\n\n¹⁰ Cử 02 đồng chí.", "10", "Cử 02 đồng chí.", "Cử cán bộ"),
        (
            "Theo Đề án[^3] mới.\n\n[^3]: Đề án số 07-ĐA/TU.",
            "3",
            "Đề án số 07-ĐA/TU.",
            "Theo Đề án",
        ),
    ],
)
def test_every_footnote_mark_style(text: str, label: str, body: str, call_before: str) -> None:
    doc = read_text(text, fmt="md")
    (note,) = doc.footnotes
    assert (note.label, note.text, note.line, note.ref_line) == (label, body, 3, 1)
    (ref,) = doc.blocks[0].footnote_refs
    assert doc.blocks[0].text[: ref.offset] == call_before


def test_exponent_is_not_a_footnote_call() -> None:
    doc = read_text("Thu hồi 1.200 m² đất và 3 km² rừng.")
    assert doc.blocks[0].text == "Thu hồi 1.200 m² đất và 3 km² rừng."
    assert doc.blocks[0].footnote_refs == []


def test_markdown_pipe_table_and_crlf() -> None:
    doc = read_text("| Loại | Số |\r\n|---|---|\r\n| Nghị quyết | 04 |\r\n", fmt="md")
    (table,) = doc.blocks
    assert table.kind == "table"
    assert table.rows == [["Loại", "Số"], ["Nghị quyết", "04"]]
    assert table.row_lines == [1, 3]


@pytest.mark.parametrize(
    ("prefix", "line", "mark", "emphasised"),
    [
        ("003", 238, "bold", ["2.2. Nguyên nhân:"]),
        ("003", 244, "bold", ["Hai là,"]),
        ("003", 272, "bold", ["2.1. Xây dựng Đảng về chính trị:"]),
        ("003", 212, "italic", ["1.1. Ưu điểm"]),
        (
            "003",
            124,
            "italic",
            [
                "trong đó, Ban Thường vụ Thị ủy đã kiểm tra khi có dấu hiệu vi phạm đối với 02 tổ chức đảng, 02 đảng viên",
                "trong đó, ủy ban kiểm tra các cấp đã kiểm tra khi có dấu hiệu vi phạm đối với 11 đảng viên và 03 tổ chức đảng",
            ],
        ),
        ("001", 50, "bold", ["21"]),
        ("000", 23, "bold", ["Về công tác chính trị, tư tưởng, đạo đức:"]),
        ("000", 53, "bold", ["Đánh giá chung:"]),
        ("000", 53, "italic", ["đoạn qua địa bàn thị xã"]),
    ],
)
def test_emphasis_ranges_inside_blocks(
    docs: dict[str, Document], prefix: str, line: int, mark: str, emphasised: list[str]
) -> None:
    block = block_at(docs[prefix], line)
    assert [block.text[s:e] for s, e, m in block.emphasis if m == mark] == emphasised


def test_word_plain_text_export_one_paragraph_per_line() -> None:
    """Word's "Save as Plain Text": no blank lines, each paragraph on its own line."""
    source = seed("002").read_text(encoding="utf-8").split("\n")
    dense = "\n".join(line for line in source if line.strip())
    doc = read_text(dense)
    texts = [b.text for b in doc.blocks]
    assert texts[:4] == [
        "Số -KL/TU",
        "KẾT LUẬN",
        "CỦA HỘI NGHỊ THỊ ỦY LẦN THỨ 18 (KHÓA XXI)",
        "về tình hình thực hiện nhiệm vụ 9 tháng đầu năm;",
    ]
    assert "I- TÌNH HÌNH THỰC HIỆN NHIỆM VỤ 9 THÁNG ĐẦU NĂM 2024" in texts
    (cut,) = [b for b in doc.blocks if b.text.startswith("Trong 9 tháng đầu năm 2024")]
    assert cut.text.endswith("bảo đảm quy định của Đảng, pháp luật của Nhà nước.")
    (item,) = [b for b in doc.blocks if b.text.startswith("1.1. Các cấp ủy")]
    assert "sâu sát cơ sở. Tập trung tuyên truyền các vấn đề mới" in item.text
    (item,) = [b for b in doc.blocks if b.text.startswith("2.5. Tiếp tục thực hiện nghiêm túc")]
    assert "giải pháp thực hiện kế hoạch đầu tư công" in item.text
    assert [b.label for b in doc.blocks if b.kind == "list_item"] == ["-"] * 10
    assert all(1 <= b.line <= len(doc.lines) for b in doc.blocks)


def test_blank_separated_text_keeps_multi_line_blocks() -> None:
    doc = read_text("T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nĐỗ Tâm Hiền\n")
    assert [b.text for b in doc.blocks] == ["T/M BAN THƯỜNG VỤ\nBÍ THƯ", "Đỗ Tâm Hiền"]


def test_markdown_front_matter_and_rules_are_not_text() -> None:
    text = "---\nloai: BC\nso: 708\n---\n\n# I- MỘT SỐ HOẠT ĐỘNG\n\n***\n\nNội dung.\n\n---\n"
    doc = read_text(text, fmt="md")
    assert [(b.kind, b.text, b.line) for b in doc.blocks] == [
        ("heading", "I- MỘT SỐ HOẠT ĐỘNG", 6),
        ("paragraph", "Nội dung.", 10),
    ]
    assert doc.lines[1] == "loai: BC"
