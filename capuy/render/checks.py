"""Django-style system checks for rendering: is LibreOffice there to make PDFs?

``check_libreoffice()`` returns the problems as one-line messages (Vietnamese / English), an
empty list when PDFs can be made. The web app's system check and ``capuy render --pdf`` use it
so a missing program is reported clearly before any work is done.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from capuy.errors import MissingProgramError
from capuy.render.pdf import find_soffice, find_uno_python

# Debian fonts-liberation2: metric-compatible with Times New Roman and complete for Vietnamese.
LIBERATION2_SERIF = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")


def _font_for_times() -> str:
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", "Times New Roman"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return found.stdout.strip()


def check_libreoffice() -> list[str]:
    """Problems that stop ``capuy render --pdf`` (empty when everything is in place)."""
    problems: list[str] = []
    try:
        find_soffice()
    except MissingProgramError as error:
        problems.append(f"{error.vi} / {error.en}")
        return problems
    font = _font_for_times()
    if "liberation2" not in font and "Times" not in Path(font).name:
        problems.append(
            "Thiếu phông fonts-liberation2 (Times New Roman cho tiếng Việt): chạy 'make "
            f"system-deps' / font fonts-liberation2 missing (Times New Roman is {font or 'unmatched'})"
        )
    if find_uno_python() is None:
        problems.append(
            "Thiếu python3-uno: mỗi lô PDF sẽ khởi động LibreOffice riêng / python3-uno missing: "
            "each PDF batch starts its own LibreOffice"
        )
    return problems
