"""Statements about inspection and discipline: discipline decisions, inspections and
supervisions, verifications of asset declarations."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Literal

from capuy.stats.phrases.common import breakdown
from capuy.stats.statement import Statement
from capuy.text import format_count
from capuy.vocab.records import terms


def discipline(
    member_forms: Mapping[str, int],
    organisation_forms: Mapping[str, int],
    *,
    style: Literal["organisations_first", "members_first"] = "organisations_first",
) -> Statement:
    """Discipline decisions by form, for members and for organisations.

    - ``organisations_first`` (seed 001): "thi hành kỷ luật đối với 01 tổ chức đảng và 09 đảng
      viên (khiển trách 08, cảnh cáo 01)";
    - ``members_first`` (seed 003): "thi hành kỷ luật đối với 28 đảng viên (khiển trách 19,
      cảnh cáo 08, cách chức 01), 01 tổ chức đảng (cảnh cáo)".
    """
    members = sum(member_forms.values())
    orgs = sum(organisation_forms.values())
    numbers: dict[str, int | Decimal | None] = {"members": members, "organisations": orgs}
    numbers.update({f"members.{k}": v for k, v in member_forms.items() if v})
    numbers.update({f"organisations.{k}": v for k, v in organisation_forms.items() if v})
    member_part = ""
    if members:
        member_part = (
            f"{format_count(members)} đảng viên "
            f"({breakdown(member_forms, 'discipline', 'member_forms')})"
        )
    if not members and not orgs:
        return Statement(
            "discipline", numbers, "không có tổ chức đảng, đảng viên bị thi hành kỷ luật"
        )
    if style == "organisations_first":
        parts = [f"{format_count(orgs)} tổ chức đảng"] if orgs else []
        if members:
            parts.append(member_part)
        return Statement("discipline", numbers, "thi hành kỷ luật đối với " + " và ".join(parts))
    parts = [member_part] if members else []
    if orgs:
        used = [
            t for t in terms("discipline", "organisation_forms") if organisation_forms.get(t.code)
        ]
        detail = (
            used[0].label
            if len(used) == 1
            else breakdown(organisation_forms, "discipline", "organisation_forms")
        )
        parts.append(f"{format_count(orgs)} tổ chức đảng ({detail})")
    return Statement("discipline", numbers, "thi hành kỷ luật đối với " + ", ".join(parts))


def inspections(
    members: int,
    organisations: int,
    *,
    phrase: str = "kiểm tra",
    style: Literal["turns", "subjects"] = "turns",
    members_first: bool = False,
) -> Statement:
    """Inspections (or, with ``phrase="giám sát"``, supervisions) by their subjects.

    - ``turns`` (seed 003): "kiểm tra 254 lượt đảng viên, 99 lượt tổ chức đảng";
    - ``subjects`` (seed 001): "kiểm tra đối với 02 tổ chức đảng và 02 đảng viên"; with
      ``members_first`` (seed 003): "… đối với 11 đảng viên và 03 tổ chức đảng".
    ``phrase`` is the kind's words from the vocabulary ("kiểm tra khi có dấu hiệu vi phạm").
    """
    numbers: dict[str, int | Decimal | None] = {"members": members, "organisations": organisations}
    if style == "turns":
        parts = []
        if members:
            parts.append(f"{format_count(members)} lượt đảng viên")
        if organisations:
            parts.append(f"{format_count(organisations)} lượt tổ chức đảng")
        body = ", ".join(parts)
        sentence = f"{phrase} {body}" if parts else f"chưa {phrase} tổ chức đảng, đảng viên nào"
    else:
        parts = []
        if organisations:
            parts.append(f"{format_count(organisations)} tổ chức đảng")
        if members:
            parts.append(f"{format_count(members)} đảng viên")
        if members_first:
            parts.reverse()
        sentence = (
            f"{phrase} đối với {' và '.join(parts)}"
            if parts
            else f"chưa {phrase} tổ chức đảng, đảng viên nào"
        )
    return Statement("inspections", numbers, sentence)


def asset_verifications(count: int, declaration_years: list[int]) -> Statement:
    """Verifications of asset and income declarations (seed 001): "xác minh tài sản, thu nhập
    năm 2023 đối với 09 đồng chí"; the year is named when all declarations share one."""
    years = sorted(set(declaration_years))
    year = f" năm {years[0]}" if len(years) == 1 else ""
    sentence = (
        f"xác minh tài sản, thu nhập{year} đối với {format_count(count)} đồng chí"
        if count
        else "chưa xác minh tài sản, thu nhập"
    )
    return Statement("asset_verifications", {"verified": count}, sentence)
