"""capuy.extract — structure, citations and quantities of a Party document.

The public API is tiny (like eyecite's ``get_citations``)::

    extract(doc) -> Document          # fills header, title, sections, signature, recipients,
                                      # appendices, citations, quantities; links footnotes
    extract_file(path) -> Document    # read_document + extract
    read_document(path) -> Document   # capuy.read.read_file, one-line errors only
    to_json(doc) -> dict              # the ``capuy extract --json`` contract (DESIGN.md §4)
    find_citations(text, line=1)      # citations in a plain string
    find_quantities(text, line=1)     # quantities in a plain string

One module per stage: ``tokens`` (patterns built from the vocab data), ``layout``, ``header``,
``frontmatter`` (the YAML header of an authored .md), ``outline``, ``closing``, ``appendix``,
``citations``, ``resolve``, ``quantities``, ``jsonout``; ``pipeline`` runs them in order.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from capuy.extract.citations import find_citations
from capuy.extract.jsonout import to_json
from capuy.extract.pipeline import extract
from capuy.extract.quantities import find_quantities
from capuy.model import Document


def extract_file(path: str | Path) -> Document:
    """Read ``path`` (.txt .md .docx .pdf) and extract it. Bad input raises ``InputError``."""
    return extract(read_document(path))


def read_document(path: str | Path) -> Document:
    """``capuy.read.read_file`` for a command: a directory is named as such (the reader would
    say "not found") and libraries print nothing beside the one-line ``InputError``."""
    from capuy.errors import InputError
    from capuy.read import read_file

    if Path(path).is_dir():
        raise InputError(
            f"{path} là một thư mục, không phải tệp: hãy ghi tên tệp (ví dụ {path}/*.docx)",
            f"{path} is a directory, not a file: name the files (e.g. {path}/*.docx)",
        )
    with _library_warnings_silenced():
        return read_file(path)


@contextmanager
def _library_warnings_silenced() -> Iterator[None]:
    """pypdf logs what it repairs ("EOF marker not found") to stderr before the reader raises
    its own one-line error; the command must print that one line only."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


__all__ = [
    "extract",
    "extract_file",
    "find_citations",
    "find_quantities",
    "read_document",
    "to_json",
]
