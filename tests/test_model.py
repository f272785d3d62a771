"""The model maps joined text back to the source lines it came from."""

import pytest

from capuy.model import Block, Footnote

CASES = [
    # (segments, offset, expected line)
    ([(0, 22), (40, 26)], 0, 22),
    ([(0, 22), (40, 26)], 39, 22),
    ([(0, 22), (40, 26)], 40, 26),
    ([(0, 22), (40, 26)], 500, 26),
    ([], 10, 7),
]


@pytest.mark.parametrize(("segments", "offset", "expected"), CASES)
def test_line_at_follows_segments(segments, offset, expected):
    block = Block(
        kind="paragraph", text="x" * 80, line=segments[0][1] if segments else 7, segments=segments
    )
    assert block.line_at(offset) == expected
    note = Footnote(label="1", text="y" * 80, line=block.line, segments=segments)
    assert note.line_at(offset) == expected
