"""The header's left column of a scanned first page, one line per printed line (issue 12).

The superior body, the issuer and the number each stand alone on their level of the header's
left column (Hướng dẫn 36-HD/VPTW), the first two in capitals; Tesseract reads a level in pieces
and now and then twice (its re-read of an unsure stretch, a letter read alone under the word it
begins). The pieces at one level are joined left to right here, each stretch of ink read once:
the surer reading of it kept, a clean reading never replaced by a less sure one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol, TypeVar, cast

from capuy.read.ocr_citations import UNSURE_CONFIDENCE

__all__ = ["left_rows"]

COVERED = 0.75
"""A piece of a header line this much of whose width lies under pieces read before it is the
same ink read a second time."""
BETTER = 90.0
"""A second reading replaces the words it lies over only when each of its words is read at least
this surely and surer than every word it replaces."""


class HeaderLine(Protocol):
    text: str
    left: int
    top: int
    height: int
    right: int
    """0 when not known."""


H = TypeVar("H", bound=HeaderLine)


def left_rows(left: list[H], capitals: bool = True) -> list[H]:
    """The header's left column, one line per printed line: the pieces Tesseract read at one
    level are one line, left to right ("ĐẢNG ỦY KHỐI CƠ" | "QUAN VÀ", its next line "DOANH"
    read before "NGHIỆP TỈNH"). A piece lying mostly under pieces already taken is a second
    reading of the same words (the re-read's "ỊN ru" under "TỊNH HÀ", a lone "CƠ" over the
    first line's last word): it goes, or replaces the words it lies over where it reads them
    surer ("MỘ ĐỨC" at 92–96 over "MỘ ĐÚ" at 85–90). A piece that overlaps the one before
    loses a first word that is that one's last word or its tail ("ẢNG" over "ĐẢNG"); a letter
    read alone under the first word of the next piece that it begins goes ("S" under "SƠN").
    Without right edges (0: not known) the column stays as read. The right column (the Party's
    title, the place and date line) is read the same way with ``capitals`` False: its place and
    date may be read in two pieces ("SƠN" | "Hà, ngày 12 tháng 7 năm 2024"), and no piece of it
    goes for being in small letters."""
    if len(left) < 2 or any(line.right <= line.left for line in left):
        return left
    rows: list[list[H]] = []
    for line in sorted(left, key=lambda one: one.top):
        middle = line.top + line.height / 2
        row = next((r for r in rows if r[0].top <= middle <= r[0].top + r[0].height), None)
        if row is None:
            rows.append([line])
        else:
            row.append(line)
    return [_one_line(sorted(row, key=lambda one: one.left), capitals) for row in rows]


def _one_line(pieces: list[H], capitals: bool) -> H:
    """One printed line's pieces (left to right) as one line, second readings dropped."""
    kept = [pieces[0]]
    for piece in pieces[1:]:
        covered = sum(
            max(0, min(piece.right, other.right) - max(piece.left, other.left)) for other in kept
        )
        if covered >= COVERED * (piece.right - piece.left):
            kept = [_surer_reading(one, piece) for one in kept]
            continue
        before = kept[-1].text.split()
        words = piece.text.split()
        if piece.left < kept[-1].right and before and words:
            if _same_word(before[-1], words[0]):
                piece = _without_word(piece, 0)
            elif _first_letter_alone(kept[-1], piece):
                kept[-1] = _without_word(kept[-1], len(before) - 1)
        if piece.text.strip():
            kept.append(piece)
    kept = [one for one in kept if one.text.strip()] or kept[:1]
    if capitals:
        kept = _capitals_kept(kept)
    if len(kept) == 1:
        return kept[0]
    merged: Any = replace(  # type: ignore[type-var]
        kept[0],
        text=" ".join(piece.text for piece in kept),
        top=min(piece.top for piece in kept),
        height=max(piece.top + piece.height for piece in kept) - min(p.top for p in kept),
        right=max(piece.right for piece in kept),
    )
    for name in ("confidences", "boxes", "spans"):
        if hasattr(merged, name):
            setattr(merged, name, [item for piece in kept for item in getattr(piece, name)])
    return cast(H, merged)


def _same_word(last: str, first: str) -> bool:
    """Two overlapping pieces' meeting words read from the same ink: one is the other's tail
    ("ĐẢNG" and the re-read's "ẢNG"; "ỦY" and "ILỦY", a rule's stroke read before it)."""
    return last.endswith(first) or (len(last) >= 2 and first.endswith(last))


def _words(line: HeaderLine) -> tuple[list[str], list[float], list[tuple[int, int]]] | None:
    """The line's words, their confidences and left and right edges; None where not known."""
    words = line.text.split(" ")
    confidences: list[float] = list(getattr(line, "confidences", []) or [])
    boxes: list[tuple[int, int]] = list(getattr(line, "boxes", []) or [])
    if len(confidences) != len(words) or len(boxes) != len(words):
        return None
    return words, confidences, boxes


def _first_letter_alone(before: HeaderLine, piece: HeaderLine) -> bool:
    """The last word of ``before`` is the beginning of ``piece``'s first word, its box within
    that word's: Tesseract read the word's first letters alone, then the whole word ("S" |
    "SƠN HÀ")."""
    one, other = _words(before), _words(piece)
    if one is None or other is None:
        return False
    last, (left, right) = one[0][-1], one[2][-1]
    first, (first_left, first_right) = other[0][0], other[2][0]
    inside = max(0, min(right, first_right) - max(left, first_left))
    return (
        len(last) < len(first)
        and first.startswith(last)
        and inside >= COVERED * max(1, right - left)
    )


def _surer_reading(line: H, second: HeaderLine) -> H:
    """``line`` with the run of its words that ``second`` lies over replaced by ``second``'s
    words where these are all read surely (``BETTER``) and surer than each word replaced;
    otherwise ``line`` as it was (a clean reading is kept)."""
    own, other = _words(line), _words(second)
    if own is None or other is None:
        return line
    under = [
        index
        for index, (left, right) in enumerate(own[2])
        if min(right, second.right) - max(left, second.left) >= (right - left) / 2
    ]
    if not under or under != list(range(under[0], under[-1] + 1)):
        return line
    worst = min(other[1])
    if worst < BETTER or worst <= max(own[1][index] for index in under):
        return line
    start, end = under[0], under[-1] + 1
    changes: dict[str, Any] = {
        "text": " ".join([*own[0][:start], *other[0], *own[0][end:]]),
        "confidences": [*own[1][:start], *other[1], *own[1][end:]],
        "boxes": [*own[2][:start], *other[2], *own[2][end:]],
        "left": min(line.left, second.left),
        "right": max(line.right, second.right),
    }
    spans = getattr(line, "spans", None)
    others: list[tuple[int, int]] = getattr(second, "spans", None) or []
    if spans and len(spans) == len(own[0]) and len(others) == len(other[0]):
        changes["spans"] = [*spans[:start], *others, *spans[end:]]
    elif spans:
        return line
    return cast(H, replace(line, **changes))  # type: ignore[type-var]


def _capitals_kept(pieces: list[H]) -> list[H]:
    """The pieces of a level printed in capitals (the superior, the issuer) without a piece of
    small letters read unsure between two of capitals: the ink of a capital word read a second
    time ("kết" at 53 between "HUYỆN" and "ỦY MỘ ĐỨC"), no word of the printed line. A piece
    before the first capitals or after the last is left: it may be all that was read of a word
    ("t4" for "ĐẢNG Ủ")."""
    marks = [index for index, piece in enumerate(pieces) if _capitals(piece.text)]
    if len(marks) < 2:
        return pieces
    return [
        piece
        for index, piece in enumerate(pieces)
        if not marks[0] < index < marks[-1]
        or any(letter.isupper() for letter in piece.text)
        or max(getattr(piece, "confidences", None) or [UNSURE_CONFIDENCE]) >= UNSURE_CONFIDENCE
    ]


def _capitals(text: str) -> bool:
    letters = [letter for letter in text if letter.isalpha()]
    return len(letters) >= 2 and all(letter.isupper() for letter in letters)


def _without_word(line: H, index: int) -> H:
    """``line`` without its word at ``index`` (and that word's confidence and boxes where
    kept)."""
    words = line.text.split(" ")
    changes: dict[str, Any] = {"text": " ".join(words[:index] + words[index + 1 :])}
    for name in ("confidences", "boxes", "spans"):
        items = getattr(line, name, None)
        if items and len(items) == len(words):
            changes[name] = items[:index] + items[index + 1 :]
    boxes: list[tuple[int, int]] = changes.get("boxes", [])
    if changes["text"] and boxes:
        changes["left"], changes["right"] = boxes[0][0], boxes[-1][1]
    return cast(H, replace(line, **changes))  # type: ignore[type-var]
