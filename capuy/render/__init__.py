"""Model → DOCX in the Party's official layout → PDF (DESIGN.md §2, §5).

``render_docx`` writes the DOCX (every value from ``capuy/vocab/layout.yaml``), ``docx_to_pdf``
and ``PdfConverter`` make PDFs through LibreOffice, ``layout_document`` turns an extracted document into
the one the renderer draws (``capuy.api.convert_file`` chains the stages), ``check_libreoffice`` reports what is missing for PDFs.
"""

from capuy.render.checks import check_libreoffice
from capuy.render.convert import layout_document
from capuy.render.docx_writer import render_docx
from capuy.render.pdf import PdfConverter, docx_to_pdf

__all__ = [
    "PdfConverter",
    "check_libreoffice",
    "docx_to_pdf",
    "layout_document",
    "render_docx",
]
