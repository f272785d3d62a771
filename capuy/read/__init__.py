"""Readers: one per format (.txt/.md, .docx, .pdf), each producing a ``capuy.model.Document``.

They fill ``source, format, lines, blocks, footnotes`` only; the header, outline and citations
are the extractor's job. Bad input raises ``InputError`` (one line, Vietnamese and English).
"""

from capuy.read.dispatch import read_file
from capuy.read.limits import MAX_FILE_BYTES
from capuy.read.plaintext import read_text

__all__ = ["MAX_FILE_BYTES", "read_file", "read_text"]
