"""Parsing what a user types into the search box — pure Python, shared by both backends.

``parse("Nghị quyết \\"sổ tay\\" 1401-CV/TU thuc hie*")`` gives clauses, each a list of words
that must all match (a phrase keeps their order): plain words, a prefix (``hie*``), a quoted
phrase (its last word a prefix when it ends in ``*``), and a symbol written with ``-`` or ``/`` (``1401-CV/TU`` is the phrase 1401 cv tu, a number ``40,77`` the phrase 40 77, so
"1401-cv/tu" and "CV/TU 2024" find it too). Every word is kept twice:

* ``folded`` — lower case, marks stripped, đ→d (``capuy.text.search_key``): what matches, so
  "so tay dang vien" finds "Sổ tay đảng viên" and "hoà" finds "hòa";
* ``exact`` — lower case with its diacritics, tone placement made canonical: ranked first when
  the user typed diacritics ("thể" before "thế").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from capuy.text import normalize_tones, search_key

MAX_QUERY_CHARS = 200
MAX_CLAUSES = 12
_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+)')
_WORD = re.compile(r"\w+")
_SYMBOL = re.compile(r"^\d+[-/]")


def fold(text: str) -> str:
    """Folded words separated by single spaces: "Số 1401-CV/TU" → "so 1401 cv tu"."""
    return " ".join(_WORD.findall(search_key(text).replace("_", " ")))


def exact(text: str) -> str:
    """Lower-case words with their diacritics (canonical tone placement), single spaces."""
    return " ".join(_WORD.findall(normalize_tones(text).lower().replace("_", " ")))


def symbol_key(symbol: str) -> str:
    """ "708-BC/TU" and "708-bc/tu" → "708-bc/tu": a symbol compared as typed, case and
    diacritics aside (QĐ = qd)."""
    return "".join(search_key(symbol).split())


@dataclass(frozen=True)
class Clause:
    folded: tuple[str, ...]
    exact: tuple[str, ...]
    phrase: bool = False
    prefix: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    clauses: tuple[Clause, ...]
    symbol: str = ""  # the first symbol typed, for the exact-symbol boost

    @property
    def empty(self) -> bool:
        return not self.clauses

    @property
    def has_diacritics(self) -> bool:
        return any(c.folded != c.exact for c in self.clauses)

    @property
    def words(self) -> list[str]:
        """Every folded word, for highlighting."""
        return [w for c in self.clauses for w in c.folded]


def parse(text: str) -> ParsedQuery:
    text = normalize_tones(text or "")[:MAX_QUERY_CHARS]
    clauses: list[Clause] = []
    symbol = ""
    for match in _TOKEN.finditer(text):
        if match.group("phrase") is not None:
            raw, phrase = match.group("phrase").rstrip(), True
            prefix = raw.endswith("*")  # "quan triet nghi*": a phrase ending in a prefix
            raw = raw.rstrip("*")
        else:
            raw = match.group("word")
            prefix = raw.endswith("*")
            raw = raw.rstrip("*")
            phrase = bool(_SYMBOL.match(raw)) or bool(re.search(r"\w[-/.,]\w", raw))
            if _SYMBOL.match(raw) and not symbol:
                symbol = symbol_key(raw)
        folded, exact_words = fold(raw).split(), exact(raw).split()
        if not folded or len(folded) != len(exact_words):
            continue
        # one typed token of several words ("Phổ+Châu", "40;77") is their phrase: a clause
        # that is not one matches its first word only, on both engines
        phrase = len(folded) > 1
        clauses.append(Clause(tuple(folded), tuple(exact_words), phrase, prefix))
        if len(clauses) >= MAX_CLAUSES:
            break
    return ParsedQuery(tuple(clauses), symbol)
