"""Reports composed from the records: kinds and periods, templates as data, composition with
provenance, the workflow draft → checked → approved → issued → submitted, and the roll-up at
the level above (issue 7)."""
