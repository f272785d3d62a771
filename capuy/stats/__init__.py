"""Statistics that speak the report's language.

- ``capuy.stats.phrases``: numbers → the Vietnamese clause a Party report writes (pure, no
  database; usable from the core);
- ``capuy.stats.counts``: the record sets behind each figure for a subtree and period (Django);
- ``capuy.stats.records``: one function per kind of statement, counting the records and
  phrasing them, with the records attached for drill-down (Django).
"""

from capuy.stats.statement import Statement

__all__ = ["Statement"]
