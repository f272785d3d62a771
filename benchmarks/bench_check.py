"""Checker throughput over the seed reports repeated to ~4 MB, as a ratio to the extractor.

Baseline (same run, same bytes): ``capuy.read.read_text`` + ``capuy.extract.extract`` on the
four seeds, repeated until ~4 MB of source text has gone through. Measured against it:

* ``read + extract + check`` — what ``capuy check`` does per file (the four seeds checked
  together each round, so the cross-document rules run too);
* ``check`` alone — ``capuy.check.check`` on documents already read and extracted.

The paragraph-level cache of tone-normalised text is cleared before every document, since
repeating the seeds would otherwise turn it into a lookup (real reports do not repeat their
paragraphs); the per-word syllable verdicts stay cached, as they would across real reports.
Each figure is the best of three runs. Run: ``make bench`` or ``python -m benchmarks check``.
"""

from __future__ import annotations

import os

from benchmarks.common import best_of, seeds_dir

TARGET_BYTES = 4 * 1024 * 1024


def main() -> None:
    from capuy.check import check
    from capuy.check.units import tone_normalised
    from capuy.extract import extract
    from capuy.read import read_text

    texts = [p.read_text("utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    seed_bytes = sum(len(t.encode("utf-8")) for t in texts)
    rounds = max(1, TARGET_BYTES // seed_bytes)
    total_mb = seed_bytes * rounds / 1e6
    # The seeds are part of the shipped language model, and a document the model was built
    # from is taken as written (spelling.context skips it); to time the rule doing its whole
    # work, the seeds are checked with a model built without them, as a new report would be.
    from capuy.check import language_model as lm
    from capuy.vocab.spelling import hunspell_syllables

    counts = lm.build_counts([t for _, t in lm.project_texts(None)])
    bigrams, syllables = lm.read_word_list()
    unseen = lm.using_model(lm.LanguageModel(counts, bigrams, hunspell_syllables() | syllables))
    unseen.__enter__()
    extracted = [extract(read_text(t, source=f"seed{i}")) for i, t in enumerate(texts)]
    findings = check(extracted)  # warm caches: vocab, word lists, hunspell, compiled patterns

    def read_extract() -> None:
        for _ in range(rounds):
            for i, text in enumerate(texts):
                extract(read_text(text, source=f"seed{i}"))

    def read_extract_check() -> None:
        for _ in range(rounds):
            tone_normalised.cache_clear()
            check([extract(read_text(t, source=f"seed{i}")) for i, t in enumerate(texts)])

    def check_only() -> None:
        for _ in range(rounds):
            tone_normalised.cache_clear()
            check(extracted)

    baseline = total_mb / best_of(read_extract)
    rows = [
        ("read_text + extract — baseline", baseline),
        ("read_text + extract + check", total_mb / best_of(read_extract_check)),
        ("check alone (documents already extracted)", total_mb / best_of(check_only)),
    ]
    print(
        f"{total_mb:.1f} MB = the 4 seeds ({seed_bytes / 1e3:.0f} kB) × {rounds}, "
        f"{os.cpu_count()} CPUs; {len(findings)} findings per round"
    )
    print(f"{'measure':<45} {'MB/s':>9} {'× time of extractor':>20}")
    for name, speed in rows:
        print(f"{name:<45} {speed:>9.2f} {baseline / speed:>20.2f}")
    rule_shares(extracted, read_extract, rounds)
    unseen.__exit__(None, None, None)
    model_load()


def rule_shares(extracted: list, read_extract: object, rounds: int) -> None:
    """Where the checker's time goes: CPU time (``process_time``, steadier than wall time on a
    shared machine) of each rule over the same rounds, as a multiple of read + extract's."""
    import time
    from collections import defaultdict

    from capuy.check.registry import all_rules
    from capuy.check.shared import shared_work
    from capuy.check.units import tone_normalised

    spent: dict[str, float] = defaultdict(float)
    for _ in range(rounds):
        tone_normalised.cache_clear()
        with shared_work():  # as in check(): what rules share is made by the first to ask
            for rule in all_rules():
                start = time.process_time()
                if rule.scope == "corpus":
                    list(rule.run(extracted))
                else:
                    for doc in extracted:
                        list(rule.run(doc))
                spent[rule.id] += time.process_time() - start
    start = time.process_time()
    read_extract()  # type: ignore[operator]
    base = time.process_time() - start
    total = sum(spent.values())
    print(f"CPU time: check {total / base:.2f} × read + extract; the costliest rules:")
    for rule_id, seconds in sorted(spent.items(), key=lambda kv: -kv[1])[:6]:
        print(f"  {rule_id:<33} {seconds / base:>5.2f} ×")


_LOAD = """
import resource, time
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
import capuy.check.context_spelling
from capuy.check.language_model import default_model
imported = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, cpu = time.perf_counter(), time.process_time()
model = default_model()
model.seen_pairs, model.dictionary_sides  # made on first use: what a check run pays once too
took, cpu = time.perf_counter() - start, time.process_time() - cpu
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{took:.3f} {cpu:.3f} {imported / 1024:.0f} {after / 1024:.0f} {len(model.counts.bigrams)} "
      f"{len(model.dictionary_bigrams)} {len(model.syllables)}")
"""


def model_load() -> None:
    """The language model's load time and the process's peak resident memory, in a fresh
    interpreter (best of three): what a ``capuy check`` run pays once."""
    import subprocess
    import sys

    runs = [
        subprocess.run(
            [sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(3)
    ]
    took, cpu, imported, after, bigrams, words, syllables = min(runs, key=lambda r: float(r[0]))
    print(
        f"language model: loaded in {float(took):.3f} s wall, {float(cpu):.3f} s CPU (fresh "
        f"process, best of 3); peak RSS "
        f"{imported} MB after importing the checker, {after} MB with the model; "
        f"{bigrams} counted bigrams, {words} dictionary bigrams, {syllables} known syllables"
    )


if __name__ == "__main__":
    main()
