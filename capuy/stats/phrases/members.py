"""Statements about the membership: admissions, recognitions, strike-offs and removals, the
member count and the quality ratings."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from capuy.stats.phrases.common import achievement_percent
from capuy.stats.statement import Statement
from capuy.text import format_count, format_percent


def admissions(
    count: int,
    target: int | Decimal | None = None,
    *,
    style: Literal["ratio", "achievement", "plain"] = "ratio",
    target_year: int | None = None,
    target_source: str = "",
    places: int = 2,
) -> Statement:
    """New members admitted, against the target when there is one.

    - ``ratio`` (seed 001): "kết nạp 51/256 quần chúng vào đảng (19,92% chỉ tiêu được giao năm
      2024)";
    - ``achievement`` (seed 002): "đã kết nạp 165 đảng viên mới, đạt 91,7% chỉ tiêu tỉnh giao";
    - ``plain`` or no target (seed 000): "đã kết nạp được 06 đảng viên mới"; none admitted:
      "chưa kết nạp được đảng viên mới nào" (as ``inspections`` says "chưa kiểm tra … nào").
    """
    percent = achievement_percent(count, target)
    numbers: dict[str, int | Decimal | None] = {
        "admitted": count,
        "target": int(target) if target is not None else None,
        "percent": percent,
    }
    if (percent is None or style == "plain") and not count:
        sentence = "chưa kết nạp được đảng viên mới nào"  # not "đã kết nạp được 00 …"
    elif percent is None or style == "plain":
        sentence = f"đã kết nạp được {format_count(count)} đảng viên mới"
    elif style == "ratio":
        assert target is not None
        year = f" năm {target_year}" if target_year else ""
        sentence = (
            f"kết nạp {format_count(count)}/{format_count(int(target))} quần chúng vào đảng "
            f"({format_percent(percent, places)} chỉ tiêu được giao{year})"
        )
    else:
        source = f" {target_source}" if target_source else ""
        sentence = (
            f"đã kết nạp {format_count(count)} đảng viên mới, "
            f"đạt {format_percent(percent, places)} chỉ tiêu{source}"
        )
    return Statement("admissions", numbers, sentence)


def recognitions(count: int) -> Statement:
    """Members confirmed as full members (seed 000): "công nhận đảng viên chính thức cho 09 đảng
    viên"."""
    sentence = f"công nhận đảng viên chính thức cho {format_count(count)} đảng viên"
    return Statement("recognitions", {"recognised": count}, sentence)


def strike_offs_and_removals(
    struck_off: int, removed: int, *, style: Literal["quarterly", "review"] = "quarterly"
) -> Statement:
    """Members struck off the list and members removed from the Party.

    - ``quarterly`` (seed 001): "xóa tên 02 đảng viên; cho ra khỏi đảng 02 đồng chí";
    - ``review`` (seed 003): "xóa tên 36 đảng viên, cho ra khỏi Đảng 26 đảng viên".
    A zero count leaves its clause out.
    """
    parts = []
    if style == "quarterly":
        if struck_off:
            parts.append(f"xóa tên {format_count(struck_off)} đảng viên")
        if removed:
            parts.append(f"cho ra khỏi đảng {format_count(removed)} đồng chí")
        sentence = "; ".join(parts)
    else:
        if struck_off:
            parts.append(f"xóa tên {format_count(struck_off)} đảng viên")
        if removed:
            parts.append(f"cho ra khỏi Đảng {format_count(removed)} đảng viên")
        sentence = ", ".join(parts)
    if not parts:
        sentence = "không có đảng viên bị xóa tên, cho ra khỏi Đảng"
    return Statement(
        "strike_offs_and_removals", {"struck_off": struck_off, "removed": removed}, sentence
    )


def member_count(count: int) -> Statement:
    """Members of an organisation and its subtree (seed 003): "với 4.470 đảng viên"."""
    return Statement("member_count", {"members": count}, f"với {format_count(count)} đảng viên")


def quality_ratings(
    organisations_good: int,
    organisations_rated: int,
    members_good: int,
    members_rated: int,
    *,
    style: Literal["counts", "threshold"] = "counts",
) -> Statement:
    """Grassroots organisations and members rated "hoàn thành tốt nhiệm vụ" or better.

    - ``counts``: "có 46/49 tổ chức cơ sở đảng (93,88%) và 4.200/4.470 đảng viên (93,96%) hoàn
      thành tốt nhiệm vụ trở lên";
    - ``threshold`` (seed 003): "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên và tỷ
      lệ đảng viên hoàn thành tốt nhiệm vụ trở lên đều đạt trên 90%" (the highest multiple of 5
      both shares exceed).
    """
    org_pct = achievement_percent(organisations_good, organisations_rated)
    member_pct = achievement_percent(members_good, members_rated)
    numbers: dict[str, int | Decimal | None] = {
        "organisations_good": organisations_good,
        "organisations_rated": organisations_rated,
        "organisations_percent": org_pct,
        "members_good": members_good,
        "members_rated": members_rated,
        "members_percent": member_pct,
    }
    if org_pct is None or member_pct is None:
        return Statement("quality_ratings", numbers, "chưa có kết quả xếp loại chất lượng")
    if style == "threshold":
        lowest = min(org_pct, member_pct)
        floor = int((lowest - Decimal("0.0001")) // 5 * 5)
        sentence = (
            "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên và tỷ lệ đảng viên hoàn "
            f"thành tốt nhiệm vụ trở lên đều đạt trên {floor}%"
        )
    else:
        sentence = (
            f"có {format_count(organisations_good)}/{format_count(organisations_rated)} tổ chức cơ "
            f"sở đảng ({format_percent(org_pct)}) và {format_count(members_good)}/"
            f"{format_count(members_rated)} đảng viên ({format_percent(member_pct)}) hoàn thành "
            "tốt nhiệm vụ trở lên"
        )
    return Statement("quality_ratings", numbers, sentence)
