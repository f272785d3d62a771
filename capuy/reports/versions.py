"""Every text a report had: a ``ReportVersion`` per save, kept by ``workflow.save_text`` (so
the web editor, the Word upload and any later path all keep one), by the composer's first
draft and by issuing (the number written in).

Saves by the same person from the page editor within ``COALESCE`` (10 minutes) are one
version — the editor's autosave would otherwise keep a version per few keystrokes; a text
from Word, the composer or issuing is always a version of its own, and a save that changes
nothing adds none. ``diff`` shows two versions word by word (escaped HTML for the page).
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from capuy.reports.models import Report, ReportVersion

COALESCE = dt.timedelta(minutes=10)
EDITED = str(ReportVersion.Source.EDITED)


def _user(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def record(report: Report, user: Any = None, source: str = EDITED) -> ReportVersion | None:
    """Keep the report's current text as a version (or fold it into the author's last edit
    made less than ``COALESCE`` ago); None when the text is the last version's."""
    author = _user(user)
    now = timezone.now()
    with transaction.atomic():
        last = (
            ReportVersion.objects.select_for_update()
            .filter(report=report)
            .order_by("-number")
            .first()
        )
        if last is not None and last.body == report.body:
            return None
        if (
            last is not None
            and source == EDITED
            and last.source == EDITED
            and author is not None
            and last.author_id == author.pk
            and now - last.saved_at < COALESCE
        ):
            last.body = report.body
            last.saved_at = now
            last.saves += 1
            last.save(update_fields=["body", "saved_at", "saves"])
            return last
        number = (
            ReportVersion.objects.filter(report=report).aggregate(n=Max("number"))["n"] or 0
        ) + 1
        return ReportVersion.objects.create(
            report=report,
            number=number,
            body=report.body,
            source=source,
            author=author,
            created_at=now,
            saved_at=now,
        )


# --- the diff between two versions -------------------------------------------------------

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
CONTEXT = 2  # unchanged lines shown around a change


@dataclass(frozen=True)
class Hunk:
    """A piece of the diff: ``kind`` is "same" (unchanged lines, maybe elided) or "change";
    ``html`` is escaped text with ``<del>``/``<ins>`` marks; ``line`` the first line in the
    newer text."""

    kind: str
    html: str
    line: int


def _words(old: str, new: str) -> str:
    """Escaped HTML of ``old`` → ``new`` marked word by word."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{html.escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{html.escape(''.join(b[j1:j2]))}</ins>")
    return "".join(out)


def diff(old: str, new: str) -> list[Hunk]:
    """The changes from ``old`` to ``new``: line blocks compared, changed blocks word by word,
    unchanged runs shown with ``CONTEXT`` lines either side ("…" between)."""
    a, b = old.splitlines(), new.splitlines()
    hunks: list[Hunk] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            same = b[j1:j2]
            if len(same) > 2 * CONTEXT + 1:
                head, tail = same[:CONTEXT], same[-CONTEXT:]
                shown = [*head, f"… ({len(same) - 2 * CONTEXT} dòng không đổi) …", *tail]
            else:
                shown = same
            hunks.append(Hunk("same", html.escape("\n".join(shown)), j1 + 1))
        else:
            hunks.append(Hunk("change", _words("\n".join(a[i1:i2]), "\n".join(b[j1:j2])), j1 + 1))
    return hunks


def changed(hunks: list[Hunk]) -> int:
    return sum(1 for h in hunks if h.kind == "change")
