"""Converts DOCX files to PDF through one running LibreOffice, on behalf of ``PdfConverter``.

This script runs under the system Python that has LibreOffice's ``uno`` bridge (Debian
``python3-uno`` for /usr/bin/python3), not under the project's venv, so it imports nothing from
capuy. It connects to the ``soffice`` started by ``PdfConverter`` (``--port``), prints ``ready``,
then reads one JSON request per line on stdin (``{"src": …, "dst": …}`` or ``{"quit": true}``)
and answers one JSON line each (``{"ok": true}`` or ``{"ok": false, "error": …}``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time


def _prop(name, value):
    from com.sun.star.beans import PropertyValue

    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def _connect(port: int, timeout: float):
    import uno

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    url = f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"
    deadline = time.monotonic() + timeout
    while True:
        try:
            context = resolver.resolve(url)
            break
        except Exception:  # NoConnectException until soffice listens
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def _convert(desktop, src: str, dst: str) -> None:
    import uno

    document = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(src), "_blank", 0, (_prop("Hidden", True),)
    )
    if document is None:
        raise RuntimeError(f"LibreOffice could not open {src}")
    try:
        document.storeToURL(
            uno.systemPathToFileUrl(dst), (_prop("FilterName", "writer_pdf_Export"),)
        )
    finally:
        document.close(True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    try:
        desktop = _connect(args.port, args.timeout)
    except Exception as error:
        print(json.dumps({"ok": False, "error": f"connect: {error}"}), flush=True)
        return 1
    print("ready", flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        if request.get("quit"):
            # soffice exits while answering, so the bridge may drop: that is the goal.
            with contextlib.suppress(Exception):
                desktop.terminate()
            print(json.dumps({"ok": True}), flush=True)
            return 0
        try:
            _convert(desktop, request["src"], request["dst"])
            print(json.dumps({"ok": True}), flush=True)
        except Exception as error:
            print(json.dumps({"ok": False, "error": str(error)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
