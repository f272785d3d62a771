"""Sorting Vietnamese the way people expect (``vocab/alphabet.yaml``).

``sort_key("Đào")`` orders by the 29 letters (a ă â … d đ …) and then by tone (không dấu,
huyền, hỏi, ngã, sắc, nặng), as a dictionary and the CLDR collation for Vietnamese do;
``name_sort_key("Nguyễn Thị Lan")`` orders people by given name, then middle names, then family
name, as personnel lists are kept. No ICU: the two tables are data.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from capuy.text.normalize import fix_lookalikes, nfc
from capuy.vocab.loader import load_data

__all__ = ["name_sort_key", "sort_key"]

# marks that make a letter of its own (ă â ê ô ơ ư đ): kept with the letter
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}


@cache
def _tables() -> tuple[dict[str, int], dict[str, int]]:
    data = load_data("alphabet")
    letters = data["letters"][0]["letters"].split()
    tones = data["tones"][0]["marks"].split()
    return {letter: i for i, letter in enumerate(letters)}, {m: i + 1 for i, m in enumerate(tones)}


def _letter_and_tone(char: str) -> tuple[str, int]:
    letters, tones = _tables()
    parts = unicodedata.normalize("NFD", char)
    tone = next((tones[m] for m in parts[1:] if m in tones), 0)
    base = parts[0] + "".join(m for m in parts[1:] if m in _LETTER_MARKS)
    return unicodedata.normalize("NFC", base), tone


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Letters first (Vietnamese order), each syllable's tone second (wherever the mark sits:
    "Hoà" and "Hòa" sort together), the text last (a stable tie-break)."""
    letters, _ = _tables()
    primary: list[int] = []
    secondary: list[int] = []
    for word in fix_lookalikes(nfc(text)).lower().split():
        if primary:
            primary.append(-1)
        word_tone = 0
        for char in word:
            letter, tone = _letter_and_tone(char)
            word_tone = max(word_tone, tone)
            if letter in letters:
                primary.append(100 + letters[letter])
            elif char.isdigit():
                primary.append(int(char))
            else:
                primary.append(200 + ord(char))
        secondary.append(word_tone)
    return tuple(primary), tuple(secondary), text


def name_sort_key(full_name: str) -> tuple[object, ...]:
    """A person by given name, then middle names, then family name: "Nguyễn Thị Lan" → (Lan,
    Thị, Nguyễn)."""
    words = nfc(full_name).split()
    if not words:
        return ((), (), "")
    given, family, middle = words[-1], words[0] if len(words) > 1 else "", words[1:-1]
    return (sort_key(given), sort_key(" ".join(middle)), sort_key(family), full_name)
