"""Where a composed report's figures come from — kept for the old import path.

The values and their records (``Source``, ``Provenance``) live in the registry of sections
(``capuy.stats.sections``); the statements themselves in the record apps' own
``report_sections`` modules, registered from their ``AppConfig.ready()``.
"""

from __future__ import annotations

from capuy.orgs.lookup import subordinate_units
from capuy.stats.sections import Provenance, Source, committee_short

__all__ = ["Provenance", "Source", "committee_short", "subordinate_units"]
