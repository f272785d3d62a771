"""Put a place name's marks right in a line of capitals: the header's "THỊ ỦY ĐỨC PHỐ" is the
Thị ủy Đức Phổ. Tesseract reads the marks of capitals worst (a hook read as an acute: Ổ → Ố),
and an issuer spelled wrong is an issuer not recognised.

Only lines in capitals are touched (the header's superior and issuer, a signature's "T/M ĐẢNG ỦY
XÃ PHỔ CHÂU", a heading): a name in running text is the author's to spell, and the checker's
``spelling.place-name`` rule reports it. A run of words is respelled only when it folds
(``search_key``: no marks, no case) to exactly one known name of
``capuy/vocab/spelling/place_names.yaml`` and is not already that name — two names that share a
key (Bình Thanh / Bình Thạnh) leave the line alone.
"""

from __future__ import annotations

import re
from functools import cache

from capuy.text import normalize_tones, search_key
from capuy.vocab.spelling import place_names

__all__ = ["repair_place_names"]

_WORD = re.compile(r"[^\W\d_]+")


@cache
def _by_key() -> dict[tuple[str, ...], str | None]:
    """Each known name by the keys of its words; None where two names share the keys."""
    found: dict[tuple[str, ...], str | None] = {}
    for name in place_names():
        key = tuple(search_key(word) for word in name.split())
        found[key] = name if found.get(key, name) == name else None
    return found


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def repair_place_names(text: str) -> str:
    """``text`` with a known place name's marks put right, when ``text`` is all capitals."""
    if not _is_capitals(text):
        return text
    words = list(_WORD.finditer(text))
    keys = [search_key(word.group(0)) for word in words]
    lengths = sorted({len(key) for key in _by_key()}, reverse=True)
    pieces: list[str] = []
    cursor = index = 0
    while index < len(words):
        for length in lengths:
            if index + length > len(words):
                continue
            name = _by_key().get(tuple(keys[index : index + length]))
            if name is None:
                continue
            first, last = words[index], words[index + length - 1]
            read = text[first.start() : last.end()]
            wanted = name.upper()
            if normalize_tones(read) != normalize_tones(wanted) and len(read.split()) == length:
                pieces += [text[cursor : first.start()], wanted]
                cursor = last.end()
            index += length - 1
            break
        index += 1
    return "".join(pieces) + text[cursor:]
