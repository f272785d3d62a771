"""Unicode and tone-placement normalisation, and search keys, for Vietnamese text.

Vietnamese has two accepted tone placements for the open syllables ending in *oa*, *oe* and
*uy*: the old style puts the tone on the last vowel (hoà, khoẻ, thuỷ, uỷ), the new style on
the first (hòa, khỏe, thủy, ủy). Real reports mix both — even in one document — so every
comparison goes through one canonical form: the new style, the one used by the current
Party and State guidance and by the seeds' headers ("Thị ủy").

Only syllables that *end* with the cluster are ambiguous: when a consonant or another vowel
follows (hoàng, thuận, ngoài, khuya) both styles agree, so those are left alone. After *q*
the *u* belongs to the initial (qu-), so "quý", "quà" are not touched either.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fix_lookalikes", "nfc", "normalize_tones", "same_text", "search_key"]

# Combining tone marks (grave, acute, hook above, tilde, dot below). Vowel-quality marks
# (circumflex, breve, horn) are not tones and never move.
_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"

# An old-style syllable end: (not q)(o|u)(vowel carrying the tone), then no further letter.
# Matched on NFD text so the tone is a separate combining character that can be moved.
_OLD_STYLE = re.compile(
    rf"(?P<first>(?<![qQ])[oO]|(?<![qQ])[uU])"
    rf"(?P<second>[aAeE](?=[{_TONE_MARKS}])|[yY](?=[{_TONE_MARKS}]))"
    rf"(?P<tone>[{_TONE_MARKS}])"
    rf"(?![^\W\d_]|[\u0300-\u036f])"
)
_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}
_SPACES = re.compile(r"\s+")
_D_FOLD = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})
_ETH_TO_D = str.maketrans({"ð": "đ", "Ð": "Đ"})


def nfc(s: str) -> str:
    """The text in Unicode NFC, the form capuy stores (composed letters, as typed in Word)."""
    return unicodedata.normalize("NFC", s)


def fix_lookalikes(s: str) -> str:
    """Replace the eth letters Ð/ð, which look like Đ/đ and creep in from some fonts and web
    pages, with the real Vietnamese Đ/đ (nothing else: this is not a spelling corrector)."""
    return s.translate(_ETH_TO_D)


def _move_tone(match: re.Match[str]) -> str:
    first, second, tone = match.group("first", "second", "tone")
    if (first.lower(), second.lower()) not in _PAIRS:
        return match.group(0)
    return first + tone + second


def normalize_tones(s: str) -> str:
    """NFC with one tone placement (new style: hòa, khỏe, thủy, ủy, Hòa); case is kept."""
    decomposed = unicodedata.normalize("NFD", s)
    return nfc(_OLD_STYLE.sub(_move_tone, decomposed))


def same_text(a: str, b: str) -> bool:
    """Whether two strings are the same text once NFC and tone placement are made canonical."""
    return normalize_tones(a) == normalize_tones(b)


def search_key(s: str) -> str:
    """A key for search and loose matching: lower case, đ→d, all marks stripped, spaces collapsed.

    Only for matching — never store or show it: it throws away the diacritics.
    """
    # Ð/ð (Icelandic eth, U+00D0/U+00F0) are common lookalikes of Đ/đ in pasted text.
    folded = s.translate(_D_FOLD)
    decomposed = unicodedata.normalize("NFD", folded)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", stripped).lower()).strip()
