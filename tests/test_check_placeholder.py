"""``format.placeholder`` (issue 11): marks a template leaves for a person are errors; ordinary
brackets are not."""

from __future__ import annotations

import pytest

from capuy.api import check_text

HEAD = (
    "---\nissuer: THỊ ỦY ĐỨC PHỔ\nkind: BÁO CÁO\nsummary: công tác tháng 02\ndraft: true\n---\n\n"
)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Trong tháng, [Chuyên viên bổ sung nội dung.] Các chi bộ sinh hoạt đều.", 1),
        ("[Chuyên viên bổ sung nội dung.] và [ghi rõ số đảng viên]", 2),
        ("Kết quả: […].", 1),
        ("Theo Kết luận số 62-KL/TW [bản sao] các chi bộ đã thực hiện.", 0),
        ("Các chi bộ sinh hoạt định kỳ đúng quy định.", 0),
    ],
)
def test_placeholders_are_errors(text: str, count: int) -> None:
    found = [f for f in check_text(HEAD + text + "\n") if f.rule == "format.placeholder"]
    assert len(found) == count and all(f.severity == "error" for f in found)
    assert all("issue 11" in f.source.lower() or "office" in f.source.lower() for f in found)
