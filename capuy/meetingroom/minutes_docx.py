"""The minutes (biên bản) as a DOCX through ``capuy.render``: the blocks of
``minutes.minutes_blocks`` written in the authoring format (docs/authoring.md) with the
committee's header, then laid out by the same renderer as every report (Hướng dẫn 36)."""

from __future__ import annotations

import re
from typing import Any

import yaml

from capuy.accounts.levels import Classification
from capuy.meetingroom.minutes import minutes_blocks
from capuy.meetingroom.models import Session

# Markdown's inline and block markers, escaped so a name or title is printed as typed.
_SPECIAL = re.compile(r"([\\`*_\[\]|<>#+!~])")
_PREFIX = {"h1": "# ", "h2": "## ", "li": "- ", "p": ""}


def _escape(text: str) -> str:
    out = _SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", out)  # not an ordered list


def _name(user: Any) -> str:
    if user is None:
        return ""
    return f"{user.last_name} {user.first_name}".strip() or user.get_username()


def front_matter(session: Session) -> dict[str, Any]:
    from capuy.reports.compose import place_of

    meeting = session.meeting
    org = meeting.organisation
    front: dict[str, Any] = {}
    if org.parent_id:
        front["superior"] = org.parent.name.upper()
    front.update(
        {
            "issuer": org.header_name,
            "issuer_code": (meeting.body.code if meeting.body_id else "") or org.code,
            "place": place_of(org),
            "date": meeting.held_on.isoformat(),
            "kind": "BIÊN BẢN\n" + meeting.full_title.upper(),
            "draft": True,
        }
    )
    if meeting.classification:
        front["classification"] = Classification(meeting.classification).label
    front["signature"] = {"capacity": "", "title": "THƯ KÝ", "name": _name(session.secretary)}
    front["recipients"] = ["Các đồng chí dự hội nghị,", "Lưu Văn phòng."]
    return front


def minutes_markdown(session: Session) -> str:
    head = yaml.safe_dump(front_matter(session), allow_unicode=True, sort_keys=False, width=1000)
    body = []
    for style, text in minutes_blocks(session):
        body += [_PREFIX[style] + _escape(text), ""]
    return "---\n" + head + "---\n\n" + "\n".join(body).strip() + "\n"


def minutes_docx(session: Session) -> bytes:
    from capuy.reports.output import docx_bytes

    return docx_bytes(minutes_markdown(session))
