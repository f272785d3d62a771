"""Put a type word's marks right before a document symbol: "Nghi quyết số 45-NQ/TW" is the
Nghị quyết, "Chi thị 05-CT/TW" the Chỉ thị. Tesseract drops or changes a mark (a dot below, a
hook) more often than a letter, and a type word read wrong is a citation without its type.

Only a run of words right before a symbol (with "số" between or not) that folds (``search_key``:
no marks, no case) to a type word of the vocabulary (``capuy/vocab/document_types.yaml``) and
is not already one is respelled — "Chi bộ 45" or a word elsewhere in the text is never touched.
"""

from __future__ import annotations

import re
from functools import cache

from capuy.text import normalize_tones, search_key
from capuy.vocab import document_types

__all__ = ["repair_type_words"]

_MAX_WORDS = 4
_AFTER = re.compile(r"\s+(?:(?P<so>[^\W\d_]{2,3})\.?\s+)?\d{1,4}\s?[-/]\s?[A-ZĐ]")
"""What follows a type word: "số" (as read) and a symbol's number, separator and code."""


@cache
def _by_key() -> dict[str, str]:
    """Each type word by its folded form ("nghi quyet" → "Nghị quyết")."""
    words: dict[str, str] = {}
    for system in ("party", "state"):
        for kind in document_types(system):
            for word in kind.words:
                words.setdefault(search_key(word), normalize_tones(word))
    return words


_WORD = re.compile(r"[^\W\d_]+")


def repair_type_words(text: str) -> str:
    """``text`` with the type word before each symbol spelled as in the vocabulary."""
    pieces: list[str] = []
    cursor = 0
    for after in _AFTER.finditer(text):
        so = after.group("so")
        end = after.start() if so is None or search_key(so) == "so" else after.end("so")
        words = list(_WORD.finditer(text, max(cursor, end - 60), end))
        for count in range(min(_MAX_WORDS, len(words)), 0, -1):
            run = words[-count:]
            if text[run[-1].end() : end].strip():
                break  # a mark between the words and the symbol: no type word right before it
            read = text[run[0].start() : run[-1].end()]
            wanted = _by_key().get(search_key(read))
            if wanted is None:
                continue
            if normalize_tones(read).casefold() != wanted.casefold():
                spelled = wanted[0].upper() + wanted[1:] if read[0].isupper() else wanted.lower()
                pieces += [text[cursor : run[0].start()], spelled]
                cursor = run[-1].end()
            break
    return "".join(pieces) + text[cursor:]
