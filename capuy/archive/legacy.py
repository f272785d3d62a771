"""Encoders for the pre-Unicode Vietnamese fonts — used ONLY to make test archives (``synth``).

Kept apart on purpose: decoding belongs to the reader layer (``capuy.read``, issue 12's
reading half, with its tables as cited data in ``capuy/vocab/``). This module only writes text
the way old office files hold it, so the readers and the importer can be tested on it:

* TCVN3 (ABC), fonts ``.VnTime`` (lower case and the seven base capitals Ă Â Ê Ô Ơ Ư Đ) and
  ``.VnTimeH`` (capitals only: the same codes as the lower-case letters, drawn as capitals).
  Byte values from TCVN 5712:1993 (VN3); checked in the tests against glibc iconv's
  ``TCVN5712-1`` for every letter it shares.
* VNI-Windows, font ``VNI-Times``: a base letter followed by a mark character (á = ``aù``),
  a few letters as one character (ơ = ``ô``, ư = ``ö``, đ = ``ñ``, ỉ = ``æ``, ĩ = ``ó``, ị = ``ò``,
  ỵ = ``î``, í = ``í``, ì = ``ì``). Table as published with the VNI keyboard driver; cross-read
  with the VNI table of xvnkb (``vni.h``, Dao Hai Lam, 2002).

A DOCX stores such text as the Windows-1252 characters of the bytes (byte 0xB8 → ``¸``), which
is what ``encode_*`` return.
"""

from __future__ import annotations

import unicodedata

# tone order everywhere: none, sắc (acute), huyền (grave), hỏi (hook), ngã (tilde), nặng (dot)
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")

_TCVN3_LOWER: dict[str, tuple[int, ...]] = {
    # base: codes for (none, sắc, huyền, hỏi, ngã, nặng); 0 = the ASCII letter itself
    "a": (0, 0xB8, 0xB5, 0xB6, 0xB7, 0xB9),
    "ă": (0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6),
    "â": (0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB),
    "e": (0, 0xD0, 0xCC, 0xCE, 0xCF, 0xD1),
    "ê": (0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6),
    "i": (0, 0xDD, 0xD7, 0xD8, 0xDC, 0xDE),
    "o": (0, 0xE3, 0xDF, 0xE1, 0xE2, 0xE4),
    "ô": (0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9),
    "ơ": (0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE),
    "u": (0, 0xF3, 0xEF, 0xF1, 0xF2, 0xF4),
    "ư": (0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9),
    "y": (0, 0xFD, 0xFA, 0xFB, 0xFC, 0xFE),
}
_TCVN3_SPECIAL = {
    "đ": 0xAE,
    "Ă": 0xA1,
    "Â": 0xA2,
    "Ê": 0xA3,
    "Ô": 0xA4,
    "Ơ": 0xA5,
    "Ư": 0xA6,
    "Đ": 0xA7,
}

_VNI_MARKS = ("", "ù", "ø", "û", "õ", "ï")
_VNI_HAT_MARKS = ("â", "á", "à", "å", "ã", "ä")  # â ê ô: circumflex + tone
_VNI_BREVE_MARKS = ("ê", "é", "è", "ú", "ü", "ë")  # ă: breve + tone
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ", "Ơ": "Ô", "Ư": "Ö", "Đ": "Ñ"}
_VNI_I = ("i", "í", "ì", "æ", "ó", "ò")
_VNI_Y_DOT = "î"


def _compose(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + _TONES[tone])


def _tcvn3_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for base, codes in _TCVN3_LOWER.items():
        for tone, code in enumerate(codes):
            letter = _compose(base, tone)
            table[letter] = bytes([code]).decode("cp1252") if code else letter
    for letter, code in _TCVN3_SPECIAL.items():
        table[letter] = bytes([code]).decode("cp1252")
    return table


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for lower in (True, False):

        def case(text: str, lower: bool = lower) -> str:
            return text if lower else text.upper()

        for base in "aeouy":
            for tone in range(6):
                letter = _compose(case(base), tone)
                if base == "y" and tone == 5:
                    table[letter] = case(_VNI_Y_DOT)
                else:
                    table[letter] = case(base) + case(_VNI_MARKS[tone])
        for base, hat in (("â", "a"), ("ê", "e"), ("ô", "o")):
            for tone in range(6):
                table[_compose(case(base), tone)] = case(hat) + case(_VNI_HAT_MARKS[tone])
        for tone in range(6):
            table[_compose(case("ă"), tone)] = case("a") + case(_VNI_BREVE_MARKS[tone])
            table[_compose(case("i"), tone)] = case(_VNI_I[tone])
            for base in ("ơ", "ư"):
                single = _VNI_SINGLE[case(base)]
                table[_compose(case(base), tone)] = single + (
                    case(_VNI_MARKS[tone]) if tone else ""
                )
        table[case("đ")] = _VNI_SINGLE[case("đ")]
    return table


TCVN3 = _tcvn3_table()
VNI = _vni_table()


def encode_vni(text: str) -> str:
    """``text`` as typed with the VNI-Windows font (unknown characters kept)."""
    return "".join(VNI.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def encode_tcvn3(text: str) -> str:
    """``text`` for the ``.VnTime`` font; a toned capital has no code there (see ``tcvn3_runs``)."""
    return "".join(TCVN3.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def _needs_capital_font(ch: str) -> bool:
    return (
        ch.isupper() and ch not in TCVN3 and ch.lower() in TCVN3 and TCVN3[ch.lower()] != ch.lower()
    )


def tcvn3_runs(text: str) -> list[tuple[str, str]]:
    """(font, encoded text) runs as a typist of the 1990s–2000s produced them: ``.VnTimeH`` for
    all-capital stretches and for a toned capital inside a word, ``.VnTime`` for the rest."""
    text = unicodedata.normalize("NFC", text)
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return [(".VnTimeH", encode_tcvn3(text.lower()))]
    runs: list[tuple[str, str]] = []
    for ch in text:
        font = ".VnTimeH" if _needs_capital_font(ch) else ".VnTime"
        piece = encode_tcvn3(ch.lower() if font == ".VnTimeH" else ch)
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + piece)
        else:
            runs.append((font, piece))
    return runs
