"""Domain knowledge as data: document types and codes, issuing bodies, terms, report periods.

The facts live in the YAML files beside this module, each entry with its source, so a newer
regulation changes data, not code. Loaders are cached; the returned objects are frozen.
"""

from capuy.vocab.documents import (
    DocumentType,
    SymbolForm,
    document_types,
    symbol_forms,
    type_by_code,
    type_codes,
    types_for_word,
)
from capuy.vocab.issuers import Issuer, issuer_by_code, issuers

__all__ = [
    "DocumentType",
    "Issuer",
    "SymbolForm",
    "document_types",
    "issuer_by_code",
    "issuers",
    "symbol_forms",
    "type_by_code",
    "type_codes",
    "types_for_word",
]
