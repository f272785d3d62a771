"""The rule registry: every rule family module registers its rules here by id and category.

A rule is a function from a document (or, for rules that compare documents, from the list of
documents checked together) to findings. Keeping them in one table lets the configuration
switch rules off by id or by category without the engine knowing any rule by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from capuy.model import Category, Document, Finding, Severity

DocumentCheck = Callable[[Document], Iterable[Finding]]
CorpusCheck = Callable[[list[Document]], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """One rule: ``id`` like ``spelling.confusion``; ``scope`` says what it reads."""

    id: str
    category: Category
    description: str
    scope: Literal["document", "corpus"]
    run: Callable[..., Iterable[Finding]]

    def finding(
        self,
        severity: Severity,
        line: int,
        excerpt: str,
        message: str,
        suggestion: str = "",
        source: str = "",
    ) -> Finding:
        """A finding of this rule (its id and category filled in)."""
        return Finding(
            rule=self.id,
            category=self.category,
            severity=severity,
            line=line,
            excerpt=excerpt,
            message=message,
            suggestion=suggestion,
            source=source,
        )


RULES: dict[str, Rule] = {}


def register(
    rule_id: str,
    category: Category,
    description: str,
    scope: Literal["document", "corpus"] = "document",
) -> Callable[[Callable[..., Iterable[Finding]]], Rule]:
    """Decorator: register the function as rule ``rule_id`` and return the ``Rule``."""

    def wrap(fn: Callable[..., Iterable[Finding]]) -> Rule:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        rule = Rule(rule_id, category, description, scope, fn)
        RULES[rule_id] = rule
        return rule

    return wrap


def all_rules() -> list[Rule]:
    """Every registered rule (importing the rule family modules registers them)."""
    from capuy.check import (  # noqa: F401  (imported for their registrations)
        arithmetic,
        citation_conflict,
        citation_date,
        citation_known,
        citation_type,
        context_spelling,
        duplicate,
        format,
        placeholder,
        prose_sums,
        restated,
        spelling,
        term,
        term_ordinal,
    )

    return list(RULES.values())
