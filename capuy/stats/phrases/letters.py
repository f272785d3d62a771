"""Statements about the people's letters: petitions by kind and how they were handled, letters
and cases, the resolution rate, and the secretaries' dialogues with the people."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from capuy.stats.phrases.common import achievement_percent, join
from capuy.stats.statement import Statement
from capuy.text import format_count, format_percent
from capuy.vocab.records import terms


def _outside_clause(outside: int, forwarded: int, filed: int) -> str:
    """ "35 đơn không thuộc thẩm quyền, đã chỉ đạo, chuyển … 25 đơn và lưu theo quy định 10 đơn"."""
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
    return f"{format_count(outside)} đơn không thuộc thẩm quyền" + (
        ", " + join(ways, " và ") if ways else ""
    )


def _own_clause(own_resolved: int, own_in_progress: int) -> str:
    """ "02 đơn thuộc thẩm quyền, đang chỉ đạo tham mưu xử lý" (or resolved, or both)."""
    if own_resolved and own_in_progress:
        state = (
            f"đã giải quyết {format_count(own_resolved)} đơn, "
            f"đang chỉ đạo tham mưu xử lý {format_count(own_in_progress)} đơn"
        )
    elif own_resolved:
        state = "đã giải quyết xong"
    else:
        state = "đang chỉ đạo tham mưu xử lý"
    return f"{format_count(own_resolved + own_in_progress)} đơn thuộc thẩm quyền, {state}"


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
    sentence = f"tiếp nhận {format_count(received)} đơn thư của công dân ({join(kinds, ' và ')})"
    handled = []
    if outside:
        handled.append(_outside_clause(outside, forwarded, filed))
    if own:
        handled.append(_own_clause(own_resolved, own_in_progress))
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
