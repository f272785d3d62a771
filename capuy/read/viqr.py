"""VIQR (RFC 1456, "Vietnamese Quoted-Readable"): Vietnamese written in ASCII with the marks
after the vowel ("Ba'o ca'o", "DDa?ng") — mail and forum text of the 1990s. Conversion both
ways; ``capuy.read.legacy`` decides when a text is VIQR. The marks are data
(``vocab/legacy_encodings.yaml``)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from capuy.vocab.legacy import legacy_tables

__all__ = ["decode_viqr", "encode_viqr"]

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_VOWELS = "aeiouyAEIOUY"
_SHAPES = {"(": "\u0306", "^": "\u0302", "+": "\u031b"}
_SHAPE_BASES = {"(": "aA", "^": "aeoAEO", "+": "ouOU"}
_TONE_MARKS = "'`?~."


@cache
def _viqr_pattern() -> re.Pattern[str]:
    return re.compile(
        r"\\(?P<escaped>.)"
        r"|(?P<dd>[dD][dD])"
        r"|(?P<vowel>[aeiouyAEIOUY])(?P<shape>[(^+])?(?P<tone>['`?~.])?"
    )


def decode_viqr(text: str) -> str:
    """VIQR → Unicode NFC: a vowel, its shape mark ( ^ +, its tone mark ' ` ? ~ . ; DD → Đ."""
    marks = legacy_tables().viqr

    def replace(match: re.Match[str]) -> str:
        if match.group("escaped") is not None:
            return match.group("escaped")
        if match.group("dd"):
            return "Đ" if match.group("dd")[0] == "D" else "đ"
        vowel, shape, tone = match.group("vowel"), match.group("shape"), match.group("tone")
        result = vowel
        if shape and vowel in _SHAPE_BASES[shape]:
            result += marks.get(shape, _SHAPES[shape])
        elif shape:
            return match.group(0)
        if tone:
            result += marks[tone]
        return unicodedata.normalize("NFC", result)

    return _viqr_pattern().sub(replace, text)


def encode_viqr(text: str) -> str:
    """Unicode → VIQR, escaping a literal mark after a vowel and a literal "dd" with ``\\``."""
    out: list[str] = []
    previous_vowel = False
    for char in unicodedata.normalize("NFC", text):
        if char in "đĐ":
            out.append("dd" if char == "đ" else "DD")
            previous_vowel = False
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base = decomposed[0]
        if base in _VOWELS and len(decomposed) > 1:
            shape = next((k for k, v in _SHAPES.items() if v in decomposed[1:]), "")
            tone = next(
                (k for k, v in legacy_tables().viqr.items() if v in _TONES and v in decomposed),
                "",
            )
            out.append(base + shape + tone)
            previous_vowel = not tone
            continue
        if (
            (previous_vowel and char in "(^+'`?~.")
            or char == "\\"
            or char in "dD"
            and out
            and out[-1][-1:] in "dD"
            and out[-1] not in ("dd", "DD")
        ):
            out.append("\\")
        out.append(char)
        previous_vowel = base in _VOWELS and len(decomposed) == 1
    return "".join(out)
