"""Whose document it is: whether a read header names the importing committee (or one of its
bodies) as issuer — outgoing — and which of its bodies issued it, from the issuing body, its
superior, the symbol's issuer code and the signer's capacity (issue 12). Used by
``capuy.archive.filing`` to file an item as outgoing or incoming."""

from __future__ import annotations

import datetime as dt
from typing import Any

from capuy.orgs.models import Body, Organisation, valid_at_q
from capuy.text import search_key

__all__ = ["is_own_issuer", "issuing_body_for", "meta_date"]

_COLLECTIVE_PREFERENCE = ("btv", "bch", "thuong_truc")
_CAPACITY_KINDS = (
    ("BAN THƯỜNG VỤ", "btv"),
    ("THƯỜNG TRỰC", "thuong_truc"),
    ("BAN CHẤP HÀNH", "bch"),
)


def _committee_keys(organisation: Organisation) -> set[str]:
    return {search_key(n) for n in (organisation.committee_name, organisation.name) if n}


def is_own_issuer(organisation: Organisation, meta: dict[str, Any]) -> bool:
    """Whether the header names ``organisation``'s committee or one of its bodies as issuer."""
    issuer = search_key(meta.get("issuer", ""))
    if not issuer:
        return False
    committee = _committee_keys(organisation)
    superior = search_key(meta.get("superior", ""))
    return (
        issuer in committee
        or superior in committee
        or any(issuer.endswith(" " + key) for key in committee)
        or bool(_bodies_named(organisation, issuer))
    )


def _bodies_named(organisation: Organisation, issuer: str) -> list[Body]:
    """Bodies whose own name the issuer line gives ("Ban Thường vụ Thị ủy", as an appendix
    note names the town's standing committee without the town's name)."""
    found = []
    for body in Body.objects.filter(organisation=organisation):
        key = search_key(body.name)
        if key and (issuer == key or issuer.startswith(key + " ")):
            found.append(body)
    return found


def issuing_body_for(organisation: Organisation, meta: dict[str, Any]) -> Body | None:
    """The body of ``organisation`` that issued the document, or None (then it is incoming)."""
    issuer = search_key(meta.get("issuer", ""))
    superior = search_key(meta.get("superior", ""))
    if not issuer:
        return None
    committee = _committee_keys(organisation)
    on = meta_date(meta)
    bodies = Body.objects.filter(organisation=organisation)
    if on is not None:
        bodies = bodies.filter(valid_at_q(on))
    candidates: list[Body]
    if issuer in committee:
        candidates = [b for b in bodies if b.kind in _COLLECTIVE_PREFERENCE]
    elif superior in committee or any(issuer.endswith(" " + key) for key in committee):
        # "THỊ ỦY ĐỨC PHỔ" / "BAN TỔ CHỨC", or "ỦY BAN KIỂM TRA THỊ ỦY ĐỨC PHỔ"
        from capuy.orgs.kinds import body_kind

        candidates = [
            b
            for b in bodies
            if b.kind not in _COLLECTIVE_PREFERENCE
            and issuer.startswith(search_key(body_kind(b.kind).name))
        ]
    else:
        candidates = [b for b in _bodies_named(organisation, issuer) if b in set(bodies)]
    code = meta.get("issuer_code", "")
    if code:
        candidates = [b for b in candidates if b.code == code]
    if not candidates:
        return None
    capacity = (meta.get("signer_capacity") or "").upper()
    for words, kind in _CAPACITY_KINDS:
        if words in capacity:
            for body in candidates:
                if body.kind == kind:
                    return body
    order = {kind: index for index, kind in enumerate(_COLLECTIVE_PREFERENCE)}
    return min(candidates, key=lambda b: (order.get(b.kind, 99), b.pk))


def meta_date(meta: dict[str, Any]) -> dt.date | None:
    raw = meta.get("date") or ""
    try:
        return dt.date.fromisoformat(raw) if raw else None
    except ValueError:
        return None
