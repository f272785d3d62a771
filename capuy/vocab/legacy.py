"""The pre-Unicode Vietnamese encodings as tables (``legacy_encodings.yaml``).

The reader (``capuy.read.legacy``) decodes with them and the tests, benchmarks and archive
generator encode with them; keeping the bytes in data means a wrong position is fixed in one
file, with its source beside it. Loaded once, returned frozen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from capuy.vocab.loader import load_data, resolve_source

__all__ = ["FontRule", "LegacyTables", "legacy_tables"]


@dataclass(frozen=True)
class FontRule:
    """Fonts whose name starts with ``prefix`` draw ``encoding``; a name ending in
    ``capitals_suffix`` (``.VnTimeH``) is a capitals-only font."""

    prefix: str
    encoding: str
    capitals_suffix: str
    source: str


@dataclass(frozen=True)
class LegacyTables:
    """``tcvn3_font``: the ABC fonts' byte (as a Windows-1252 character, the way Word stores it)
    → letter; ``tcvn3_plain``: byte → letter of the full TCVN 5712 table (plain-text files);
    ``vni``: letter → the characters a VNI font draws it with; ``viqr``: ASCII mark → combining
    mark; ``fonts``: the font-name rules."""

    tcvn3_font: Mapping[str, str]
    tcvn3_plain: Mapping[int, str]
    vni: Mapping[str, str]
    viqr: Mapping[str, str]
    fonts: tuple[FontRule, ...]


def _cp1252_char(byte: int) -> str:
    """The character Word stores for a font byte: Windows-1252's, else the Latin-1 code point."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


@cache
def legacy_tables() -> LegacyTables:
    data = load_data("legacy_encodings")
    sources = data["sources"]
    for section in ("tcvn3", "vni", "viqr", "fonts"):
        for entry in data[section]:
            resolve_source(entry, sources, f"legacy_encodings.yaml {section}")
    font: dict[str, str] = {}
    plain: dict[int, str] = {}
    for entry in data["tcvn3"]:
        byte, char = int(entry["byte"]), str(entry["char"])
        plain[byte] = char
        if entry["set"] == "vn3":
            font[_cp1252_char(byte)] = char
    vni = {str(entry["char"]): str(entry["vni"]) for entry in data["vni"]}
    viqr = {str(entry["mark"]): str(entry["adds"]) for entry in data["viqr"]}
    fonts = tuple(
        FontRule(
            prefix=str(entry["prefix"]).lower(),
            encoding=str(entry["encoding"]),
            capitals_suffix=str(entry.get("capitals_suffix") or ""),
            source=resolve_source(entry, sources, "legacy_encodings.yaml fonts"),
        )
        for entry in data["fonts"]
    )
    return LegacyTables(
        tcvn3_font=MappingProxyType(font),
        tcvn3_plain=MappingProxyType(plain),
        vni=MappingProxyType(vni),
        viqr=MappingProxyType(viqr),
        fonts=fonts,
    )
