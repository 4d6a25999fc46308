"""Pages that lose their article: gold body over 500 characters, shingle recall under 0.2.

Issue 22's table: on ../shared/corpus/wcxb, per half (page id parity), the pages whose
cleaned body keeps under a fifth of the gold body, each with the reason that dropped most
of its gold text (the `reason` of the dropped blocks, weighted by the gold shingles they
hold), and the count of pages per reason. The metric is the corpus's own (score_wcxb.py:
`\\w+` tokens, case kept, shingles of 4, multiset), so the counts match its "lost a/o".

    PYTHONPATH=src python -m benchmarks.lost_pages [--mode html|text] [--half even|odd|both] [--list]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import pathlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from .wcxb import WCXB, shingles

ARTICLE_TYPES = frozenset(("article", "blog"))
# The corpus scorer's definition of a lost page (score_wcxb.py).
LOST_MIN_GOLD_CHARS = 500
LOST_MAX_RECALL = 0.2
# Reason text that varies per page (numbers, element names) is folded to group reasons.
_VARIABLE = (
    (re.compile(r"<(?:[^<>]|<[^<>]*>)*>"), "<...>"),  # "<div#main and the headline's <h1>>" too
    (re.compile(r"\([^)]*\)"), ""),
    (re.compile(r"\d+(?:\.\d+)?"), "#"),
)


def reason_group(reason: str) -> str:
    """A block's reason with its page-specific parts folded ("dom: link density #")."""
    for pattern, repl in _VARIABLE:
        reason = pattern.sub(repl, reason)
    return " ".join(reason.split()).lower()


@dataclass(frozen=True)
class Lost:
    page: str
    page_type: str
    gold_chars: int
    recall: float
    reason: str  # the dominant reason of the dropped gold text

    @property
    def article(self) -> bool:
        return self.page_type in ARTICLE_TYPES


def dominant_reason(article, gold: collections.Counter) -> str:
    """The reason whose dropped blocks hold the most gold shingles."""
    weight: collections.Counter = collections.Counter()
    for block in article.blocks:
        if block.label == "body" or not block.text:
            continue
        held = sum((shingles(block.text) & gold).values())
        if held:
            weight[reason_group(block.reason)] += held
    return weight.most_common(1)[0][0] if weight else "gold text not found in the page's blocks"


def pages(corpus: pathlib.Path, half: str) -> Iterator[pathlib.Path]:
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir() and p.name.isdigit()):
        if half == "both" or (int(folder.name) % 2 == 0) == (half == "even"):
            yield folder


def lost_pages(corpus: pathlib.Path, half: str, mode: str) -> Iterator[Lost]:
    from cleanarticle import clean

    for folder in pages(corpus, half):
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        gold_text = (folder / "expected.txt").read_text(encoding="utf-8")
        if len(gold_text) <= LOST_MIN_GOLD_CHARS:
            continue
        if mode == "html":
            got = clean(gzip.decompress((folder / "source.html.gz").read_bytes()), format="html", url=meta["url"])
        else:
            got = clean((folder / "source.txt").read_text(encoding="utf-8"), format="text")
        gold = shingles(gold_text)
        total = sum(gold.values())
        recall = sum((gold & shingles(got.body)).values()) / total if total else 1.0
        if total and recall < LOST_MAX_RECALL:
            yield Lost(folder.name, meta["page_type"], len(gold_text), recall, dominant_reason(got, gold))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mode", choices=("html", "text"), default="html")
    ap.add_argument("--half", choices=("even", "odd", "both"), default="both")
    ap.add_argument("--corpus", type=pathlib.Path, default=WCXB)
    ap.add_argument("--list", action="store_true", help="print every lost page, not only the table")
    a = ap.parse_args(argv)
    if not a.corpus.is_dir():
        print(f"skipped: no wcxb corpus at {a.corpus} (it lives beside the checkout, not in it)")
        return 0
    halves = ("even", "odd") if a.half == "both" else (a.half,)
    for half in halves:
        lost = list(lost_pages(a.corpus, half, a.mode))
        arts = sum(x.article for x in lost)
        print(f"## {half} half, {a.mode} mode: {len(lost)} lost pages ({arts} articles, {len(lost) - arts} other)")
        table = collections.Counter((x.reason, x.article) for x in lost)
        reasons = collections.Counter(x.reason for x in lost)
        print("| reason | pages | articles |\n|---|---|---|")
        for reason, n in reasons.most_common():
            print(f"| `{reason}` | {n} | {table[reason, True]} |")
        if a.list:
            for x in lost:
                print(f"  {x.page} {x.page_type:13} gold {x.gold_chars:6} recall {x.recall:.2f}  {x.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
