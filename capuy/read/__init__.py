"""Readers: one per format (.txt/.md, .docx, .pdf), each producing a ``capuy.model.Document``.

They fill ``source, format, lines, blocks, footnotes`` only (blocks with their ``emphasis``
ranges); the header, outline and citations are the extractor's job. Bad input raises
``InputError`` (one line, Vietnamese and English) — never another exception.

What ``line`` means, per format (``Document.lines[line - 1]`` is always the text it points at):

* ``.txt`` / ``.md`` — the 1-based line of the source file (``Document.lines`` are the file's
  lines, NFC, markup left in);
* ``.docx`` — the 1-based index of the paragraph in document order, table-cell paragraphs and
  empty paragraphs included; footnote paragraphs are numbered after the body's
  (``capuy.read.docx``);
* ``.pdf`` — the line of the text rebuilt from the text layer: one paragraph per line, blank
  lines between (``capuy.read.pdf``).

A block joined across a page break keeps the line of each part in ``Block.segments``
(``Block.line_at(offset)``).
"""

from capuy.read.dispatch import read_file
from capuy.read.limits import MAX_FILE_BYTES
from capuy.read.plaintext import read_text

__all__ = ["MAX_FILE_BYTES", "read_file", "read_text"]
