"""Document types (thể loại văn bản) of the Party and the State, and their symbol codes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from capuy.text.normalize import fix_lookalikes, normalize_tones
from capuy.vocab.loader import load_data, resolve_source

__all__ = [
    "DocumentType",
    "SymbolForm",
    "document_types",
    "symbol_forms",
    "type_by_code",
    "type_codes",
    "type_code_for_word",
    "types_for_word",
]

System = Literal["party", "state"]
_SYSTEMS: tuple[System, ...] = ("party", "state")


@dataclass(frozen=True, slots=True)
class DocumentType:
    """One type: ``code`` as in symbols (None when the type has none, like a State công văn),
    ``words`` as written in text (the name first), ``variants`` = other codes seen in practice."""

    code: str | None
    name: str
    words: tuple[str, ...]
    system: str
    variants: tuple[str, ...] = ()
    source: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class SymbolForm:
    """How a symbol is composed, e.g. ``{number}/{year}/{type}-{issuer}`` (48/2021/QĐ-UBND)."""

    system: str
    form: str
    example: str
    note: str
    source: str


def _word_key(word: str) -> str:
    return " ".join(fix_lookalikes(normalize_tones(word)).casefold().split())


@cache
def _all_types() -> dict[str, tuple[DocumentType, ...]]:
    data = load_data("document_types")
    sources = data["sources"]
    result: dict[str, tuple[DocumentType, ...]] = {}
    for system in _SYSTEMS:
        types = []
        for entry in data[system]:
            words = tuple(entry.get("words") or [entry["name"]])
            types.append(
                DocumentType(
                    code=entry.get("code"),
                    name=entry["name"],
                    words=words,
                    system=system,
                    variants=tuple(entry.get("variants") or ()),
                    source=resolve_source(entry, sources, f"document_types.yaml {system}"),
                    note=(entry.get("note") or "").strip(),
                )
            )
        result[system] = tuple(types)
    return result


def document_types(system: System = "party") -> list[DocumentType]:
    """All document types of ``system`` ("party" or "state"), in the order of the data file."""
    if system not in _SYSTEMS:
        raise ValueError(f"unknown system {system!r}; expected one of {_SYSTEMS}")
    return list(_all_types()[system])


def type_codes(system: System = "party") -> list[str]:
    """Every code (and variant) of ``system``, longest first — ready for a regex alternation."""
    codes = {code for t in document_types(system) for code in (t.code, *t.variants) if code}
    return sorted(codes, key=lambda c: (-len(c), c))


def type_by_code(code: str, system: System = "party") -> DocumentType | None:
    """The type whose code is ``code`` (exact, case-sensitive: QĐi ≠ QĐI); a variant only when
    no type has it as its own code (so Party "QĐ" is Quyết định, not Quy định)."""
    wanted = fix_lookalikes(normalize_tones(code.strip()))
    types = document_types(system)
    for t in types:
        if t.code == wanted:
            return t
    for t in types:
        if wanted in t.variants:
            return t
    return None


@cache
def _types_by_word() -> dict[str, tuple[DocumentType, ...]]:
    index: dict[str, list[DocumentType]] = {}
    for system in _SYSTEMS:
        for t in _all_types()[system]:
            for word in t.words:
                index.setdefault(_word_key(word), []).append(t)
    return {key: tuple(value) for key, value in index.items()}


def types_for_word(word: str) -> list[DocumentType]:
    """The types (Party first, then State) written with ``word`` in text, e.g. "quyết định",
    "Chương trình hành động"; tone placement and case do not matter."""
    return list(_types_by_word().get(_word_key(word), ()))


def type_code_for_word(word: str, system: System = "party") -> str:
    """The code of the first type of ``system`` written with ``word`` (``BÁO CÁO`` → ``BC``)."""
    for doc_type in types_for_word(word.strip()):
        if doc_type.system == system and doc_type.code:
            return doc_type.code
    return ""


@cache
def _symbol_forms() -> tuple[SymbolForm, ...]:
    data = load_data("document_types")
    return tuple(
        SymbolForm(
            system=entry["system"],
            form=entry["form"],
            example=str(entry["example"]),
            note=(entry.get("note") or "").strip(),
            source=resolve_source(entry, data["sources"], "document_types.yaml symbol_forms"),
        )
        for entry in data["symbol_forms"]
    )


def symbol_forms(system: System | None = None) -> list[SymbolForm]:
    """The documented symbol forms, for one system or both."""
    return [f for f in _symbol_forms() if system is None or f.system == system]
