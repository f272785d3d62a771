"""The checker: rules → findings, one module per rule family (DESIGN.md §4, issue 3).

``check(docs, config)`` runs the enabled rules on extracted documents (``capuy.api.check_files``
reads and extracts first); ``findings_to_json`` gives the ``capuy check --json`` contract.
"""

from capuy.check.config import CheckConfig, load_config
from capuy.check.engine import check
from capuy.check.registry import RULES, Rule, all_rules
from capuy.check.report import findings_to_json, print_report

__all__ = [
    "RULES",
    "CheckConfig",
    "Rule",
    "all_rules",
    "check",
    "findings_to_json",
    "load_config",
    "print_report",
]
