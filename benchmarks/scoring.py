"""Body scoring shared by the benchmark and the quality gate in the tests.

Bag-of-words F1 is the same measure as `../shared/tools/score_seeds.py` (lower-cased
`\\w+` tokens counted with multiplicity), so our numbers and the published ones agree.
"""
from __future__ import annotations

import collections
import json
import pathlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

WORD = re.compile(r"\w+", re.UNICODE)
ROOT = pathlib.Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
READABILITY = ROOT / "tests" / "corpora" / "readability"


def tokens(text: str | None) -> collections.Counter:
    return collections.Counter(w.lower() for w in WORD.findall(text or ""))


def f1(pred: str | None, gold: str | None) -> tuple[float, float, float]:
    """(precision, recall, F1) of the predicted body's words against the gold body's."""
    p, g = tokens(pred), tokens(gold)
    if not p and not g:
        return 1.0, 1.0, 1.0
    overlap = sum((p & g).values())
    prec = overlap / max(1, sum(p.values()))
    rec = overlap / max(1, sum(g.values()))
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


@dataclass(frozen=True)
class Page:
    """One evaluation page: its input text and what a cleaner should return."""

    name: str
    text: str
    body: str
    title: str | None = None
    byline: str | None = None
    date: str | None = None


def seed_pages() -> Iterator[Page]:
    for gold_file in sorted((SEEDS / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (SEEDS / gold["file"]).read_text(encoding="utf-8")
        yield Page(gold["file"], text, gold["body"], gold["title"], gold["byline"], gold["date"])


def readability_pages(root: pathlib.Path = READABILITY) -> Iterator[Page]:
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        yield Page(folder.name, (folder / "source.txt").read_text(encoding="utf-8"),
                   (folder / "expected.txt").read_text(encoding="utf-8"), meta.get("title"), meta.get("byline"))
