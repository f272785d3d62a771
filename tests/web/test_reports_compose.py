"""The February 2024 monthly report of Thị ủy Đức Phổ composes from the demo records with the
figures, meetings and appendix of seed 000 (issue 7, first acceptance item)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import pytest

from capuy.documents.models import Document
from capuy.reports.compose import compose
from capuy.text import nfc
from capuy.web.demo import load_demo
from tests.conftest import seed

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def seed_lines(number: str) -> list[str]:
    return nfc(seed(number).read_text(encoding="utf-8")).splitlines()


def seed_appendix() -> dict[str, str]:
    """Seed 000's appendix: type → joined summaries (its page-break split rejoined)."""
    lines = seed_lines("000")
    start = next(i for i, line in enumerate(lines) if line.startswith("THỂ LOẠI"))
    rows: dict[str, str] = {}
    last = ""
    for line in lines[start + 1 :]:
        if not line.strip():
            continue
        if line.startswith("\t"):
            rows[last] += " " + re.sub(r"</?i>", "", line.strip())
            continue
        kind, text = line.split("\t", 1)
        rows[kind] = text.strip()
        last = kind
    return rows


@pytest.fixture
def february(db: None):  # type: ignore[no-untyped-def]
    ctx = load_demo()
    return ctx, compose(ctx.town, "monthly", "2024-02")


def _norm(text: str) -> str:
    text = nfc(text).replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().rstrip(".")


def test_counting_window_and_title_follow_seed_000(february) -> None:  # type: ignore[no-untyped-def]
    _, report = february
    assert "(kỳ báo cáo từ ngày 27/01/2024 đến ngày 26/02/2024)" in report.markdown
    assert seed_lines("000")[6] in report.markdown
    assert seed_lines("000")[4] in report.markdown  # công tác tháng 02, nhiệm vụ … tháng 3 năm 2024
    assert "# I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG THÁNG 02/2024" in report.markdown
    assert "# II- NHIỆM VỤ TRỌNG TÂM TRONG THÁNG 3/2024" in report.markdown


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("members.admissions", 6),
        ("members.recognitions", 9),
        ("members.removals", 2),
        ("members.strike_offs", 1),
    ],
)
def test_member_figures_match_seed_000_and_keep_their_records(february, key, value) -> None:  # type: ignore[no-untyped-def]
    _, report = february
    source = report.source(key)
    assert source.value == value
    assert source.model == "members.MemberEvent" and len(source.ids) == value


def test_membership_decision_is_stated_as_seed_000_states_it(february) -> None:  # type: ignore[no-untyped-def]
    _, report = february
    line = seed_lines("000")[26] + " " + seed_lines("000")[28]
    stated = (
        "Xem xét, quyết định công nhận đảng viên chính thức (09 đồng chí), kết nạp đảng viên "
        "(06 đồng chí). Cho ra khỏi Đảng (02 trường hợp) và xóa tên trong danh sách đảng viên "
        "(01 trường hợp)"
    )
    assert stated in _norm(report.markdown)
    assert _norm(stated) in _norm(line)
    assert "đã kết nạp được 06 đảng viên mới, công nhận đảng viên chính thức cho 09 đảng viên" in (
        report.markdown
    )


def _seed_items(line_no: int) -> list[str]:
    """The "(1) …; (2) …" items of a seed line after its bold lead-in."""
    text = seed_lines("000")[line_no - 1].split(":**", 1)[1]
    parts = re.split(r"\(\d+\)\s*", text)
    return [_norm(p).rstrip(";").strip() for p in parts if _norm(p).rstrip(";").strip()]


@pytest.mark.parametrize(
    ("line_no", "label"),
    [
        (23, "Về công tác chính trị, tư tưởng, đạo đức"),
        (25, "Về công tác cán bộ, tổ chức bộ máy"),
        (31, "Về kinh tế - xã hội, nội chính"),
        (47, "Chủ trì"),
        (49, "Tham dự"),
    ],
)
def test_decisions_and_meetings_of_seed_000_are_listed_under_their_heading(
    february, line_no, label
) -> None:  # type: ignore[no-untyped-def]
    _, report = february
    body = _norm(report.markdown)
    found = re.search(r"- \*\*" + re.escape(label) + r":\*\* (.*?)(?= - \*\*| ## | ### |$)", body)
    assert found, label
    listed = [_plain(x) for x in re.split(r"\(\d+\)\s*", found[1]) if _plain(x)]
    for item in _seed_items(line_no):
        # the same matter, allowing the seed's own slips ("dự luận") and small wording
        # differences of the demo's agenda ("tiến độ thực hiện công tác")
        best = max(SequenceMatcher(None, _plain(item), x).ratio() for x in listed)
        assert best > 0.9, item


def _plain(text: str) -> str:
    return _norm(re.sub(r"\(\d+\.\d+\)", "", text)).rstrip(";").strip()


def test_standing_committee_items_of_seed_000_are_listed(february) -> None:  # type: ignore[no-untyped-def]
    _, report = february
    assert (
        "- Chủ trương xử lý đối với các vụ án, vụ việc thuộc diện Ban Thường vụ Thị ủy theo dõi, chỉ đạo."
        in report.markdown
    )
    assert "Báo cáo tổng kết Chỉ thị số 35-CT/TW ngày 30/5/2019" in report.markdown


def test_appendix_groups_and_entries_match_seed_000(february) -> None:  # type: ignore[no-untyped-def]
    _, report = february
    expected = seed_appendix()
    table = report.markdown.split("# PHỤ LỤC", 1)[1]
    rows = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 2 and cells[0] not in ("THỂ LOẠI", "---"):
            rows[cells[0]] = cells[1]
    assert list(rows) == list(expected)
    for kind, text in expected.items():
        assert _norm(rows[kind]).replace('"', "") == _norm(text).replace('"', ""), kind
    source = report.source("documents.issued")
    issued = Document.objects.filter(pk__in=source.ids)
    assert issued.count() == sum(len(re.findall(r"\(\d+\)", t)) or 1 for t in expected.values())
    assert not issued.filter(classification__gt=0).exists()  # the Mật report stays out
