"""The authoring format's YAML front matter (docs/authoring.md) is the header of a .md draft.

Without it a draft written for ``capuy render`` was checked as if it had no header: every
component "missing", and no report date to compare cited dates with.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from capuy.api import extract_file, load_documents
from capuy.check import check
from capuy.extract import to_json
from capuy.extract.frontmatter import read_front_matter

FIXTURE = Path(__file__).parent / "fixtures" / "authoring" / "bao-cao-thang-02-2024.md"

DRAFT = """---
issuer: THỊ ỦY ĐỨC PHỔ
place: Đức Phổ
date: 2024-03-26
kind: BÁO CÁO
summary: |-
  công tác tháng 3, nhiệm vụ trọng tâm tháng 4 năm 2024
  (kỳ báo cáo từ ngày 27/02/2024 đến ngày 26/3/2024)
draft: true
---

# I- KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 3/2024

Chỉ đạo triển khai Kế hoạch số 215-KH/TU ngày 10/4/2024 của Ban Thường vụ Thị ủy về tổng kết.
"""


def test_the_authoring_example_has_its_header() -> None:
    data = to_json(extract_file(FIXTURE))
    assert data["kind"] == "BÁO CÁO"
    assert data["number"] == "708-BC/TU"
    assert data["date"] == "2024-02-26"
    assert data["issuer"] == "THỊ ỦY ĐỨC PHỔ"
    assert data["title"] == "BÁO CÁO công tác tháng 02, nhiệm vụ trọng tâm tháng 3 năm 2024"
    assert [s["label"] for s in data["sections"]] == ["I", "II"]


def test_header_lines_point_at_the_keys() -> None:
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    front = read_front_matter(lines)
    assert front is not None
    for component, key in [("issuer", "issuer:"), ("date", "date:"), ("kind", "kind:")]:
        assert lines[front.header.lines[component] - 1].startswith(key)
    assert "kỳ báo cáo" in lines[front.header.lines["period"] - 1]
    assert front.signature is not None and front.signature.name == "Đỗ Tâm Hiền"
    assert front.recipients[0] == "Thường trực Tỉnh ủy,"


def test_a_draft_keeps_its_blank_number(tmp_path: Path) -> None:
    path = tmp_path / "du-thao.md"
    path.write_text(DRAFT, encoding="utf-8")
    doc = extract_file(path)
    assert doc.header.symbol == "-BC/TU" and doc.header.draft
    assert doc.header.date == date(2024, 3, 26)


def test_authored_header_is_not_reported_missing() -> None:
    """Must stay silent: the Party title line is printed by the renderer, not written."""
    findings = check(load_documents([FIXTURE]))
    assert [f for f in findings if f.rule.startswith("format.header")] == []
    assert [f for f in findings if f.rule == "format.blank-number"] == []


def test_a_cited_date_after_the_authored_report_date_is_found(tmp_path: Path) -> None:
    path = tmp_path / "du-thao.md"
    path.write_text(DRAFT, encoding="utf-8")
    rules = [(f.rule, f.line) for f in check(load_documents([path]))]
    assert ("citation-date.after-report", 14) in rules


@pytest.mark.parametrize(
    "text",
    [
        "Không có phần đầu\n",
        "---\nnot: [a mapping with a kind\n---\n",  # broken YAML: read as text, never fails
        "---\n- a list\n---\n",
        "---\nkind: BÁO CÁO\n",  # never closed
    ],
)
def test_no_usable_front_matter_is_none(text: str) -> None:
    assert read_front_matter(text.split("\n")) is None
