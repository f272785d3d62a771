"""The statements the indicators dashboard shows, each with a drill-down to its records.

One row per kind of statement (members, oversight, petitions …): its sentence in report
language (each family's ``stats`` module) and a link per number to the records behind it.

A link shows how many records it leads to. Most of those counts are numbers the statement
has just counted from the very same queryset (``COUNTED_AS``: the admissions' number *is*
the count of ``records["admitted"]``), so they are read from ``Statement.numbers``; only the
parts no number counts are asked of the database, in one query (``link_counts``). The
computed indicators of the page's table count the same querysets as some statement parts
(``SOURCE_PARTS``: ``members.admissions`` is the admissions' ``admitted``), so the page
reads their values from the same counts. Nothing is kept between requests: every count is
this request's (tests/web/test_indicators_counts.py checks each against ``count()``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
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


# (statement kind, part) → the number of ``Statement.numbers`` that is the count of
# ``records[part]``: the stats function counted exactly that queryset (or the same rows in
# one grouped pass) to state it. A part not listed here is counted by the database.
COUNTED_AS: dict[tuple[str, str], str] = {
    ("member_count", "members"): "members",
    ("admissions", "admitted"): "admitted",
    ("recognitions", "recognised"): "recognised",
    ("strike_offs", "struck_off"): "struck_off",
    ("strike_offs", "removed"): "removed",
    ("discipline", "members"): "members",
    ("discipline", "organisations"): "organisations",
    ("inspections", "members"): "members",
    ("inspections", "organisations"): "organisations",
    ("supervisions", "members"): "members",
    ("supervisions", "organisations"): "organisations",
    ("assets", "verified"): "verified",
    ("petitions", "received"): "received",
    ("petitions", "out_of_jurisdiction"): "out_of_jurisdiction",
    ("petitions", "forwarded"): "forwarded",
    ("petitions", "filed"): "filed",
    ("petitions", "own"): "own",
    ("petitions", "own_resolved"): "own_resolved",
    ("petitions", "own_in_progress"): "own_in_progress",
    ("letters", "letters"): "letters",
    ("letters", "carried_letters"): "carried_letters",
    ("dialogues", "own_dialogues"): "own",
    ("dialogues", "unit_dialogues"): "unit_dialogues",
    ("ratings", "organisations"): "organisations_rated",
    ("ratings", "members"): "members_rated",
}

# A computed indicator's source (``capuy.stats.counts``) → the statement part whose records
# are the same queryset for the same subtree and period (the same function builds both, so
# the SQL is the same text: tests/web/test_indicators_counts.py). ``petitions.resolved`` is
# the petitions' ``own_resolved`` by meaning but built by other filter calls: counted apart.
SOURCE_PARTS: dict[str, tuple[str, str]] = {
    "members.admissions": ("admissions", "admitted"),
    "members.recognitions": ("recognitions", "recognised"),
    "members.strike_offs": ("strike_offs", "struck_off"),
    "members.removals": ("strike_offs", "removed"),
    "members.count": ("member_count", "members"),
    "oversight.disciplined_members": ("discipline", "members"),
    "oversight.disciplined_organisations": ("discipline", "organisations"),
    "oversight.inspected_members": ("inspections", "members"),
    "oversight.inspected_organisations": ("inspections", "organisations"),
    "petitions.received": ("petitions", "received"),
}

Computed = Sequence[tuple[StatementKind, Statement]]


def compute_statements(root: Organisation, start: dt.date, end: dt.date) -> Computed:
    """Every statement of the page for the subtree and period."""
    return [(kind, kind.compute(root, start, end)) for kind in STATEMENTS]


def link_counts(
    computed: Computed, also: Sequence[Any] = ()
) -> tuple[dict[tuple[str, str], int], list[int]]:
    """``{(kind, part): records[part].count()}`` for every link — the statement's own number
    where it is that count (``COUNTED_AS``), the others in one query (``count_all``) — and,
    in that same query, the counts of the querysets ``also``."""
    counts: dict[tuple[str, str], int] = {}
    asked: list[tuple[tuple[str, str], Any]] = []
    for kind, statement in computed:
        for part, records in statement.records.items():
            number = statement.numbers.get(COUNTED_AS.get((kind.key, part), ""))
            if isinstance(number, int):
                counts[(kind.key, part)] = number
            else:
                asked.append(((kind.key, part), records))
    found = count_all([records for _, records in asked] + list(also))
    counts.update({key: n for (key, _), n in zip(asked, found, strict=False)})
    return counts, found[len(asked) :]


def statement_rows(
    root: Organisation,
    start: dt.date,
    end: dt.date,
    computed: Computed | None = None,
    counts: dict[tuple[str, str], int] | None = None,
) -> list[dict[str, Any]]:
    """Each statement's sentence with a link per number to the records behind it (the
    statements and their counts computed here unless the caller has them already)."""
    if computed is None:
        computed = compute_statements(root, start, end)
    if counts is None:
        counts, _ = link_counts(computed)
    rows = []
    for kind, statement in computed:
        links = [
            {
                "name": PART_LABELS.get(part, part),
                "count": counts[(kind.key, part)],
                "url": drill_url(kind.key, part, root, start, end),
            }
            for part in statement.records
        ]
        rows.append({"title": kind.title, "sentence": statement.as_sentence(), "links": links})
    return rows
