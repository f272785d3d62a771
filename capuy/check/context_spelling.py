"""``spelling.context``: a valid syllable in the wrong place, one typing slip from the word meant.

"cán bô", "tổ chưc", "giám xát", "ngân sach", "đồng chi": every syllable exists, so only the
context tells. For each syllable the rule asks the language model
(``capuy.check.language_model``) how well it fits its neighbours — the count of the bigram with
the syllable before and with the one after, in every text the model knows except this very
occurrence, plus a weight when the pair is part of a dictionary word — and compares that
support with the support of each one-slip neighbour (``capuy.check.neighbours``). A finding is
raised when the syllable as written has (almost) no support and a neighbour has much; the ratio
is the finding's score, shown in the message.

Text in capitals (headers, titles, headings, signature blocks) is judged like any other, case
folded, and the suggestion keeps the capitals. Capitalised words inside mixed-case text are
names and are left alone, except a sentence's first word.

The thresholds (``Thresholds``) were chosen on the development documents of the mutation
evaluation (``benchmarks/checker_eval.py``), never on its test documents.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass
from itertools import compress, filterfalse, islice
from operator import and_

from capuy.check.language_model import Counts, LanguageModel, current_model, text_hash
from capuy.check.neighbours import neighbours
from capuy.check.registry import RULES, register
from capuy.check.syllable_split import BREAK, SyllableSplit, syllable_split
from capuy.check.units import excerpt, text_units
from capuy.model import Document, Finding


@dataclass(frozen=True)
class Thresholds:
    """Chosen on the development set (docs/checker.md, "How the checker is measured")."""

    dictionary_weight: float = 3.0  # a pair inside a dictionary word counts as this many sightings
    backoff: float = 5.0  # pseudo-sightings spread over syllables by their frequency
    most_original: int = 0  # the written pair is seen at most this often elsewhere
    warning_score: float = 5.0  # log-odds of the neighbour over the written syllable …
    error_score: float = 8.0  # … from which the finding is a warning / an error
    common_penalty: float = 0.0  # × log(1 + sightings of the written syllable elsewhere)


THRESHOLDS = Thresholds()
_NONE: frozenset[str] = frozenset()


class _Support:
    """How well a syllable fits its context, leaving the judged occurrence out.

    The score of ``x`` between ``l`` and ``r`` is log P(x | l) + log P(x | r) − log P(x) (the
    chain P(l, x, r) with the right side read backwards), each conditional estimated as the
    pair's sightings elsewhere plus the dictionary weight, backed off to the syllable's own
    frequency; the normalisers are the same for every candidate in one place and cancel.
    """

    def __init__(
        self, model: LanguageModel, doc_hash: str, weights: Thresholds, own: Counts
    ) -> None:
        self.model = model
        self.weights = weights
        self.trained = doc_hash in model.counts.documents
        self.own_bigrams = own.bigrams
        self.own_unigrams = own.unigrams
        self.total = (
            sum(model.counts.unigrams.values())
            + (0 if self.trained else sum(own.unigrams.values()))
            + 1
        )

    def _count(self, table: dict[str, int], own: dict[str, int], key: str, present: bool) -> int:
        """Sightings of ``key`` in every text but this occurrence. A document the model was
        built from is taken as written (its own words are part of what the office taught):
        to proofread the archive itself, rebuild the model without it."""
        count = table.get(key, 0)
        if self.trained:
            return count
        count += own.get(key, 0)
        return max(0, count - 1) if present else count

    def pair(self, a: str, b: str, present: bool) -> float:
        """Sightings of ``a b`` elsewhere (``present``: this occurrence is one of them)."""
        key = f"{a} {b}"
        count: float = self._count(self.model.counts.bigrams, self.own_bigrams, key, present)
        if key in self.model.dictionary_bigrams:
            count += self.weights.dictionary_weight
        return count

    def unigram(self, x: str, present: bool) -> float:
        count = self._count(self.model.counts.unigrams, self.own_unigrams, x, present)
        return (count + 0.5) / self.total

    def score(self, left: str | None, x: str, right: str | None, present: bool) -> float:
        prior = self.unigram(x, present)
        backoff = self.weights.backoff * prior
        total = 0.0
        sides = 0
        for a, b in ((left, x), (x, right)):
            if a is None or b is None:
                continue
            total += math.log(self.pair(a, b, present) + backoff)
            sides += 1
        return total - (sides - 1) * math.log(prior)

    def unseen_pairs(self) -> set[str]:
        """The document's pairs (the keys of its own counts) not seen elsewhere (not in the corpus, not a dictionary word, not twice in
        this document), and the pairs across a break (``syllable_split``: nothing there). A syllable with a seen pair on either side is not judged — the cheap
        gate before any scoring (valid for ``most_original`` 0, and for documents the model was
        not built from — the others are skipped whole). Worked out once per document over its
        distinct pairs, with the lookups at C speed (``filterfalse``)."""
        own = self.own_bigrams
        # one look-up per distinct pair in the counted and dictionary pairs together
        # (``LanguageModel.seen_pairs``, made once per model)
        rare = list(filterfalse(self.model.seen_pairs.__contains__, own.keys()))
        seen = list(map(own.__getitem__, rare))
        unseen = set(compress(rare, map((2).__gt__, seen)))
        # a pair twice in this document is seen elsewhere, unless it spans a break (only the
        # few repeated pairs are looked at one by one)
        unseen.update(p for p in compress(rare, map((2).__le__, seen)) if BREAK in p)
        return unseen


def _candidates(near: tuple[str, ...], after: Set[str], before: Set[str]) -> list[str]:
    """The neighbours in ``near`` that may follow the syllable before (``after``: what follows
    it in a dictionary pair) or precede the one after (``before``), in ``near``'s order; two
    tests at C speed settle the common case, a syllable with none."""
    if after.isdisjoint(near) and before.isdisjoint(near):
        return []
    return [c for c in near if c in after or c in before]


def _restores_word(
    support: _Support,
    run: list[str],
    i: int,
    cand: str,
    dictionary: frozenset[str],
) -> bool:
    """Does ``cand`` in place ``i`` of the ``run`` of keys make a dictionary word with a neighbour that is not already bound more
    strongly to its other side? "cán bô" → "cán bộ" restores a word; "Qua thực hiện" →
    "Quả thực" would take "thực" from "thực hiện", seen far more often, so it does not."""
    for j, pair in (
        (i - 1, (run[i - 1] if i else None, cand)),
        (i + 1, (cand, run[i + 1] if i + 1 < len(run) else None)),
    ):
        a, b = pair
        if a is None or b is None or f"{a} {b}" not in dictionary:
            continue
        strength = support.pair(a, b, present=False)
        # the neighbour's bond on its far side
        k = j - 1 if j < i else j + 1
        if 0 <= k < len(run):
            far = (run[k], run[j]) if k < j else (run[j], run[k])
            if support.pair(far[0], far[1], present=True) > strength:
                continue
        return True
    return False


def _cased(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _judged(text: str, run: list[tuple[int, int, str]], i: int) -> bool:
    """Is the i-th syllable of the run one this rule judges (not a name, not an abbreviation)?"""
    start, end, _ = run[i]
    word = text[start:end]
    if word.islower():
        return True
    if word.isupper():
        # capitals: judged when the whole run is in capitals (a heading, a signature block)
        return len(word) > 1 or not word.isascii()
    if not word[:1].isupper() or not word[1:].islower():
        return False
    # a capitalised word: a sentence's first word followed by small letters, else a name
    before = text[max(0, start - 8) : start].rstrip()
    sentence_start = start < 8 and not before or (before[-1:] or ".") in ".:;!?-–•*#\n"
    return sentence_start and i + 1 < len(run) and text[run[i + 1][0] : run[i + 1][1]].islower()


def _caps_run(text: str, run: list[tuple[int, int, str]]) -> bool:
    return all(text[s:e].isupper() for s, e, _ in run)


def _judged_syllables(split: SyllableSplit, support: _Support, gate: bool) -> Iterator[int]:
    """The place in ``split.words`` of each syllable to judge: in a run of two or more, with
    no pair seen elsewhere on either side (the cheap gate; every syllable when ``gate`` is off).
    The pairs are looked up once per document, over the whole split at C speed."""
    words = split.words
    pairs = split.pairs
    if gate:
        open_pairs = support.unseen_pairs()  # over split.counts(), the counts of these pairs
        flags = list(map(open_pairs.__contains__, pairs))
        # syllable j has pair j - 1 on its left and pair j on its right
        places: Iterable[int] = compress(
            range(1, len(words) - 1), map(and_, flags, islice(flags, 1, None))
        )
    else:
        places = range(1, len(words) - 1)
    for j in places:
        if words[j] == BREAK or (words[j - 1] == BREAK and words[j + 1] == BREAK):
            continue  # a break, or a syllable alone between two breaks
        yield j


def context_findings(
    doc: Document, model: LanguageModel | None = None, weights: Thresholds | None = None
) -> Iterator[tuple[int, str, str, str, float, float, float, str]]:
    """(line, word, suggestion, excerpt, score, own score, sightings of the restored pair in
    counted text, unit text) for every syllable the model finds out of place."""
    # Long: the scoring of one syllable: candidates, context and thresholds read together (to split when the rule is tuned next).
    model = model or current_model()
    weights = weights or THRESHOLDS
    doc_hash = text_hash("\n".join(doc.lines))
    if doc_hash in model.counts.documents:
        return  # taken as written: every pair in it has been seen (by the model, here)
    split = syllable_split(list(text_units(doc)))
    support = _Support(model, doc_hash, weights, split.counts())
    known = model.syllables
    follows, precedes = model.dictionary_sides
    words = split.words
    for j in _judged_syllables(split, support, weights.most_original < 1):
        # the tests on keys first (set look-ups, cached neighbours); offsets into the text only
        # for the few syllables that pass them
        key = words[j]
        if key not in known and not key.isalpha():
            continue
        # only a candidate that makes a dictionary word with the syllable before or after can
        # restore one (a pair with BREAK is in no dictionary word): tested first, by two set
        # tests at C speed against what may follow the syllable before and precede the one
        # after (``LanguageModel.dictionary_sides``); the same candidates, in the same order,
        # as looking up "before c" and "c after" in the dictionary pairs (tested)
        candidates = _candidates(
            neighbours(key, known),
            follows.get(words[j - 1], _NONE),
            precedes.get(words[j + 1], _NONE),
        )
        if not candidates:
            continue
        first, last = split.run_span(j)
        keys = words[first : last + 1]
        i = j - first
        left = keys[i - 1] if i else None
        right = keys[i + 1] if i + 1 < len(keys) else None
        # … and, when it does, whether it takes its neighbour from a stronger bond (counts):
        # the costly scoring comes after
        restoring = [
            c for c in candidates if _restores_word(support, keys, i, c, model.dictionary_bigrams)
        ]
        if not restoring:
            continue
        unit, run = split.run_at(j)
        text = unit.text
        start, end, _ = run[i]
        word = text[start:end]
        if word.isupper() and not _caps_run(text, run):
            continue  # an abbreviation or a capitalised name inside mixed text
        if not _judged(text, run, i):
            continue
        own = support.score(left, key, right, present=True)
        best, cand = max((support.score(left, c, right, present=False), c) for c in restoring)
        seen_word = support._count(model.counts.unigrams, support.own_unigrams, key, present=True)
        score = best - own - weights.common_penalty * math.log1p(seen_word)
        if score < weights.warning_score:
            continue
        # sightings of the restored pair in real text (the dictionary alone is weaker
        # evidence: "tổ sư", "chống đối", "đã đành" are words, but no report says them)
        attested = max(
            support._count(model.counts.bigrams, support.own_bigrams, f"{a} {b}", False)
            for a, b in ((left, cand), (cand, right))
            if a is not None and b is not None
        )
        yield (
            unit.line_at(start),
            word,
            _cased(cand, word),
            excerpt(text, start, end),
            score,
            own,
            float(attested),
            text,
        )


@register(
    "spelling.context",
    "spelling",
    "a valid syllable that does not fit its context, one typing slip from one that does",
)
def context_misspellings(doc: Document) -> Iterator[Finding]:
    rule = RULES["spelling.context"]
    for line, word, right, snippet, score, _own, attested, _text in context_findings(doc):
        if not attested and score < THRESHOLDS.error_score:
            continue  # a weak score backed by the dictionary alone: too often a rare right word
        yield rule.finding(
            "error" if score >= THRESHOLDS.error_score and attested > 0 else "warning",
            line,
            snippet,
            f"“{word}” không hợp với các chữ bên cạnh; có lẽ là “{right}” (mô hình ngôn ngữ: "
            f"“{right}” hợp ngữ cảnh hơn khoảng {_odds(score)} lần)",
            right,
        )


def _odds(score: float) -> str:
    """e^score, rounded to a figure a reader takes in (“20”, “300”, “4.000”)."""
    value = math.exp(min(score, 30.0))
    digits = len(str(int(value)))
    rounded = round(value, -max(0, digits - 1))
    return f"{int(rounded):,}".replace(",", ".")
