"""What the checker keeps between documents to go faster changes no finding.

* The caches kept across ``check`` calls (search keys of names, the known place names by key,
  one-slip neighbours) are pure functions of a word: two different documents checked one
  after the other, in either order, get the findings each gets alone.
* The regular expressions rewritten to open with a letter (so ``re`` can skip to it) find
  what the look-behind-first forms they replaced find, on the seeds and on generated text.
"""

from __future__ import annotations

import random
import re

import pytest

from capuy.api import load_documents
from capuy.check import check, spelling
from capuy.check import language_model as lm
from capuy.vocab.spelling import hunspell_syllables
from tests.conftest import SEED_FILES


def _unseen_model() -> lm.LanguageModel:
    """A model that has not read the seeds, so ``spelling.context`` does its whole work."""
    counts = lm.build_counts([t for _, t in lm.project_texts(None)])
    bigrams, syllables = lm.read_word_list()
    return lm.LanguageModel(counts, bigrams, hunspell_syllables() | syllables)


def test_two_documents_in_one_process_get_what_each_gets_alone() -> None:
    first, second = load_documents(SEED_FILES[:2])
    with lm.using_model(_unseen_model()):
        alone_first = check([first])
        alone_second = check([second])
        assert any(f.rule == "spelling.context" for f in alone_first + alone_second)
        assert check([first]) == alone_first
        assert check([second]) == alone_second
        assert check([second]) + check([first]) == alone_second + alone_first


def _texts() -> list[str]:
    lines = [line for path in SEED_FILES for line in path.read_text("utf-8").splitlines()]
    rnd = random.Random(14)
    alphabet = "aoquyeAOQUYĐđÔô .@/_&1òóàáèỳýùTHBC\u0301x"
    made = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 14))) for _ in range(20000)]
    return lines + [line.lower() for line in lines] + [line.upper() for line in lines] + made


_L, _U = spelling._LOWER, spelling._UPPER
_MARKED = spelling._MARKED_CAPITAL


@pytest.mark.parametrize(
    ("before", "now"),
    [
        (rf"(?<![\w/@._&])[{_L}]{{2,}}(?![\w/@_&])", spelling._PLAIN_WORD),
        (r"(?<!q)(?:o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?!\w)", spelling._OLD_STYLE),
        (r"(?<!q)(?:[òóỏõọ]a|[òóỏõọ]e|[ùúủũụ]y)(?!\w)", spelling._NEW_STYLE),
        (
            rf"(?<![\w])(?:[{_U}][{_L}]+|[{_MARKED}])(?: (?:[{_U}][{_L}]+|[{_MARKED}]))+(?![\w])",
            spelling._NAME_RUN,
        ),
    ],
    ids=["plain word", "old tone style", "new tone style", "name run"],
)
def test_patterns_opening_with_a_letter_match_as_before(before: str, now: re.Pattern[str]) -> None:
    reference = re.compile(before)
    for text in _texts():
        assert [m.span() for m in now.finditer(text)] == [
            m.span() for m in reference.finditer(text)
        ], text
