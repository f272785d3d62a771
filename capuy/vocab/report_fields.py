"""The fields (lĩnh vực) a report groups decisions and tasks by
(``vocab/report_templates/fields.yaml``), and which field a text belongs to.

Here, below the record apps, because the meetings app's report sections classify agenda items
and tasks with it; ``capuy.reports.templating`` re-exports both functions.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from capuy.text import search_key
from capuy.vocab.loader import load_data, resolve_source

__all__ = ["classify", "field_labels"]


@cache
def _fields() -> tuple[dict[str, Any], ...]:
    data = load_data("report_templates/fields")
    for entry in data["fields"]:
        resolve_source(entry, data.get("sources") or {}, "report_templates/fields.yaml")
    return tuple(data["fields"])


def field_labels() -> dict[str, dict[str, str]]:
    """Each field's code → its entry (``decision_label``, ``task_label``, ``words``)."""
    return {f["code"]: f for f in _fields()}


def classify(text: str, allowed: list[str]) -> str | None:
    """The first field (file order) among ``allowed`` whose words occur in ``text``."""
    key = f" {search_key(text)} "
    for spec in _fields():
        if spec["code"] not in allowed:
            continue
        for word in spec["words"]:
            if f" {search_key(word)} " in key or search_key(word) in key:
                return str(spec["code"])
    return None
