"""Issuing-body codes (TW, TU, HU, UBKTTU, UBND, UBTVQH15 …) and what they stand for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from capuy.text.normalize import fix_lookalikes, nfc, search_key
from capuy.vocab.loader import load_data, resolve_source

__all__ = ["Issuer", "issuer_by_code", "issuer_code_for_name", "issuer_names", "issuers"]

_LEGISLATURE = re.compile(r"(?P<base>.*?[^\d])(?P<number>\d{1,2})")


@dataclass(frozen=True, slots=True)
class Issuer:
    """An issuing body's code. ``numbered`` codes take the legislature number (UBTVQH15);
    ``number`` is that number when the Issuer was looked up with it, else None."""

    code: str
    name: str
    level: str
    system: str
    source: str
    note: str = ""
    numbered: bool = False
    number: int | None = None


@cache
def _all_issuers() -> tuple[Issuer, ...]:
    data = load_data("issuers")
    result = []
    for system in ("party", "state"):
        for entry in data[system]:
            result.append(
                Issuer(
                    code=entry["code"],
                    name=entry["name"],
                    level=entry["level"],
                    system=system,
                    source=resolve_source(entry, data["sources"], f"issuers.yaml {system}"),
                    note=(entry.get("note") or "").strip(),
                    numbered=bool(entry.get("numbered", False)),
                )
            )
    return tuple(result)


def issuers(system: str | None = None) -> list[Issuer]:
    """All issuer codes (Party first, then State), or those of one system."""
    return [i for i in _all_issuers() if system is None or i.system == system]


def _name_variants(name: str) -> list[str]:
    """The names an issuer entry stands for.

    ``Ban Tổ chức Tỉnh ủy (Thành ủy; Thị ủy)`` is also ``Ban Tổ chức Thành ủy`` and ``Ban Tổ
    chức Thị ủy``: each alternative replaces as many trailing words; commas separate names.
    """
    match = re.fullmatch(r"(?P<base>[^()]*?)\s*\((?P<alts>[^()]*)\)\s*", name)
    if not match:
        return name.split(",")
    base = match.group("base").split()
    variants = [" ".join(base)]
    for alternative in match.group("alts").split(";"):
        words = alternative.split()
        if 0 < len(words) < len(base):
            variants.append(" ".join(base[: -len(words)] + words))
    return variants


def issuer_names(system: str = "party") -> list[tuple[str, str]]:
    """Each name an issuer entry stands for ("Ban Tổ chức Thị ủy" of "Ban Tổ chức Tỉnh ủy
    (Thành ủy; Thị ủy)"), with its level (central, province, district, commune)."""
    return [
        (variant.strip(), issuer.level)
        for issuer in issuers(system)
        for variant in _name_variants(issuer.name)
        if variant.strip()
    ]


def issuer_code_for_name(name: str, system: str = "party") -> str:
    """The code of the issuer an issuing body's name starts with (``THỊ ỦY ĐỨC PHỔ`` → ``TU``).

    The longest matching issuer name wins, tone- and case-insensitive; "" when none matches.
    """
    key = search_key(name)
    best = ("", 0)
    for candidate in issuers(system):
        for alias in _name_variants(candidate.name):
            alias_key = search_key(alias)
            matches = alias_key and (key == alias_key or key.startswith(alias_key + " "))
            if matches and len(alias_key) > best[1]:
                best = (candidate.code, len(alias_key))
    return best[0]


def issuer_by_code(code: str) -> Issuer | None:
    """The body a code stands for; "UBTVQH15" gives UBTVQH with ``number=15``."""
    wanted = fix_lookalikes(nfc(code.strip()))
    by_code = {i.code: i for i in _all_issuers()}
    if wanted in by_code:
        return by_code[wanted]
    match = _LEGISLATURE.fullmatch(wanted)
    if match:
        base = by_code.get(match.group("base"))
        if base is not None and base.numbered:
            return Issuer(
                code=base.code,
                name=base.name,
                level=base.level,
                system=base.system,
                source=base.source,
                note=base.note,
                numbered=True,
                number=int(match.group("number")),
            )
    return None
