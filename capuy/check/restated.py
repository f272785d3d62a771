"""``duplicate.statistic``: one indicator stated twice in a report with two values.

"tỷ lệ bao phủ bảo hiểm y tế đạt 93,1%" in one section and "… đạt 92,8%" in another: one of
them is a copying mistake. An indicator is a "tỷ lệ …" phrase of at least four words ending in a
percentage; it is compared only with the same phrase word for word. Sentences about targets,
comparisons or other times (kế hoạch, chỉ tiêu, mục tiêu, phấn đấu, so với, cùng kỳ, a year
other than the report's, "năm trước") are left out: they legitimately carry another value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from capuy.check.registry import RULES, register
from capuy.check.units import excerpt, text_units
from capuy.model import Document, Finding

_STATISTIC = re.compile(
    r"(?<![\w])(?P<name>tỷ lệ(?: [^\W\d_]+){3,12}?)\s+(?:đạt|là|còn|giảm còn|tăng lên|lên|ở mức)?"
    r"\s*(?P<value>\d{1,3}(?:,\d+)?)\s*%",
    re.IGNORECASE,
)
_OTHER_TIME = re.compile(
    r"kế hoạch|chỉ tiêu|mục tiêu|phấn đấu|so với|cùng kỳ|năm trước|dự kiến|nghị quyết đề ra"
    r"|\b(?:19|20)\d{2}\b",
    re.IGNORECASE,
)


def _clause(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind(";", 0, start), text.rfind(",", 0, start))
    right_candidates = [
        i for i in (text.find(". ", end), text.find(";", end), text.find(",", end)) if i != -1
    ]
    return text[left + 1 : min(right_candidates, default=len(text))]


@register("duplicate.statistic", "duplicate", "one indicator stated twice with two values")
def restated_statistics(doc: Document) -> Iterator[Finding]:
    rule = RULES["duplicate.statistic"]
    first: dict[str, tuple[str, int]] = {}
    for unit in text_units(doc):
        if "%" not in unit.text:
            continue
        for match in _STATISTIC.finditer(unit.text):
            if _OTHER_TIME.search(_clause(unit.text, match.start(), match.end())):
                continue
            name = " ".join(match.group("name").lower().split())
            name = re.sub(r"\s+(?:đạt|là|còn|giảm|tăng)$", "", name)
            value = match.group("value")
            line = unit.line_at(match.start())
            if name not in first:
                first[name] = (value, line)
                continue
            earlier, earlier_line = first[name]
            if earlier == value or earlier_line == line:
                continue
            yield rule.finding(
                "error",
                line,
                excerpt(unit.text, match.start(), match.end(), context=0),
                f"“{name}” ghi {value}% ở đây nhưng {earlier}% ở dòng {earlier_line}",
                f"{earlier}%",
            )
