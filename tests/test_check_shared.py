"""The per-document work the rules share: the syllable split of ``spelling.context`` agrees
with the run-by-run split it replaced, on the four seeds and on awkward text; ``once`` shares
only inside ``shared_work`` and never across documents."""

from __future__ import annotations

from capuy.api import load_documents
from capuy.check.language_model import keys_counts, syllable_runs
from capuy.check.shared import once, shared_work
from capuy.check.syllable_split import BREAK, syllable_split
from capuy.check.units import TextUnit, text_units
from tests.conftest import SEED_FILES

AWKWARD = [
    "Hội nghị BCH\tĐảng bộ  tỉnh, lần thứ 12; (đồng chí) Nguyễn Văn A.",
    "115ha đất_ở — “thực hiện” …x y",
    "",
    "một",
    "HOÀ BÌNH  khoẻ   mạnh\u00a0Thủy lợi",
]


def _units_of(texts: list[str]) -> list[TextUnit]:
    return [TextUnit(text, n + 1, "paragraph", [], n) for n, text in enumerate(texts)]


def _check_against_runs(units: list[TextUnit]) -> None:
    split = syllable_split(units)
    runs = [(u, r) for u in units for r in syllable_runs(u.text) if len(r) > 1]
    expected = keys_counts([k for _, _, k in r] for _, r in runs)
    counts = split.counts()
    assert +counts.unigrams == expected.unigrams
    assert {p: c for p, c in counts.bigrams.items() if BREAK not in p} == dict(expected.bigrams)
    judged = [j for j, w in enumerate(split.words) if w != BREAK]
    found = []
    for j in judged:
        first, last = split.run_span(j)
        if first == last:
            continue  # a syllable alone: no run to judge it in
        unit, run = split.run_at(j)
        if j == first:
            found.append((unit.index, run))
    assert found == [(u.index, r) for u, r in runs]


def test_split_agrees_with_the_runs_on_awkward_text() -> None:
    _check_against_runs(_units_of(AWKWARD))


def test_split_agrees_with_the_runs_on_the_seeds() -> None:
    for doc in load_documents(SEED_FILES):
        _check_against_runs(list(text_units(doc)))


def test_once_shares_only_inside_shared_work_and_per_document() -> None:
    first, second = load_documents(SEED_FILES[:2])
    made: list[str] = []

    def make(name: str) -> list[str]:
        made.append(name)
        return [name]

    assert once(first, "x", lambda: make("a")) is not once(first, "x", lambda: make("a"))
    with shared_work():
        a = once(first, "x", lambda: make("first"))
        assert once(first, "x", lambda: make("again")) is a
        assert once(second, "x", lambda: make("second")) == ["second"]
    assert made == ["a", "a", "first", "second"]
    with shared_work():  # a new run makes it afresh
        assert once(first, "x", lambda: make("new")) == ["new"]
