"""Reading the vocabulary's YAML files, with their sources expanded and checked.

Each data file has a ``sources:`` map (key → full citation) and entries whose ``source`` is a
key or a list of keys. The loader turns those into the citation text so a caller never sees a
bare key, and refuses a file with an entry lacking a source: domain knowledge without a
source is an opinion.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from capuy.text.normalize import nfc

__all__ = ["load_data", "resolve_source"]


@cache
def load_data(name: str) -> dict[str, Any]:
    """The parsed YAML file ``capuy/vocab/<name>.yaml`` (cached; treat it as read-only)."""
    text = resources.files("capuy.vocab").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(nfc(text))
    if not isinstance(data, dict):
        raise ValueError(f"capuy/vocab/{name}.yaml: expected a mapping at the top level")
    return data


def resolve_source(entry: dict[str, Any], sources: dict[str, str], where: str) -> str:
    """The entry's source as text: its keys expanded and joined with "; "."""
    keys = entry.get("source")
    if not keys:
        raise ValueError(f"{where}: entry {entry!r} has no source")
    if isinstance(keys, str):
        keys = [keys]
    missing = [key for key in keys if key not in sources]
    if missing:
        raise ValueError(f"{where}: unknown source key(s) {missing} in {entry!r}")
    return "; ".join(sources[key] for key in keys)
