"""The header of a draft as a form (issue 11): whatever is typed into the summary — an
apostrophe, quotes, a colon, a hash, new lines — is written as valid front matter that reads
back to the same header; a bad input is a clear error and nothing is lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from capuy.errors import InputError
from capuy.reports.header_form import HeaderForm, current_front_matter
from capuy.reports.output import parse
from capuy.reports.richtext import split_front_matter

ROOT = Path(__file__).resolve().parents[2]
DRAFT = (ROOT / "tests/expected/golden/reports/monthly_2024-02.md").read_text(encoding="utf-8")


def _post(**changes: str) -> dict[str, str]:
    existing = current_front_matter(DRAFT) or {}
    data = {k: ("on" if v is True else "" if v in (None, False) else str(v))
            for k, v in HeaderForm.initial_from(existing).items()}  # fmt: skip
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


NASTY = [
    "công tác tháng 02 của Thị ủy' (bản sửa)",
    'về "Ngày hội đại đoàn kết": kết quả',
    "kết quả: 100% chi bộ # đạt; - tốt",
    "dòng một\ndòng hai: có dấu hai chấm\n(kỳ báo cáo từ ngày 27/01/2024 đến ngày 26/02/2024)",
    "'bắt đầu bằng nháy đơn",
    "- bắt đầu như danh sách",
    "{ngoặc nhọn} [ngoặc vuông] | gạch đứng & và * sao",
    "yes",
    "2024-02-26",
    "  thụt lề đầu dòng  \n  và dòng sau có khoảng trắng cuối   ",
]


@pytest.mark.parametrize("summary", NASTY)
def test_any_summary_is_written_as_valid_front_matter(summary: str) -> None:
    form = HeaderForm(_post(trich_yeu=summary))
    assert form.is_valid(), form.errors
    text = form.text_with(split_front_matter(DRAFT)[1], current_front_matter(DRAFT))
    doc = parse(text)  # the renderer's strict reader accepts it
    lines = [line.strip() for line in summary.split("\n")]
    period = [p for p in lines if p.startswith("(") and p.endswith(")")]
    expected = "\n".join(lines).strip()
    assert current_front_matter(text)["summary"] == expected
    assert doc.header.kind == "BÁO CÁO"
    assert doc.header.issuer == "THỊ ỦY ĐỨC PHỔ"
    assert doc.header.date == dt.date(2024, 2, 26)
    assert doc.signature is not None and doc.signature.name == "Đỗ Tâm Hiền"
    assert doc.recipients[-1] == "Lưu Văn phòng Thị ủy."
    assert all(p in doc.header.summary for p in period)
    # the body is untouched
    assert split_front_matter(text)[1] == split_front_matter(DRAFT)[1]


def test_fields_come_back_as_they_were() -> None:
    form = HeaderForm(_post())
    assert form.is_valid(), form.errors
    text = form.text_with(split_front_matter(DRAFT)[1], current_front_matter(DRAFT))
    assert current_front_matter(text) == current_front_matter(DRAFT)
    assert parse(text).header == parse(DRAFT).header


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ngay": "31/02/2024"}, "ngay", "Ngày 31/02/2024 không có trong lịch"),
        ({"ngay": "hôm qua"}, "ngay", "Ngày không đúng dạng"),
        ({"loai": ""}, "loai", "Nhập loại văn bản"),
        ({"do_mat": "Bí mật nhà nước"}, "do_mat", "Độ mật không hợp lệ"),
    ],
)
def test_bad_fields_are_refused_with_a_message(changes: dict[str, str], field: str,
                                               message: str) -> None:  # fmt: skip
    form = HeaderForm({**_post(), **changes})
    assert not form.is_valid()
    assert field in form.errors
    assert message in " ".join(form.errors[field])


def test_a_header_the_renderer_refuses_is_an_error_before_saving() -> None:
    # a number with no issuer cannot make "Số 708-BC/…"
    form = HeaderForm({**_post(so="708"), "co_quan": ""})
    existing = {k: v for k, v in (current_front_matter(DRAFT) or {}).items() if k != "issuer_code"}
    assert form.is_valid(), form.errors
    with pytest.raises(InputError, match="Phần đầu văn bản chưa hợp lệ"):
        form.text_with("# I- A\n\nB.\n", existing)
