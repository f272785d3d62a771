"""The statements the indicators dashboard shows, each with a drill-down to its records.

One row per kind of statement (members, oversight, petitions …): its sentence in report
language (each family's ``stats`` module) and a link per number to the records behind it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from capuy.indicators.batch import count_all
from capuy.members import stats as member_stats
from capuy.orgs.models import Organisation
from capuy.oversight import stats as oversight_stats
from capuy.petitions import stats as petition_stats
from capuy.stats.statement import Statement


@dataclass(frozen=True)
class StatementKind:
    key: str
    title: str
    compute: Callable[[Organisation, dt.date, dt.date], Statement]


STATEMENTS: tuple[StatementKind, ...] = (
    StatementKind(
        "member_count", "Số đảng viên (cuối kỳ)", lambda r, s, e: member_stats.member_count(r, e)
    ),
    StatementKind("admissions", "Kết nạp đảng viên", member_stats.admissions),
    StatementKind("recognitions", "Công nhận đảng viên chính thức", member_stats.recognitions),
    StatementKind(
        "strike_offs", "Xóa tên, cho ra khỏi Đảng", member_stats.strike_offs_and_removals
    ),
    StatementKind("discipline", "Thi hành kỷ luật", oversight_stats.discipline),
    StatementKind("inspections", "Kiểm tra", oversight_stats.inspections),
    StatementKind(
        "supervisions",
        "Giám sát",
        lambda r, s, e: oversight_stats.inspections(r, s, e, activity="supervision"),
    ),
    StatementKind("assets", "Xác minh tài sản, thu nhập", oversight_stats.asset_verifications),
    StatementKind("petitions", "Đơn thư", petition_stats.petitions),
    StatementKind("letters", "Đơn và vụ việc", petition_stats.letters_and_cases),
    StatementKind("resolution", "Giải quyết khiếu nại, tố cáo", petition_stats.resolution_rate),
    StatementKind("dialogues", "Đối thoại với Nhân dân", petition_stats.dialogues),
    StatementKind(
        "ratings",
        "Đánh giá, xếp loại chất lượng (năm cuối kỳ)",
        lambda r, s, e: member_stats.quality_ratings(r, e.year),
    ),
)
STATEMENTS_BY_KEY = {s.key: s for s in STATEMENTS}


PART_LABELS = {
    "members": "đảng viên",
    "admitted": "đảng viên kết nạp",
    "recognised": "được công nhận chính thức",
    "struck_off": "bị xóa tên",
    "removed": "cho ra khỏi Đảng",
    "organisations": "tổ chức đảng",
    "received": "đơn tiếp nhận",
    "verified": "đồng chí được xác minh",
    "out_of_jurisdiction": "không thuộc thẩm quyền",
    "forwarded": "đã chuyển",
    "filed": "lưu",
    "own": "thuộc thẩm quyền",
    "own_resolved": "đã giải quyết",
    "own_in_progress": "đang giải quyết",
    "letters": "đơn trong kỳ",
    "carried_letters": "đơn kỳ trước chuyển sang",
    "cases": "đơn khiếu nại, tố cáo thuộc thẩm quyền",
    "own_dialogues": "đối thoại của bí thư",
    "unit_dialogues": "đối thoại của cơ sở",
}


def drill_url(kind: str, part: str, root: Organisation, start: dt.date, end: dt.date) -> str:
    from django.urls import reverse

    query = urlencode(
        {
            "so_lieu": kind,
            "phan": part,
            "to_chuc": root.pk,
            "tu": start.isoformat(),
            "den": end.isoformat(),
        }
    )
    return f"{reverse('indicators:drill')}?{query}"


def statement_rows(root: Organisation, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Each statement's sentence with a link per number to the records behind it."""
    computed = [(kind, kind.compute(root, start, end)) for kind in STATEMENTS]
    # the parts a statement has already counted (``Statement.counts``) are not counted again;
    # the others' counts in one query (capuy.indicators.batch.count_all), not one each
    missing = [qs for _, st in computed for part, qs in st.records.items() if part not in st.counts]
    counted = iter(count_all(missing))
    rows = []
    for kind, statement in computed:
        links = [
            {
                "name": PART_LABELS.get(part, part),
                "count": statement.counts[part] if part in statement.counts else next(counted),
                "url": drill_url(kind.key, part, root, start, end),
            }
            for part in statement.records
        ]
        rows.append({"title": kind.title, "sentence": statement.as_sentence(), "links": links})
    return rows
