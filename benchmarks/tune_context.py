"""Choose the thresholds of ``spelling.context`` on the DEVELOPMENT documents only.

Plants spelling slips (lower case and capitals) into the development seeds, each checked with
a model that has not read it (``checker_eval._model_without``), and prints, for a sweep of
score thresholds, how many planted slips score above it (recall) and how many other syllables
do (false alarms per document). Run: ``python -m benchmarks.tune_context [--trials N]``.
"""

from __future__ import annotations

import argparse
import random

from benchmarks.checker_eval import DEV, _model_without
from benchmarks.common import seeds_dir
from benchmarks.mutations import Context, plant


def scores(trials: int, role: str = "dev") -> tuple[list[float], list[float], int]:
    from capuy.check.context_spelling import Thresholds, context_findings
    from capuy.check.language_model import document_text
    from capuy.extract import extract
    from capuy.read import read_text

    low = Thresholds(warning_score=0.0)
    seeds = {p.name[:3]: p for p in sorted(seeds_dir().glob("*.txt"))}
    true_scores: list[float] = []
    false_scores: list[float] = []
    docs = 0
    for key in DEV if role == "dev" else ("001", "003"):
        text = document_text(seeds[key])
        with _model_without(key, role) as model:
            ctx = Context(model.dictionary_bigrams, model.syllables, 2024)
            base = {
                (f[0], f[1])
                for f in context_findings(extract(read_text(text, source="x")), model, low)
            }
            for cls in ("spelling-context", "spelling-caps"):
                for trial in range(trials):
                    done = plant(text, cls, random.Random(f"tune-{key}-{cls}-{trial}"), ctx)
                    if done is None:
                        continue
                    mutated, planted = done
                    doc = extract(read_text(mutated, source="x"))
                    docs += 1
                    hit = -1.0
                    for line, word, *_rest in context_findings(doc, model, low):
                        score = _rest[2]
                        if line == planted.line and planted.after.endswith(word):
                            hit = max(hit, score)
                        elif (line, word) not in base:
                            false_scores.append(score)
                    true_scores.append(hit)
            # false alarms on the clean text count once per document
            false_scores += [
                f[4] for f in context_findings(extract(read_text(text, source="x")), model, low)
            ]
            docs += 1
    return true_scores, false_scores, docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--test", action="store_true", help="(for the record only) test documents")
    args = parser.parse_args()
    true_scores, false_scores, docs = scores(args.trials, "test" if args.test else "dev")
    print(f"{len(true_scores)} planted slips, {docs} document checks")
    print("| threshold | recall | false alarms | per document |")
    for threshold in (3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14):
        found = sum(s >= threshold for s in true_scores)
        false = sum(s >= threshold for s in false_scores)
        print(f"| {threshold} | {found / len(true_scores):.2f} | {false} | {false / docs:.2f} |")


if __name__ == "__main__":
    main()
