"""Statistics that speak the report's language — the part below the record apps.

- ``capuy.stats.phrases``: numbers → the Vietnamese clause a Party report writes (pure, no
  database; usable from the core);
- ``capuy.stats.statement``: what every statistics function returns;
- ``capuy.stats.counts``: the registry of counts (record sets behind a figure) that the record
  apps fill from ``AppConfig.ready()``, and the target lookup the indicators app provides;
- ``capuy.stats.synth``: what the families' synthetic-data generators share (scale, random
  source, batches) and the registry that runs them in order.

Each record app owns its own statistics (``capuy.members.stats``, ``capuy.oversight.stats``,
``capuy.petitions.stats``) and synthetic data (``<app>/synth.py``); nothing here imports them.
"""

from capuy.stats.statement import Statement

__all__ = ["Statement"]
