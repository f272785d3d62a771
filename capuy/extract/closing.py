"""Stage — closing: the recipients ("Nơi nhận:") and the signature block.

**Recipients**: every logical line after "Nơi nhận:" up to the signature; a line starting with
"- " (or "+ ", "•"; a reader list item) opens an entry, any other line continues the previous one (seed 000 line
127 "Giám đốc Công an tỉnh (phụ trách thị xã)," belongs to the item above it). The marker and
the trailing "," / "." are dropped, the rest is kept as written.

**Signature**: the last capacity line ("T/M BAN THƯỜNG VỤ", "T/M HUYỆN ỦY", "K/T BÍ THƯ",
"T/L", "TUQ"), then the title ("BÍ THƯ", "PHÓ BÍ THƯ" — an upper-case line) and the signer's
name (the next line). Seed 003 has the capacity only.
"""

from __future__ import annotations

import re

from capuy.extract.header import is_all_caps
from capuy.extract.layout import CAPACITY, RECIPIENTS, Line
from capuy.model import Signature

_ITEM = re.compile(r"^\s*[-+•–]\s*")


def extract_recipients(lines: list[Line]) -> list[str]:
    items: list[str] = []
    inside = False
    for line in lines:
        text = line.text.strip()
        if RECIPIENTS.match(text):
            inside = True
            continue
        if not inside:
            continue
        if CAPACITY.match(text):
            break
        if line.starts_item or _ITEM.match(text):
            items.append(_ITEM.sub("", text))
        elif items:
            items[-1] = items[-1].rstrip() + " " + text
        else:
            items.append(text)
    return [item.strip().rstrip(",.;").strip() for item in items if item.strip()]


def extract_signature(lines: list[Line]) -> Signature | None:
    start = None
    for index, line in enumerate(lines):
        if CAPACITY.match(line.text.strip()):
            start = index
    if start is None:
        return None
    signature = Signature(capacity=lines[start].text.strip(), line=lines[start].line)
    rest = [line.text.strip() for line in lines[start + 1 : start + 4]]
    if rest and is_all_caps(rest[0]) and not rest[0].startswith("PHỤ LỤC"):
        signature.title = rest.pop(0)
    if rest and not is_all_caps(rest[0]) and len(rest[0]) < 60 and not rest[0].startswith("-"):
        signature.name = rest[0]
    return signature
