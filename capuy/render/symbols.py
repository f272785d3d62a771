"""The number-and-symbol line of a Party document, derived from its parts through ``capuy.vocab``.

``708`` + ``BÁO CÁO`` + ``THỊ ỦY ĐỨC PHỔ`` → ``708-BC/TU``: the type code comes from the
document-type table (``types_for_word``), the issuer code from the issuer table (the longest
issuer name the issuing body starts with, tone- and case-insensitive). A draft without a number
keeps the blank: ``-BC/HU``.
"""

from __future__ import annotations

from capuy.errors import InputError
from capuy.text import search_key
from capuy.vocab import issuer_by_code, issuers, types_for_word


def party_type_code(kind: str) -> str:
    """The Party type code of a kind word (``BÁO CÁO`` → ``BC``)."""
    for doc_type in types_for_word(kind.strip()):
        if doc_type.system == "party" and doc_type.code:
            return doc_type.code
    raise InputError(
        f"Không biết mã thể loại của '{kind}': ghi rõ 'symbol' trong phần đầu",
        f"no type code known for '{kind}': give 'symbol' in the front matter",
    )


def party_issuer_code(issuer: str) -> str:
    """The Party issuer code of an issuing body's name (``THỊ ỦY ĐỨC PHỔ`` → ``TU``)."""
    key = search_key(issuer)
    best = ("", 0)
    for candidate in issuers("party"):
        for name in candidate.name.split(","):
            name_key = search_key(name)
            matches = name_key and (key == name_key or key.startswith(name_key + " "))
            if matches and len(name_key) > best[1]:
                best = (candidate.code, len(name_key))
    if not best[0]:
        raise InputError(
            f"Không biết mã cơ quan ban hành của '{issuer}': ghi 'issuer_code' hoặc 'symbol'",
            f"no issuer code known for '{issuer}': give 'issuer_code' or 'symbol'",
        )
    return best[0]


def derive_symbol(number: str, kind: str, issuer: str, issuer_code: str = "") -> str:
    """``708-BC/TU``; ``-BC/HU`` when the number is still blank (a draft)."""
    if issuer_code and issuer_by_code(issuer_code) is None:
        raise InputError(
            f"Mã cơ quan ban hành không có trong danh mục: {issuer_code}",
            f"unknown issuer code: {issuer_code}",
        )
    code = issuer_code or party_issuer_code(issuer)
    return f"{number.strip()}-{party_type_code(kind)}/{code}"
