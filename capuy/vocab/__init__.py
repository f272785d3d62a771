"""Domain knowledge as data: document types and codes, issuing bodies, terms, report periods.

The facts live in the YAML files beside this module, each entry with its source, so a newer
regulation changes data, not code. Loaders are cached; the returned objects are frozen.
An installation may override a file with ``$CAPUY_VOCAB_DIR/<name>.yaml`` (see ``loader``);
``reload()`` drops the cached lists after such a file changes.
"""

import functools
import sys

from capuy.vocab.documents import (
    DocumentType,
    SymbolForm,
    document_types,
    symbol_forms,
    type_by_code,
    type_code_for_word,
    type_codes,
    types_for_word,
)
from capuy.vocab.issuers import Issuer, issuer_by_code, issuer_code_for_name, issuers
from capuy.vocab.report_periods import (
    ReportPeriodKind,
    WindowRule,
    report_period,
    report_period_for,
    report_periods,
    report_window,
    window_rule,
    window_rules,
)
from capuy.vocab.terms import BODIES, Term, term_for, terms, terms_at

__all__ = [
    "BODIES",
    "DocumentType",
    "Issuer",
    "ReportPeriodKind",
    "SymbolForm",
    "Term",
    "WindowRule",
    "document_types",
    "issuer_by_code",
    "issuer_code_for_name",
    "issuers",
    "report_period",
    "report_period_for",
    "report_periods",
    "report_window",
    "symbol_forms",
    "term_for",
    "terms",
    "terms_at",
    "type_by_code",
    "type_code_for_word",
    "type_codes",
    "types_for_word",
    "window_rule",
    "reload",
    "window_rules",
]


def reload() -> None:
    """Forget every cached vocabulary so the next call reads the files (and overlay) again.

    The lists are cached by ``functools.cache`` in capuy.vocab and in the modules built on it
    (capuy.orgs.kinds, capuy.extract.tokens…), so every such cache of a loaded capuy module
    is cleared; they are all rebuilt lazily on the next call.
    """
    for module_name, module in list(sys.modules.items()):
        if module is None or not (module_name == "capuy" or module_name.startswith("capuy.")):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()
