"""Kinds of organisation and of committee body, read from ``capuy/vocab/organisations.yaml``.

Kept as data so a new kind (the 2025 reorganisation added and removed some) is a data change;
model fields take their choices from here through callables, so migrations do not freeze them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from capuy.vocab.loader import load_data, resolve_source

__all__ = [
    "BodyKind",
    "OrgKind",
    "body_kind",
    "body_kind_choices",
    "body_kinds",
    "org_kind",
    "org_kind_choices",
    "org_kinds",
]


@dataclass(frozen=True, slots=True)
class OrgKind:
    key: str
    name: str
    committee: str
    code: str
    level: int
    source: str


@dataclass(frozen=True, slots=True)
class BodyKind:
    key: str
    name: str
    prefix: str
    source: str

    def symbol_code(self, committee_code: str) -> str:
        """The code a body of this kind writes after the slash: UBKT + TU → UBKTTU."""
        return f"{self.prefix}{committee_code}"


@cache
def org_kinds() -> tuple[OrgKind, ...]:
    data = load_data("organisations")
    return tuple(
        OrgKind(
            key=e["key"],
            name=e["name"],
            committee=e["committee"],
            code=e["code"],
            level=int(e["level"]),
            source=resolve_source(e, data["sources"], "organisations.yaml organisation_kinds"),
        )
        for e in data["organisation_kinds"]
    )


@cache
def body_kinds() -> tuple[BodyKind, ...]:
    data = load_data("organisations")
    return tuple(
        BodyKind(
            key=e["key"],
            name=e["name"],
            prefix=e.get("prefix") or "",
            source=resolve_source(e, data["sources"], "organisations.yaml body_kinds"),
        )
        for e in data["body_kinds"]
    )


def org_kind(key: str) -> OrgKind:
    for kind in org_kinds():
        if kind.key == key:
            return kind
    raise KeyError(key)


def body_kind(key: str) -> BodyKind:
    for kind in body_kinds():
        if kind.key == key:
            return kind
    raise KeyError(key)


def org_kind_choices() -> list[tuple[str, str]]:
    return [(k.key, k.name) for k in org_kinds()]


def body_kind_choices() -> list[tuple[str, str]]:
    return [(k.key, k.name) for k in body_kinds()]
