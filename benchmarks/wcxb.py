"""The development corpus of today's web (`../shared/corpus/wcxb`, issue 18), scored its own way.

999 pages crawled 2025-2026 (articles and blog posts, and forum, product, service, listing,
collection and documentation pages), each with the page as published, its rendered text
and a gold body. It is scored with the corpus's own metric (its README; the same as
`../shared/tools/score_wcxb.py`): tokens are `\\w+` runs, not lower-cased; shingles of 4;
per page tp/fp/fn over multisets; the corpus figure is the F1 of mean precision and mean
recall (a page with an empty output has no precision and recall 0).

The corpus is split in two fixed halves by page id parity: rules are tuned on the even
half and a change counts only if the odd half agrees, so the report keeps the halves apart.

The corpus is not part of the repository (its pages belong to their sites): when the
folder is absent, the run says so and skips this part.
"""
from __future__ import annotations

import collections
import gzip
import json
import pathlib
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .scoring import ROOT, WORD

WCXB = ROOT.parent / "shared" / "corpus" / "wcxb"
SHINGLE = 4
ARTICLE_TYPES = frozenset({"article", "blog"})
HALVES = ("even", "odd")
# The systems of this part, as (report name, input): cleanarticle in both modes and the
# strongest peer of the corpus's reference table on the same HTML.
SYSTEMS = (("cleanarticle-html", "html"), ("cleanarticle", "text"), ("trafilatura", "html"))

Triple = tuple[int, int, int]


@dataclass(frozen=True)
class WcxbPage:
    """One corpus page: where its inputs are, and its gold body."""

    id: str
    page_type: str
    url: str | None
    gold: str
    folder: pathlib.Path

    @property
    def half(self) -> str:
        return "even" if int(self.id) % 2 == 0 else "odd"

    @property
    def is_article(self) -> bool:
        return self.page_type in ARTICLE_TYPES

    def raw(self, fmt: str) -> bytes | str:
        if fmt == "html":
            return gzip.decompress((self.folder / "source.html.gz").read_bytes())
        return (self.folder / "source.txt").read_text(encoding="utf-8")


def absent_reason(root: pathlib.Path = WCXB) -> str | None:
    """Why the corpus cannot be used here, or None when it can."""
    if not root.is_dir():
        return f"the wcxb corpus is not at {root} (it lives beside the checkout, not in it)"
    if not any((p / "expected.txt").is_file() for p in root.iterdir() if p.is_dir()):
        return f"{root} holds no page folders with expected.txt"
    return None


def load(root: pathlib.Path = WCXB, halves: Iterable[str] = HALVES) -> list[WcxbPage]:
    """The pages of the chosen halves, in id order."""
    wanted = set(halves)
    out = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name.isdigit()):
        page_half = "even" if int(folder.name) % 2 == 0 else "odd"
        if page_half not in wanted:
            continue
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        out.append(WcxbPage(folder.name, meta.get("page_type") or "unknown", meta.get("url"),
                            (folder / "expected.txt").read_text(encoding="utf-8"), folder))
    return out


def shingles(text: str | None, n: int = SHINGLE) -> collections.Counter:
    """The corpus's shingles: case kept, a text shorter than `n` tokens is one shingle."""
    words = WORD.findall(text or "")
    if len(words) < n:
        return collections.Counter([tuple(words)]) if words else collections.Counter()
    return collections.Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def triple(pred: str | None, gold: str) -> Triple:
    """(true positive, false positive, false negative) shingle counts of one page."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def prf(triples: Sequence[Triple]) -> tuple[float, float, float]:
    """Mean precision, mean recall and their F1 (the corpus figure)."""
    ps = [tp / (tp + fp) for tp, fp, fn in triples if tp + fp > 0]
    rs = [tp / (tp + fn) for tp, fp, fn in triples if tp + fn > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return p, r, (0.0 if p + r == 0 else 2 * p * r / (p + r))


def corpus_f1(triples: Sequence[Triple]) -> float:
    return prf(triples)[2]


Extractor = Callable[[WcxbPage], str]


def _cleanarticle(fmt: str) -> Extractor:
    from cleanarticle import clean

    if fmt == "html":  # the page's address, as score_wcxb.py passes it
        return lambda page: clean(page.raw("html"), format="html", url=page.url).body
    return lambda page: clean(page.raw("text"), format="text").body


def _trafilatura() -> Extractor:
    import trafilatura  # ImportError: the row says the peer is not installed

    return lambda page: trafilatura.extract(page.raw("html"), include_comments=False) or ""


LOADERS: dict[str, Callable[[], Extractor]] = {
    "cleanarticle-html": lambda: _cleanarticle("html"),
    "cleanarticle": lambda: _cleanarticle("text"),
    "trafilatura": _trafilatura,
}


@dataclass(frozen=True)
class SystemRun:
    """One system over the chosen pages: a triple per page (None: it could not run)."""

    system: str
    mode: str
    triples: tuple[Triple, ...] = ()
    seconds: float = 0.0          # CPU time inside the extractor (reading the file excluded)
    failures: int = 0
    note: str = ""

    @property
    def ran(self) -> bool:
        return bool(self.triples)


@dataclass(frozen=True)
class WcxbResults:
    root: str
    pages: tuple[WcxbPage, ...]
    runs: tuple[SystemRun, ...]
    skipped: str = ""             # why the part did not run ("" when it did)


def run_system(name: str, mode: str, pages: Sequence[WcxbPage], log: Callable[[str], None]) -> SystemRun:
    try:
        extract = LOADERS[name]()
    except ImportError as exc:
        return SystemRun(name, mode, note=f"not installed ({exc})")
    triples, seconds, failures = [], 0.0, 0
    for page in pages:
        page.raw(mode)  # warm the file cache so that the timer sees the extractor alone
        start = time.process_time()
        try:
            body = extract(page)
        except Exception:  # one page's failure is an empty output for that page
            body, failures = "", failures + 1
        seconds += time.process_time() - start
        triples.append(triple(body, page.gold))
    log(f"    {name} ({mode}): {len(pages) / seconds if seconds else 0:.1f} docs/s, {failures} failures")
    return SystemRun(name, mode, tuple(triples), seconds, failures)


def run(root: pathlib.Path = WCXB, *, halves: Iterable[str] = HALVES, systems: Iterable[str] = (),
        pages: int | None = None, log: Callable[[str], None] = lambda s: None) -> WcxbResults:
    """Score the chosen systems (default: all of SYSTEMS) on the chosen halves of the corpus."""
    why = absent_reason(root)
    if why:
        log(f"  wcxb: skipped, {why}")
        return WcxbResults(str(root), (), (), skipped=why)
    chosen = load(root, halves)
    if pages:
        chosen = chosen[:pages]
    wanted = set(systems)
    runs = []
    for name, mode in SYSTEMS:
        if wanted and name not in wanted:
            continue
        log(f"  wcxb {len(chosen)} pages, {name} ({mode}) ...")
        runs.append(run_system(name, mode, chosen, log))
    return WcxbResults(str(root), tuple(chosen), tuple(runs))


def groups(pages: Sequence[WcxbPage]) -> list[tuple[str, list[int]]]:
    """Report rows: each page type, then articles (article + blog) and all pages; indices into pages."""
    types = sorted({p.page_type for p in pages}, key=lambda t: (t not in ARTICLE_TYPES, t))
    out = [(t, [i for i, p in enumerate(pages) if p.page_type == t]) for t in types]
    out.append(("**articles**", [i for i, p in enumerate(pages) if p.is_article]))
    out.append(("**all**", list(range(len(pages)))))
    return out


def _cell(run: SystemRun, idx: list[int]) -> str:
    return f"{corpus_f1([run.triples[i] for i in idx]):.3f}" if idx and run.ran else "—"


def render(results: WcxbResults) -> list[str]:
    """The report's section: body F1 by page type, per half and overall, for every system."""
    out = ["## Development corpus: wcxb (today's web)", ""]
    if results.skipped:
        return out + [f"Skipped: {results.skipped}.", ""]
    pages = list(results.pages)
    halves = [h for h in HALVES if any(p.half == h for p in pages)]
    runs = [r for r in results.runs if r.ran]
    split = " / ".join(halves) + (" / all" if len(halves) > 1 else "")
    out += [f"{len(pages)} pages of `{pathlib.Path(results.root).name}` ({' and '.join(halves)} "
            f"{'halves' if len(halves) > 1 else 'half'}). Body shingle F1 (the corpus's metric: `\\w+` tokens, "
            "shingles of 4, F1 of mean precision and mean recall) by page type, each cell "
            f"{split}. Rules are tuned on the even half (even page ids); the odd half is the check.", ""]
    header = ["page type", "pages"] + [f"{r.system} ({r.mode})" for r in runs]
    rows = []
    for name, idx in groups(pages):
        row: list[object] = [name, len(idx)]
        for r in runs:
            cells = [_cell(r, [i for i in idx if pages[i].half == h]) for h in halves]
            if len(halves) > 1:
                cells.append(_cell(r, idx))
            row.append(" / ".join(cells))
        rows.append(row)
    out += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    out += ["", "| system | input | P articles | R articles | docs/s (CPU, all pages) | failures |", "|---|---|---|---|---|---|"]
    articles = [i for i, p in enumerate(pages) if p.is_article]
    for r in results.runs:
        if not r.ran:
            out.append(f"| {r.system} | {r.mode} | — | — | n/a | {r.note} |")
            continue
        p, rec, _ = prf([r.triples[i] for i in articles]) if articles else (0.0, 0.0, 0.0)
        speed = f"{len(pages) / r.seconds:.1f}" if r.seconds else "n/a"
        out.append(f"| {r.system} | {r.mode} | {p:.3f} | {rec:.3f} | {speed} | {r.failures} |")
    return out + [""]
