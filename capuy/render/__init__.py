"""Model → DOCX in the Party's official layout → PDF (DESIGN.md §2, §5).

``parse_authoring`` reads the Markdown authoring format, ``render_docx`` writes the DOCX (every
value from ``capuy/vocab/layout.yaml``), ``docx_to_pdf``/``PdfConverter`` make PDFs through
LibreOffice, ``convert_file`` lays out any file capuy can read.
"""

from capuy.render.authoring import parse_authoring
from capuy.render.docx_writer import render_docx

__all__ = ["parse_authoring", "render_docx"]
