"""Readers: one per format, each producing a ``capuy.model.Document``; ``read_file(path)`` is the
one entry point and picks the reader (``capuy.read.dispatch``).

Formats: .txt/.md in UTF-8/16 or a pre-Unicode encoding (TCVN3, VNI, VIQR, Windows-1258 —
``capuy.read.legacy``), .docx (legacy-font runs converted), .pdf (text layer, or OCR for a
scan), .doc/.rtf/.odt/.wpd (LibreOffice → DOCX, ``capuy.read.office``), .png/.jpg/.tif images
(OCR, ``capuy.read.ocr``; ``searchable_pdf(path)`` gives the scan with its text layer).

They fill ``source, format, lines, blocks, footnotes`` (blocks with their ``emphasis`` ranges,
and ``confidence`` after OCR) and ``encoding``/``confidence``; the header, outline and citations
are the extractor's job. Bad input raises ``InputError`` (one line, Vietnamese and English;
``MissingProgramError`` when LibreOffice or Tesseract is missing) — never another exception,
never a hang (a time limit per file for LibreOffice and OCR).

What ``line`` means, per format (``Document.lines[line - 1]`` is always the text it points at):

* ``.txt`` / ``.md`` — the 1-based line of the source file (``Document.lines`` are the file's
  lines, NFC, markup left in);
* ``.docx`` — the 1-based index of the paragraph in document order, table-cell paragraphs and
  empty paragraphs included; footnote paragraphs are numbered after the body's
  (``capuy.read.docx``);
* ``.pdf`` — the line of the text rebuilt from the text layer: one paragraph per line, blank
  lines between (``capuy.read.pdf``); a scan or image: the same, rebuilt from the OCR lines;
* ``.doc/.rtf/.odt/.wpd`` — as ``.docx`` (the paragraphs of LibreOffice's DOCX).

A block joined across a page break keeps the line of each part in ``Block.segments``
(``Block.line_at(offset)``).
"""

from capuy.read.dispatch import read_file
from capuy.read.limits import MAX_FILE_BYTES
from capuy.read.plaintext import read_text

__all__ = ["MAX_FILE_BYTES", "read_file", "read_text"]
