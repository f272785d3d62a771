"""Which files an import offers to the readers.

The reader layer (``capuy.read``) has no function that lists what it can read yet, so the list
lives here in ONE constant, the formats issue 12 asks the readers for. A file with one of these
extensions is always handed to the reader: when the reader cannot read it yet (an old ``.doc``
before LibreOffice reading is merged, a scan before OCR), the file is reported as unreadable
with the reader's own reason, and a later run picks it up. When ``capuy.read`` grows a
``SUPPORTED_SUFFIXES`` collection, it is used instead, so this list never drifts from the
readers.
"""

from __future__ import annotations

from pathlib import Path

DOCUMENT_SUFFIXES: frozenset[str] = frozenset(
    {
        ".txt",
        ".md",
        ".docx",
        ".pdf",
        ".doc",
        ".rtf",
        ".odt",
        ".wpd",
        ".png",
        ".jpg",
        ".jpeg",
        ".tif",
        ".tiff",
    }
)
"""Document formats of an office archive (issue 12): text, Word, LibreOffice, PDF, scans."""

IGNORED_NAMES: frozenset[str] = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})
"""Files that operating systems leave in folders; not even worth a line in the report."""


def accepted_suffixes() -> frozenset[str]:
    """The reader layer's own list when it has one, else ``DOCUMENT_SUFFIXES``."""
    import capuy.read

    declared = getattr(capuy.read, "SUPPORTED_SUFFIXES", None)
    if declared:
        return frozenset(s.lower() for s in declared)
    return DOCUMENT_SUFFIXES


def is_document(path: str | Path) -> bool:
    return Path(path).suffix.lower() in accepted_suffixes()


def is_ignored(path: str | Path) -> bool:
    name = Path(path).name.lower()
    return name in IGNORED_NAMES or name.startswith("~$") or name.startswith("._")
