"""The number-and-symbol line of a Party document, derived from its parts through ``capuy.vocab``.

``708`` + ``BÁO CÁO`` + ``THỊ ỦY ĐỨC PHỔ`` → ``708-BC/TU``: the type code comes from the
document-type table (``types_for_word``), the issuer code from the issuer table (the longest
issuer name the issuing body starts with, tone- and case-insensitive). A draft without a number
keeps the blank: ``-BC/HU``.
"""

from __future__ import annotations

from capuy.errors import InputError
from capuy.vocab import issuer_by_code, issuer_code_for_name, type_code_for_word


def party_type_code(kind: str) -> str:
    """The Party type code of a kind word (``BÁO CÁO`` → ``BC``)."""
    if code := type_code_for_word(kind):
        return code
    raise InputError(
        f"Không biết mã thể loại của '{kind}': ghi rõ 'symbol' trong phần đầu",
        f"no type code known for '{kind}': give 'symbol' in the front matter",
    )


def party_issuer_code(issuer: str) -> str:
    """The Party issuer code of an issuing body's name (``THỊ ỦY ĐỨC PHỔ`` → ``TU``)."""
    if code := issuer_code_for_name(issuer):
        return code
    raise InputError(
        f"Không biết mã cơ quan ban hành của '{issuer}': ghi 'issuer_code' hoặc 'symbol'",
        f"no issuer code known for '{issuer}': give 'issuer_code' or 'symbol'",
    )


def derive_symbol(number: str, kind: str, issuer: str, issuer_code: str = "") -> str:
    """``708-BC/TU``; ``-BC/HU`` when the number is still blank (a draft)."""
    if issuer_code and issuer_by_code(issuer_code) is None:
        raise InputError(
            f"Mã cơ quan ban hành không có trong danh mục: {issuer_code}",
            f"unknown issuer code: {issuer_code}",
        )
    code = issuer_code or party_issuer_code(issuer)
    return f"{number.strip()}-{party_type_code(kind)}/{code}"
