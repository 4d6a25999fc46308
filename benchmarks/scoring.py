"""Scoring shared by the benchmark and the quality gate in the tests.

Bag-of-words F1 is the same measure as `../shared/tools/score_seeds.py` (lower-cased
`\\w+` tokens counted with multiplicity), so our numbers and the published ones agree.
Shingle F1 uses the same tokens, taken four in a row, so it also sees word order: a
body whose paragraphs are shuffled or interleaved with chrome scores lower there.

Metadata (title, byline, date) is compared after `norm()`: Unicode NFC, `casefold()`,
whitespace runs collapsed to one space and trimmed. Title: equal. Byline: one contains
the other (readability's bylines carry "By " or a site name that a cleaner may drop).
Date: the first ten characters (ISO `YYYY-MM-DD`) are equal.
"""
from __future__ import annotations

import collections
import functools
import gzip
import json
import pathlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

WORD = re.compile(r"\w+", re.UNICODE)
ROOT = pathlib.Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
READABILITY = ROOT / "tests" / "corpora" / "readability"
# The full readability corpus (with source.html) lives beside the checkout, as in CI.
SHARED_READABILITY = ROOT.parent / "shared" / "corpus" / "readability"
SHINGLE = 4


def tokens(text: str | None) -> collections.Counter:
    return collections.Counter(w.lower() for w in WORD.findall(text or ""))


def _prf(p: collections.Counter, g: collections.Counter) -> tuple[float, float, float]:
    if not p and not g:
        return 1.0, 1.0, 1.0
    overlap = sum((p & g).values())
    prec = overlap / max(1, sum(p.values()))
    rec = overlap / max(1, sum(g.values()))
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def f1(pred: str | None, gold: str | None) -> tuple[float, float, float]:
    """(precision, recall, F1) of the predicted body's words against the gold body's."""
    return _prf(tokens(pred), tokens(gold))


def shingles(text: str | None, n: int = SHINGLE) -> collections.Counter:
    """Runs of `n` consecutive tokens; a text shorter than `n` tokens is one shingle."""
    words = [w.lower() for w in WORD.findall(text or "")]
    if 0 < len(words) < n:
        return collections.Counter([tuple(words)])
    return collections.Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def shingle_f1(pred: str | None, gold: str | None, n: int = SHINGLE) -> float:
    """F1 over word `n`-grams (multiset), the order-aware companion of `f1`."""
    return _prf(shingles(pred, n), shingles(gold, n))[2]


def norm(value: str | None) -> str:
    """Comparison form of a metadata string: NFC, casefolded, single-spaced."""
    return " ".join(unicodedata.normalize("NFC", value or "").casefold().split())


def title_ok(pred: str | None, gold: str) -> bool:
    return norm(pred) == norm(gold)


def byline_ok(pred: str | None, gold: str) -> bool:
    p, g = norm(pred), norm(gold)
    return bool(p) and (p in g or g in p)


def date_ok(pred: str | None, gold: str) -> bool:
    return bool(pred) and pred[:10] == gold[:10]


@dataclass(frozen=True)
class Page:
    """One evaluation page: its input text and what a cleaner should return."""

    name: str
    text: str
    body: str
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Quality:
    """Mean body scores over a corpus, and metadata hits as (right, pages with a gold value)."""

    precision: float
    recall: float
    f1: float
    shingle_f1: float
    title: tuple[int, int]
    byline: tuple[int, int]
    date: tuple[int, int]


@dataclass(frozen=True)
class Extract:
    """What a system returned for one page (None where it does not produce a field)."""

    body: str = ""
    title: str | None = None
    byline: str | None = None
    date: str | None = None


def score(outputs: Sequence[Extract], pages: Sequence[Page]) -> Quality:
    """Macro-averaged body scores and metadata hit counts of `outputs` against `pages`."""
    if len(outputs) != len(pages) or not pages:
        raise ValueError(f"need one output per page, got {len(outputs)} for {len(pages)} pages")
    prf = [f1(o.body, p.body) for o, p in zip(outputs, pages)]
    n = len(pages)

    def hits(field: str, ok) -> tuple[int, int]:
        pairs = [(getattr(o, field), getattr(p, field)) for o, p in zip(outputs, pages) if getattr(p, field)]
        return sum(ok(got, want) for got, want in pairs), len(pairs)

    return Quality(
        precision=sum(x[0] for x in prf) / n,
        recall=sum(x[1] for x in prf) / n,
        f1=sum(x[2] for x in prf) / n,
        shingle_f1=sum(shingle_f1(o.body, p.body) for o, p in zip(outputs, pages)) / n,
        title=hits("title", title_ok),
        byline=hits("byline", byline_ok),
        date=hits("date", date_ok),
    )


def seed_pages(root: pathlib.Path = SEEDS) -> Iterator[Page]:
    for gold_file in sorted((root / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (root / gold["file"]).read_text(encoding="utf-8")
        yield Page(gold["file"], text, gold["body"], gold["title"], gold["byline"], gold["date"], gold.get("lang"))


def _read(path: pathlib.Path) -> str:
    """A corpus file, or its gzipped copy (the committed corpus keeps HTML as .html.gz)."""
    if not path.exists() and path.with_name(path.name + ".gz").exists():
        return gzip.decompress(path.with_name(path.name + ".gz").read_bytes()).decode("utf-8", "replace")
    return path.read_text(encoding="utf-8", errors="replace")


def readability_pages(root: pathlib.Path = READABILITY, source: str = "source.txt") -> Iterator[Page]:
    """Readability test pages; `source` picks the input ("source.txt" or "source.html")."""
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        lang = (meta.get("lang") or "").split("-")[0].lower() or None
        yield Page(folder.name, _read(folder / source),
                   (folder / "expected.txt").read_text(encoding="utf-8"), meta.get("title"), meta.get("byline"),
                   meta.get("publishedTime"), lang)


@functools.lru_cache(maxsize=1)
def reference_langdetect():
    """langdetect as its users call it (default trials), seeded, on a factory of our own (the
    module-level one is global state): the reference language id is compared with and that
    names a gold text's language. Made once: loading its profiles takes a third of a second."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)

    def detect(text: str) -> str | None:
        detector = factory.create()
        detector.append(text)
        try:
            return detector.detect().split("-")[0]
        except LangDetectException:
            return None
    return detect
