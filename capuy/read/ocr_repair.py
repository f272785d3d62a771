"""Repairs of OCR text (placeholder, filled below)."""

from __future__ import annotations


def repair_ocr_text(text: str) -> str:
    return text
