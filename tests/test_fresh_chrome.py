"""Honest chrome rates: chrome our lexicons were not written from (issue 18).

tests/test_properties_chrome.py measures chrome that is often copied from our own lexicons,
which the classifier drops by construction. Here the chrome lines come from
tests/cases/fresh_chrome/phrases.tsv, written for this test by someone who had not read
the lexicons (cookie banners, newsletter boxes, "5 min read", tables of contents, author
boxes, "Was this helpful?", share rows, related-story headings, footers, in eight
languages). One to three of them go into each generated page (tests/article_gen.py) at
random places among the paragraphs; in HTML they sit in a plain `<div>`, so no class or
element name gives them away. The share that lands in the body is the leak rate: it is
measured and bounded, not asserted to be zero.
"""
from __future__ import annotations

import collections
import dataclasses
import functools
import pathlib
import random

import pytest

from cleanarticle import clean
from cleanarticle.lexicon import lexicon, phrase_key

import article_gen

ROOT = pathlib.Path(__file__).resolve().parents[1]
PHRASES = ROOT / "tests" / "cases" / "fresh_chrome" / "phrases.tsv"
PAGES = 1_000
# Measured over seeds 0-999 (python -m pytest tests/test_fresh_chrome.py -s prints the rates
# and the leaks by kind); each bound sits a little above the measured leak rate and each
# floor a little under the measured keep rate. The honest figure is the second one: lines
# that are not, whole, a phrase of the lexicons (the furniture entries of issue 18 were
# written by the same hand as this file, after it, so some of its lines became lexicon
# phrases: 1,041 of 2,005 lines were unlisted before, 738 of 2,023 after).
# Before (641c16d): text let 415/2005 = 0.207 into the body (unlisted 0.399; cookie sentences
# 213/305, "N min read" 53/150), HTML 827/2005 = 0.412 (unlisted 0.794: a plain <div> inside
# the <article> is body to the HTML front-end unless its text says otherwise).
# After the furniture entries and `+` sentence phrases: text 86/2023 = 0.043 (unlisted
# 86/738 = 0.117), HTML 203/2023 = 0.100 (unlisted 203/738 = 0.275); paragraphs kept 0.959
# (text; 0.963 before, on pages drawn with the old lexicons) and 0.974 (HTML; 0.977).
MAX_FRESH_LEAK = {"text": 0.06, "html": 0.12}
MAX_UNLISTED_LEAK = {"text": 0.14, "html": 0.30}
MIN_PARAGRAPHS_KEPT = {"text": 0.95, "html": 0.965}


def phrases() -> dict[str, list[tuple[str, str]]]:
    """Language -> [(kind, line)] from the data file."""
    out: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
    for line in PHRASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, kind, text = line.split("\t")
            out[lang].append((kind, text))
    return dict(out)


def languages() -> tuple[str, ...]:
    """Languages that have fresh phrases and that the page generator writes."""
    generated = {"en", "vi", *article_gen.case_languages()}
    return tuple(sorted(lang for lang in phrases() if lang in generated))


@dataclasses.dataclass
class Rates:
    chrome: int = 0
    leaked: int = 0
    unlisted: int = 0             # fresh lines that are not, whole, a phrase of their lexicon
    unlisted_leaked: int = 0
    paragraphs: int = 0
    kept: int = 0
    by_kind: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    leaked_by_kind: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    leaks: collections.Counter = dataclasses.field(default_factory=collections.Counter)

    def __str__(self) -> str:
        kinds = ", ".join(f"{k} {self.leaked_by_kind[k]}/{n}" for k, n in sorted(self.by_kind.items()))
        return (f"fresh chrome in body {self.leaked}/{self.chrome} = {self.leaked / self.chrome:.4f} "
                f"(lines that are not a lexicon phrase: {self.unlisted_leaked}/{self.unlisted} = "
                f"{self.unlisted_leaked / max(1, self.unlisted):.4f}); "
                f"paragraphs kept {self.kept}/{self.paragraphs} = {self.kept / self.paragraphs:.4f}; "
                f"by kind: {kinds}; most leaked: {self.leaks.most_common(8)}")


def fresh_page(seed: int) -> tuple[article_gen.Page, list[tuple[str, str]]]:
    """A generated page with 1-3 fresh chrome lines of its language at random places."""
    rnd = random.Random(seed)
    pool = phrases()
    lang = rnd.choice(languages())
    page = article_gen.page(rnd, lang=lang)
    body = set(page.body)
    chosen = [item for item in rnd.sample(pool[lang], min(len(pool[lang]), rnd.randint(1, 3)))
              if item[1] not in body]
    inserts: dict[int, list[str]] = {}
    for _, text in chosen:
        inserts.setdefault(rnd.randint(0, len(page.body)), []).append(text)
    return article_gen.with_lines(page, inserts), chosen


@functools.lru_cache(maxsize=2)
def measured(mode: str) -> Rates:
    rates = Rates()
    for seed in range(PAGES):
        page, chosen = fresh_page(seed)
        body = set(clean(page.text if mode == "text" else page.html, format=mode).paragraphs)
        rates.paragraphs += len(page.body)
        rates.kept += sum(p in body for p in page.body)
        listed = lexicon(page.lang).phrases
        for kind, text in chosen:
            rates.chrome += 1
            rates.by_kind[kind] += 1
            unlisted = phrase_key(text) not in listed
            rates.unlisted += unlisted
            if text in body:
                rates.leaked += 1
                rates.unlisted_leaked += unlisted
                rates.leaked_by_kind[kind] += 1
                rates.leaks[text] += 1
    print(f"\n{mode}: {rates}")
    return rates


def test_the_phrases_file_is_well_formed():
    pool = phrases()
    assert sum(map(len, pool.values())) >= 150 and len(languages()) >= 6
    for lang, items in pool.items():
        assert len({t for _, t in items}) == len(items), f"{lang}: duplicate lines"


def test_a_fresh_page_holds_its_chrome_lines_in_both_forms():
    page, chosen = fresh_page(7)
    assert chosen and all(text in page.text.splitlines() for _, text in chosen)
    assert all(kind == "fresh" for kind, _ in page.chrome if kind not in article_gen.CHROME_KINDS)
    assert sum(kind == "fresh" for kind, _ in page.chrome) == len(chosen)


@pytest.mark.parametrize("mode", ["text", "html"])
def test_fresh_chrome_mostly_stays_out_of_the_body(mode):
    rates = measured(mode)
    assert rates.leaked / rates.chrome <= MAX_FRESH_LEAK[mode], str(rates)
    assert rates.unlisted_leaked / rates.unlisted <= MAX_UNLISTED_LEAK[mode], str(rates)


@pytest.mark.parametrize("mode", ["text", "html"])
def test_paragraphs_survive_fresh_chrome_beside_them(mode):
    rates = measured(mode)
    assert rates.kept / rates.paragraphs >= MIN_PARAGRAPHS_KEPT[mode], str(rates)
