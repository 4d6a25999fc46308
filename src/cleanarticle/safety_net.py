"""Last check: a page with a readable body must not come out (nearly) empty.

Every earlier rule can be wrong in a way that drops the whole article: a region token on
an element that wraps the post, a main container chosen around a teaser box. When the
final labels keep little of the page's prose while much of it lies elsewhere, the best
prose region (the element holding most of it, by the main-container scoring) is kept
instead, the way trafilatura compares its result with a simpler extraction and keeps the
better one. The caller lowers `confidence` so that such a body can be told apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from . import model
from .classify import GOOD, NEAR, Guess
from .features import LineFeatures, default_thresholds
from .html_blocks import Dom
from .main_content import main_container

if TYPE_CHECKING:
    from .thresholds import Thresholds

# The net acts when the body keeps under this share of the page's prose characters
# (prose: first-pass good paragraphs with few links, whatever their region) ...
RESCUE_MAX_KEPT_SHARE = 0.3
# ... and the prose left out is at least this many characters (a few real paragraphs;
# wcxb's "lost page" has a gold body over 500 characters) ...
RESCUE_MIN_MISSED_CHARS = 600
# ... and the body kept is under this many characters (of good and near-good lines): a real
# article body above it is never replaced, even beside a long comment thread. Counting
# every kept line instead (short lines too): wcxb even HTML 0.7688 / 47 lost, counting
# text lines 0.7702 / 46 (a forum thread whose page kept only its search form's help);
# odd unchanged (articles 0.936, all 0.769, 1/48).
# Set on wcxb's even half (HTML; all-pages F1 / lost pages): share 0.2 and 800 chars
# 0.769 / 47; 0.3, 800: same; 0.2, 2000: 0.770 / 45; 0.3, 2000: 0.771 / 45; 0.3, 4000:
# 0.771 / 44 but articles 0.933 -> 0.931. Missed-prose floor 300 or 600: same. The odd
# half is unchanged by 0.3 / 2000 (0.769, 1/48).
RESCUE_MAX_KEPT_CHARS = 2000
# Comment regions are prose for the net only when the body kept fewer characters than
# this: a short article beside a long comment thread keeps its body (tests/test_lost_article).
# wcxb even half, HTML (all-pages F1 / lost pages): comments always counted 0.771 / 45,
# limit 1,300 0.770 / 45, 500 or 1,000 0.769 / 47 (two forum threads that kept 1,129 and
# 1,172 characters stay lost); odd half 0.769 / 1+48 at 500 and 1,300. 500 = "next to nothing".
RESCUE_COMMENTS_MAX_KEPT_CHARS = 500
# The kept lines that count as a kept body (above): those that read as text on their own.
NET_TEXT_QUALITIES = frozenset((GOOD, NEAR))
# The region must read as running text: some element in it holds at least this many
# prose paragraphs as its own children. A list of teaser cards (one summary per card) is
# a list page that the teaser rules dropped on purpose, not a lost article.
RESCUE_MIN_SIBLING_PARAGRAPHS = 2
# A rescued body is a guess: confidence is multiplied by this factor (callers filtering
# at 0.5 drop rescued pages unless they were fully confident).
RESCUE_CONFIDENCE_FACTOR = 0.5


class Rescue(NamedTuple):
    labels: list[str]
    reasons: list[str]
    rules: list[str]  # rule ids; the rescued lines have "net.rescue"


def prose(
    feats: list[LineFeatures],
    first: list[Guess],
    dom: Dom,
    t: Thresholds | None = None,
    with_comments: bool = False,
) -> list[int]:
    """Per block, its characters if it is prose (a first-pass good paragraph with few links,
    not in a comments region unless `with_comments`), else 0: what a reader would call the
    page's text."""
    link_max = (t or default_thresholds()).link_density_max
    return [
        len(f.text)
        if g.label == model.BODY
        and g.quality == GOOD
        and b.link_density < link_max
        and (with_comments or b.region != model.COMMENTS)
        else 0
        for f, g, b in zip(feats, first, dom.blocks)
    ]


def as_body(
    labels: list[str], reasons: list[str], rules: list[str], lines: Iterable[int], why: str, rule: str
) -> Rescue:
    """The labels with `lines` made body by `rule`, saying `why`: the last step of every rescue."""
    out_labels, out_reasons, out_rules = list(labels), list(reasons), list(rules)
    for i in lines:
        out_labels[i], out_reasons[i], out_rules[i] = model.BODY, why, rule
    return Rescue(out_labels, out_reasons, out_rules)


def rescue(
    feats: list[LineFeatures],
    first: list[Guess],
    labels: list[str],
    reasons: list[str],
    rules: list[str],
    dom: Dom,
    t: Thresholds | None = None,
) -> Rescue | None:
    """The labels with the best prose region kept, when the result lost the page's prose; else None.

    `first` are the context-free guesses (before markup evidence), so a region token or a
    wrong container cannot hide prose from the net.
    """
    if t is None:
        t = default_thresholds()
    link_max = t.link_density_max
    body = [i for i, lab in enumerate(labels) if lab == model.BODY]
    # What the body kept is measured in lines that read as text (good or near-good): a page
    # with no paragraph outside its comment markup keeps its short lines as a last resort
    # (revise's keep_text: a search form's help, "Sort by"), which is not an article kept.
    kept_text = sum(len(feats[i].text) for i in body if first[i].quality in NET_TEXT_QUALITIES)
    # Comment regions count only when the body kept next to nothing: then a forum thread
    # whose posts all sit in "comment" markup is the page's text; beside a short article
    # they are its comments.
    with_comments = kept_text < t.rescue_comments_max_kept_chars
    per_block = prose(feats, first, dom, t, with_comments)
    total = sum(per_block)
    kept_prose = sum(per_block[i] for i in body)
    if (
        kept_text >= t.rescue_max_kept_chars
        or total - kept_prose < t.rescue_min_missed_chars
        or kept_prose >= t.rescue_max_kept_share * total
    ):
        return None
    marked = [Guess(model.BODY, "", GOOD) if n else Guess(model.NAV, "", "bad") for n in per_block]
    region = main_container(dom, marked, t)
    if region is None or _longest_run(dom, per_block, region.lines) < t.rescue_min_sibling_paragraphs:
        return None
    why = (
        f"safety net: the result kept {kept_prose} of {total} prose characters; "
        f"kept the best prose region <{region.name}>"
    )
    kept = (
        i
        for i in sorted(region.lines)
        if first[i].label == model.BODY
        and dom.blocks[i].link_density < link_max
        and labels[i] not in (model.TITLE, model.BYLINE, model.DATE)
    )
    return as_body(labels, reasons, rules, kept, why, "net.rescue")


def _longest_run(dom: Dom, prose: list[int], lines: frozenset[int]) -> int:
    """The most prose paragraphs that one element of the region holds as its own children."""
    per_parent: dict[int, int] = {}
    for i in lines:
        if prose[i]:
            parent = dom.parent.get(dom.blocks[i].element, 0)
            per_parent[parent] = per_parent.get(parent, 0) + 1
    return max(per_parent.values(), default=0)


# --- Text mode -------------------------------------------------------------------------
# Plain text has no DOM to find a prose region in; the main text block (revise.py's best
# span of lines) plays the container's part, and can be as wrong: on a forum thread or a
# service page, chrome lines between short posts cut the span down to one post. The
# simpler reading is the same context pass without the main block (jusText's own
# neighbour rule over the whole page), kept when the result lost the page's prose.
# The net acts when the body keeps under this share of the page's prose (first-pass good
# paragraphs), under TEXT_RESCUE_MAX_KEPT_CHARS in all, and at least
# TEXT_RESCUE_MIN_MISSED_CHARS of prose lie outside it; the simpler reading must then keep
# TEXT_RESCUE_MIN_GAIN times the prose, and the result must have dropped a run of
# RESCUE_MIN_SIBLING_PARAGRAPHS prose paragraphs in a row (running text, not teaser cards).
# Set on wcxb's even half (text mode; all-pages F1 / lost pages, articles 0.877 throughout):
# off 0.7134 / 82; share 0.3, 2,000 chars, gain 2, no run 0.7127 / 80; share 0.5, gain 1.5
# 0.7146 / 75 but the odd half's articles fall (0.8867 -> 0.8853: menus glued between
# paragraphs on a services site, a press page of teaser cards); with the run 0.7139 / 78,
# odd articles 0.8865; missed prose 600 -> 1,000 odd articles 0.8867; kept 2,000 -> 4,000
# 0.7156 / 76 (8,000: same; share 0.4: 0.7156 / 78). Odd half at these values: articles
# 0.8867 (unchanged), all 0.7184 -> 0.7202, lost 5/74 -> 5/70.
TEXT_RESCUE_MAX_KEPT_SHARE = 0.5
TEXT_RESCUE_MAX_KEPT_CHARS = 4000
TEXT_RESCUE_MIN_MISSED_CHARS = 1000
TEXT_RESCUE_MIN_GAIN = 1.5


def text_prose(feats: list[LineFeatures], first: list[Guess]) -> list[int]:
    """Per line, its characters if it is a first-pass good body paragraph, else 0."""
    return [len(f.text) if g.label == model.BODY and g.quality == GOOD else 0 for f, g in zip(feats, first)]


def text_lost(feats: list[LineFeatures], first: list[Guess], labels: list[str], t: Thresholds | None = None) -> bool:
    """Whether the text-mode result keeps little of the page's prose while much lies outside it."""
    if t is None:
        t = default_thresholds()
    prose = text_prose(feats, first)
    body = [i for i, lab in enumerate(labels) if lab == model.BODY]
    kept_chars = sum(len(feats[i].text) for i in body)
    total, kept = sum(prose), sum(prose[i] for i in body)
    return (
        kept_chars < t.text_rescue_max_kept_chars
        and total - kept >= t.text_rescue_min_missed_chars
        and kept < t.text_rescue_max_kept_share * total
    )


def text_rescue(
    feats: list[LineFeatures],
    first: list[Guess],
    labels: list[str],
    simpler: tuple[list[str], list[str], list[str]],
    t: Thresholds | None = None,
) -> Rescue | None:
    """The `simpler` reading (labels, reasons, rule ids) when it keeps far more of the page's
    prose, else None. Lines it keeps that the main block dropped say so (rule net.text_rescue).
    """
    if t is None:
        t = default_thresholds()
    prose = text_prose(feats, first)
    total = sum(prose)
    kept = sum(n for n, lab in zip(prose, labels) if lab == model.BODY)
    alt_labels, alt_reasons, alt_rules = simpler
    alt_kept = sum(n for n, lab in zip(prose, alt_labels) if lab == model.BODY)
    if (
        alt_kept < t.text_rescue_min_gain * max(kept, 1)
        or _longest_text_run(feats, prose, labels) < t.rescue_min_sibling_paragraphs
    ):
        return None
    why = f"safety net: the main text block kept {kept} of {total} prose characters; read without it"
    out_reasons, out_rules = list(alt_reasons), list(alt_rules)
    for i, (lab, alt_lab) in enumerate(zip(labels, alt_labels)):
        if alt_lab == model.BODY and lab != model.BODY:
            out_reasons[i], out_rules[i] = f"{why} ({alt_reasons[i]})", "net.text_rescue"
    return Rescue(list(alt_labels), out_reasons, out_rules)


def _longest_text_run(feats: list[LineFeatures], prose: list[int], labels: list[str]) -> int:
    """The most prose paragraphs in a row (blank lines between them allowed) that the result dropped."""
    best = run = 0
    for f, n, lab in zip(feats, prose, labels):
        if not f.text:
            continue
        run = run + 1 if n and lab != model.BODY else 0
        best = max(best, run)
    return best
