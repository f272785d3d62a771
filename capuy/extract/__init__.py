"""capuy.extract — structure, citations and quantities of a Party document.

The public API is tiny (like eyecite's ``get_citations``)::

    extract(doc) -> Document          # fills header, title, sections, signature, recipients,
                                      # appendices, citations, quantities; links footnotes
    extract_file(path) -> Document    # capuy.read.read_file + extract
    to_json(doc) -> dict              # the ``capuy extract --json`` contract (DESIGN.md §4)
    find_citations(text, line=1)      # citations in a plain string
    find_quantities(text, line=1)     # quantities in a plain string

One module per stage: ``tokens`` (patterns built from the vocab data), ``layout``, ``header``,
``frontmatter`` (the YAML header of an authored .md), ``outline``, ``closing``, ``appendix``,
``citations``, ``resolve``, ``quantities``, ``jsonout``; ``pipeline`` runs them in order.
"""

from __future__ import annotations

from pathlib import Path

from capuy.extract.citations import find_citations
from capuy.extract.jsonout import to_json
from capuy.extract.pipeline import extract
from capuy.extract.quantities import find_quantities
from capuy.model import Document


def extract_file(path: str | Path) -> Document:
    """Read ``path`` (.txt .md .docx .pdf) and extract it. Bad input raises ``InputError``."""
    from capuy.errors import InputError
    from capuy.read import read_file

    if Path(path).is_dir():
        # The reader would say "not found", which sends a clerk looking for a missing file.
        raise InputError(
            f"{path} là một thư mục, không phải tệp: hãy ghi tên tệp (ví dụ {path}/*.docx)",
            f"{path} is a directory, not a file: name the files (e.g. {path}/*.docx)",
        )
    return extract(read_file(path))


__all__ = ["extract", "extract_file", "find_citations", "find_quantities", "to_json"]
