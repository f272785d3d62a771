"""Report periods typed the way people write them, and named in Vietnamese for files.

``read_period("Quý I/2024")`` → ("quarterly", "2024-Q1"); "tháng 2/2024", "6 tháng đầu năm
2024", "9 tháng đầu năm 2024", "năm 2024", "nhiệm kỳ 2020 - 2025", "giữa nhiệm kỳ 2020 -
2025", "từ ngày 18/5/2021 đến ngày 26/02/2024" likewise; the short spellings ("2024-02",
"2024-Q1", "2024-H1", "2020-2025") still work. The words are read by ``capuy.text``'s period
grammar and matched to a kind through ``vocab/report_periods.yaml`` (its names and
``period_words``), so the kind may be left out, typed in Vietnamese ("quý", "Báo cáo quý") or
given by its code. ``period_slug`` names a report's file without English ("bao-cao-quy-i-2024").

Pure: no Django.
"""

from __future__ import annotations

import re

from capuy.errors import InputError
from capuy.text.normalize import nfc, search_key
from capuy.text.periods import Period, parse_period
from capuy.vocab import report_period, report_periods
from capuy.vocab.report_periods import report_period_for

EXAMPLES = "tháng 2/2024, quý I/2024, 6 tháng đầu năm 2024, năm 2024, nhiệm kỳ 2020 - 2025"

# the short spellings (capuy/reports/periods.py) and the kind each one names when none is given
_SHORT = (
    (r"\d{4}-\d{1,2}", "monthly"),
    (r"\d{4}-Q[1-4]", "quarterly"),
    (r"\d{4}-H1", "six_month"),
    (r"\d{4}-9M", "nine_month"),
    (r"\d{4}(-Y)?", "yearly"),
    (r"\d{4}\s*-\s*\d{4}", "term"),
    (r"\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}", "thematic"),
)
_HALF_TERM = re.compile(r"^(?:giữa|nửa(?: đầu)?)\s+(?=nhiệm\s+kỳ)", re.IGNORECASE)


def kind_name(code: str) -> str:
    """The kind's Vietnamese name ("Báo cáo quý"), or the code itself if unknown."""
    known = report_period(code)
    return known.name if known else code


def kind_code(text: str) -> str:
    """The kind's code from its code, its Vietnamese name or its period word ("quý",
    "Báo cáo quý", "6 tháng đầu năm"); "" when empty. ``InputError`` when unknown."""
    key = search_key((text or "").replace("-", " ").replace("_", " "))
    if not key:
        return ""
    for kind in report_periods():
        names = [kind.code.replace("_", " "), kind.name, *kind.period_words]
        if kind.name.startswith("Báo cáo "):
            names.append(kind.name[len("Báo cáo ") :])  # "quý", "tổng kết năm"
        if key in {search_key(n) for n in names}:
            return kind.code
    listed = "; ".join(kind.name for kind in report_periods())
    raise InputError(
        f"Loại báo cáo “{text}” không có (chọn: {listed})",
        f"unknown report kind {text!r} (one of: {', '.join(k.code for k in report_periods())})",
    )


def _short(spec: str) -> str | None:
    """The kind a short spelling names, or None when ``spec`` is not one."""
    for pattern, code in _SHORT:
        if re.fullmatch(pattern, spec, re.IGNORECASE):
            return code
    return None


def _spec(period: Period, kind: str) -> str:
    """The short spelling of ``period`` for a report of ``kind``."""
    if period.kind == "range":
        return f"{period.start.isoformat()}..{period.end.isoformat()}"
    if period.kind == "term":
        return f"{period.start.year}-{period.end.year}"
    year = period.start.year
    if period.kind == "month":
        return f"{year}-{period.start.month:02d}"
    if period.kind == "quarter":
        return f"{year}-Q{(period.start.month - 1) // 3 + 1}"
    suffix = {"six_month": "-H1", "nine_month": "-9M"}.get(kind, "")
    return f"{year}{suffix}"


def _unreadable(text: str) -> InputError:
    return InputError(
        f"Kỳ báo cáo “{text}” không hợp lệ (hãy viết như: {EXAMPLES})",
        f"cannot read the period {text!r} (write e.g. tháng 2/2024, quý I/2024, năm 2024)",
    )


def read_period(text: str, kind: str = "") -> tuple[str, str]:
    """(kind code, short spelling) of a period as typed; ``kind`` may be empty (inferred from
    the period), a code or Vietnamese words. ``InputError`` (in Vietnamese) when the period
    cannot be read or is not one of that kind."""
    code = kind_code(kind)
    typed = " ".join(nfc(text or "").split())
    if not typed:
        raise InputError(f"Nhập kỳ báo cáo (ví dụ: {EXAMPLES})", "a period is required")
    short = _short(typed)
    if short is not None:
        return code or short, typed
    if code and re.fullmatch(r"[\d\sQHMY.\-]+", typed, re.IGNORECASE):
        return code, typed  # a short spelling gone wrong ("2024-Q7"): the kind's grammar says
    half = _HALF_TERM.match(typed)
    try:
        period = parse_period(typed[half.end() :] if half else typed)
    except ValueError as exc:
        raise _unreadable(typed) from exc
    if period.kind == "range":
        found = "thematic"
    elif period.kind == "term":
        found = "mid_term" if half else "term"
    else:
        known = report_period_for(period)
        if known is None:
            raise _unreadable(typed)
        found = known.code
    if code == "conclusion":  # a conclusion takes the period of the report it concludes on
        return code, _spec(period, found)
    if code and code != found and not (code == "mid_term" and found == "term"):
        raise InputError(
            f"“{typed}” là kỳ của {kind_name(found).lower()}, không phải của "
            f"{kind_name(code).lower()}",
            f"{typed!r} is the period of a {found} report, not of a {code} report",
        )
    return code or found, _spec(period, code or found)


def period_slug(kind: str, label: str) -> str:
    """A file name without English or marks: ("quarterly", "quý I/2024") → "bao-cao-quy-i-2024",
    ("conclusion", "9 tháng đầu năm 2024") → "ket-luan-9-thang-dau-nam-2024"."""
    word = "ket-luan" if kind == "conclusion" else "bao-cao"
    if kind == "thematic":
        word = "bao-cao-chuyen-de"
    rest = re.sub(r"[^a-z0-9]+", "-", search_key(label)).strip("-")
    return f"{word}-{rest}" if rest else word


def kind_slug(code: str) -> str:
    """The kind as a URL writes it, in Vietnamese without marks ("quy", "tong-ket-nam")."""
    name = kind_name(code)
    name = name[len("Báo cáo ") :] if name.startswith("Báo cáo ") else name
    return re.sub(r"[^a-z0-9]+", "-", search_key(name)).strip("-")


def slug_choices() -> list[tuple[str, str]]:
    """(slug, Vietnamese name) of every kind: the values of a kind's select in a form."""
    return [(kind_slug(kind.code), kind.name) for kind in report_periods()]


def spec_label(kind: str, spec: str) -> str:
    """How people write a stored period ("2024-Q1" → "quý I/2024"); the spec if unreadable."""
    from capuy.reports.periods import resolve_period  # that module reads typed periods here

    found = re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", spec or "")
    if found:  # a term: its years are enough to name it
        return f"nhiệm kỳ {found[1]} - {found[2]}"
    try:
        return str(resolve_period(kind, spec).period)
    except InputError:
        return spec


def heading(kind: str, spec: str) -> str:
    """The kind's name and its period without saying a word twice: "Báo cáo quý I/2024",
    "Báo cáo sơ kết 6 tháng đầu năm 2024", "Báo cáo tổng kết nhiệm kỳ 2020 - 2025"."""
    name, label = kind_name(kind).split(), spec_label(kind, spec).split()
    shared = max(
        (k for k in range(1, min(len(name), len(label)) + 1) if _same(name[-k:], label[:k])),
        default=0,
    )
    return " ".join([*name, *label[shared:]])


def _same(a: list[str], b: list[str]) -> bool:
    return [w.casefold() for w in a] == [w.casefold() for w in b]
