"""Plant realistic errors into real report text, recording each one's line and class.

The checker is measured on text it has never seen with errors a person would make
(``benchmarks/checker_eval.py``). Each planter takes the report's lines and a random generator,
edits ONE line in place (or appends a sentence to the end of a body paragraph, so no line
number moves) and returns a ``Planted`` record, or None when the text offers no place for it.

Classes (``CLASSES``) and the checker category expected to catch each:

* ``spelling-context``: a syllable of a dictionary word turned into another valid syllable by
  one slip (tone mark changed/added/dropped, a/ă/â, o/ô/ơ, e/ê, u/ư, d/đ, s/x, ch/tr, l/n,
  n/ng) — "cán bộ" → "cán bô";
* ``spelling-caps``: the same slip in a line written in capitals (heading, title, signature);
* ``spelling-syllable``: a Telex leftover that is no syllable at all ("nghieemj");
* ``arithmetic-brackets``: the total of a "N … (a …; b …)" breakdown changed;
* ``arithmetic-prose``: a sentence "tiếp nhận N hồ sơ, đã … a hồ sơ, đang … b hồ sơ" with
  a + b ≠ N appended; its correct twin is planted as a control;
* ``arithmetic-percent-base``: "giải ngân X tỷ đồng, đạt P% kế hoạch vốn (kế hoạch Y tỷ
  đồng)" with P far from X/Y; control: P right;
* ``arithmetic-ratio``: "a/b …, đạt P%" with P wrong;
* ``statistic-twice``: one indicator stated with a value in one paragraph and another value in
  a later one (the later line is recorded; category ``duplicate``);
* ``citation-date``: a cited document dated after the report;
* ``citation-type``: the type word of a cited symbol changed ("Kế hoạch số 12-KH" →
  "Chương trình số 12-KH");
* ``term-ordinal``: "thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XI của Đảng" in a
  report of a year that congress's term does not cover; control: the current one;
* ``term-central``: "Quốc hội khóa XV, nhiệm kỳ 2016 - 2021";
* ``duplicate-word``: a word typed twice;
* ``format-section-order``: a numbered heading without sub-items renumbered to repeat the
  one before it ("2." written "1.").

A control is a correct sentence planted beside the errors: any finding on its line is a false
alarm, which is how precision is measured on classes the seeds do not contain.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from capuy.check.language_model import syllable_runs
from capuy.check.neighbours import neighbours, split_tone, with_tone
from capuy.text import normalize_tones


@dataclass(frozen=True)
class Planted:
    """One planted error (or, with ``control``, a correct sentence that must stay silent)."""

    line: int  # 1-based
    cls: str
    category: str  # the checker category expected to find it
    before: str
    after: str
    control: bool = False


Planter = Callable[[list[str], random.Random, "Context"], Planted | None]


@dataclass
class Context:
    """What planters may know: the dictionary bigrams and syllables, the report's year."""

    dictionary_bigrams: frozenset[str]
    syllables: frozenset[str]
    year: int


_BODY = re.compile(r"^[-+*•]?\s*[A-ZĐÀ-Ỹa-zđà-ỹ].{80,}[.;:]\s*$")


def _body_lines(lines: list[str]) -> list[int]:
    return [
        i
        for i, line in enumerate(lines)
        if _BODY.match(line) and not line.isupper() and "\t" not in line and "|" not in line
    ]


def _caps_lines(lines: list[str]) -> list[int]:
    out = []
    for i, line in enumerate(lines):
        letters = [c for c in line if c.isalpha()]
        if len(letters) >= 8 and all(c.isupper() for c in letters) and " " in line.strip():
            out.append(i)
    return out


# The slips people make, most frequent first (weights): tone, vowel quality, consonants.
_SLIP_KINDS = ("tone", "tone", "tone", "quality", "consonant")
_QUALITY = {
    "a": "ăâ",
    "ă": "aâ",
    "â": "aă",
    "e": "ê",
    "ê": "e",
    "o": "ôơ",
    "ô": "oơ",
    "ơ": "oô",
    "u": "ư",
    "ư": "u",
    "đ": "d",
    "d": "đ",
}
_CONSONANT = (
    ("s", "x"),
    ("x", "s"),
    ("ch", "tr"),
    ("tr", "ch"),
    ("l", "n"),
    ("n", "l"),
    ("gi", "d"),
    ("d", "gi"),
    ("r", "d"),
)
_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


def slip(syllable: str, rng: random.Random, known: frozenset[str]) -> str | None:
    """A valid syllable one human slip away from ``syllable`` (lower case), or None."""
    base, tone = split_tone(syllable)
    options: list[str] = []
    kind = rng.choice(_SLIP_KINDS)
    if kind == "tone":
        options = [with_tone(base, t) for t in _TONES if t != tone]
    elif kind == "quality":
        for i, ch in enumerate(base):
            options += [
                with_tone(base[:i] + alt + base[i + 1 :], tone) for alt in _QUALITY.get(ch, "")
            ]
    else:
        for a, b in _CONSONANT:
            if base.startswith(a) and not base.startswith("đ"):
                options.append(with_tone(b + base[len(a) :], tone))
        if base.endswith("ng"):
            options.append(with_tone(base[:-1], tone))
        elif base.endswith("n"):
            options.append(with_tone(base + "g", tone))
    options = [normalize_tones(o) for o in options]
    options = [o for o in options if o != syllable and o in known]
    return rng.choice(options) if options else None


def _cased(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _misspell_in(line: str, rng: random.Random, ctx: Context, caps: bool) -> tuple[str, str] | None:
    spots = []
    for run in syllable_runs(line):
        for (s1, e1, k1), (s2, e2, k2) in zip(run, run[1:], strict=False):
            if f"{k1} {k2}" not in ctx.dictionary_bigrams:
                continue
            for s, e in ((s1, e1), (s2, e2)):
                word = line[s:e]
                if caps or word.islower():
                    spots.append((s, e))
    rng.shuffle(spots)
    for s, e in spots:
        word = line[s:e]
        wrong = slip(normalize_tones(word.lower()), rng, ctx.syllables)
        if wrong:
            new = line[:s] + _cased(wrong, word) + line[e:]
            return new, f"{word} → {_cased(wrong, word)}"
    return None


def plant_context(lines: list[str], rng: random.Random, ctx: Context) -> Planted | None:
    for i in rng.sample(_body_lines(lines), k=min(8, len(_body_lines(lines)))):
        done = _misspell_in(lines[i], rng, ctx, caps=False)
        if done:
            before, lines[i] = lines[i], done[0]
            return Planted(i + 1, "spelling-context", "spelling", before, done[1])
    return None


def plant_caps(lines: list[str], rng: random.Random, ctx: Context) -> Planted | None:
    caps = _caps_lines(lines)
    for i in rng.sample(caps, k=min(8, len(caps))):
        done = _misspell_in(lines[i], rng, ctx, caps=True)
        if done:
            before, lines[i] = lines[i], done[0]
            return Planted(i + 1, "spelling-caps", "spelling", before, done[1])
    return None


_TELEX = {"â": "aa", "ê": "ee", "ô": "oo", "ă": "aw", "ơ": "ow", "ư": "uw", "đ": "dd"}
_TELEX_TONE = {"\u0300": "f", "\u0301": "s", "\u0303": "x", "\u0309": "r", "\u0323": "j"}


def plant_telex(lines: list[str], rng: random.Random, ctx: Context) -> Planted | None:
    """A word typed with the input method off: "nghiệm" → "nghieemj"."""
    for i in rng.sample(_body_lines(lines), k=min(8, len(_body_lines(lines)))):
        words = [
            m
            for m in re.finditer(r"(?<!\w)[a-zà-ỹđ]{3,}(?!\w)", lines[i])
            if re.search("[âêôăơưđ]", unicodedata.normalize("NFC", m.group()))
        ]
        if not words:
            continue
        m = rng.choice(words)
        base, tone = split_tone(m.group())
        typed = "".join(_TELEX.get(c, c) for c in base) + _TELEX_TONE.get(tone, "")
        before, lines[i] = lines[i], lines[i][: m.start()] + typed + lines[i][m.end() :]
        return Planted(i + 1, "spelling-syllable", "spelling", before, f"{m.group()} → {typed}")
    return None


def _append(lines: list[str], rng: random.Random, sentence: str) -> int | None:
    body = _body_lines(lines)
    if not body:
        return None
    i = rng.choice(body)
    lines[i] = lines[i].rstrip() + " " + sentence
    return i


def _vi(value: float, places: int = 1) -> str:
    text = f"{value:,.{places}f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return text


_PROSE = (
    ("tiếp nhận {n} hồ sơ, đã thẩm định {a} hồ sơ, đang thẩm định {b} hồ sơ", "hồ sơ"),
    ("nhận {n} đơn, đã giải quyết {a} đơn, đang giải quyết {b} đơn", "đơn"),
    (
        "tổng số {n} chi bộ, trong đó {a} chi bộ hoàn thành tốt nhiệm vụ, {b} chi bộ hoàn thành nhiệm vụ",
        "chi bộ",
    ),
    ("kết nạp {n} đảng viên, trong đó {a} đảng viên nữ, {b} đảng viên nam", "đảng viên"),
)


def plant_prose_sum(
    lines: list[str], rng: random.Random, ctx: Context, right: bool = False
) -> Planted | None:
    template, _unit = rng.choice(_PROSE)
    a, b = rng.randint(3, 40), rng.randint(2, 30)
    complementary = "đã" in template or "nữ" in template
    slips = (-3, -2, -1, 1, 2, 4) if complementary else (-4, -3, -2, -1)
    n = a + b if right else a + b + rng.choice(slips)
    sentence = "Trong kỳ, " + template.format(n=f"{n:02d}", a=f"{a:02d}", b=f"{b:02d}") + "."
    i = _append(lines, rng, sentence)
    if i is None:
        return None
    return Planted(i + 1, "arithmetic-prose", "arithmetic", "", sentence, control=right)


def plant_percent_base(
    lines: list[str], rng: random.Random, ctx: Context, right: bool = False
) -> Planted | None:
    plan = rng.randint(20, 400)
    share = rng.uniform(0.35, 0.95)
    done = round(plan * share, 1)
    exact = done / plan * 100
    percent = round(exact) if right else round(exact) + rng.choice((-9, -6, -5, 5, 7, 11))
    sentence = (
        f"Giải ngân vốn đầu tư công {_vi(done)} tỷ đồng, đạt {percent}% kế hoạch vốn "
        f"(kế hoạch {plan} tỷ đồng)."
    )
    i = _append(lines, rng, sentence)
    if i is None:
        return None
    return Planted(i + 1, "arithmetic-percent-base", "arithmetic", "", sentence, control=right)


def plant_ratio(lines: list[str], rng: random.Random, ctx: Context) -> Planted | None:
    total = rng.randint(8, 60)
    part = rng.randint(max(1, total // 2), total - 1)
    exact = part / total * 100
    wrong = exact + rng.choice((-4.3, -2.2, 1.7, 3.1, 5.6))
    sentence = (
        f"Có {part:02d}/{total:02d} chi bộ xếp loại hoàn thành tốt nhiệm vụ, đạt {_vi(wrong)}%."
    )
    i = _append(lines, rng, sentence)
    if i is None:
        return None
    return Planted(i + 1, "arithmetic-ratio", "arithmetic", "", sentence)


_BRACKETS = re.compile(r"(?<![\d/.,])(\d{1,3})(\s+[a-zà-ỹđ ]{2,30}\s*\((?=[^()]*\d)[^()]{5,200}\))")


def plant_brackets(lines: list[str], rng: random.Random, ctx: Context) -> Planted | None:
    """Change the total of a bracketed breakdown that adds up today."""
    spots = [(i, m) for i, line in enumerate(lines) for m in _BRACKETS.finditer(line)]
    rng.shuffle(spots)
    for i, m in spots:
        parts = [int(x) for x in re.findall(r"(?<![\d/.,])(\d{1,3})(?![\d/.,%])", m.group(2))]
        if len(parts) < 2 or sum(parts) != int(m.group(1)) or "trong đó" in m.group(2):
            continue
        total = int(m.group(1)) + rng.choice((-2, -1, 1, 2, 3))
        if total <= 0:
            continue
        width = len(m.group(1))
        new = f"{total:0{width}d}"
        before = lines[i]
        lines[i] = before[: m.start(1)] + new + before[m.end(1) :]
        return Planted(i + 1, "arithmetic-brackets", "arithmetic", before, f"{m.group(1)} → {new}")
    return None


_INDICATORS = (
    "tỷ lệ bao phủ bảo hiểm y tế đạt {v}%",
    "tỷ lệ hộ nghèo giảm còn {v}%",
    "tỷ lệ thu gom rác thải sinh hoạt đạt {v}%",
    "tỷ lệ dân số tham gia bảo hiểm xã hội đạt {v}%",
)


def plant_statistic(lines: list[str], rng: random.Random, ctx: Context) -> Planted | None:
    body = _body_lines(lines)
    if len(body) < 6:
        return None
    first, second = sorted(rng.sample(body, 2))
    if second - first < 4:
        return None
    free = [t for t in _INDICATORS if t.split(" {")[0].rsplit(" ", 1)[0] not in "\n".join(lines)]
    if not free:
        return None
    template = rng.choice(free)
    value = rng.uniform(60, 99)
    other = value + rng.choice((-1.3, -0.3, 0.4, 0.9, 2.1))
    lines[first] = lines[first].rstrip() + " Đến nay, " + template.format(v=_vi(value)) + "."
    sentence = "Đến nay, " + template.format(v=_vi(other)) + "."
    lines[second] = lines[second].rstrip() + " " + sentence
    return Planted(second + 1, "statistic-twice", "duplicate", "", sentence)


_CITED_DATE = re.compile(
    r"(\d{1,3}-[A-ZĐa-zđi]{2,4}/[A-ZĐ]{2,5}),?\s+ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})"
)


def plant_citation_date(lines: list[str], rng: random.Random, ctx: Context) -> Planted | None:
    spots = [
        (i, m)
        for i, line in enumerate(lines)
        for m in _CITED_DATE.finditer(line)
        if int(m.group(4)) <= ctx.year and "-BC/" not in m.group(1)  # not the report's own
    ]
    if not spots:
        return None
    i, m = rng.choice(spots)
    year = ctx.year + rng.choice((1, 2))
    before = lines[i]
    lines[i] = before[: m.start(4)] + str(year) + before[m.end(4) :]
    return Planted(i + 1, "citation-date", "citation-date", before, f"{m.group(4)} → {year}")


_TYPE_CODES = {
    "Kế hoạch": "KH",
    "Chỉ thị": "CT",
    "Nghị quyết": "NQ",
    "Kết luận": "KL",
    "Chương trình": "CTr",
    "Hướng dẫn": "HD",
    "Quy định": "QĐi",
}
_TYPED = re.compile(
    r"(Kế hoạch|Chỉ thị|Nghị quyết|Kết luận|Hướng dẫn)\s+(?:số\s+)?(\d{1,4})-(KH|CT|NQ|KL|HD)/"
)


def plant_citation_type(lines: list[str], rng: random.Random, ctx: Context) -> Planted | None:
    spots = [
        (i, m)
        for i, line in enumerate(lines)
        for m in _TYPED.finditer(line)
        if _TYPE_CODES[m.group(1)] == m.group(3)
    ]
    if not spots:
        return None
    i, m = rng.choice(spots)
    other = rng.choice(
        [w for w in ("Kế hoạch", "Chỉ thị", "Kết luận", "Hướng dẫn") if w != m.group(1)]
    )
    before = lines[i]
    lines[i] = before[: m.start(1)] + other + before[m.end(1) :]
    return Planted(i + 1, "citation-type", "citation-type", before, f"{m.group(1)} → {other}")


def _congress_at(year: int) -> str:
    return "XIII" if 2021 <= year <= 2025 else "XII" if 2016 <= year <= 2020 else "XIV"


def plant_term_ordinal(
    lines: list[str], rng: random.Random, ctx: Context, right: bool = False
) -> Planted | None:
    current = _congress_at(ctx.year)
    ordinal = current if right else rng.choice([o for o in ("X", "XI", "XII") if o != current])
    sentence = (
        f"Tiếp tục quán triệt, triển khai thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ "
        f"{ordinal} của Đảng gắn với nhiệm vụ chính trị của địa phương."
    )
    i = _append(lines, rng, sentence)
    if i is None:
        return None
    return Planted(i + 1, "term-ordinal", "term", "", sentence, control=right)


def plant_term_central(lines: list[str], rng: random.Random, ctx: Context) -> Planted | None:
    body, span = rng.choice(
        (
            ("Quốc hội khóa XV", "2016 - 2021"),
            ("Quốc hội khóa XIV", "2021 - 2026"),
            ("Ban Chấp hành Trung ương Đảng khóa XIII", "2016 - 2021"),
        )
    )
    sentence = f"Tham gia ý kiến vào dự thảo báo cáo tổng kết của {body}, nhiệm kỳ {span}."
    i = _append(lines, rng, sentence)
    if i is None:
        return None
    return Planted(i + 1, "term-central", "term", "", sentence)


def plant_duplicate_word(lines: list[str], rng: random.Random, ctx: Context) -> Planted | None:
    for i in rng.sample(_body_lines(lines), k=min(8, len(_body_lines(lines)))):
        runs = [r for r in syllable_runs(lines[i]) if len(r) >= 4]
        if not runs:
            continue
        run = rng.choice(runs)
        j = rng.randrange(1, len(run) - 1)
        s, e, _ = run[j]
        word = lines[i][s:e]
        if not word.islower() or len(word) < 2 or word in _REDUPLICATED:
            continue
        before = lines[i]
        lines[i] = before[:e] + " " + word + before[e:]
        return Planted(i + 1, "duplicate-word", "duplicate", before, f"{word} {word}")
    return None


# words that are doubled on purpose (ngày ngày, từng từng …): a doubled one is no typo
_REDUPLICATED = {"ngày", "từng", "người", "nhà", "năm", "tháng", "đời", "lớp", "song", "dần"}

_LABEL = re.compile(r"^(\s*)(\d{1,2})\.\s+[A-ZĐÀ-Ỹ]")


def plant_label_order(lines: list[str], rng: random.Random, ctx: Context) -> Planted | None:
    """A numbered heading renumbered so it repeats the one before ("2." written "1."): the
    heading chosen has no numbered sub-items, so only it is out of order."""
    labelled = [(i, int(m.group(2))) for i, line in enumerate(lines) if (m := _LABEL.match(line))]
    spots = [
        (i, n)
        for k, (i, n) in enumerate(labelled)
        if n > 1
        and k > 0
        and labelled[k - 1][1] == n - 1
        and not any(line.lstrip().startswith(f"{n}.1") for line in lines)
        and (k + 1 == len(labelled) or labelled[k + 1][1] != n + 1)
    ]
    if not spots:
        return None
    i, n = rng.choice(spots)
    m = _LABEL.match(lines[i])
    assert m
    new = str(n - 1)
    before = lines[i]
    lines[i] = before[: m.start(2)] + new + before[m.end(2) :]
    return Planted(i + 1, "format-section-order", "format", before, f"{m.group(2)}. → {new}.")


PLANTERS: dict[str, Planter] = {
    "spelling-context": plant_context,
    "spelling-caps": plant_caps,
    "spelling-syllable": plant_telex,
    "arithmetic-brackets": plant_brackets,
    "arithmetic-prose": plant_prose_sum,
    "arithmetic-percent-base": plant_percent_base,
    "arithmetic-ratio": plant_ratio,
    "statistic-twice": plant_statistic,
    "citation-date": plant_citation_date,
    "citation-type": plant_citation_type,
    "term-ordinal": plant_term_ordinal,
    "term-central": plant_term_central,
    "duplicate-word": plant_duplicate_word,
    "format-section-order": plant_label_order,
}
CONTROLS: dict[str, Callable[[list[str], random.Random, Context], Planted | None]] = {
    "arithmetic-prose": lambda lines, rng, ctx: plant_prose_sum(lines, rng, ctx, right=True),
    "arithmetic-percent-base": lambda lines, rng, ctx: plant_percent_base(
        lines, rng, ctx, right=True
    ),
    "term-ordinal": lambda lines, rng, ctx: plant_term_ordinal(lines, rng, ctx, right=True),
}
CLASSES = tuple(PLANTERS)


def plant(
    text: str, cls: str, rng: random.Random, ctx: Context, control: bool = False
) -> tuple[str, Planted] | None:
    """``text`` with one error of class ``cls`` planted (or its correct control)."""
    lines = text.split("\n")
    planter = CONTROLS[cls] if control else PLANTERS[cls]
    planted = planter(lines, rng, ctx)
    if planted is None:
        return None
    return "\n".join(lines), planted


__all__ = ["CLASSES", "CONTROLS", "Context", "PLANTERS", "Planted", "neighbours", "plant"]
