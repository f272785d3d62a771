"""Every kind of report: its period and labels (table-driven, from the seeds' own words), and a
composition that the renderer lays out; seed 002's nine-month figure in the conclusion."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

from capuy.errors import InputError
from capuy.reports.compose import compose
from capuy.reports.output import parse, write_docx
from capuy.reports.periods import resolve_period, text_date

D = dt.date


@pytest.mark.parametrize(
    ("kind", "spec", "rule", "start", "end", "label", "next_label"),
    [
        # seed 000: "(kỳ báo cáo từ ngày 27/01/2024 đến ngày 26/02/2024)", "tháng 3/2024"
        (
            "monthly",
            "2024-02",
            "27-26",
            D(2024, 1, 27),
            D(2024, 2, 26),
            "tháng 02/2024",
            "tháng 3/2024",
        ),
        (
            "monthly",
            "2024-12",
            "27-26",
            D(2024, 11, 27),
            D(2024, 12, 26),
            "tháng 12/2024",
            "tháng 01/2025",
        ),
        (
            "monthly",
            "2024-02",
            "calendar",
            D(2024, 2, 1),
            D(2024, 2, 29),
            "tháng 02/2024",
            "tháng 3/2024",
        ),
        # seed 001: "quý I/2024", "quý II năm 2024"; its figures from 15/12/2023 to 14/3/2024
        (
            "quarterly",
            "2024-Q1",
            "15-14",
            D(2023, 12, 15),
            D(2024, 3, 14),
            "quý I/2024",
            "quý II/2024",
        ),
        (
            "quarterly",
            "2024-Q4",
            "calendar",
            D(2024, 10, 1),
            D(2024, 12, 31),
            "quý IV/2024",
            "quý I/2025",
        ),
        (
            "six_month",
            "2024-H1",
            "calendar",
            D(2024, 1, 1),
            D(2024, 6, 30),
            "6 tháng đầu năm 2024",
            "6 tháng cuối năm 2024",
        ),
        # seed 002: "9 tháng đầu năm; nhiệm vụ, giải pháp 3 tháng cuối năm 2024"
        (
            "nine_month",
            "2024",
            "calendar",
            D(2024, 1, 1),
            D(2024, 9, 30),
            "9 tháng đầu năm 2024",
            "3 tháng cuối năm 2024",
        ),
        (
            "conclusion",
            "2024-9M",
            "calendar",
            D(2024, 1, 1),
            D(2024, 9, 30),
            "9 tháng đầu năm 2024",
            "3 tháng cuối năm 2024",
        ),
        ("yearly", "2024", "calendar", D(2024, 1, 1), D(2024, 12, 31), "năm 2024", "năm 2025"),
        (
            "thematic",
            "2021-05-18..2024-02-26",
            "calendar",
            D(2021, 5, 18),
            D(2024, 2, 26),
            "từ ngày 18/5/2021 đến ngày 26/02/2024",
            "thời gian tới",
        ),
    ],
)
def test_periods_and_their_words(kind, spec, rule, start, end, label, next_label) -> None:  # type: ignore[no-untyped-def]
    period = resolve_period(kind, spec, rule)
    assert (period.start, period.end) == (start, end)
    assert (period.period.label, period.next.label) == (label, next_label)


@pytest.mark.parametrize(
    ("kind", "spec"),
    [
        ("monthly", "2024-13"),
        ("monthly", "02/2024"),
        ("quarterly", "2024-Q5"),
        ("nope", "2024"),
        ("thematic", "2024-02-26..2021-05-18"),
        ("term", "2020-2025"),
    ],
)
def test_bad_periods_are_refused(kind, spec) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError):
        resolve_period(kind, spec)


@pytest.mark.parametrize(
    ("day", "text"),
    [(D(2024, 1, 27), "27/01/2024"), (D(2021, 5, 18), "18/5/2021"), (D(2023, 10, 2), "02/10/2023")],
)
def test_dates_in_running_text_are_written_as_the_seeds_write_them(day, text) -> None:  # type: ignore[no-untyped-def]
    assert text_date(day) == text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "spec", "heading"),
    [
        ("monthly", "2024-02", "I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG THÁNG 02/2024"),
        ("quarterly", "2024-Q1", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ I/2024"),
        ("six_month", "2024-H1", "III. MỘT SỐ NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2024"),
        ("nine_month", "2024", "II. TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN"),
        ("yearly", "2024", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024"),
        ("conclusion", "2024-9M", "III- TỔ CHỨC THỰC HIỆN"),
        ("term", "2020-2025", "II- KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG NHIỆM KỲ 2020 - 2025"),
        (
            "mid_term",
            "2020-2025",
            "IV- PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP NỬA CUỐI NHIỆM KỲ 2020 - 2025",
        ),
        ("thematic", "2021-05-18..2024-02-26", "III- NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI"),
    ],
)
def test_every_kind_composes_and_renders(tree, tmp_path, kind, spec, heading) -> None:  # type: ignore[no-untyped-def]
    report = compose(tree.town, kind, spec, today=D(2024, 3, 1))
    doc = parse(report.markdown)
    assert doc.header.issuer == "THỊ ỦY ĐỨC PHỔ"
    out = write_docx(report.markdown, tmp_path / f"{kind}.docx")
    text = [p.text for p in docx.Document(str(out)).paragraphs]
    assert heading in text


@pytest.mark.django_db
@pytest.mark.slow
def test_conclusion_states_seed_002s_nine_month_admissions() -> None:
    from capuy.web.demo import load_demo

    ctx = load_demo()
    report = compose(ctx.town, "conclusion", "2024-9M")
    # seed 002, line 14: "(*trong 9 tháng đầu năm, đã kết nạp 165 đảng viên mới, đạt 91,7% …*)"
    assert "đã kết nạp 165 đảng viên mới, đạt 91,7% chỉ tiêu tỉnh giao" in report.markdown
    assert (
        "KẾT LUẬN\\nCỦA HỘI NGHỊ THỊ ỦY" in report.markdown
        or "CỦA HỘI NGHỊ THỊ ỦY" in report.markdown
    )
    assert report.value("members.admissions") == 165


@pytest.mark.django_db
def test_an_administrators_template_replaces_the_file(tree) -> None:  # type: ignore[no-untyped-def]
    from capuy.reports.admin import TemplateOverrideForm
    from capuy.reports.templating import default_text

    text = default_text("monthly").replace(
        "# II- NHIỆM VỤ TRỌNG TÂM TRONG", "# III- NHIỆM VỤ TRỌNG TÂM TRONG"
    )
    form = TemplateOverrideForm(data={"kind": "monthly", "text": text})
    assert form.is_valid(), form.errors
    form.save()
    report = compose(tree.town, "monthly", "2024-02")
    assert "# III- NHIỆM VỤ TRỌNG TÂM TRONG THÁNG 3/2024" in report.markdown


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kind: [", "không phải YAML hợp lệ"),
        ("kind: monthly\nname: x", "Mẫu thiếu"),
        (
            "kind: monthly\nname: x\ndocument_kind: BÁO CÁO\ntype_code: BC\ndeadline_days: 2\n"
            "summary: a\nbody: '{% for x in y %}'",
            "lỗi cú pháp",
        ),
    ],
)
def test_a_broken_template_is_refused_in_the_admin(text, message) -> None:  # type: ignore[no-untyped-def]
    from capuy.reports.admin import TemplateOverrideForm

    form = TemplateOverrideForm(data={"kind": "monthly", "text": text})
    assert not form.is_valid()
    assert message in " ".join(form.errors["text"])
