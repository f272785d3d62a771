"""How a Party report states each kind of figure, from numbers alone (no database).

One function per kind of statement. Each takes counts and returns a ``Statement`` whose
sentence follows the seeds' wording: counts padded to two digits ("09 đảng viên"), breakdowns
in parentheses in the order of the vocabulary ("khiển trách 08, cảnh cáo 01"), percentages with
a decimal comma ("19,92%"). Where the seeds phrase one figure in more than one accepted way, a
``style`` argument picks the wording; the numbers never change with the style.

The words for codes (discipline forms, petition kinds…) come from ``capuy/vocab/records``.
"""

# Long: one pure function per kind of statement, each the sentence of a seed; kept together so the report language is in one file.

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from capuy.stats.statement import Statement
from capuy.text import format_count, format_percent
from capuy.vocab.records import terms

__all__ = [
    "achievement_percent",
    "admissions",
    "asset_verifications",
    "dialogues",
    "discipline",
    "inspections",
    "letters_and_cases",
    "member_count",
    "petitions",
    "quality_ratings",
    "recognitions",
    "resolution_rate",
    "strike_offs_and_removals",
]


def achievement_percent(actual: int | Decimal, target: int | Decimal | None) -> Decimal | None:
    """``actual`` as a percentage of ``target`` (None when there is no positive target)."""
    if target is None or Decimal(target) <= 0:
        return None
    return (Decimal(actual) * 100 / Decimal(target)).quantize(
        Decimal("0.0001"), rounding=ROUND_HALF_UP
    )


def _join(parts: list[str], last: str = ", ") -> str:
    """ "a, b, c" or, with ``last=" và "``, "a, b và c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + last + parts[-1]


def _breakdown(counts: Mapping[str, int], vocab: str, key: str, label_first: bool = True) -> str:
    """Non-zero counts in vocabulary order: "khiển trách 08, cảnh cáo 01"."""
    parts = []
    for term in terms(vocab, key):
        n = counts.get(term.code, 0)
        if n:
            parts.append(
                f"{term.label} {format_count(n)}"
                if label_first
                else f"{format_count(n)} {term.label}"
            )
    return ", ".join(parts)


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
    - ``plain`` or no target (seed 000): "đã kết nạp được 06 đảng viên mới".
    """
    percent = achievement_percent(count, target)
    numbers: dict[str, int | Decimal | None] = {
        "admitted": count,
        "target": int(target) if target is not None else None,
        "percent": percent,
    }
    if percent is None or style == "plain":
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
            f"({_breakdown(member_forms, 'discipline', 'member_forms')})"
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
            else _breakdown(organisation_forms, "discipline", "organisation_forms")
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


def petitions(
    by_kind: Mapping[str, int],
    *,
    forwarded: int,
    filed: int,
    own_in_progress: int,
    own_resolved: int,
    out_of_jurisdiction: int | None = None,
) -> Statement:
    """Letters received by kind, then how they were handled (seed 001):

    "tiếp nhận 37 đơn thư của công dân (tố cáo: 11 đơn, khiếu nại: 09 đơn, phản ánh: 05 đơn,
    yêu cầu: 08 đơn và kiến nghị: 04 đơn). Qua phân loại, xử lý đơn có 35 đơn không thuộc
    thẩm quyền, đã chỉ đạo, chuyển đến các cơ quan xem xét, giải quyết 25 đơn và lưu theo quy
    định 10 đơn; 02 đơn thuộc thẩm quyền, đang chỉ đạo tham mưu xử lý".
    """
    # Long: the seeds' sentence has many clauses, phrased here in their order.
    received = sum(by_kind.values())
    outside = forwarded + filed if out_of_jurisdiction is None else out_of_jurisdiction
    own = own_in_progress + own_resolved
    numbers: dict[str, int | Decimal | None] = {
        "received": received,
        "out_of_jurisdiction": outside,
        "forwarded": forwarded,
        "filed": filed,
        "own": own,
        "own_resolved": own_resolved,
        "own_in_progress": own_in_progress,
    }
    numbers.update({f"kind.{k}": v for k, v in by_kind.items() if v})
    kinds = [
        f"{t.label}: {format_count(by_kind[t.code])} đơn"
        for t in terms("petitions", "kinds")
        if by_kind.get(t.code)
    ]
    if not received:
        return Statement("petitions", numbers, "không tiếp nhận đơn thư của công dân")
    sentence = f"tiếp nhận {format_count(received)} đơn thư của công dân ({_join(kinds, ' và ')})"
    handled = []
    if outside:
        ways = []
        if forwarded:
            ways.append(
                f"đã chỉ đạo, chuyển đến các cơ quan xem xét, giải quyết {format_count(forwarded)} đơn"
            )
        if filed:
            ways.append(f"lưu theo quy định {format_count(filed)} đơn")
        pending = outside - forwarded - filed
        if pending > 0:
            ways.append(f"đang phân loại, xử lý {format_count(pending)} đơn")
        handled.append(
            f"{format_count(outside)} đơn không thuộc thẩm quyền"
            + (", " + _join(ways, " và ") if ways else "")
        )
    if own:
        if own_resolved and own_in_progress:
            state = (
                f"đã giải quyết {format_count(own_resolved)} đơn, "
                f"đang chỉ đạo tham mưu xử lý {format_count(own_in_progress)} đơn"
            )
        elif own_resolved:
            state = "đã giải quyết xong"
        else:
            state = "đang chỉ đạo tham mưu xử lý"
        handled.append(f"{format_count(own)} đơn thuộc thẩm quyền, {state}")
    if handled:
        sentence += ". Qua phân loại, xử lý đơn có " + "; ".join(handled)
    return Statement("petitions", numbers, sentence)


def letters_and_cases(
    letters: int, cases: int, carried_letters: int, carried_cases: int
) -> Statement:
    """Letters and the cases (vụ) they form, with those carried over (seed 001): "Tổng số đơn
    tiếp nhận trong kỳ báo cáo: 228 đơn/214 vụ, tổng số đơn kỳ trước chuyển sang: 03 đơn/03 vụ,
    tổng số đơn phải xử lý: 231 đơn/217 vụ"."""
    total_letters = letters + carried_letters
    total_cases = cases + carried_cases
    sentence = (
        f"tổng số đơn tiếp nhận trong kỳ báo cáo: {format_count(letters)} đơn/{format_count(cases)} vụ, "
        f"tổng số đơn kỳ trước chuyển sang: {format_count(carried_letters)} đơn/"
        f"{format_count(carried_cases)} vụ, tổng số đơn phải xử lý: "
        f"{format_count(total_letters)} đơn/{format_count(total_cases)} vụ"
    )
    numbers: dict[str, int | Decimal | None] = {
        "letters": letters,
        "cases": cases,
        "carried_letters": carried_letters,
        "carried_cases": carried_cases,
        "total_letters": total_letters,
        "total_cases": total_cases,
    }
    return Statement("letters_and_cases", numbers, sentence)


def resolution_rate(resolved: int, total: int, *, places: int = 0) -> Statement:
    """Share of in-jurisdiction complaint and denunciation cases resolved (seed 001): "tỷ lệ
    giải quyết các vụ khiếu nại, tố cáo thuộc thẩm quyền đạt 73%"."""
    percent = achievement_percent(resolved, total)
    numbers: dict[str, int | Decimal | None] = {
        "resolved": resolved,
        "total": total,
        "percent": percent,
    }
    if percent is None:
        sentence = "không có vụ khiếu nại, tố cáo thuộc thẩm quyền"
    else:
        sentence = (
            "tỷ lệ giải quyết các vụ khiếu nại, tố cáo thuộc thẩm quyền đạt "
            f"{format_percent(percent, places)}"
        )
    return Statement("resolution_rate", numbers, sentence)


def dialogues(
    own: int,
    secretary_title: str,
    *,
    units_held: int = 0,
    units_total: int = 0,
    unit_dialogues: int = 0,
    places: int = 0,
    unit_words: str = "xã, phường",
    place_words: str = "thôn, tổ dân phố",
    opinions_raised: int = 0,
    opinions_resolved: int = 0,
) -> Statement:
    """The secretary's dialogues with the people, and those of the subordinate units (seed 003):
    "tổ chức 16 hội nghị đối thoại giữa Bí thư Thị ủy với Nhân dân; 15/15 xã, phường đã tổ
    chức 186 cuộc đối thoại trực tiếp giữa Bí thư đảng ủy với Nhân dân trên địa bàn tại 83 thôn,
    tổ dân phố". Opinions raised and resolved follow when any were recorded."""
    numbers: dict[str, int | Decimal | None] = {
        "own": own,
        "units_held": units_held,
        "units_total": units_total,
        "unit_dialogues": unit_dialogues,
        "places": places,
        "opinions_raised": opinions_raised,
        "opinions_resolved": opinions_resolved,
    }
    parts = []
    if own:
        parts.append(
            f"tổ chức {format_count(own)} hội nghị đối thoại giữa {secretary_title} với Nhân dân"
        )
    if unit_dialogues:
        where = f" tại {format_count(places)} {place_words}" if places else ""
        parts.append(
            f"{format_count(units_held)}/{format_count(units_total)} {unit_words} đã tổ chức "
            f"{format_count(unit_dialogues)} cuộc đối thoại trực tiếp giữa Bí thư đảng ủy với "
            f"Nhân dân trên địa bàn{where}"
        )
    if opinions_raised:
        percent = achievement_percent(opinions_resolved, opinions_raised)
        assert percent is not None
        parts.append(
            f"tiếp nhận {format_count(opinions_raised)} ý kiến, kiến nghị, đã giải quyết "
            f"{format_count(opinions_resolved)} ý kiến ({format_percent(percent, 2)})"
        )
    sentence = "; ".join(parts) if parts else "chưa tổ chức đối thoại với Nhân dân"
    return Statement("dialogues", numbers, sentence)


def member_count(count: int) -> Statement:
    """Members of an organisation and its subtree (seed 003): "với 4.470 đảng viên"."""
    return Statement("member_count", {"members": count}, f"với {format_count(count)} đảng viên")


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
