"""Extraction throughput over the seed reports repeated to ~10 MB, against one ``re`` pass.

Baseline (same run, same bytes): one compiled regex ``finditer`` for the document-symbol shape
(``capuy.extract.tokens.SYMBOL``) over the seeds' text repeated to ~10 MB. Measured:

* ``extract`` — ``capuy.extract.extract`` on the already-read seed documents, repeated until
  ~10 MB of source text has been extracted (header, outline, closing, appendix, citations,
  quantities, footnote links);
* ``read + extract`` — ``capuy.read.read_text`` then ``extract`` on the same repetitions;
* ``find_citations`` — the plain-string citation finder over the 10 MB text.

Each figure is the best of three runs; the ratio says how many times slower than the bare
regex pass each stage is. Run: ``make bench`` or ``python -m benchmarks extract``.
"""

from __future__ import annotations

import os

from benchmarks.common import best_of, seeds_dir

TARGET_BYTES = 10 * 1024 * 1024


def main() -> None:
    from capuy.extract import extract, find_citations, tokens
    from capuy.read import read_text

    texts = [p.read_text("utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    seed_bytes = sum(len(t.encode("utf-8")) for t in texts)
    rounds = max(1, TARGET_BYTES // seed_bytes)
    big = "\n".join(texts * rounds)
    total_mb = len(big.encode("utf-8")) / 1e6
    docs = [read_text(t, source=f"seed{i}") for i, t in enumerate(texts)]
    for doc in docs:  # warm the vocab caches and compiled patterns
        extract(doc)

    def regex_pass() -> int:
        return sum(1 for _ in tokens.SYMBOL.finditer(big))

    def extract_all() -> None:
        for _ in range(rounds):
            for doc in docs:
                extract(doc)

    def read_and_extract() -> None:
        for _ in range(rounds):
            for i, text in enumerate(texts):
                extract(read_text(text, source=f"seed{i}"))

    def citations_only() -> int:
        return len(find_citations(big))

    baseline = total_mb / best_of(regex_pass)
    rows = [
        ("one re pass (SYMBOL.finditer) — baseline", baseline),
        ("find_citations (plain string)", total_mb / best_of(citations_only)),
        ("extract (documents already read)", total_mb / best_of(extract_all)),
        ("read_text + extract", total_mb / best_of(read_and_extract)),
    ]
    print(
        f"{total_mb:.1f} MB = the 4 seeds ({seed_bytes / 1e3:.0f} kB) × {rounds}, {os.cpu_count()} CPUs"
    )
    print(f"{'measure':<45} {'MB/s':>9} {'× slower than re':>17}")
    for name, speed in rows:
        print(f"{name:<45} {speed:>9.2f} {baseline / speed:>17.1f}")


if __name__ == "__main__":
    main()
