"""Stage — front matter: the header of a document written in the authoring format.

A Markdown file written for ``capuy render`` (docs/authoring.md) carries its header, signature
and recipients as YAML between two ``---`` lines at the top, not as text lines: the reader
blanks that block out of the body (keeping ``Document.lines`` and line numbers), so without
this stage a checked draft has no kind, number or date — every header component is reported
missing and no cited date can be compared with the report's.

Lenient on purpose (``capuy.read.frontmatter``'s lenient mode): the extractor reads whatever is there and never fails on it (``capuy
render`` is the one that rejects a bad front matter). The symbol is made as the renderer makes
it — ``symbol`` as written, else ``number`` + the Party type code of ``kind`` + the issuer code
(``issuer_code``, else the longest issuer name of ``vocab/issuers.yaml`` the issuing body
starts with) — so ``708`` + ``BÁO CÁO`` + ``THỊ ỦY ĐỨC PHỔ`` is ``708-BC/TU`` and a draft
keeps its blank ``-BC/TU``. ``Header.lines`` point at each key's line; ``lines["front_matter"]``
is the closing ``---``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from capuy.model import Header, Signature
from capuy.read.frontmatter import front_matter_block, parse_front_matter
from capuy.vocab import issuer_code_for_name, type_code_for_word

_KEY = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:")


@dataclass
class FrontMatter:
    """What the front matter says, with the line of each top-level key."""

    header: Header
    title: str
    signature: Signature | None = None
    recipients: list[str] = field(default_factory=list)
    end_line: int = 0


def _text(value: Any) -> str:
    return unicodedata.normalize("NFC", str(value)).strip() if value is not None else ""


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(_text(value)) if value else None
    except ValueError:
        return None


def read_front_matter(lines: list[str]) -> FrontMatter | None:
    """The header written as YAML front matter, or None when the file has none (or it is not a
    mapping with a ``kind``)."""
    # Long: one pass over the front-matter keys, a line or two each, mapped to the header components in one table.
    block = front_matter_block(lines)
    if block is None:
        return None
    raw, end_line = block
    data = parse_front_matter(raw, strict=False)
    if data is None or not _text(data.get("kind")):
        return None
    key_lines: dict[str, int] = {}
    for number, text in enumerate(lines[1 : end_line - 1], start=2):
        if match := _KEY.match(text):
            key_lines.setdefault(match.group("key"), number)

    kind, _, qualifier = _text(data.get("kind")).partition("\n")
    summary_lines = [part.strip() for part in _text(data.get("summary")).split("\n")]
    period = [p for p in summary_lines if p.startswith("(") and p.endswith(")")]
    summary = " ".join(p for p in summary_lines if p and p not in period)
    header = Header(
        superior=_text(data.get("superior")),
        issuer=_text(data.get("issuer")),
        number=_text(data.get("number")),
        place=_text(data.get("place")),
        date=_date(data.get("date")),
        kind=kind.strip(),
        summary=summary,
        draft=bool(data.get("draft", False)),
        classification=_text(data.get("classification")),
        urgency=_text(data.get("urgency")),
    )
    header.symbol = _text(data.get("symbol")).replace(" ", "")
    if not header.symbol:
        type_code = type_code_for_word(header.kind)
        issuer_code = _text(data.get("issuer_code")) or issuer_code_for_name(header.issuer)
        if type_code and issuer_code:
            header.symbol = f"{header.number}-{type_code}/{issuer_code}"
    elif not header.number:
        header.number = header.symbol.split("-", 1)[0] if "-" in header.symbol else ""
    for component, key in (
        ("superior", "superior"),
        ("issuer", "issuer"),
        ("place_date", "place"),
        ("date", "date"),
        ("kind", "kind"),
        ("summary", "summary"),
        ("draft", "draft"),
        ("classification", "classification"),
        ("urgency", "urgency"),
    ):
        if key in key_lines and data.get(key) not in (None, "", False):
            header.lines[component] = key_lines[key]
    if header.symbol:
        header.lines["number"] = key_lines.get("symbol") or key_lines.get("number") or 1
    if period:
        header.lines["period"] = key_lines.get("summary", 1) + 1 + summary_lines.index(period[0])
    header.lines["front_matter"] = end_line

    signature = None
    raw_signature = data.get("signature")
    if isinstance(raw_signature, dict):
        signature = Signature(
            capacity=_text(raw_signature.get("capacity")),
            title=_text(raw_signature.get("title")),
            name=_text(raw_signature.get("name")),
            line=key_lines.get("signature", 0),
        )
    raw_recipients = data.get("recipients")
    recipients = (
        [_text(r).removeprefix("- ").strip() for r in raw_recipients if _text(r)]
        if isinstance(raw_recipients, list)
        else []
    )
    title = " ".join(part for part in (header.kind, qualifier.strip(), header.summary) if part)
    return FrontMatter(header, title, signature, recipients, end_line)
