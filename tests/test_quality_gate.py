"""Quality gate: pinned score floors on committed corpora, so that a rule change that
loses quality fails CI (as trafilatura's tests/eval_gate.py does).

Floors sit a little under the measured scores (measured value in each comment); raise
them when a change improves quality, never lower them to make a change pass.

The floors hold for the pages they were measured on: each corpus the gate reads is pinned
by a hash of its pages (input and expected output) in tests/quality_gate_corpora.json, as
trafilatura pins tests/eval_baseline.json, so a changed corpus fails here by name instead
of moving a floor silently.
"""
import hashlib
import json
import pathlib
import unicodedata

import pytest

from benchmarks import wcxb
from benchmarks.scoring import byline_ok, f1, readability_pages, seed_pages
from cleanarticle import clean

PINS = pathlib.Path(__file__).with_name("quality_gate_corpora.json")

# Mean body F1 over the 130 readability pages in text mode; measured 0.914, 0.927 since the
# text-mode rules of the gentext branch (classify.dense_sentence, revise.toc, repeats, revise.head),
# 0.930 since the text4 branch (revise.truncated, revise.thread_heading, classify.wrapped).
READABILITY_TEXT_MIN_F1 = 0.92
# Mean body F1 over the 130 readability pages in HTML mode; measured 0.951, 0.960 at stop 25,
# 0.966 since the listing4 branch (header/footer tokens on <body>, comment ids, forum ratio).
READABILITY_HTML_MIN_F1 = 0.955
# Titles equal to readability's expected title (of 127 pages with one); measured 101 (117 before
# issue 19, 98 after its second pass). The floor sits below the old 115 because readability's
# convention is not issue 19's: its expected title is the declared JSON-LD/og:title/<title>
# (readability.js `_getArticleMetadata`, then `_getArticleTitle`), site name and all, where issue
# 19 asks for the headline as printed without the site's name (wcxb titles 0.606 -> 0.819). All
# 26 pages that differ differ by convention: 15 where ours is the headline with the site's or
# author's name cut (" | eHow", " - Wikipedia", " [LWN.net]", " - Bradley M. Kuhn", "¶ — evolve
# extension for Mercurial"), 9 where ours is the printed <h1> and theirs a declared title
# reworded for search or the site's own (citylab-1, cnet-svg-classes, dropbox-blog, mathjax,
# theverge, title-and-h1-discrepancy, v8-blog, videos-1, yahoo-2), 2 where the <h1> prints curly
# quotes and the head straight ones (wcxb's even half: 9 gold titles keep curly quotes where we
# print them, 8 straighten them: no rule).
READABILITY_HTML_MIN_TITLES = 100
# Bylines matching readability's (of 76 pages with one); measured 54 (before issue 19: 47; trafilatura: 48).
READABILITY_HTML_MIN_BYLINES = 52
# Pages where we print a byline that is not the page's; measured 4 of 76 (one is salon-1, whose
# printed byline under the headline is ours, not readability's).
READABILITY_HTML_MAX_WRONG_BYLINES = 5
# Mean body F1 over the seeds; measured 1.000.
SEEDS_MIN_MEAN_F1 = 0.99


def corpus_digest(pages) -> dict:
    """The page count and a SHA-256 over every page's name, input and expected output."""
    h = hashlib.sha256()
    for p in pages:
        for field in (p.name, p.text, p.body, p.title, p.byline, p.date, p.lang):
            h.update(json.dumps(field, ensure_ascii=False).encode("utf-8") + b"\0")
    return {"pages": len(pages), "sha256": h.hexdigest()}


def pinned(name: str, pages: list) -> list:
    """`pages`, after checking that they are the corpus the floors were measured on."""
    got, want = corpus_digest(pages), json.loads(PINS.read_text(encoding="utf-8"))[name]
    assert got == want, (
        f"the {name} corpus changed ({got['pages']} pages, sha256 {got['sha256'][:12]}…; pinned: "
        f"{want['pages']} pages, {want['sha256'][:12]}…): re-measure the floors in tests/test_quality_gate.py "
        f"on it, then pin it in {PINS.name} ({got})")
    return pages


@pytest.mark.parametrize("name", ["seeds", "readability-text", "readability-html"])
def test_the_gate_reads_the_corpora_it_was_measured_on(name):
    pages = {"seeds": seed_pages, "readability-text": readability_pages,
             "readability-html": lambda: readability_pages(source="source.html")}[name]()
    pinned(name, list(pages))


def test_a_changed_corpus_fails_by_name():
    pages = list(seed_pages())
    with pytest.raises(AssertionError, match="the seeds corpus changed"):
        pinned("seeds", pages[:-1])


def test_readability_text_mode_floor():
    pages = pinned("readability-text", list(readability_pages()))
    scores = [f1(clean(p.text, format="text").body, p.body)[2] for p in pages]
    assert len(scores) == 130
    assert sum(scores) / len(scores) >= READABILITY_TEXT_MIN_F1


def test_readability_html_mode_floor():
    pages = pinned("readability-html", list(readability_pages(source="source.html")))
    articles = [clean(p.text, format="html") for p in pages]
    scores = [f1(a.body, p.body)[2] for a, p in zip(articles, pages)]
    assert sum(scores) / len(scores) >= READABILITY_HTML_MIN_F1
    bylined = [(a, p) for a, p in zip(articles, pages) if p.byline]
    assert sum(byline_ok(a.byline, p.byline) for a, p in bylined) >= READABILITY_HTML_MIN_BYLINES
    assert sum(bool(a.byline) and not byline_ok(a.byline, p.byline) for a, p in bylined) <= READABILITY_HTML_MAX_WRONG_BYLINES


def test_readability_html_titles_floor():
    pages = list(readability_pages(source="source.html"))
    titled = [(clean(p.text, format="html"), p) for p in pages if p.title]
    assert len(titled) == 127
    assert sum(_norm(a.title) == _norm(p.title) for a, p in titled) >= READABILITY_HTML_MIN_TITLES


def _norm(text):
    return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())


def test_seeds_floor():
    pages = pinned("seeds", list(seed_pages()))
    scores = [f1(clean(p.text, format="text").body, p.body)[2] for p in pages]
    assert sum(scores) / len(scores) >= SEEDS_MIN_MEAN_F1


# --- wcxb: the development corpus of today's web (../shared/corpus/wcxb, issue 18) ----------
# Scored with the corpus's own metric (benchmarks/wcxb.py: 4-shingle F1 of mean precision and
# mean recall). The gate scores the ODD half only: rules are tuned on the even half, so the odd
# half is the one whose floors say something, and 500 pages keep the gate at ~15 s.
# Measured on the odd half (PYTHONPATH=src python -m benchmarks --only wcxb --half odd):
# HTML, 229 article pages 0.937, all 500 pages 0.768; text mode, article pages 0.889 (at 641c16d,
# before the article's-end and furniture rules of issue 18 and the lost-content guards of
# issue 22: 0.930, 0.753, 0.887). After the `gen` branch (forms as chrome, the intro above the
# container, dense runs between body lines, a box inside the article, revise.teaser_run removed;
# python ../shared/tools/score_wcxb.py --mode both --half odd): HTML 0.944 / 0.777, text 0.891;
# text mode after the `gentext` branch (dense sentences, contents, head guard): articles 0.919;
# after `text4` (cut teasers, reply-count thread headings, hard-wrapped paragraphs): 0.926.
# HTML after the `html4` branch (repeated runs, modal dialogs, the author's bio box; python
# ../shared/tools/score_wcxb.py --mode html --half odd): 0.951 / 0.797; 0.952 / 0.797 merged with main (shape3, text4, meta4).
# Stop 26 (html5, pages5, listing4, kind4 merged): 0.954 / 0.804.
WCXB_HALF = "odd"
WCXB_HTML_ARTICLES_MIN_F1 = 0.948
WCXB_HTML_ALL_MIN_F1 = 0.795
WCXB_TEXT_ARTICLES_MIN_F1 = 0.91


def _wcxb_pages():
    why = wcxb.absent_reason()
    if why:
        pytest.skip(f"wcxb floors need the development corpus: {why}")
    return wcxb.load(halves=(WCXB_HALF,))


def _wcxb_text_f1(pages) -> float:
    bodies = [clean(p.raw("text"), format="text").body for p in pages]
    return wcxb.corpus_f1([wcxb.triple(b, p.gold) for b, p in zip(bodies, pages)])


def test_wcxb_html_floors():
    pages = _wcxb_pages()
    assert len(pages) == 500
    articles = [p for p in pages if p.is_article]
    assert len(articles) == 229
    bodies = {p.id: clean(p.raw("html"), format="html", url=p.url).body for p in pages}
    every = [wcxb.triple(bodies[p.id], p.gold) for p in pages]
    arts = [wcxb.triple(bodies[p.id], p.gold) for p in articles]
    assert wcxb.corpus_f1(arts) >= WCXB_HTML_ARTICLES_MIN_F1
    assert wcxb.corpus_f1(every) >= WCXB_HTML_ALL_MIN_F1


def test_wcxb_text_articles_floor():
    articles = [p for p in _wcxb_pages() if p.is_article]
    assert _wcxb_text_f1(articles) >= WCXB_TEXT_ARTICLES_MIN_F1
