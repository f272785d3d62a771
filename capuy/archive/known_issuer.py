"""Whether a scan's issuer line names a body capuy knows (issue 12): an organisation in the
register (its committee's or its own name), a body of one ("BAN TỔ CHỨC" + "THỊ ỦY ĐỨC PHỔ",
"ỦY BAN KIỂM TRA" + "HUYỆN ỦY BÌNH SƠN"), a central body of ``capuy/vocab/issuers.yaml``
("BAN TỔ CHỨC TRUNG ƯƠNG") or a committee of that list with a known place or province
("TỈNH ỦY QUẢNG NGÃI", "ĐẢNG ỦY XÃ BÌNH CHÂU"). Tesseract reads a garbled issuer at high
confidence now and then ("TỈNH ỦY QUẢNG NGÃI Ổ CHỨ BẠN" at 96 %): a scan whose issuer is none
of these goes to a person whatever the page's confidence (``capuy.archive.filing``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from capuy.archive.issuer import is_own_issuer
from capuy.orgs.kinds import body_kinds
from capuy.orgs.models import Organisation
from capuy.text import search_key
from capuy.vocab.areas import area_words
from capuy.vocab.issuers import issuer_names
from capuy.vocab.provinces import provinces
from capuy.vocab.spelling import place_names

__all__ = ["is_known_issuer"]


@cache
def _body_names() -> frozenset[str]:
    """Folded names of the bodies a committee has and of the Party's issuers (vocab): the head
    of an issuer line before its committee or its place."""
    names = {search_key(kind.name) for kind in body_kinds()}
    names.update(search_key(name) for name, _level in issuer_names("party"))
    return frozenset(name for name in names if name)


@cache
def _central_names() -> frozenset[str]:
    """Folded names of the central bodies (vocab), whole issuers on their own."""
    return frozenset(
        search_key(name) for name, level in issuer_names("party") if level == "central"
    )


@cache
def _places() -> frozenset[str]:
    """Folded place names of the vocab, each also after an area word ("xa binh chau")."""
    names = {search_key(name) for name in place_names()}
    names.update(search_key(province.name) for province in provinces())
    areas = [search_key(word) for word in area_words()]
    return frozenset(names | {f"{area} {name}" for area in areas for name in names})


def is_known_issuer(organisation: Organisation, meta: dict[str, Any]) -> bool:
    """Whether ``meta``'s issuer names a known body (see the module); True without an issuer
    (that is the "no-issuer" problem's to say)."""
    key = search_key(meta.get("issuer") or "")
    if not key:
        return True
    if key in _central_names():
        return True
    own = {**meta, "superior": ""}  # the superior line alone does not make the issuer known
    if is_own_issuer(organisation, own):
        return True
    words = key.split()
    suffixes = [" ".join(words[start:]) for start in range(len(words))]
    found = Organisation.objects.filter(committee_key__in=suffixes).values_list(
        "committee_key", flat=True
    )
    for committee in found:
        head = key[: len(key) - len(committee)].strip()
        if not head or head in _body_names():
            return True
    if Organisation.objects.filter(name_key=key).exists():
        return True
    return any(
        key.startswith(body + " ") and key[len(body) + 1 :] in _places() for body in _body_names()
    )
