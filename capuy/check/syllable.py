"""Is a written word a possible Vietnamese syllable? (onset + rhyme + one tone, by the tables in
``capuy/vocab/spelling/syllables.yaml``).

The test is structural, so it accepts rare real syllables the dictionary lacks and rejects
typos such as "tuyểt" (a tone other than sắc/nặng on a syllable closed by p, t, c, ch),
"kết"-style onsets before the wrong vowel ("ke" is fine, "ka" is not), or rhymes that do not
exist ("ươa").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from capuy.vocab.spelling import hunspell_syllables, syllable_tables

# Combining tone marks: grave (huyền), acute (sắc), tilde (ngã), hook (hỏi), dot below (nặng).
TONE_MARKS = {
    "\u0300": "huyền",
    "\u0301": "sắc",
    "\u0303": "ngã",
    "\u0309": "hỏi",
    "\u0323": "nặng",
}


@dataclass(frozen=True)
class SyllableProblem:
    """Why a word is not a Vietnamese syllable (a Vietnamese sentence for the message)."""

    reason: str


def split_tone(word: str) -> tuple[str, list[str]]:
    """The word without tone marks (vowel-quality marks kept) and the tones it carried."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [TONE_MARKS[ch] for ch in decomposed if ch in TONE_MARKS]
    base = "".join(ch for ch in decomposed if ch not in TONE_MARKS)
    return unicodedata.normalize("NFC", base), tones


def check_syllable(word: str) -> SyllableProblem | None:
    """None when ``word`` (lower case, letters only) can be a Vietnamese syllable."""
    tables = syllable_tables()
    if word in hunspell_syllables() or word in tables.extra_syllables:
        return None
    base, tones = split_tone(word)
    if len(tones) > 1:
        return SyllableProblem("một âm tiết chỉ mang một dấu thanh")
    onset = next(
        (o for o in tables.onsets if base.startswith(o) and (len(base) > len(o) or o == "gi")), ""
    )
    rhyme = base[len(onset) :]
    if onset == "gi" and (not rhyme or rhyme[0] not in "aăâeêioôơuưy"):
        rhyme = "i" + rhyme  # gì, gìn: the i belongs to both
    if onset == "qu" and rhyme[:1] in ("u", "ư", "o"):
        return SyllableProblem(f"sau “qu” không thể là vần “{rhyme}”")
    rhyme_ok = rhyme in tables.rhymes or (onset == "gi" and "i" + rhyme in tables.rhymes)
    if not rhyme_ok:
        return SyllableProblem(f"“{rhyme}” không phải là một vần tiếng Việt")
    first = rhyme[:1]
    if onset in tables.front_onsets and first not in tables.front_vowels:
        return SyllableProblem(f"“{onset}” chỉ đứng trước i, e, ê, y")
    if onset in tables.back_onsets and first in tables.front_vowels:
        front = {"c": "k", "g": "gh", "ng": "ngh"}[onset]
        return SyllableProblem(f"trước i, e, ê phải viết “{front}”, không viết “{onset}”")
    if rhyme.endswith(tables.stop_finals) and (not tones or tones[0] not in ("sắc", "nặng")):
        tone = f"dấu {tones[0]}" if tones else "thanh ngang (không dấu)"
        return SyllableProblem(
            f"âm tiết tận cùng bằng p, t, c, ch chỉ mang dấu sắc hoặc nặng, không mang {tone}"
        )
    return None
