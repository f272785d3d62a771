"""Model → DOCX in the Party's official layout → PDF (DESIGN.md §2, §5).

``parse_authoring`` reads the Markdown authoring format (``docs/authoring.md``),
``render_docx`` writes the DOCX (every value from ``capuy/vocab/layout.yaml``), ``docx_to_pdf``
and ``PdfConverter`` make PDFs through LibreOffice, ``convert_file`` lays out any file capuy can
read, ``check_libreoffice`` reports what is missing for PDFs.
"""

from capuy.render.authoring import parse_authoring
from capuy.render.checks import check_libreoffice
from capuy.render.convert import convert_file, layout_document
from capuy.render.docx_writer import render_docx
from capuy.render.pdf import PdfConverter, docx_to_pdf

__all__ = [
    "PdfConverter",
    "check_libreoffice",
    "convert_file",
    "docx_to_pdf",
    "layout_document",
    "parse_authoring",
    "render_docx",
]
