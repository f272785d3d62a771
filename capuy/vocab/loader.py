"""Reading the vocabulary's YAML files, with their sources expanded and checked.

Each data file has a ``sources:`` map (key → full citation) and entries whose ``source`` is a
key or a list of keys. The loader turns those into the citation text so a caller never sees a
bare key, and refuses a file with an entry lacking a source: domain knowledge without a
source is an opinion.

Overlay: when the environment variable ``CAPUY_VOCAB_DIR`` names a directory holding
``<name>.yaml``, that file is read instead of the packaged one (the web app's vocabulary
editor writes there). Files absent from the overlay come from the package. After writing an
overlay file call ``capuy.vocab.reload()`` so the cached loaders read it again.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from capuy.text.normalize import nfc

__all__ = [
    "OVERLAY_ENV",
    "check_sources",
    "load_data",
    "overlay_path",
    "overlay_stamp",
    "packaged_text",
    "resolve_source",
]

OVERLAY_ENV = "CAPUY_VOCAB_DIR"


def overlay_stamp() -> tuple[str, int | None]:
    """The overlay directory and its modification time (None when unset or missing): files
    are written by rename and removed by unlink, both of which touch the directory, so the
    stamp changes whenever the overlay does (each web worker's vocabulary cache)."""
    folder = os.environ.get(OVERLAY_ENV, "").strip()
    try:
        return folder, os.stat(folder).st_mtime_ns if folder else None
    except OSError:
        return folder, None


def overlay_path(name: str) -> Path | None:
    """``$CAPUY_VOCAB_DIR/<name>.yaml`` when the variable is set (the file may not exist)."""
    folder = os.environ.get(OVERLAY_ENV, "").strip()
    return Path(folder) / f"{name}.yaml" if folder else None


def packaged_text(name: str) -> str:
    """The text of the file shipped in the package, ignoring any overlay."""
    return resources.files("capuy.vocab").joinpath(f"{name}.yaml").read_text(encoding="utf-8")


@cache
def load_data(name: str) -> dict[str, Any]:
    """The parsed ``<name>.yaml``: the overlay's when it has one, else the packaged one (cached)."""
    overlay = overlay_path(name)
    if overlay is not None and overlay.is_file():
        text = overlay.read_text(encoding="utf-8")
    else:
        text = packaged_text(name)
    data = yaml.safe_load(nfc(text))
    if not isinstance(data, dict):
        raise ValueError(f"capuy/vocab/{name}.yaml: expected a mapping at the top level")
    return data


def check_sources(data: Any, where: str) -> None:
    """Refuse a file whose ``sources`` map or any entry's source is missing or unknown.

    The shape of the files with a ``sources:`` map: every other top-level key holds a list of
    entries, each naming its source. Used to vet an edited file before it is saved.
    """
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected a mapping at the top level")
    sources = data.get("sources")
    if not isinstance(sources, dict) or not sources:
        raise ValueError(f"{where}: the 'sources' map is missing or empty")
    for section, entries in data.items():
        if section == "sources":
            continue
        if not isinstance(entries, list):
            raise ValueError(f"{where}: section {section!r} must be a list of entries")
        for entry in entries:
            if not isinstance(entry, dict):
                raise ValueError(f"{where} {section}: entry {entry!r} is not a mapping")
            resolve_source(entry, sources, f"{where} {section}")


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
