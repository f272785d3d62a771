"""capuy.extract — structure, citations and quantities of a Party document.

The public API is tiny (like eyecite's ``get_citations``)::

    extract(doc) -> Document          # fills header, title, sections, signature, recipients,
                                      # appendices, citations, quantities; links footnotes
    to_json(doc) -> dict              # the ``capuy extract --json`` contract (DESIGN.md §4)
    find_citations(text, line=1)      # citations in a plain string
    find_quantities(text, line=1)     # quantities in a plain string

One module per stage: ``tokens`` (patterns built from the vocab data), ``layout``, ``header``,
``frontmatter`` (the YAML header of an authored .md), ``outline``, ``closing``, ``appendix``,
``citations``, ``resolve``, ``quantities``, ``jsonout``; ``pipeline`` runs them in order. Reading a file first is ``capuy.api``'s job
(``extract_file``).
"""

from __future__ import annotations

from capuy.extract.citations import find_citations
from capuy.extract.jsonout import to_json
from capuy.extract.pipeline import extract
from capuy.extract.quantities import find_quantities

__all__ = [
    "extract",
    "find_citations",
    "find_quantities",
    "to_json",
]
