"""Read an untrusted file in a child process with a memory cap and a time budget.

A web worker must not be the process that parses an uploaded file: a crafted DOCX or PDF can
take minutes and gigabytes (the probe: 76 s and 1,6 GB for 136 KB), and a Python process keeps
the memory it grew to. ``read_text_limited(path)`` runs ``python -m capuy.read.sandbox PATH``
with ``RLIMIT_AS`` (address space) and ``RLIMIT_CPU``, waits at most ``timeout`` seconds, and
returns the text or raises ``InputError`` with a message naming the file as the user knows it
(never a server path). When the job queue exists, the same call runs inside a queue worker.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

from capuy.errors import InputError

MEMORY_BYTES = 1024 * 1024 * 1024
CPU_SECONDS = 30
TIMEOUT_SECONDS = 45


def _limits(memory: int, cpu: int) -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def read_text_limited(
    path: Path,
    shown_name: str,
    *,
    memory: int = MEMORY_BYTES,
    cpu: int = CPU_SECONDS,
    timeout: float = TIMEOUT_SECONDS,
    module: str = "capuy.read.sandbox",
) -> str:
    """The plain text of ``path`` read by ``capuy.read`` in a bounded child process.

    ``module`` is the child's entry point (its ``_main`` answers ``{"text": …}`` or
    ``{"error_vi": …, "error_en": …}`` as this one does): ``capuy.render.docx_markdown``
    reads a DOCX back into the authoring text under the same limits."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "CAPUY_DATABASE"))}
    try:
        done = subprocess.run(
            [sys.executable, "-m", module, str(path)],
            capture_output=True,
            timeout=timeout,
            preexec_fn=lambda: _limits(memory, cpu),  # noqa: PLW1509 — no threads started here
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise InputError(
            f"Đọc tệp “{shown_name}” quá {int(timeout)} giây: tệp quá phức tạp hoặc bất thường.",
            f"reading {shown_name} took over {int(timeout)} s",
        ) from exc
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except ValueError:
        answer = None
    if not isinstance(answer, dict):  # killed by a limit (MemoryError, SIGXCPU) or crashed
        raise InputError(
            f"Không đọc được tệp “{shown_name}”: tệp cần quá nhiều bộ nhớ hoặc thời gian.",
            f"cannot read {shown_name}: over the memory or time limit (exit {done.returncode})",
        )
    if "error_vi" in answer:
        where = str(path)
        raise InputError(
            str(answer["error_vi"]).replace(where, f"“{shown_name}”"),
            str(answer["error_en"]).replace(where, shown_name),
        )
    return str(answer["text"])


def document_text(document: object) -> str:
    """All block texts (tables cell by cell) and footnotes of a read document, one per line."""
    lines: list[str] = []
    for block in getattr(document, "blocks", []):
        if block.kind == "table" and block.rows:
            lines.extend(" | ".join(row) for row in block.rows)
        elif block.text:
            lines.append(block.text)
    lines.extend(footnote.text for footnote in getattr(document, "footnotes", []))
    return "\n".join(lines)


def _main(argv: list[str]) -> int:
    from capuy.read import read_file

    try:
        text = document_text(read_file(argv[0]))
    except InputError as error:
        answer = {"error_vi": error.vi, "error_en": error.en}
    except MemoryError:
        return 3
    else:
        answer = {"text": text}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
