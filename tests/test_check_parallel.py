"""``check_parallel`` (several documents on several cores) says exactly what ``check`` says:
the same findings in the same order, on the four seeds checked together, with the shipped
model and with a model that has not read the seeds (so ``spelling.context`` does its whole
work in the workers), with every rule and with a selection."""

from __future__ import annotations

import pytest

from capuy.api import load_documents
from capuy.check import CheckConfig, check
from capuy.check import language_model as lm
from capuy.check.parallel import check_parallel
from capuy.vocab.spelling import hunspell_syllables
from tests.conftest import SEED_FILES


@pytest.mark.parametrize(
    "config",
    [CheckConfig(), CheckConfig(select=frozenset({"spelling", "duplicate.sentence"}))],
    ids=["all rules", "selection"],
)
def test_parallel_check_finds_what_check_finds(config: CheckConfig) -> None:
    docs = load_documents(SEED_FILES)
    expected = check(docs, config)
    assert expected, "the seeds have findings"
    assert check_parallel(docs, config, workers=2) == expected


def test_parallel_check_uses_the_model_in_use() -> None:
    docs = load_documents(SEED_FILES)
    counts = lm.build_counts([t for _, t in lm.project_texts(None)])
    bigrams, syllables = lm.read_word_list()
    unseen = lm.LanguageModel(counts, bigrams, hunspell_syllables() | syllables)
    with lm.using_model(unseen):
        expected = check(docs)
        found = check_parallel(docs, workers=2)
    assert any(f.rule == "spelling.context" for f in expected), "the model finds slips"
    assert found == expected
    assert check_parallel(docs[:1], workers=2) == check(docs[:1])  # one document: no pool
