"""`python -m benchmarks --rules`: what each labelling rule is worth (issue 18, per-rule evidence).

Every rule of `cleanarticle.rules.RULES` (but the fallbacks, which cannot be turned off) is
turned off in turn, and the body F1 without it is compared with the baseline: on the wcxb
development corpus (the corpus's shingle F1, articles and all pages, per half) and on the
readability pages (mean word F1). A negative delta means the rule helps there. The
baseline also counts the blocks each rule decided, so a rule that never fires on these
pages is marked: its zero delta is no evidence either way.

Each page is read once and handed to the workers (a pool of 2 processes: the machine is
shared); each worker runs the whole sample with one rule off per task.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import pathlib
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cleanarticle import clean, rules
from cleanarticle.model import Article

from . import wcxb
from .scoring import READABILITY, f1, readability_pages

WORKERS = 2  # the machine has two cores shared by other work
COLUMNS = ("even articles", "even all", "odd articles", "odd all", "readability")


@dataclass(frozen=True)
class Page:
    """One input, read once: its raw text, its gold body, and where it is scored."""

    source: str  # "even", "odd" (wcxb halves) or "readability"
    is_article: bool
    raw: str | bytes
    gold: str
    url: str | None = None


@dataclass(frozen=True)
class Outcome:
    """One run over the sample with `rule` off (None: the baseline)."""

    rule: str | None
    scores: dict[str, float]  # column -> F1
    fired: dict[str, int]  # rule id -> blocks it decided (filled for the baseline only)


_PAGES: tuple[Page, ...] = ()  # each worker's copy of the sample, set once by _init


def _init(pages: tuple[Page, ...]) -> None:
    global _PAGES
    _PAGES = pages


def _article(page: Page, fmt: str, off: frozenset[str]) -> Article | None:
    try:
        return clean(page.raw, format=fmt, url=page.url, disabled_rules=off)
    except Exception:  # one page's failure is an empty output for that page
        return None


def score_rule(rule: str | None, fmt: str) -> Outcome:
    """F1 per column over the worker's pages with `rule` off."""
    off = frozenset({rule}) if rule else frozenset()
    triples: dict[str, list[wcxb.Triple]] = collections.defaultdict(list)
    read: list[float] = []
    fired: collections.Counter[str] = collections.Counter()
    for page in _PAGES:
        article = _article(page, fmt, off)
        body = article.body if article else ""
        if rule is None and article:
            fired.update(b.rule for b in article.blocks)
        if page.source == "readability":
            read.append(f1(body, page.gold)[2])
            continue
        t = wcxb.triple(body, page.gold)
        triples[f"{page.source} all"].append(t)
        if page.is_article:
            triples[f"{page.source} articles"].append(t)
    scores = {col: wcxb.corpus_f1(ts) for col, ts in triples.items()}
    if read:
        scores["readability"] = statistics.mean(read)
    return Outcome(rule, scores, dict(fired))


def load_pages(
    fmt: str, halves: Sequence[str], sample: int, wcxb_dir: pathlib.Path, log: Callable[[str], None]
) -> tuple[Page, ...]:
    """Every `sample`-th page of each wcxb half (sampled per half, so both parities stay) and of readability."""
    pages: list[Page] = []
    why = wcxb.absent_reason(wcxb_dir)
    if why:
        log(f"wcxb: skipped, {why}")
    else:
        for half in halves:
            for p in wcxb.load(wcxb_dir, (half,))[::sample]:
                pages.append(Page(half, p.is_article, p.raw(fmt), p.gold, p.url if fmt == "html" else None))
    source = "source.html" if fmt == "html" else "source.txt"
    for r in list(readability_pages(READABILITY, source))[::sample]:
        pages.append(Page("readability", True, r.text, r.body))
    return tuple(pages)


def run(fmt: str, pages: tuple[Page, ...], ids: Sequence[str], workers: int = WORKERS) -> list[Outcome]:
    """The baseline first, then one outcome per rule id."""
    tasks: list[str | None] = [None, *ids]
    if workers <= 1:
        _init(pages)
        return [score_rule(r, fmt) for r in tasks]
    with concurrent.futures.ProcessPoolExecutor(workers, initializer=_init, initargs=(pages,)) as pool:
        return list(pool.map(score_rule, tasks, [fmt] * len(tasks)))


def render(outcomes: Sequence[Outcome], fmt: str, n_pages: dict[str, int]) -> list[str]:
    """A table: the baseline's F1, then each rule's delta, most useful rule (most negative mean delta) first."""
    base, rest = outcomes[0], outcomes[1:]
    cols = [c for c in COLUMNS if c in base.scores]
    counts = ", ".join(f"{k} {v}" for k, v in n_pages.items())

    def mean_delta(o: Outcome) -> float:
        return statistics.mean(o.scores[c] - base.scores[c] for c in cols) if cols else 0.0

    out = [
        f"Rule ablation, {fmt} mode ({counts} pages): F1 with the rule off minus the baseline's; "
        "sorted by the mean delta (most useful rule first). blocks: the blocks whose final label the rule "
        "set in the baseline; 'never fires': none, and turning it off changes nothing; 'overridden': none, "
        "yet turning it off changes the output (a later rule relabelled its blocks, or used them).",
        "",
        "| rule | blocks | " + " | ".join(cols) + " | mean |",
        "|---|---|" + "---|" * (len(cols) + 1),
        "| (baseline F1) | | " + " | ".join(f"{base.scores[c]:.3f}" for c in cols) + " | |",
    ]
    for o in sorted(rest, key=lambda o: (mean_delta(o), o.rule)):
        changed = any(o.scores[c] != base.scores[c] for c in cols)
        n = base.fired.get(o.rule or "", 0) or ("overridden" if changed else "never fires")
        cells = " | ".join(f"{o.scores[c] - base.scores[c]:+.3f}" for c in cols)
        out.append(f"| {o.rule} | {n} | {cells} | {mean_delta(o):+.3f} |")
    return out


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks --rules", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--mode", choices=("html", "text"), default="html", help="input format (default html)")
    p.add_argument("--half", choices=("even", "odd", "both"), default="both", help="wcxb halves (default both)")
    p.add_argument("--sample", type=int, default=1, metavar="N", help="every N-th page only (default 1: all)")
    p.add_argument("--only", metavar="RULE[,RULE]", help="these rule ids only (default: every rule but the fallbacks)")
    p.add_argument(
        "--wcxb-dir",
        type=pathlib.Path,
        default=wcxb.WCXB,
        metavar="DIR",
        help=f"where the wcxb corpus is (default {wcxb.WCXB})",
    )
    p.add_argument("--workers", type=int, default=WORKERS, help=f"processes (default {WORKERS}; 1: in-process)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    ids = [r.id for r in rules.RULES if r.id not in rules.FALLBACKS]
    if args.only:
        wanted = [r.strip() for r in args.only.split(",") if r.strip()]
        bad = [r for r in wanted if r not in ids]
        if bad:
            print(
                f"not a rule that can be turned off: {', '.join(bad)} (see cleanarticle.rules.RULES)", file=sys.stderr
            )
            return 2
        ids = wanted
    if args.sample < 1:
        print("--sample must be 1 or more", file=sys.stderr)
        return 2
    log = lambda s: print(s, file=sys.stderr, flush=True)
    halves = ("even", "odd") if args.half == "both" else (args.half,)
    pages = load_pages(args.mode, halves, args.sample, args.wcxb_dir, log)
    n_pages = dict(collections.Counter(p.source for p in pages))
    log(f"rules ablation: {len(ids)} rules + baseline on {len(pages)} pages, {args.workers} worker(s) ...")
    print("\n".join(render(run(args.mode, pages, ids, args.workers), args.mode, n_pages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
