"""One split of a document into syllable keys, made once per document and pointed into lazily.

Every unit's text (``capuy.check.units``) is case-folded and put in new-style tone placement
(``language_model.fold``), and cut into syllable keys with a ``|`` wherever a run of syllables
breaks (punctuation, digits, line ends — anything but spaces and tabs between two syllables,
exactly the runs of ``language_model.key_runs``). The whole document becomes one list of keys,
so its bigrams, their counts and the set look-ups over them are a few calls at C speed
(``map``, ``zip``, ``Counter``) instead of a Python loop per run; offsets into a unit's text are
worked out only for the few syllables a rule goes on to judge (``run_at``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from capuy.check.language_model import Counts, fold
from capuy.check.units import TextUnit

BREAK = "|"  # cannot be a syllable: every character that is not a letter is a break
# what breaks a run (anything but letters, spaces and tabs), up to the next letter: one BREAK.
# Written as one character class ([\W\d_]: not a letter) with spaces and tabs ruled out by a
# look-behind on the character just read, so ``re`` skips from one non-letter to the next at C
# speed; the alternation it replaces, (?:[^\w \t]|[\d_])[\W\d_]*, was tried at every letter
# (same matches: ``tests/test_check_speed.py``).
_GAP = re.compile(r"[\W\d_](?<![ \t])[\W\d_]*")
_SYLLABLE = re.compile(r"[^\W\d_]+")
_RUN = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")
_ISOLATED = re.compile(r"\|[ \t]+([^\s|]+)[ \t]+(?=\|)")  # a run of one syllable


@dataclass
class SyllableSplit:
    """``words``: every unit's syllable keys in reading order, ``BREAK`` between runs, before the
    first unit and after each one; ``starts[k]``: where unit ``k``'s keys begin."""

    units: list[TextUnit]
    folded: list[str]  # each unit's text folded (same length, so offsets carry over)
    words: list[str]
    starts: list[int]
    marked: str  # the words as one string, for the regular expressions over the whole document
    _runs: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # by unit
    _run: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)  # by first word

    @cached_property
    def pairs(self) -> list[str]:
        """``pairs[j]`` is "words[j] words[j+1]"; a pair with ``BREAK`` in it spans a break."""
        return list(map(" ".join, zip(self.words, self.words[1:], strict=False)))

    def counts(self) -> Counts:
        """Syllable and bigram counts of the runs of two syllables or more (a syllable standing
        alone has no context to be judged in and is not counted, as in ``keys_counts``)."""
        counts = Counts()
        counts.unigrams.update(self.words)
        del counts.unigrams[BREAK]
        for alone in _ISOLATED.findall(self.marked):
            counts.unigrams[alone] -= 1
            if not counts.unigrams[alone]:
                del counts.unigrams[alone]
        counts.bigrams.update(self.pairs)  # the pairs across a break are never looked up
        return counts

    def run_span(self, j: int) -> tuple[int, int]:
        """Where the run of syllable ``j`` begins and ends in ``words`` (both included)."""
        words = self.words
        first = j
        while words[first - 1] != BREAK:
            first -= 1
        last = j
        while words[last + 1] != BREAK:
            last += 1
        return first, last

    def run_at(self, j: int) -> tuple[TextUnit, list[tuple[int, int, str]]]:
        """The unit of syllable ``j`` and its run as (start, end, key), offsets into the unit's
        text (found once per unit and run, only when asked)."""
        first, _ = self.run_span(j)
        k = bisect_right(self.starts, j) - 1
        run = self._run.get(first)
        if run is None:
            runs = self._runs.get(k)
            if runs is None:
                runs = self._runs[k] = list(map(re.Match.span, _RUN.finditer(self.folded[k])))
            unit_start = self.starts[k]
            # one BREAK between two runs (and one before the first if the unit opens with a gap)
            nth = self.words[unit_start:first].count(BREAK) - (self.words[unit_start] == BREAK)
            run = self._run[first] = _syllables(self.folded[k], *runs[nth])
        return self.units[k], run


def _syllables(folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, key) of each syllable of the run ``folded[start:end]``."""
    segment = folded[start:end]
    if "\t" in segment or "  " in segment:  # irregular spacing: find each syllable
        return [(*m.span(), m.group()) for m in _SYLLABLE.finditer(folded, start, end)]
    out = []
    for key in segment.split(" "):  # one space apart: offsets follow from the lengths
        out.append((start, start + len(key), key))
        start += len(key) + 1
    return out


def syllable_split(units: list[TextUnit]) -> SyllableSplit:
    """The split of ``units`` (a document's text units, in order)."""
    folded = [fold(unit.text) for unit in units]
    parts = [BREAK]
    words = [BREAK]
    starts = []
    for text in folded:
        marked = _GAP.sub(" | ", text)
        parts += (marked, BREAK)
        starts.append(len(words))
        words += marked.split()
        words.append(BREAK)
    return SyllableSplit(units, folded, words, starts, " ".join(parts))
