"""First pass: a label for each line from its own features only (no neighbours).

Like jusText's context-free classifier, each line also gets a *quality* (good, near,
short, bad) that the context pass uses to settle lines the features alone cannot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from . import model
from .features import LineFeatures, default_thresholds

if TYPE_CHECKING:
    from .thresholds import Thresholds

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


def stoplist_fits(feats: list[LineFeatures], t: Thresholds | None = None) -> bool:
    """Whether the language's stopwords describe this document's long lines at all."""
    if t is None:
        t = default_thresholds()
    densities = sorted(f.stop_density for f in feats if f.size >= t.length_low)
    return bool(densities) and densities[len(densities) // 2] >= t.stoplist_min_fit


class Guess(NamedTuple):
    """A line's first label, the feature that decided it, its quality, and the id of the
    rule that decided it (see rules.py); a tuple: one is made per line."""

    label: str
    reason: str
    quality: str
    rule: str = ""


def quality(f: LineFeatures, has_stoplist: bool, t: Thresholds | None = None) -> str:
    """jusText-style quality from length, stopword density and a sentence-final mark."""
    if t is None:
        t = default_thresholds()
    if f.size < t.length_low:
        # A short full sentence ("Figure 10 shows the result.") reads like body text.
        if f.terminal and not f.question and f.words >= t.short_sentence_words and f.stop_density >= t.stop_high:
            return NEAR
        return SHORT
    if not has_stoplist:
        return GOOD if f.terminal and f.words >= t.no_stoplist_good_words else NEAR
    if f.stop_density >= t.stop_high:
        return GOOD if f.terminal or f.size >= t.length_high else NEAR
    if f.stop_density >= t.stop_low:
        return NEAR
    return BAD


def classify(
    f: LineFeatures, has_stoplist: bool, t: Thresholds | None = None, off: frozenset[str] = frozenset()
) -> Guess:
    """The context-free label of one line, the feature that decided it, and that rule's id.

    A rule in `off` (ids, see rules.py) is skipped: the line falls through to the next one.
    The set is looked at only when a rule's feature fires, so the common path pays nothing.
    """
    q = quality(f, has_stoplist, t) if f.text else BAD
    if not f.text:
        return Guess(model.BLANK, "empty line", q, "classify.empty")
    if f.image and not (off and "classify.image" in off):
        return Guess(model.IMAGE, "image file name", q, "classify.image")
    if f.url and not (off and "classify.url" in off):
        return Guess(model.SHARE, "bare URL", q, "classify.url")
    if f.source and not (off and "classify.source" in off):
        return Guess(model.SOURCE, "attribution line", q, "classify.source")
    if f.credit and not (off and "classify.credit" in off):
        return Guess(model.CAPTION, "picture credit", q, "classify.credit")
    if f.chrome and not (off and f"classify.lexicon.{f.chrome}" in off):
        return Guess(f.chrome, f"lexicon: {f.chrome} phrase", q, f"classify.lexicon.{f.chrome}")
    if f.date_only and not (off and "classify.date_only" in off):
        return Guess(model.DATE, "date-only line", q, "classify.date_only")
    if f.ago and not (off and "classify.relative_time" in off):
        return Guess(model.RELATED, "relative timestamp", q, "classify.relative_time")
    if q == BAD and not (off and "classify.low_stopwords" in off):
        return Guess(model.NAV, f"low stopword density ({f.stop_density:.2f})", q, "classify.low_stopwords")
    return Guess(
        model.BODY, f"{q} paragraph ({f.chars} chars, stopwords {f.stop_density:.2f})", q, "classify.paragraph"
    )


# --- HTML evidence -------------------------------------------------------------------
# A block whose text is mostly link text is navigation or a teaser link: trafilatura and
# boilerpipe use the same cue; 0.5 keeps paragraphs with a few inline links (their link
# density on the readability pages is below 0.3) and drops menus (above 0.8).
LINK_DENSITY_MAX = 0.5
# A related prompt ("Read more »", "Related articles") keeps its lexicon label inside a chrome
# region: revise.related_box and revise.tail read the prompt to find the box under it and the
# article's end. An article card's own <footer> around its "Read more »" would hide it (wcxb
# HTML, odd half: an "in the news" page of cards, precision 0.36 -> 0.58; alone, the change
# moves one service page on each half: even all pages 0.8030 unchanged, odd 0.7960 unchanged).
RELATED_PROMPT_RULE = "classify.lexicon.related"
# List items, table cells and rows are exempt: a list of links inside the article is content
# (+0.004 F1 on the readability pages); menus built from them lie outside the main
# content container and are dropped there.
LINK_LIST_TAGS = frozenset(("li", "td", "th", "tr"))
# A markup region ("<aside>", class="read-more") that holds more than this share of the
# page's good text is the article itself, whatever its class says (`<body class="has-sidebar">`).
# A comments section may outweigh the article: it must also hold the first good paragraph.
# So may a page footer's disclaimers and addresses under a short article or a shop's grid
# (wcxb HTML, articles / all pages: even 0.9505 / 0.8031 -> 0.9504 / 0.8054, odd 0.9529 /
# 0.7963 -> 0.9529 / 0.7981: collection and product pages whose footer outweighed their
# cards; one short article page loses, its body now rescued whole by the safety net;
# readability HTML unchanged).
REGION_MAX_GOOD_SHARE = 0.5
AFTER_ARTICLE_REGIONS = frozenset((model.COMMENTS, model.FOOTER))
# Code listings have few stopwords but are body where they stand in the article. So is a
# long block with few links and few stopwords (a table row, a list of names, a language
# without a stoplist): in HTML, menus come as separate link-dense items, not as one long
# line, so the main content container, not the stoplist, decides (+0.002 F1 on readability).
PREFORMATTED_TAGS = frozenset(("pre",))
# A list item or table row with few stopwords and few links (a reference, a specification,
# a row of figures) is as much content as a short one: both are left to the main content
# container (wcxb even half: reference lists on 0348, 0472, 2532 came back).
_ITEM_NAMES = {"li": "list item", "td": "table cell", "th": "table cell", "tr": "table row"}


def with_dom(
    feats: list[LineFeatures],
    guesses: list[Guess],
    dom: list,
    t: Thresholds | None = None,
    off: frozenset[str] = frozenset(),
) -> list[Guess]:
    """Revise first-pass guesses with HTML evidence: captions, chrome regions, link density.

    `dom` holds one `html_blocks.HtmlBlock` per line. Metadata regions (bylines) are left
    to the metadata rules; a region holding most of the good text is not chrome. Rules
    whose ids are in `off` are skipped.
    """
    if t is None:
        t = default_thresholds()
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
    article_regions = {
        r
        for r, n in region_good.items()
        if (
            n > t.region_max_good_share * total_good
            or (kind_good[region_kind[r]] > t.region_max_good_share * total_good and n)
        )
        and (region_kind[r] not in AFTER_ARTICLE_REGIONS or r == first_good)
    }
    caption_on = "dom.caption" not in off
    preformatted_on, long_text_on = "dom.preformatted" not in off, "dom.long_text" not in off
    item_on = "dom.list_item" not in off
    link_density_on, link_density_max = "dom.link_density" not in off, t.link_density_max
    heading_on = "dom.linked_heading" not in off
    toc = _toc_entries(feats, dom, t) if "dom.toc_entry" not in off else {}
    out = []
    for n, (f, g, b) in enumerate(zip(feats, guesses, dom)):
        if g.label == model.BLANK:
            out.append(g)
        elif n in toc:
            out.append(
                Guess(
                    model.NAV,
                    f"dom: a table of contents entry (the heading on line {toc[n] + 1})",
                    g.quality,
                    "dom.toc_entry",
                )
            )
        elif b.caption and caption_on:
            out.append(Guess(model.CAPTION, "dom: inside a figure caption", g.quality, "dom.caption"))
        elif (
            b.region
            and b.region != "byline"
            and b.region_id not in article_regions
            and not (off and f"dom.region.{b.region}" in off)
            and g.rule != RELATED_PROMPT_RULE
        ):
            out.append(Guess(b.region, f"dom: {b.region_reason}", g.quality, f"dom.region.{b.region}"))
        elif b.tag in PREFORMATTED_TAGS and g.label == model.NAV and preformatted_on:
            out.append(Guess(model.BODY, "dom: preformatted text (code)", NEAR, "dom.preformatted"))
        elif (
            g.quality == BAD
            and g.label == model.NAV
            and b.tag in LINK_LIST_TAGS
            and b.link_density < link_density_max
            and item_on
        ):
            out.append(
                Guess(
                    model.BODY, f"dom: a {_ITEM_NAMES[b.tag]} with few links ({f.chars} chars)", SHORT, "dom.list_item"
                )
            )
        elif (
            g.quality == BAD
            and g.label == model.NAV
            and f.size >= t.length_high
            and b.link_density < link_density_max
            and long_text_on
        ):
            out.append(
                Guess(model.BODY, f"dom: a long text block with few links ({f.chars} chars)", NEAR, "dom.long_text")
            )
        elif (
            b.link_density >= link_density_max
            and g.label == model.BODY
            and b.tag not in LINK_LIST_TAGS
            and link_density_on
        ):
            if heading_on and b.shape.kind == model.HEADING and _paragraph_follows(n, feats, guesses, dom, t):
                out.append(
                    Guess(model.BODY, "dom: a linked heading above a paragraph", g.quality, "dom.linked_heading")
                )
                continue
            label = model.RELATED if f.headline else model.NAV
            out.append(Guess(label, f"dom: link density {b.link_density:.2f}", g.quality, "dom.link_density"))
        else:
            out.append(g)
    return out


def _paragraph_follows(i: int, feats: list[LineFeatures], guesses: list[Guess], dom: list, t: Thresholds) -> bool:
    """Whether the next block after `i` is a good paragraph with few links in the same region:
    the text a section heading introduces (a teaser's headline has a summary under it too,
    which the context pass's teaser rules judge)."""
    for j in range(i + 1, len(feats)):
        if feats[j].text:
            b = dom[j]
            return (
                guesses[j].label == model.BODY
                and guesses[j].quality == GOOD
                and b.link_density < t.link_density_max
                and b.shape.kind == model.PARAGRAPH
                and b.region_id == dom[i].region_id
            )
    return False


def _toc_entries(feats: list[LineFeatures], dom: list, t: Thresholds) -> dict[int, int]:
    """List items that are links to a heading printed further down (a table of contents box),
    each with the line of that heading."""
    headings = {f.key: i for i, (f, b) in enumerate(zip(feats, dom)) if b.shape.kind == model.HEADING and f.text}
    out = {}
    if headings:
        for i, (f, b) in enumerate(zip(feats, dom)):
            if b.shape.kind == model.LIST_ITEM and b.link_density >= t.link_density_max:
                j = headings.get(f.key, -1)
                if j > i:
                    out[i] = j
    return out


# --- Text evidence -------------------------------------------------------------------
# Text mode has no markup to rescue a long line that the stoplist calls bad (HTML has
# `dom.long_text`), yet today's web writes much of its prose with few stopwords ("Analytics
# Emphasis: Courses in business intelligence, data warehousing, and marketing analytics build
# modern, data-driven skills.") and its lists as long unpunctuated items. Such a line is left to
# the context pass: one that ends as a sentence is near-good (kept among paragraphs, dropped
# among menus), any other is short (kept only between good paragraphs, as jusText's short
# lines). Measured on wcxb text mode, even half (article pages): bad lines that end as a
# sentence with stopword density 0.2-0.3 are gold 976 times to 269, 0.1-0.2 215 to 122,
# under 0.1 60 to 85; near-good from a floor of 0.10 took article F1 0.884 -> 0.908 (floor
# 0.2: 0.905, 0.0: 0.907), readability text 0.914 -> 0.918, odd half 0.889 -> 0.910. The
# other bad lines as short: even articles 0.911 -> 0.912, all pages 0.745 -> 0.751, odd
# 0.912 -> 0.914 / 0.742 -> 0.748, readability 0.919 -> 0.923 (with a 0.1 floor on them too:
# all pages 0.749; all sentences under the floor short too: even articles 0.911). A sentence
# under the floor stays bad: references, code, lists of names.
DENSE_SENTENCE_MIN_STOP = 0.10
_DENSE_SENTENCE_FROM = frozenset(("classify.low_stopwords", "classify.paragraph"))


def with_text(
    feats: list[LineFeatures],
    guesses: list[Guess],
    t: Thresholds | None = None,
    off: frozenset[str] = frozenset(),
) -> list[Guess]:
    """Revise first-pass guesses of a plain-text page: a long line with few stopwords is left to its
    neighbours, near-good if it ends as a sentence, else short.

    Only lines the stoplist called bad are looked at (quality BAD, decided by
    `classify.low_stopwords`, or by `classify.paragraph` when that rule is off); the list is
    copied only when one changes.
    """
    if off and "classify.dense_sentence" in off:
        return guesses
    if t is None:
        t = default_thresholds()
    floor = t.dense_sentence_min_stop
    out = guesses
    for i, g in enumerate(guesses):
        if g.quality != BAD or g.rule not in _DENSE_SENTENCE_FROM:
            continue
        f = feats[i]
        sentence = f.terminal and not f.question
        if sentence and f.stop_density < floor:
            continue
        if out is guesses:
            out = list(guesses)
        out[i] = Guess(
            model.BODY,
            f"near paragraph: a sentence with few stopwords ({f.stop_density:.2f})"
            if sentence
            else f"short line: few stopwords ({f.stop_density:.2f}), no sentence end",
            NEAR if sentence else SHORT,
            "classify.dense_sentence",
        )
    return out


# A paragraph hard-wrapped over several lines (a plain-text e-mail, a page rendered with <br>
# at a fixed width): every line is too short to be good alone. A line of WRAP_MIN_CHARS or more
# that ends without a sentence mark, followed at once (no blank line) by a line that starts
# with a lowercase letter and is itself that long or ends a sentence, is cut mid-sentence (a
# line good on its own starts no chain); such lines are chained and the chain is judged as one
# paragraph. Chrome phrases, bylines and date lines never chain. wcxb text, even half: articles
# 0.9194 -> 0.9209 (one hard-wrapped article, F1 0.47 -> 0.98), all pages 0.7576 -> 0.7583;
# odd 0.92539 -> 0.92538 (one page), 0.7590 -> 0.7598; readability text 0.9295 -> 0.9298;
# seeds unchanged. WRAP_MIN_CHARS over 8/20/30/40/60 on the even half: articles within 0.00002,
# all pages 0.7584/0.7583/0.7582/0.7582/0.7581.
WRAP_MIN_CHARS = 20
_WRAPPED_FROM = frozenset(("classify.low_stopwords", "classify.paragraph", "classify.dense_sentence"))
_RANK = {GOOD: 0, NEAR: 1, SHORT: 2, BAD: 3}


def with_wraps(
    feats: list[LineFeatures],
    guesses: list[Guess],
    has_stoplist: bool,
    t: Thresholds | None = None,
    off: frozenset[str] = frozenset(),
) -> list[Guess]:
    """Text mode: lines of one hard-wrapped paragraph take the quality of the paragraph they make.

    Only lines the rules above left as body or low-stopword navigation change, and only for
    a better quality; the list is copied only when one changes.
    """
    if off and "classify.wrapped" in off:
        return guesses
    if t is None:
        t = default_thresholds()
    out = guesses
    # A chain goes on at each line that a lowercase line follows at once: few lines qualify,
    # so the cheap test on the next line's first letter comes first.
    links = [
        j
        for j, b in enumerate(feats[1:])
        if b.text[:1].islower() and guesses[j].quality != GOOD and _wraps_into(feats[j], b, t)
    ]
    k = 0
    while k < len(links):
        i = j = links[k]
        while k < len(links) and links[k] == j:
            j, k = j + 1, k + 1
        chain = feats[i : j + 1]
        words = sum(f.words for f in chain)
        joined = chain[-1]._replace(
            size=sum(f.size for f in chain) + len(chain) - 1,
            words=words,
            stop_density=sum(f.stop_density * f.words for f in chain) / words if words else 0.0,
        )
        q = quality(joined, has_stoplist, t)
        for m in range(i, j + 1):
            g = guesses[m]
            if g.rule in _WRAPPED_FROM and _RANK[q] < _RANK[g.quality]:
                if out is guesses:
                    out = list(guesses)
                out[m] = Guess(
                    model.BODY,
                    f"{q} paragraph wrapped over {len(chain)} lines ({joined.size} chars, stopwords "
                    f"{joined.stop_density:.2f})",
                    q,
                    "classify.wrapped",
                )
    return out


def _wraps_into(a: LineFeatures, b: LineFeatures, t: Thresholds) -> bool:
    """Line `a` is cut mid-sentence and `b` goes on with it."""
    return (
        a.chars >= t.wrap_min_chars
        and not a.terminal
        and not a.chrome
        and bool(b.text)
        and b.text[0].islower()
        and (b.terminal or (b.chars >= t.wrap_min_chars and " " in b.text))
        and not (b.chrome or b.byline_prefix or b.date_only)
    )
