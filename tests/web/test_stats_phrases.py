"""The phrasing alone (no database): zero counts, single forms, pending letters, percentages."""

from __future__ import annotations

from decimal import Decimal

import pytest

from capuy.stats import phrases


@pytest.mark.parametrize(
    ("statement", "sentence"),
    [
        (
            phrases.admissions(0, 40, target_year=2025),
            "kết nạp 00/40 quần chúng vào đảng (0,00% chỉ tiêu được giao năm 2025)",
        ),
        (phrases.admissions(7), "đã kết nạp được 07 đảng viên mới"),
        (phrases.admissions(0), "chưa kết nạp được đảng viên mới nào"),
        (phrases.admissions(0, 0), "chưa kết nạp được đảng viên mới nào"),
        (phrases.admissions(0, 40, style="plain"), "chưa kết nạp được đảng viên mới nào"),
        (
            phrases.admissions(7, 0),
            "đã kết nạp được 07 đảng viên mới",
        ),  # a zero target is no target
        (
            phrases.admissions(
                1044, 1000, style="achievement", target_source="Nghị quyết Đại hội", places=1
            ),
            "đã kết nạp 1.044 đảng viên mới, đạt 104,4% chỉ tiêu Nghị quyết Đại hội",
        ),
        (phrases.recognitions(0), "công nhận đảng viên chính thức cho 00 đảng viên"),
        (phrases.strike_offs_and_removals(0, 3), "cho ra khỏi đảng 03 đồng chí"),
        (phrases.strike_offs_and_removals(0, 0), "không có đảng viên bị xóa tên, cho ra khỏi Đảng"),
        (phrases.discipline({}, {}), "không có tổ chức đảng, đảng viên bị thi hành kỷ luật"),
        (
            phrases.discipline({"khai_tru": 2}, {}),
            "thi hành kỷ luật đối với 02 đảng viên (khai trừ 02)",
        ),
        (
            phrases.discipline({}, {"giai_tan": 1, "canh_cao": 2}, style="members_first"),
            "thi hành kỷ luật đối với 03 tổ chức đảng (cảnh cáo 02, giải tán 01)",
        ),
        (phrases.inspections(0, 0), "chưa kiểm tra tổ chức đảng, đảng viên nào"),
        (
            phrases.inspections(3, 0, phrase="giám sát chuyên đề"),
            "giám sát chuyên đề 03 lượt đảng viên",
        ),
        (
            phrases.petitions({}, forwarded=0, filed=0, own_in_progress=0, own_resolved=0),
            "không tiếp nhận đơn thư của công dân",
        ),
        (
            phrases.petitions(
                {"kien_nghi": 3, "to_cao": 1},
                forwarded=1,
                filed=0,
                own_in_progress=0,
                own_resolved=2,
                out_of_jurisdiction=2,
            ),
            "tiếp nhận 04 đơn thư của công dân (tố cáo: 01 đơn và kiến nghị: 03 đơn). Qua phân loại, xử lý đơn có 02 đơn không thuộc thẩm quyền, đã chỉ đạo, chuyển đến các cơ quan xem xét, giải quyết 01 đơn và đang phân loại, xử lý 01 đơn; 02 đơn thuộc thẩm quyền, đã giải quyết xong",
        ),
        (phrases.resolution_rate(0, 0), "không có vụ khiếu nại, tố cáo thuộc thẩm quyền"),
        (
            phrases.resolution_rate(2, 3, places=2),
            "tỷ lệ giải quyết các vụ khiếu nại, tố cáo thuộc thẩm quyền đạt 66,67%",
        ),
        (phrases.dialogues(0, "Bí thư Huyện ủy"), "chưa tổ chức đối thoại với Nhân dân"),
        (
            phrases.dialogues(2, "Bí thư Huyện ủy", opinions_raised=40, opinions_resolved=30),
            "tổ chức 02 hội nghị đối thoại giữa Bí thư Huyện ủy với Nhân dân; tiếp nhận 40 ý kiến, kiến nghị, đã giải quyết 30 ý kiến (75,00%)",
        ),
        (phrases.member_count(100044), "với 100.044 đảng viên"),
        (
            phrases.quality_ratings(46, 49, 1850, 1960),
            "có 46/49 tổ chức cơ sở đảng (93,88%) và 1.850/1.960 đảng viên (94,39%) hoàn thành tốt nhiệm vụ trở lên",
        ),
        (
            phrases.quality_ratings(
                9, 10, 95, 100, style="threshold"
            ),  # exactly 90% is not "trên 90%"
            "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên và tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên đều đạt trên 85%",
        ),
        (phrases.quality_ratings(0, 0, 5, 5), "chưa có kết quả xếp loại chất lượng"),
    ],
)
def test_phrasing(statement, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert statement.sentence == sentence


def test_numbers_are_kept_beside_the_sentence() -> None:
    statement = phrases.admissions(51, 256, target_year=2024)
    assert statement.numbers == {"admitted": 51, "target": 256, "percent": Decimal("19.9219")}
    assert (
        statement.as_sentence()
        == "Kết nạp 51/256 quần chúng vào đảng (19,92% chỉ tiêu được giao năm 2024)."
    )
