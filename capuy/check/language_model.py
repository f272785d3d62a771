"""A small model of Vietnamese learned from text: syllable and syllable-bigram counts.

Why counts and not more rules: a misspelling that is a valid syllable ("cán bô", "ngân sach")
is only wrong in its context, and the context people write in is best learned from the text
they write. Three sources are added together:

* a public word list shipped with the package (``vocab/language/pyvi_words.txt``, MIT, from
  pyvi): every two adjacent syllables of a dictionary word are a known bigram;
* the project's own texts (the seed reports and the report templates), as counts in
  ``vocab/language/counts.tsv``, rebuilt by ``capuy language-model build``;
* an office's own archive: the same command over its documents writes a counts file that
  ``capuy check --model FILE`` (or ``CAPUY_LANGUAGE_MODEL``) adds on top — the office's own
  vocabulary is its best teacher, and it grows with use.

Everything is case-folded and in new-style tone placement, so "HỘI NGHỊ", "Hội nghị" and
"hội nghị" are one bigram and hoà/hòa one syllable. Each counts file also lists the SHA-1 of
the documents it counted, so a document the model has read is judged on the counts of every
*other* text ("leave one out"), and a document it has not read counts its own other
occurrences too: in both cases a word is judged by everything except itself.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import chain
from pathlib import Path
from typing import NamedTuple

from capuy.check.units import tone_normalised
from capuy.text import nfc, normalize_tones

HERE = Path(__file__).resolve().parent.parent / "vocab" / "language"
WORDS_FILE = HERE / "pyvi_words.txt"
COUNTS_FILE = HERE / "counts.tsv"
ENV_VAR = "CAPUY_LANGUAGE_MODEL"

_SYLLABLE = re.compile(r"[^\W\d_]+")
_RUN = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")


class KeyRun(NamedTuple):
    """A run of syllables as keys, its offsets worked out only when asked (most runs are only
    counted and looked up, never pointed into)."""

    start: int
    keys: list[str]
    spans: list[tuple[int, int]] | None  # given when the spacing is irregular

    def pairs(self) -> list[str]:
        return list(map(" ".join, zip(self.keys, self.keys[1:], strict=False)))

    def syllables(self) -> list[tuple[int, int, str]]:
        """(start, end, key) per syllable, as ``syllable_runs`` gives them."""
        if self.spans is not None:
            return [(a, b, key) for (a, b), key in zip(self.spans, self.keys, strict=True)]
        out = []
        start = self.start
        for key in self.keys:  # one space apart: offsets follow from the lengths
            stop = start + len(key)
            out.append((start, stop, key))
            start = stop + 1
        return out


def key_runs(text: str) -> Iterator[KeyRun]:
    """Runs of syllables separated only by spaces (punctuation, digits and line ends break a
    run: no bigram spans them), each key case-folded and in new-style tone placement.

    Nearly every run has its syllables one space apart, so the keys are one ``split`` of the
    folded run, with no regular-expression match or tuple per syllable."""
    folded = fold(text)  # one pass for the whole text, not one per word
    for run in _RUN.finditer(text):
        start, end = run.span()
        segment = text[start:end]
        if "\t" in segment or "  " in segment:  # irregular spacing: find each syllable
            spans = [m.span() for m in _SYLLABLE.finditer(text, start, end)]
            yield KeyRun(start, [folded[a:b] for a, b in spans], spans)
        else:
            yield KeyRun(start, folded[start:end].split(" "), None)


def fold(text: str) -> str:
    """``text`` case-folded and in new-style tone placement, the same length (so offsets into
    it are offsets into ``text``). NFC text (nearly all) reuses the tone-normalised copy the
    other rules share (``units.tone_normalised``: on NFC text tone placement keeps the length)."""
    if unicodedata.is_normalized("NFC", text):
        folded = tone_normalised(text).lower()
    else:
        folded = normalize_tones(text).lower()
    if len(folded) != len(text):
        folded = "".join(normalize_tones(ch).lower()[:1] or ch for ch in text)
    return folded


def syllable_runs(text: str) -> Iterator[list[tuple[int, int, str]]]:
    """Each run of ``key_runs`` as (start, end, key) per syllable; offsets index ``text``."""
    for run in key_runs(text):
        yield run.syllables()


def keys_counts(runs: Iterable[list[str]]) -> Counts:
    """Counts of runs given as their keys, gathered and counted at once (one ``Counter``
    update per run cost more than the counting itself on a report's thousands of short runs)."""
    runs = list(runs)
    counts = Counts()
    counts.unigrams.update(chain.from_iterable(runs))
    counts.bigrams.update(
        chain.from_iterable(map(" ".join, zip(k, k[1:], strict=False)) for k in runs)
    )
    return counts


def text_hash(text: str) -> str:
    """The identity of a document's text (NFC, stripped lines), as the counts file records it."""
    lines = (line.strip() for line in nfc(text).splitlines())
    return hashlib.sha1("\n".join(lines).strip().encode("utf-8")).hexdigest()


@dataclass
class Counts:
    """Syllable and bigram counts of some texts, and the hashes of those texts."""

    unigrams: Counter[str] = field(default_factory=Counter)
    bigrams: Counter[str] = field(default_factory=Counter)
    documents: set[str] = field(default_factory=set)

    def update(self, other: Counts) -> None:
        self.unigrams.update(other.unigrams)
        self.bigrams.update(other.bigrams)
        self.documents |= other.documents


def text_counts(text: str) -> Counts:
    return keys_counts(run.keys for run in key_runs(text))


def build_counts(texts: Iterable[str]) -> Counts:
    """Counts of ``texts`` (whole documents), with their hashes."""
    counts = Counts()
    for text in texts:
        counts.update(text_counts(text))
        counts.documents.add(text_hash(text))
    return counts


def write_counts(counts: Counts, path: Path, note: str = "") -> None:
    """A counts file: ``d<TAB>sha1`` per document, ``u<TAB>syllable<TAB>n``, ``b<TAB>a b<TAB>n``."""
    lines = [f"# capuy language model counts. {note}".rstrip()]
    lines += [f"d\t{h}" for h in sorted(counts.documents)]
    lines += [f"u\t{k}\t{n}" for k, n in sorted(counts.unigrams.items())]
    lines += [f"b\t{k}\t{n}" for k, n in sorted(counts.bigrams.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_counts(path: Path) -> Counts:
    counts = Counts()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0] == "u" and len(parts) == 3:
            counts.unigrams[parts[1]] += int(parts[2])
        elif parts[0] == "b" and len(parts) == 3:
            counts.bigrams[parts[1]] += int(parts[2])
        elif parts[0] == "d" and len(parts) == 2:
            counts.documents.add(parts[1])
    return counts


@dataclass
class LanguageModel:
    """Counts plus the dictionary: what ``context_spelling`` asks of the language."""

    counts: Counts
    dictionary_bigrams: frozenset[str]
    syllables: frozenset[str]

    @cached_property
    def seen_pairs(self) -> frozenset[str]:
        """Every pair the model has seen: counted in some text or inside a dictionary word.
        Made once per model, on first use (about 28.000 pairs, a few milliseconds), so the
        checker tests a document's pairs against one set instead of two. A model's counts
        are not changed once it is made (``load_model`` and the benchmarks build the counts
        first), so the set cannot go stale."""
        return self.dictionary_bigrams.union(self.counts.bigrams)

    @cached_property
    def dictionary_sides(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """(after, before): ``after[a]`` holds every ``b`` and ``before[b]`` every ``a`` of a
        dictionary pair "a b" (read, never changed). Made once per model, on first use (about
        26.000 pairs, some 20 ms), so ``spelling.context`` asks whether any one-slip neighbour
        of a syllable makes a dictionary word with the syllable before or after it by two set
        tests at C speed (``isdisjoint``), instead of joining and looking up two strings per
        neighbour (most syllables have no such neighbour)."""
        after: defaultdict[str, set[str]] = defaultdict(set)
        before: defaultdict[str, set[str]] = defaultdict(set)
        for a, b in map(str.split, self.dictionary_bigrams):  # one space in each pair
            after[a].add(b)
            before[b].add(a)
        return dict(after), dict(before)

    def bigram(self, a: str, b: str) -> int:
        return self.counts.bigrams.get(f"{a} {b}", 0)

    def in_dictionary(self, a: str, b: str) -> bool:
        return f"{a} {b}" in self.dictionary_bigrams


def read_word_list(path: Path = WORDS_FILE) -> tuple[frozenset[str], frozenset[str]]:
    """(bigrams inside dictionary words, syllables of dictionary words) of the word list."""
    bigrams: set[str] = set()
    syllables: set[str] = set()
    # one normalisation pass over the whole file, not one per line: the load stays fast
    text = normalize_tones(nfc(path.read_text(encoding="utf-8").lower()))
    for line in text.splitlines():
        words = line.split()
        if not words or any(not w.isalpha() for w in words):
            continue
        syllables.update(words)
        bigrams.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return frozenset(bigrams), frozenset(syllables)


def load_model(
    extra: Iterable[Path] = (), base: Path | None = COUNTS_FILE, words: Path = WORDS_FILE
) -> LanguageModel:
    """The shipped model plus the counts files in ``extra`` (an office's archive)."""
    from capuy.vocab.spelling import hunspell_syllables

    counts = read_counts(base) if base is not None and base.is_file() else Counts()
    for path in extra:
        counts.update(read_counts(Path(path)))
    dictionary_bigrams, dictionary_syllables = read_word_list(words)
    return LanguageModel(counts, dictionary_bigrams, hunspell_syllables() | dictionary_syllables)


_IN_USE: list[LanguageModel] = []


@contextmanager
def using_model(model: LanguageModel) -> Iterator[LanguageModel]:
    """Check with ``model`` instead of the default inside the ``with`` block (the evaluation
    uses it to hold a document out of the model that judges it)."""
    _IN_USE.append(model)
    try:
        yield model
    finally:
        _IN_USE.pop()


def current_model() -> LanguageModel:
    return _IN_USE[-1] if _IN_USE else default_model()


@cache
def default_model() -> LanguageModel:
    """The model the checker uses: shipped counts, plus ``$CAPUY_LANGUAGE_MODEL`` (one or
    more counts files separated by ``os.pathsep``) when set."""
    extra = [Path(p) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p]
    return load_model(extra)


def project_texts(seeds_dir: Path | None = None) -> list[tuple[str, str]]:
    """(name, text) of the project's own texts the shipped counts are built from: the seed
    reports (when ``seeds_dir`` is given), the prose of the report templates and the names and
    labels of the vocabulary (organisations, issuers, document types, record kinds)."""
    import yaml

    out: list[tuple[str, str]] = []
    if seeds_dir is not None:
        out += [(p.name, p.read_text("utf-8")) for p in sorted(Path(seeds_dir).glob("*.txt"))]
    vocab = HERE.parent
    paths = sorted(vocab.glob("report_templates/*.yaml")) + sorted(vocab.glob("*.yaml"))
    paths += sorted(vocab.glob("records/*.yaml"))  # never spelling/: it lists wrong forms
    for path in paths:
        strings: list[str] = []
        _strings(yaml.safe_load(path.read_text("utf-8")), strings)
        # template code ({{ … }}, {% … %}) breaks runs, so it never makes a bigram
        text = "\n".join(re.sub(r"\{[{%].*?[%}]\}", "\n", s) for s in strings)
        out.append((str(path.relative_to(vocab)), text))
    return out


def _strings(value: object, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _strings(item, out)
    elif isinstance(value, list):
        for item in value:
            _strings(item, out)


def document_text(path: Path) -> str:
    """A document's text as the checker sees it (read by ``capuy.read``: TXT, MD, DOCX, PDF), so
    the hash recorded at build time is the one ``context_spelling`` computes when checking."""
    from capuy.read import read_file as read_document

    return "\n".join(read_document(Path(path)).lines)


def build_file(
    paths: Iterable[Path], out: Path, with_project: bool = False, seeds_dir: Path | None = None
) -> Counts:
    """Count the documents ``paths`` (an office's archive) and write the counts to ``out``;
    ``with_project`` adds the project's own texts (how the shipped ``counts.tsv`` is made)."""
    texts = [document_text(p) for p in paths]
    if with_project:
        texts += [text for _, text in project_texts(seeds_dir)]
    counts = build_counts(texts)
    write_counts(counts, out, f"{len(counts.documents)} documents")
    return counts
