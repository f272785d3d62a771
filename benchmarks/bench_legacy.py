"""Legacy round trip: each seed written as an office's pre-Unicode file and read back.

Plain text in TCVN3 (TCVN 5712), VNI-Windows, VIQR and Windows-1258, and DOCX with every run in
``.VnTime``/``.VnTimeH`` or ``VNI-Times`` (Unicode runs only for what those fonts cannot hold),
read through ``capuy.read.read_file``. Figure: the share of lines identical to the Unicode
seed's, and the detected encoding. Characters a plain-text encoding cannot hold (superscript
digits in all; “ ” – in TCVN3 and VIQR) are written as plain digits/ASCII first, and the
expectation is that same text. Time: reading the legacy file against reading the UTF-8 one
(ratio, best of 3, same run). Run: ``python -m benchmarks legacy``.
"""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from benchmarks.common import best_of, seeds_dir

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
PLAIN_PUNCTUATION = str.maketrans({"“": '"', "”": '"', "–": "-"})


def main() -> None:
    from capuy.read.legacy import (
        encode_cp1258,
        encode_tcvn3_plain,
        encode_viqr,
        encode_vni_bytes,
        tcvn3_font_runs,
        vni_font_runs,
    )

    plain = {
        "tcvn3": (encode_tcvn3_plain, True),
        "vni": (encode_vni_bytes, False),
        "viqr": (lambda t: encode_viqr(t).encode("ascii"), True),
        "cp1258": (encode_cp1258, False),
    }
    print("machine shared with other helpers' work: times are loaded-machine figures")
    print("| seed | file | encoding read | lines identical | read time vs UTF-8 |")
    print("|---|---|---|---|---|")
    totals = {"lines": 0, "same": 0}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for seed in sorted(seeds_dir().glob("*.txt")):
            base = unicodedata.normalize("NFC", seed.read_text("utf-8")).translate(SUPERSCRIPTS)
            for name, (encode, ascii_punctuation) in plain.items():
                text = base.translate(PLAIN_PUNCTUATION) if ascii_punctuation else base
                unicode_file = work / f"{seed.stem}-{name}-utf8.txt"
                unicode_file.write_text(text, "utf-8")
                legacy_file = work / f"{seed.stem}-{name}.txt"
                legacy_file.write_bytes(encode(text))
                _report(seed.name[:3], f"{name} .txt", legacy_file, unicode_file, totals)
            paragraphs = [line.strip() for line in base.split("\n") if line.strip()]
            unicode_docx = work / f"{seed.stem}-unicode.docx"
            _docx(unicode_docx, paragraphs, lambda t: [(t, "")])
            for name, runs in (("tcvn3", tcvn3_font_runs), ("vni", vni_font_runs)):
                legacy_docx = work / f"{seed.stem}-{name}.docx"
                _docx(legacy_docx, paragraphs, runs)
                _report(seed.name[:3], f"{name} .docx runs", legacy_docx, unicode_docx, totals)
    share = 100 * totals["same"] / max(1, totals["lines"])
    print(f"| all | | | {share:.2f} % of {totals['lines']} lines | |")


def _docx(path: Path, paragraphs: list[str], runs_of) -> None:  # type: ignore[no-untyped-def]
    import docx

    document = docx.Document()
    for text in paragraphs:
        paragraph = document.add_paragraph()
        for piece, font in runs_of(text):
            paragraph.add_run(piece).font.name = font or "Times New Roman"
    document.save(path)


def _report(seed: str, label: str, legacy: Path, unicode: Path, totals: dict[str, int]) -> None:
    from capuy.read import read_file

    got = read_file(legacy)
    want = read_file(unicode)
    same = sum(1 for a, b in zip(got.lines, want.lines, strict=False) if a == b)
    total = max(len(got.lines), len(want.lines))
    totals["lines"] += total
    totals["same"] += same
    ratio = best_of(lambda: read_file(legacy)) / best_of(lambda: read_file(unicode))
    print(
        f"| {seed} | {label} | {got.encoding} | {100 * same / max(1, total):.2f} % | ×{ratio:.2f} |"
    )


if __name__ == "__main__":
    main()
