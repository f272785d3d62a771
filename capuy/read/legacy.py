"""Pre-Unicode Vietnamese text: TCVN3 (ABC), VNI-Windows, VIQR and Windows-1258 → Unicode NFC.

An office's archive holds twenty years of files typed before Unicode. Three shapes reach us:

* a plain-text file in one 8-bit encoding (TCVN 5712, VNI, Windows-1258) — ``decode_bytes``
  after ``detect_bytes`` picks the encoding;
* a DOCX/RTF run set in a legacy font (``.VnTime``, ``.VnTimeH``, ``VNI-Times``): Word stores
  the font's bytes as Windows-1252 characters ("B¸o c¸o"), so the font name says how to read
  the run — ``font_encoding`` then ``decode_run``; ``.VnTimeH`` is a capitals-only font;
* a "Unicode" file that is really one of the above saved through a program that did not know
  (the same "B¸o c¸o" in UTF-8), or VIQR mail ("Ba'o ca'o") — ``repair_text``.

Detection never touches real Unicode Vietnamese: a candidate decoding is taken only when the
text holds no letter that exists only in Vietnamese Unicode (ă đ ĩ ũ ơ ư, the letters of
U+1EA0–U+1EF9, combining tone marks — a Unicode Vietnamese text of more than a few words always
has one; â ê ô á … are Latin-1 and appear in legacy text too)
and the decoded text reads clearly better as Vietnamese syllables
(``vocab/spelling/syllables.yaml``). The tables are data in ``vocab/legacy_encodings.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from capuy.read.viqr import decode_viqr
from capuy.read.viqr import encode_viqr as encode_viqr  # the old import path
from capuy.vocab.legacy import legacy_tables
from capuy.vocab.spelling import syllable_tables

ENCODINGS = ("tcvn3", "vni", "viqr", "cp1258")
"""The legacy encodings read; ``Document.encoding`` names one of them (or utf-8, utf-16 …)."""

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_VIETNAMESE_ONLY = re.compile("[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9\u0300-\u0323]")
_WORD = re.compile(r"[^\s.,;:!?()\[\]{}\"'“”‘’«»/\\|<>=+*#%&@–—-]+")
_MIN_GAIN = 0.25
"""A decoding must make this much larger a share of the words Vietnamese syllables."""
_MIN_SCORE = 0.6
_MIN_VIQR_MARKS = 3
_MIN_DETECT_SCORE = 0.3
DETECT_SAMPLE = 16_384


# --- scoring ---------------------------------------------------------------------------


@cache
def _rhymes() -> frozenset[str]:
    return syllable_tables().rhymes


def is_syllable(word: str) -> bool:
    """Could ``word`` be a written Vietnamese syllable (onset + known rhyme, one tone)?"""
    tables = syllable_tables()
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(1 for ch in decomposed if ch in _TONES) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    if not base.isalpha():
        return False
    onset = next((o for o in tables.onsets if base.startswith(o) and len(base) > len(o)), "")
    rhyme = base[len(onset) :]
    return rhyme in _rhymes() or (onset == "gi" and "i" + rhyme in _rhymes())


def vietnamese_score(text: str) -> float:
    """The share of the text's words (weighted by length) that are Vietnamese syllables.

    A word with a stray symbol inside ("B¸o") counts against; digits and punctuation are
    neither for nor against.
    """
    good = total = 0
    for word in _WORD.findall(text):
        plain = word.isdigit() or not any(ch.isalpha() for ch in word)
        if plain and not any(0x80 <= ord(ch) <= 0xFF for ch in word):
            continue
        weight = len(word)
        total += weight
        if is_syllable(word):
            good += weight
    return good / total if total else 0.0


def has_vietnamese_letters(text: str) -> bool:
    """Does the text hold a letter only Unicode Vietnamese has (never a legacy decoding's)?"""
    return bool(_VIETNAMESE_ONLY.search(text))


# --- TCVN3 (ABC) -----------------------------------------------------------------------


def _tcvn3_font_table(capitals: bool) -> dict[int, str]:
    table = {ord(k): v for k, v in legacy_tables().tcvn3_font.items()}
    return {k: v.upper() for k, v in table.items()} if capitals else table


@cache
def _tcvn3_tables() -> tuple[dict[int, str], dict[int, str]]:
    return _tcvn3_font_table(False), _tcvn3_font_table(True)


def decode_tcvn3_run(text: str, capitals: bool = False) -> str:
    """A run set in an ABC font, as Word stores it; ``capitals`` for the ``…H`` fonts."""
    lower, upper = _tcvn3_tables()
    if capitals:
        return text.translate(upper).upper()
    return text.translate(lower)


_TCVN3_CAPS_WORD = re.compile(r"\S+")


def decode_tcvn3_bytes(data: bytes) -> str:
    """A plain-text TCVN 5712 file: the full table (VN1) byte by byte, Windows-1252 elsewhere.

    Text saved from a document typed in .VnTime/.VnTimeH has lost its fonts and has no VN1
    capital: there a word whose ASCII letters are all capitals ("B¸O C¸O", "ñY") was typed in
    the capitals font and is upper-cased (not "Sè": a capital first letter is sentence case).
    """
    tables = legacy_tables()
    out = []
    for byte in data:
        char = tables.tcvn3_plain.get(byte)
        if char is None:
            char = bytes([byte]).decode("cp1252", errors="replace") if byte >= 0x80 else chr(byte)
        out.append(char)
    text = "".join(out)
    vn3_letters = set(tables.tcvn3_font.values())
    if any(ch.isupper() and ch not in vn3_letters and not ch.isascii() for ch in text):
        return text  # a VN1 file: its capitals are written as capitals
    return _TCVN3_CAPS_WORD.sub(_capitals_word, text)


def _capitals_word(match: re.Match[str]) -> str:
    word = match.group(0)
    ascii_letters = [(i, ch) for i, ch in enumerate(word) if ch.isascii() and ch.isalpha()]
    if not ascii_letters or word.isupper() or any(ch.islower() for _, ch in ascii_letters):
        return word
    first_letter = next(i for i, ch in enumerate(word) if ch.isalpha())
    if len(ascii_letters) == 1 and ascii_letters[0][0] == first_letter:
        return word
    return word.upper()


def encode_tcvn3_plain(text: str) -> bytes:
    """Unicode → a TCVN 5712 (VN1) plain-text file; a character it cannot hold is an error."""
    reverse = {char: byte for byte, char in legacy_tables().tcvn3_plain.items()}
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in reverse:
            out.append(reverse[char])
        elif ord(char) < 0x80:
            out.append(ord(char))
        else:
            raise UnicodeEncodeError("tcvn3", char, 0, 1, "not in TCVN 5712")
    return bytes(out)


TCVN3_FONT = ".VnTime"
TCVN3_CAPITALS_FONT = ".VnTimeH"
VNI_FONT = "VNI-Times"


def tcvn3_font_runs(text: str) -> list[tuple[str, str]]:
    """Unicode → the runs a typist of the ABC fonts makes: ``(stored text, font)``.

    A capital with a tone exists only in the capitals font (``.VnTimeH``), stored as its
    lower-case byte; other letters and ASCII go in ``.VnTime``; a character neither font holds
    (¹ “ ⁴ …, whose byte would be a letter there) stays in a Unicode run (font ""), as Word
    does when one types it. For tests, benchmarks and the archive generator.
    """
    reverse = {v: k for k, v in legacy_tables().tcvn3_font.items()}
    runs: list[tuple[str, str]] = []
    for char in unicodedata.normalize("NFC", text):
        if char in reverse:
            piece, font = reverse[char], TCVN3_FONT
        elif char.isupper() and char.lower() in reverse:
            piece, font = reverse[char.lower()], TCVN3_CAPITALS_FONT
        elif ord(char) < 0x80 or _windows_punctuation(char):
            piece, font = char, TCVN3_FONT
        else:
            piece, font = char, ""
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + piece, font)
        else:
            runs.append((piece, font))
    return runs


def vni_font_runs(text: str) -> list[tuple[str, str]]:
    """Unicode → ``(stored text, font)`` runs in ``VNI-Times``, a character the font cannot
    hold in a Unicode run (font "")."""
    table = legacy_tables().vni
    runs: list[tuple[str, str]] = []
    for char in unicodedata.normalize("NFC", text):
        if char in table:
            piece, font = table[char], VNI_FONT
        elif ord(char) < 0x80 or _windows_punctuation(char):
            piece, font = char, VNI_FONT
        else:
            piece, font = char, ""
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + piece, font)
        else:
            runs.append((piece, font))
    return runs


def _windows_punctuation(char: str) -> bool:
    """A Windows-1252 character in 0x80–0x9F (“ ” – …), which the legacy fonts keep as is."""
    try:
        return 0x80 <= char.encode("cp1252")[0] <= 0x9F
    except UnicodeEncodeError:
        return False


# --- VNI-Windows ----------------------------------------------------------------------


@cache
def _vni_decoder() -> tuple[re.Pattern[str], dict[str, str]]:
    reverse = {seq: char for char, seq in legacy_tables().vni.items()}
    keys = sorted(reverse, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys)), reverse


def decode_vni_run(text: str) -> str:
    """A run set in a VNI font (its bytes as Windows-1252 characters) → Unicode."""
    pattern, reverse = _vni_decoder()
    return pattern.sub(lambda m: reverse[m.group(0)], text)


def decode_vni_bytes(data: bytes) -> str:
    return decode_vni_run(data.decode("cp1252", errors="replace"))


def encode_vni_run(text: str) -> str:
    """Unicode → the characters a VNI font run stores (for tests and the archive generator)."""
    table = legacy_tables().vni
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def encode_vni_bytes(text: str) -> bytes:
    return encode_vni_run(text).encode("cp1252")


def _viqr_marks(text: str) -> int:
    return len(re.findall(r"[aeiouyAEIOUY][(^+]?['`?~.](?=[a-zA-Z]|\s|$)|[dD][dD]", text))


# --- detection ------------------------------------------------------------------------


def font_encoding(font: str) -> tuple[str, bool] | None:
    """``(encoding, capitals)`` of a legacy font name (``.VnTimeH`` → ``("tcvn3", True)``)."""
    name = font.strip().lower()
    if not name:
        return None
    rules = sorted(legacy_tables().fonts, key=lambda rule: len(rule.prefix), reverse=True)
    for rule in rules:
        if name.startswith(rule.prefix):
            capitals = bool(rule.capitals_suffix) and font.strip().endswith(rule.capitals_suffix)
            return rule.encoding, capitals
    return None


def decode_run(text: str, encoding: str, capitals: bool = False) -> str:
    """A DOCX run in a legacy font → Unicode NFC."""
    if encoding == "tcvn3":
        decoded = decode_tcvn3_run(text, capitals)
    elif encoding == "vni":
        decoded = decode_vni_run(text)
        decoded = decoded.upper() if capitals else decoded
    else:
        decoded = text
    return unicodedata.normalize("NFC", decoded)


def decode_bytes(data: bytes, encoding: str) -> str:
    """Bytes of a plain-text file in ``encoding`` (one of ``ENCODINGS``) → Unicode NFC."""
    if encoding == "tcvn3":
        text = decode_tcvn3_bytes(data)
    elif encoding == "vni":
        text = decode_vni_bytes(data)
    elif encoding == "viqr":
        text = decode_viqr(data.decode("ascii", errors="replace"))
    else:
        text = data.decode(encoding)
    return unicodedata.normalize("NFC", text)


def detect_bytes(data: bytes) -> tuple[str, str] | None:
    """An 8-bit file (not UTF-8): ``(text, encoding)`` of the legacy encoding that reads best
    as Vietnamese, or None when none reads as text. The encodings are scored on the first
    ``DETECT_SAMPLE`` bytes (cut at a line end), then the winner decodes the whole file."""
    sample = data[:DETECT_SAMPLE]
    if len(data) > DETECT_SAMPLE and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n")]
    candidates: list[tuple[float, int, str]] = []
    for order, encoding in enumerate(("cp1258", "tcvn3", "vni")):
        try:
            text = decode_bytes(sample, encoding)
        except UnicodeDecodeError:
            continue
        if _has_control_chars(text) or "\ufffd" in text:
            continue
        score = vietnamese_score(text)
        if encoding != "cp1258" and score < _MIN_DETECT_SCORE:
            continue  # TCVN3 and VNI map every byte: only text that reads as Vietnamese counts
        candidates.append((score, -order, encoding))
    for _score, _order, encoding in sorted(candidates, reverse=True):
        try:
            text = decode_bytes(data, encoding)
        except UnicodeDecodeError:
            continue
        if not _has_control_chars(text) and "\ufffd" not in text:
            return text, encoding
    return None


def repair_text(text: str) -> tuple[str, str | None]:
    """Unicode text that is really legacy text (see the module docstring): the repaired text and
    its encoding, or the text unchanged and None. Scored on a ``DETECT_SAMPLE`` sample."""
    if has_vietnamese_letters(text):
        return text, None
    sample = text[:DETECT_SAMPLE]
    base = vietnamese_score(sample)
    readings: list[tuple[str, Callable[[str], str]]] = []
    if _viqr_marks(sample) >= _MIN_VIQR_MARKS and text.isascii():
        readings.append(("viqr", decode_viqr))
    if any(0x80 <= ord(ch) <= 0xFF or ch in "–—‘’“”…" for ch in sample):
        readings.append(("tcvn3", _tcvn3_repair))
        readings.append(("vni", lambda t: decode_run(t, "vni")))
    best: tuple[float, str] | None = None
    for encoding, decode in readings:
        score = vietnamese_score(decode(sample))
        if best is None or score > best[0]:
            best = (score, encoding)
    if best is not None and best[0] >= _MIN_SCORE and best[0] >= base + _MIN_GAIN:
        decode = dict(readings)[best[1]]
        return unicodedata.normalize("NFC", decode(text)), best[1]
    return text, None


def _tcvn3_repair(text: str) -> str:
    return _TCVN3_CAPS_WORD.sub(_capitals_word, decode_run(text, "tcvn3"))


def _has_control_chars(text: str) -> bool:
    return any(ord(ch) < 32 and ch not in "\t\n\r\f" for ch in text)


def encode_cp1258(text: str) -> bytes:
    """Unicode → Windows-1258 as Word wrote it: a precomposed letter where the code page has
    one, else the base letter and a combining tone mark (for tests and the archive generator)."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tones = "".join(ch for ch in decomposed if ch in _TONES)
            base = unicodedata.normalize(
                "NFC", "".join(ch for ch in decomposed if ch not in _TONES)
            )
            out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)
