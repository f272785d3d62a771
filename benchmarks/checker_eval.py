"""Measure the checker on planted errors in text it has not seen (``benchmarks/mutations.py``).

Split by document (no text is in two roles):

* development documents — seeds 000 and 002: errors are planted into each, checked with a
  language model built from the report templates and the *other* development seed only; the
  thresholds of ``capuy.check.context_spelling`` were chosen on these figures;
* test documents — seeds 001 and 003: errors planted into each, checked with a model built
  from the templates and every seed except the document itself; these figures are reported
  and were never used to choose anything.

For every class, ``TRIALS`` copies of each document get one planted error each (and, for the
classes with a correct twin, as many copies get the correct sentence: a control). The checker
runs on the original and on the copy; findings of the copy that the original does not have
(same rule, same line) are new. A new finding on the planted line in the expected category is
a hit; every other new finding is a false alarm (of its own category). Precision and recall
count error-severity findings (``--all`` counts warnings too).

Run: ``python -m benchmarks.checker_eval [--trials N] [--dev|--test] [--all]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from contextlib import contextmanager

from benchmarks.common import seeds_dir
from benchmarks.mutations import CLASSES, CONTROLS, Context, plant

DEV = ("000", "002")
TEST = ("001", "003")
TRIALS = 12


def _report_year(text: str) -> int:
    from capuy.check.arithmetic import _report_year as year_of
    from capuy.extract import extract
    from capuy.read import read_text

    return year_of(extract(read_text(text, source="x"))) or 2024


@contextmanager
def _model_without(held_out: str, role: str):
    from capuy.check import language_model as lm

    seeds = {p.name[:3]: p for p in sorted(seeds_dir().glob("*.txt"))}
    allowed = DEV if role == "dev" else tuple(seeds)
    texts = [lm.document_text(p) for k, p in seeds.items() if k in allowed and k != held_out]
    texts += [t for _, t in lm.project_texts(None)]
    counts = lm.build_counts(texts)
    bigrams, syllables = lm.read_word_list()
    from capuy.vocab.spelling import hunspell_syllables

    model = lm.LanguageModel(counts, bigrams, hunspell_syllables() | syllables)
    with lm.using_model(model):
        yield model


def _check(text: str) -> list:
    from capuy.check import check
    from capuy.extract import extract
    from capuy.read import read_text

    return check([extract(read_text(text, source="planted.txt"))])


NEW_RULES = {
    "spelling.context",
    "arithmetic.prose-sum",
    "arithmetic.percent-base",
    "term.in-force",
    "duplicate.statistic",
}
"""Rules added by issue 14. The other rules' findings on the seeds were each read and verified
(docs/checker.md, "Results on the seed reports"), so on the clean text they count as real errors;
a finding of a new rule on the clean text counts as real only when listed in REAL_SEED_ERRORS
(each read on the seed line) or when a curated rule flags the same line."""

REAL_SEED_ERRORS: set[tuple[str, int, str]] = set()


def _base_is_real(key: str, finding, base) -> bool:
    if finding.rule not in NEW_RULES:
        return True
    if (key, finding.line, finding.rule) in REAL_SEED_ERRORS:
        return True
    if finding.rule == "spelling.context":
        return any(
            b.line == finding.line and b.rule in ("spelling.confusion", "spelling.syllable")
            for b in base
        )
    return False


def _plant_copy(text: str, rng: random.Random, ctx: Context, classes) -> tuple[str, list]:
    """One copy of the text with one error of every class (and every control) on its own
    line, two lines apart at least."""
    planted = []
    used: set[int] = set()
    jobs = [(cls, False) for cls in classes] + [(cls, True) for cls in classes if cls in CONTROLS]
    rng.shuffle(jobs)
    for cls, control in jobs:
        for _attempt in range(6):
            done = plant(text, cls, rng, ctx, control=control)
            if done is None:
                break
            mutated, p = done
            if any(abs(p.line - u) <= 1 for u in used):
                continue
            text = mutated
            used.add(p.line)
            planted.append(p)
            break
    return text, planted


def evaluate(role: str, trials: int, all_severities: bool, classes=CLASSES) -> dict:
    docs = DEV if role == "dev" else TEST
    seeds = {p.name[:3]: p for p in sorted(seeds_dir().glob("*.txt"))}
    planted_n: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    true_by_cat: Counter[str] = Counter()
    false_by_cat: Counter[str] = Counter()
    false_examples: dict[str, list[str]] = defaultdict(list)
    missed_examples: dict[str, list[str]] = defaultdict(list)
    counted = (lambda f: True) if all_severities else (lambda f: f.severity == "error")
    for key in docs:
        from capuy.check.language_model import document_text

        text = document_text(seeds[key])
        year = _report_year(text)
        with _model_without(key, role) as model:
            ctx = Context(model.dictionary_bigrams, model.syllables, year)
            base = _check(text)
            base_keys = {(f.rule, f.line): f for f in base}
            for trial in range(trials):
                rng = random.Random(f"{key}-{trial}")
                mutated, planted = _plant_copy(text, rng, ctx, classes)
                by_line = {p.line: p for p in planted}
                found_classes: set[str] = set()
                for f in _check(mutated):
                    if not counted(f):
                        continue
                    p = by_line.get(f.line)
                    if p is not None and not p.control:
                        if f.category == p.category:
                            found_classes.add(p.cls)
                            true_by_cat[f.category] += 1
                        continue  # another true statement about the planted error
                    if any(f"dòng {q.line}" in f.message for q in planted if not q.control):
                        continue  # the other end of a conflict the planted error made
                    known = base_keys.get((f.rule, f.line))
                    if (
                        (p is None or p.control)
                        and known is not None
                        and _base_is_real(key, known, base)
                    ):
                        continue  # an error the seed really has
                    false_by_cat[f.category] += 1
                    false_examples[f.category].append(
                        f"{key}:{f.line} [{p.cls + ' control' if p else 'text'}] "
                        f"{f.rule}: {f.excerpt} — {f.message[:90]}"
                    )
                for p in planted:
                    if p.control:
                        continue
                    planted_n[p.cls] += 1
                    if p.cls in found_classes:
                        hits[p.cls] += 1
                    else:
                        missed_examples[p.cls].append(f"{key}:{p.line} {p.after}")
    return {
        "planted": planted_n,
        "hits": hits,
        "true": true_by_cat,
        "false": false_by_cat,
        "false_examples": false_examples,
        "missed": missed_examples,
    }


def table(result: dict) -> str:
    from benchmarks.mutations import PLANTERS

    lines = ["| class | category | planted | found | recall |", "|---|---|---:|---:|---:|"]
    for cls in PLANTERS:
        n = result["planted"][cls]
        if not n:
            continue
        category = {
            "statistic-twice": "duplicate",
        }.get(cls, cls.split("-")[0])
        h = result["hits"][cls]
        lines.append(f"| {cls} | {category} | {n} | {h} | {h / n:.2f} |")
    lines += ["", "| category | true findings | false alarms | precision |", "|---|---:|---:|---:|"]
    for cat in sorted(set(result["true"]) | set(result["false"])):
        t, f = result["true"][cat], result["false"][cat]
        lines.append(f"| {cat} | {t} | {f} | {t / (t + f) if t + f else 1:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=TRIALS)
    parser.add_argument("--dev", action="store_true")
    parser.add_argument("--test", action="store_true")
    parser.add_argument("--all", action="store_true", help="count warnings too")
    parser.add_argument("--classes", default="")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--set", action="append", default=[], help="a spelling.context threshold: name=value"
    )
    args = parser.parse_args(argv)
    if args.set:
        import dataclasses

        from capuy.check import context_spelling

        changes = {k: float(v) for k, v in (item.split("=") for item in args.set)}
        context_spelling.THRESHOLDS = dataclasses.replace(context_spelling.THRESHOLDS, **changes)
        print(f"thresholds: {context_spelling.THRESHOLDS}")
    roles = [r for r, on in (("dev", args.dev), ("test", args.test)) if on] or ["dev", "test"]
    classes = tuple(c for c in args.classes.split(",") if c) or CLASSES
    for role in roles:
        started = time.perf_counter()
        result = evaluate(role, args.trials, args.all, classes)
        docs = DEV if role == "dev" else TEST
        print(
            f"\n### {role} documents {', '.join(docs)} — {args.trials} trials per class "
            f"and document, {'all severities' if args.all else 'errors only'} "
            f"({time.perf_counter() - started:.0f} s)\n"
        )
        print(table(result))
        if args.verbose:
            for cat, examples in result["false_examples"].items():
                print(f"\nfalse alarms ({cat}):")
                print("\n".join(f"  {e}" for e in examples[:25]))
            for cls, examples in result["missed"].items():
                print(f"\nmissed ({cls}):")
                print("\n".join(f"  {e}" for e in examples[:12]))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
