"""Writing the report, and copying its summary into README.md between two markers.

Only the lines between the markers change, read and written in one go, so whatever else
someone edits in the README at the same time is kept.
"""
from __future__ import annotations

import os
import pathlib

from .scoring import ROOT

README = ROOT / "README.md"
START = "<!-- benchmark-summary:start (written by python -m benchmarks) -->"
END = "<!-- benchmark-summary:end -->"


def write_atomically(path: pathlib.Path, text: str) -> None:
    """A hidden temporary file beside `path`, renamed over it: never a half-written file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def splice(text: str, summary: str) -> str | None:
    """`text` with what lies between the markers replaced by `summary`; None without both markers."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        return None
    return text[:start + len(START)] + "\n" + summary.strip("\n") + "\n" + text[end:]


def update(path: pathlib.Path, summary: str) -> bool:
    """Replace the README's summary; False (file untouched) if it lacks the markers."""
    text = path.read_text(encoding="utf-8")
    new = splice(text, summary)
    if new is None:
        return False
    if new != text:
        write_atomically(path, new)
    return True
