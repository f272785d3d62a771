"""The one-edit neighbours of a Vietnamese syllable that people actually type by mistake.

A misspelling that is itself a valid syllable ("cán bô", "ngân sach", "giám xát") can only be
found by comparing it with the syllables one slip away and asking which fits the context
(``capuy.check.context_spelling``). The slips generated here are the ones met in typed
administrative text:

* a tone mark changed, added or dropped (hỏi/ngã/sắc/huyền/nặng, or none);
* a vowel-quality mark: a/ă/â, e/ê, o/ô/ơ, u/ư, and đ/d;
* the consonant pairs confused in speech or on the keyboard: s/x, ch/tr, d/gi/r, l/n, final
  n/ng, c/t, i/y;
* a doubled letter, a dropped letter, two letters swapped (Telex leftovers such as "aa", "dd"
  are caught here too when they fall back onto a syllable).

Every neighbour is returned in lower case, NFC and new-style tone placement, and only when it
is a known syllable (the caller passes the set).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from capuy.text import normalize_tones

TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_TONE_SET = set(TONES[1:])
# Vowel-quality marks, on decomposed letters: breve, circumflex, horn.
_QUALITY = {
    "a": ("a", "ă", "â"),
    "ă": ("a", "ă", "â"),
    "â": ("a", "ă", "â"),
    "e": ("e", "ê"),
    "ê": ("e", "ê"),
    "o": ("o", "ô", "ơ"),
    "ô": ("o", "ô", "ơ"),
    "ơ": ("o", "ô", "ơ"),
    "u": ("u", "ư"),
    "ư": ("u", "ư"),
    "d": ("d", "đ"),
    "đ": ("d", "đ"),
}
_ONSET_SWAPS = (
    ("s", "x"),
    ("x", "s"),
    ("ch", "tr"),
    ("tr", "ch"),
    ("d", "gi"),
    ("gi", "d"),
    ("d", "r"),
    ("r", "d"),
    ("gi", "r"),
    ("r", "gi"),
    ("l", "n"),
    ("n", "l"),
)
_FINAL_SWAPS = (("ng", "n"), ("n", "ng"), ("c", "t"), ("t", "c"), ("i", "y"), ("y", "i"))


def split_tone(syllable: str) -> tuple[str, str]:
    """(the syllable without its tone mark, the combining tone mark or "")."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = next((ch for ch in decomposed if ch in _TONE_SET), "")
    base = "".join(ch for ch in decomposed if ch not in _TONE_SET)
    return unicodedata.normalize("NFC", base), tone


def with_tone(base: str, tone: str) -> str:
    """``base`` (toneless) carrying ``tone``, in new-style placement."""
    if not tone:
        return base
    vowel = _tone_position(base)
    if vowel < 0:
        return base
    marked = unicodedata.normalize("NFC", base[vowel] + tone)
    return base[:vowel] + marked + base[vowel + 1 :]


_VOWELS = "aăâeêioôơuưy"


def _tone_position(base: str) -> int:
    """Where the new style puts the tone mark (the vowel with a quality mark first, else the
    main vowel of the nucleus; qu/gi onsets are not part of it)."""
    start = 2 if base.startswith(("qu", "gi")) and len(base) > 2 else 0
    positions = [i for i in range(start, len(base)) if base[i] in _VOWELS]
    if not positions:
        positions = [i for i in range(len(base)) if base[i] in _VOWELS]
    if not positions:
        return -1
    for i in positions:
        if base[i] in "ăâêôơư":
            # ươ: the mark goes on ơ
            if base[i] == "ư" and i + 1 < len(base) and base[i + 1] == "ơ":
                return i + 1
            return i
    if len(positions) == 1:
        return positions[0]
    last = positions[-1]
    closed = last < len(base) - 1  # a consonant follows the nucleus
    if closed or len(positions) == 3:
        return positions[1] if len(positions) >= 2 else positions[0]
    # two vowels, open syllable: oa, oe, uy take it on the second (new style); others first
    pair = base[positions[0]] + base[positions[1]]
    return positions[1] if pair in ("oa", "oe", "uy") else positions[0]


def _raw_neighbours(syllable: str) -> Iterable[str]:
    base, tone = split_tone(syllable)
    for other in TONES:
        if other != tone:
            yield with_tone(base, other)
    for i, ch in enumerate(base):
        for alt in _QUALITY.get(ch, ()):
            if alt != ch:
                yield with_tone(base[:i] + alt + base[i + 1 :], tone)
    for a, b in _ONSET_SWAPS:
        if base.startswith(a) and not (a == "d" and base.startswith("đ")):
            yield with_tone(b + base[len(a) :], tone)
    for a, b in _FINAL_SWAPS:
        if base.endswith(a) and len(base) > len(a):
            yield with_tone(base[: -len(a)] + b, tone)
    for i in range(len(base)):
        if i:  # a letter dropped, never the first: "bám" → "ám" is no slip people make
            yield with_tone(base[:i] + base[i + 1 :], tone)
        yield with_tone(base[: i + 1] + base[i] + base[i + 1 :], tone)  # a letter doubled
        if i + 1 < len(base):
            yield with_tone(base[:i] + base[i + 1] + base[i] + base[i + 2 :], tone)


@lru_cache(maxsize=65536)
def neighbours(syllable: str, known: frozenset[str]) -> tuple[str, ...]:
    """The known syllables one typing slip away from ``syllable`` (lower case)."""
    syllable = normalize_tones(syllable)
    out = []
    decoded = telex_decode(syllable)
    raw = [decoded] if decoded else []
    for cand in [*raw, *_raw_neighbours(syllable)]:
        cand = normalize_tones(cand)
        if cand != syllable and cand in known and cand not in out:
            out.append(cand)
    return tuple(out)


_TELEX_PAIRS = (
    ("dd", "đ"),
    ("aa", "â"),
    ("ee", "ê"),
    ("oo", "ô"),
    ("aw", "ă"),
    ("ow", "ơ"),
    ("uw", "ư"),
    ("w", "ư"),
)
_TELEX_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}


def telex_decode(word: str) -> str | None:
    """The syllable a Telex typist meant when the input method was off ("nghieemj" → "nghiệm",
    "ddaoj" → "đạo"), or None when ``word`` carries no Telex keystroke."""
    if not word.isascii() or not word.isalpha():
        return None
    base, tone = word, ""
    if len(word) > 2 and word[-1] in _TELEX_TONES and any(v in word[:-1] for v in "aeiouy"):
        base, tone = word[:-1], _TELEX_TONES[word[-1]]
    decoded = base
    for typed, letter in _TELEX_PAIRS:
        decoded = decoded.replace(typed, letter)
    if decoded == base:
        return None  # a tone letter alone ("chats", "bus") is too often English
    return normalize_tones(with_tone(decoded, tone))
