"""A DOCX (a draft edited in Word or LibreOffice) → the authoring text of a report.

Read with capuy's DOCX reader, extracted and laid out as the renderer would draw it
(``layout_document``), then written as Markdown with front matter (``markdown_writer``). Run
as ``python -m capuy.render.docx_markdown FILE`` it is the child process of
``capuy.read.sandbox.read_text_limited(..., module=__name__)``: an uploaded file is never
parsed in the web worker.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from capuy.errors import InputError
from capuy.extract import extract
from capuy.read import read_file
from capuy.render.convert import layout_document
from capuy.render.markdown_writer import write_markdown


def docx_to_markdown(path: str | Path) -> str:
    """The authoring text of the DOCX at ``path`` (``InputError`` when it cannot be read)."""
    doc = layout_document(extract(read_file(path)))
    if not doc.header.kind:
        raise InputError(
            "Không nhận ra tên loại văn bản (BÁO CÁO…) ở phần đầu tệp Word",
            "no document kind (BÁO CÁO…) found in the Word file's header",
        )
    return write_markdown(doc)


def _main(argv: list[str]) -> int:
    try:
        answer = {"text": docx_to_markdown(argv[0])}
    except InputError as error:
        answer = {"error_vi": error.vi, "error_en": error.en}
    except MemoryError:
        return 3
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
