"""Input text to blocks: in text mode one block per line, as a crawler's text dump has it."""

from __future__ import annotations


def split_lines(text: str) -> list[str]:
    """Split normalised text into lines; a final newline does not make an extra empty line."""
    if not text:
        return []
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return lines
