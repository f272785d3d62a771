"""Errors that reach the user.

Every failure a user can cause (a bad file, a missing program) is an ``InputError`` carrying a
one-line reason in Vietnamese and in English, so the CLI can print it and exit with status 2
instead of a traceback.
"""

from __future__ import annotations


class InputError(Exception):
    """Bad input: unreadable, unknown, corrupt, encrypted, empty or too large."""

    exit_code = 2

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi} / {en}")
        self.vi = vi
        self.en = en


class MissingProgramError(InputError):
    """An outside program capuy needs (LibreOffice, pdftotext…) is not installed."""
