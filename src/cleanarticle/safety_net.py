"""Last check: a page with a readable body must not come out (nearly) empty.

Every earlier rule can be wrong in a way that drops the whole article: a region token on
an element that wraps the post, a main container chosen around a teaser box. When the
final labels keep little of the page's prose while much of it lies elsewhere, the best
prose region (the element holding most of it, by the main-container scoring) is kept
instead, the way trafilatura compares its result with a simpler extraction and keeps the
better one. The caller lowers `confidence` so that such a body can be told apart.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from . import model
from .classify import GOOD, Guess
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
# ... and the body kept is under this many characters: a real article body above it is
# never replaced, even beside a long comment thread.
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


def prose(feats: list[LineFeatures], first: list[Guess], dom: Dom, t: Thresholds | None = None) -> list[int]:
    """Per block, its characters if it is prose (a first-pass good paragraph with few links,
    not in a comments region), else 0: what a reader would call the page's text."""
    link_max = (t or default_thresholds()).link_density_max
    return [len(f.text) if g.label == model.BODY and g.quality == GOOD and b.link_density < link_max
            and b.region != model.COMMENTS else 0 for f, g, b in zip(feats, first, dom.blocks)]


def rescue(feats: list[LineFeatures], first: list[Guess], labels: list[str], reasons: list[str], rules: list[str],
           dom: Dom, t: Thresholds | None = None) -> Rescue | None:
    """The labels with the best prose region kept, when the result lost the page's prose; else None.

    `first` are the context-free guesses (before markup evidence), so a region token or a
    wrong container cannot hide prose from the net.
    """
    if t is None:
        t = default_thresholds()
    link_max = t.link_density_max
    body = [i for i, lab in enumerate(labels) if lab == model.BODY]
    kept_chars = sum(len(feats[i].text) for i in body)
    # Comment regions count only when the body kept next to nothing: then a forum thread
    # whose posts all sit in "comment" markup is the page's text; beside a short article
    # they are its comments.
    with_comments = kept_chars < t.rescue_comments_max_kept_chars
    prose = [len(f.text) if g.label == model.BODY and g.quality == GOOD and b.link_density < link_max
             and (with_comments or b.region != model.COMMENTS) else 0 for f, g, b in zip(feats, first, dom.blocks)]
    total = sum(prose)
    kept_prose = sum(prose[i] for i in body)
    if (kept_chars >= t.rescue_max_kept_chars or total - kept_prose < t.rescue_min_missed_chars
            or kept_prose >= t.rescue_max_kept_share * total):
        return None
    marked = [Guess(model.BODY, "", GOOD) if n else Guess(model.NAV, "", "bad") for n in prose]
    region = main_container(dom, marked, t)
    if region is None or _longest_run(dom, prose, region.lines) < t.rescue_min_sibling_paragraphs:
        return None
    why = (f"safety net: the result kept {kept_prose} of {total} prose characters; "
           f"kept the best prose region <{region.name}>")
    out_labels, out_reasons, out_rules = list(labels), list(reasons), list(rules)
    for i in sorted(region.lines):
        if first[i].label == model.BODY and dom.blocks[i].link_density < link_max \
                and labels[i] not in (model.TITLE, model.BYLINE, model.DATE):
            out_labels[i], out_reasons[i], out_rules[i] = model.BODY, why, "net.rescue"
    return Rescue(out_labels, out_reasons, out_rules)


def _longest_run(dom: Dom, prose: list[int], lines: frozenset[int]) -> int:
    """The most prose paragraphs that one element of the region holds as its own children."""
    per_parent: dict[int, int] = {}
    for i in lines:
        if prose[i]:
            parent = dom.parent.get(dom.blocks[i].element, 0)
            per_parent[parent] = per_parent.get(parent, 0) + 1
    return max(per_parent.values(), default=0)
