"""The vocabulary loader: sources are required, expanded, and every owned file loads."""

from __future__ import annotations

import pytest

from capuy.vocab import document_types, issuers, report_periods, terms, window_rules
from capuy.vocab.loader import load_data, resolve_source

SOURCES = {"a": "Quy định A", "b": "Hướng dẫn B"}


@pytest.mark.parametrize(
    ("entry", "text"),
    [({"source": "a"}, "Quy định A"), ({"source": ["a", "b"]}, "Quy định A; Hướng dẫn B")],
)
def test_resolve_source_expands_keys(entry: dict, text: str) -> None:
    assert resolve_source(entry, SOURCES, "test") == text


@pytest.mark.parametrize("entry", [{}, {"source": ""}, {"source": []}, {"source": "zzz"}])
def test_an_entry_without_a_known_source_is_refused(entry: dict) -> None:
    with pytest.raises(ValueError):
        resolve_source(entry, SOURCES, "test")


@pytest.mark.parametrize("name", ["document_types", "issuers", "terms", "report_periods"])
def test_every_file_has_sources_and_every_key_is_used(name: str) -> None:
    data = load_data(name)
    used: set[str] = set()
    for section, entries in data.items():
        if section == "sources":
            continue
        for entry in entries:
            keys = entry["source"] if isinstance(entry["source"], list) else [entry["source"]]
            used.update(keys)
    assert used <= set(data["sources"])
    assert set(data["sources"]) <= used, f"unused sources in {name}.yaml"


def test_every_loaded_entry_carries_its_source_text() -> None:
    entries = [
        *document_types("party"),
        *document_types("state"),
        *issuers(),
        *terms("party_congress"),
        *terms("national_assembly"),
        *terms("peoples_council"),
        *report_periods(),
        *window_rules(),
    ]
    assert entries and all(len(e.source) > 10 for e in entries)
