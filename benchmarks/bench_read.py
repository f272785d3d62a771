"""Reading throughput: the four seeds repeated to ~10 MB, against one ``re`` pass.

Baseline (same run, same bytes): one compiled regex ``finditer`` over the text — the footnote
call-mark pattern ``capuy.read.footnotes.CALL_MARK``, which every reader runs anyway.
Measured:

* ``read_text`` — each seed read from its string, repeated until ~10 MB of source text
  (blocks, inline Markdown/HTML, tables, footnotes, page-break joins, footnote links);
* ``read_file`` (.docx) — a DOCX of the four seeds' paragraphs (one Word paragraph per seed
  block, ~1.500 paragraphs) written with python-docx in the same run, read back whole;
  reported in paragraphs per second next to ``read_text`` on the same paragraphs.

Each figure is the best of three runs. Run: ``make bench`` or ``python -m benchmarks read``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.common import best_of, seeds_dir

TARGET_BYTES = 10 * 1024 * 1024


def main() -> None:
    import docx

    from capuy.read import read_file, read_text
    from capuy.read.footnotes import CALL_MARK

    texts = [p.read_text("utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    seed_bytes = sum(len(t.encode("utf-8")) for t in texts)
    rounds = max(1, TARGET_BYTES // seed_bytes)
    big = "\n".join(texts * rounds)
    total_mb = len(big.encode("utf-8")) / 1e6

    def regex_pass() -> int:
        return sum(1 for _ in CALL_MARK.finditer(big))

    def read_all() -> None:
        for _ in range(rounds):
            for text in texts:
                read_text(text)

    baseline = best_of(regex_pass)
    reading = best_of(read_all)
    print(f"input: {len(texts)} seeds ({seed_bytes / 1e3:.0f} kB) x{rounds} = {total_mb:.1f} MB")
    print("| measure | MB/s | × slower than one `re` pass |")
    print("|---|---:|---:|")
    print(f"| one `re` pass (`CALL_MARK.finditer`) — baseline | {total_mb / baseline:.2f} | 1.0 |")
    print(f"| `read_text` | {total_mb / reading:.2f} | {reading / baseline:.1f} |")

    paragraphs = [b.text for t in texts for b in read_text(t).blocks if b.kind != "table"]
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "seeds.docx"
        document.save(str(path))
        docx_time = best_of(lambda: read_file(path))
    joined = "\n\n".join(paragraphs)
    text_time = best_of(lambda: read_text(joined))
    count = len(paragraphs)
    print()
    print("| the same paragraphs | paragraphs/s | × slower than `read_text` |")
    print("|---|---:|---:|")
    print(f"| `read_text` ({count} paragraphs) | {count / text_time:,.0f} | 1.0 |")
    print(f"| `read_file` .docx | {count / docx_time:,.0f} | {docx_time / text_time:.1f} |")


if __name__ == "__main__":
    main()
