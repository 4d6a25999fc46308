"""First pass: a label for each line from its own features only (no neighbours).

Like jusText's context-free classifier, each line also gets a *quality* (good, near,
short, bad) that the context pass uses to settle lines the features alone cannot.
"""
from __future__ import annotations

from typing import NamedTuple

from . import model
from .features import LineFeatures

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"

# Stopword thresholds are jusText's defaults (stopwords_low=0.30, stopwords_high=0.32):
# long English body lines have a median stopword density of 0.51 (10th percentile 0.31),
# chrome lines a median of 0. The length thresholds were chosen on the readability
# pages in text mode (grid over 50-110 / 120-200 chars; scores are flat within
# +-0.003 F1 around these values): a line is short below LENGTH_LOW characters, and
# without a sentence-final mark it needs LENGTH_HIGH to be good.
LENGTH_LOW = 90
LENGTH_HIGH = 120
STOP_LOW = 0.30
STOP_HIGH = 0.32
# A line under LENGTH_LOW with a full stop, this many words and enough stopwords is near-good.
SHORT_SENTENCE_WORDS = 5
# With no stopword list for the language, a sentence of this many tokens is good.
NO_STOPLIST_GOOD_WORDS = 12
# A stoplist fits a document when its long lines reach this median stopword density;
# below it (lorem ipsum, a misdetected language) we judge lines by length and punctuation.
STOPLIST_MIN_FIT = 0.15


def stoplist_fits(feats: list[LineFeatures]) -> bool:
    """Whether the language's stopwords describe this document's long lines at all."""
    densities = sorted(f.stop_density for f in feats if f.size >= LENGTH_LOW)
    return bool(densities) and densities[len(densities) // 2] >= STOPLIST_MIN_FIT


class Guess(NamedTuple):
    """A line's first label, the feature that decided it, and its quality (a tuple: one per line)."""

    label: str
    reason: str
    quality: str


def quality(f: LineFeatures, has_stoplist: bool) -> str:
    """jusText-style quality from length, stopword density and a sentence-final mark."""
    if f.size < LENGTH_LOW:
        # A short full sentence ("Figure 10 shows the result.") reads like body text.
        if f.terminal and not f.question and f.words >= SHORT_SENTENCE_WORDS and f.stop_density >= STOP_HIGH:
            return NEAR
        return SHORT
    if not has_stoplist:
        return GOOD if f.terminal and f.words >= NO_STOPLIST_GOOD_WORDS else NEAR
    if f.stop_density >= STOP_HIGH:
        return GOOD if f.terminal or f.size >= LENGTH_HIGH else NEAR
    if f.stop_density >= STOP_LOW:
        return NEAR
    return BAD


def classify(f: LineFeatures, has_stoplist: bool) -> Guess:
    """The context-free label of one line and the feature that decided it."""
    q = quality(f, has_stoplist) if f.text else BAD
    if not f.text:
        return Guess(model.BLANK, "empty line", q)
    if f.image:
        return Guess(model.IMAGE, "image file name", q)
    if f.url:
        return Guess(model.SHARE, "bare URL", q)
    if f.source:
        return Guess(model.SOURCE, "attribution line", q)
    if f.credit:
        return Guess(model.CAPTION, "picture credit", q)
    if f.chrome:
        return Guess(f.chrome, f"lexicon: {f.chrome} phrase", q)
    if f.date_only:
        return Guess(model.DATE, "date-only line", q)
    if f.ago:
        return Guess(model.RELATED, "relative timestamp", q)
    if q == BAD:
        return Guess(model.NAV, f"low stopword density ({f.stop_density:.2f})", q)
    return Guess(model.BODY, f"{q} paragraph ({f.chars} chars, stopwords {f.stop_density:.2f})", q)


# --- HTML evidence -------------------------------------------------------------------
# A block whose text is mostly link text is navigation or a teaser link: trafilatura and
# boilerpipe use the same cue; 0.5 keeps paragraphs with a few inline links (their link
# density on the readability pages is below 0.3) and drops menus (above 0.8).
LINK_DENSITY_MAX = 0.5
# List items and table cells are exempt: a list of links inside the article is content
# (+0.004 F1 on the readability pages); menus built from them lie outside the main
# content container and are dropped there.
LINK_LIST_TAGS = frozenset(("li", "td", "th"))
# A markup region ("<aside>", class="read-more") that holds more than this share of the
# page's good text is the article itself, whatever its class says (`<body class="has-sidebar">`).
# A comments section may outweigh the article: it must also hold the first good paragraph.
REGION_MAX_GOOD_SHARE = 0.5
# Code listings have few stopwords but are body where they stand in the article. So is a
# long block with few links and few stopwords (a table row, a list of names, a language
# without a stoplist): in HTML, menus come as separate link-dense items, not as one long
# line, so the main content container, not the stoplist, decides (+0.002 F1 on readability).
PREFORMATTED_TAGS = frozenset(("pre",))


def with_dom(feats: list[LineFeatures], guesses: list[Guess], dom: list) -> list[Guess]:
    """Revise first-pass guesses with HTML evidence: captions, chrome regions, link density.

    `dom` holds one `html_blocks.HtmlBlock` per line. Metadata regions (bylines) are left
    to the metadata rules; a region holding most of the good text is not chrome.
    """
    good = [len(f.text) if g.quality == GOOD and g.label == model.BODY else 0 for f, g in zip(feats, guesses)]
    total_good = sum(good) or 1
    region_good: dict[int, int] = {}
    for b, n in zip(dom, good):
        if b.region_id:
            region_good[b.region_id] = region_good.get(b.region_id, 0) + n
    first_good = next((b.region_id for b, n in zip(dom, good) if n), 0)
    region_kind = {b.region_id: b.region for b in dom if b.region_id}
    # Regions of one kind that together hold most of the good text are the article cut into
    # pieces (a page builder's `elementor-widget-*` per paragraph, one `product-widget` per
    # review): a token owns a region only where the page's prose is not.
    kind_good: dict[str | None, int] = {}
    for r, n in region_good.items():
        kind_good[region_kind[r]] = kind_good.get(region_kind[r], 0) + n
    article_regions = {r for r, n in region_good.items()
                       if (n > REGION_MAX_GOOD_SHARE * total_good
                           or kind_good[region_kind[r]] > REGION_MAX_GOOD_SHARE * total_good and n)
                       and (region_kind[r] != model.COMMENTS or r == first_good)}
    out = []
    for f, g, b in zip(feats, guesses, dom):
        if g.label == model.BLANK:
            out.append(g)
        elif b.caption:
            out.append(Guess(model.CAPTION, "dom: inside a figure caption", g.quality))
        elif b.region and b.region != "byline" and b.region_id not in article_regions:
            out.append(Guess(b.region, f"dom: {b.region_reason}", g.quality))
        elif b.tag in PREFORMATTED_TAGS and g.label == model.NAV:
            out.append(Guess(model.BODY, "dom: preformatted text (code)", NEAR))
        elif g.quality == BAD and g.label == model.NAV and f.size >= LENGTH_HIGH and b.link_density < LINK_DENSITY_MAX:
            out.append(Guess(model.BODY, f"dom: a long text block with few links ({f.chars} chars)", NEAR))
        elif b.link_density >= LINK_DENSITY_MAX and g.label == model.BODY and b.tag not in LINK_LIST_TAGS:
            label = model.RELATED if f.headline else model.NAV
            out.append(Guess(label, f"dom: link density {b.link_density:.2f}", g.quality))
        else:
            out.append(g)
    return out
