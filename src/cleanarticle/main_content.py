"""HTML: the main content container, the element that holds the article's good text.

Readability-style scoring over the tree of block elements: every good body paragraph
adds its length to its parent element and half of it to its grandparent, so the
element whose children are the article's paragraphs scores highest. Paragraphs in
chrome regions were already relabelled by `classify.with_dom` and add nothing, and
neither do table rows: a long table inside an article would otherwise be chosen as the
container and cut the prose around it (wikipedia-4 on the readability pages: F1 0.92 -> 0.75).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from . import model
from .classify import GOOD, NEAR, Guess
from .features import default_thresholds
from .html_blocks import Dom

if TYPE_CHECKING:
    from .thresholds import Thresholds

# Sibling elements scoring this share of the best one's score belong to the article too
# (Medium and many CMSs split an article into sibling <section>s); readability.js uses 0.2
# with extra bonuses, 0.1 was best on the readability pages (0.05-0.2 within 0.002 F1).
SIBLING_MIN_SHARE = 0.1
# The container must hold this share of the page's good body text; if the best-scoring
# element and its siblings hold less, its ancestors are tried (0.6-0.95 tried on the
# readability pages: 0.85 best, 0.6 loses split articles, 0.95 climbs into sidebars).
MIN_COVERAGE = 0.85


@dataclasses.dataclass(frozen=True, slots=True)
class MainContainer:
    name: str  # "div#main.article-body" (+ siblings), for reasons
    lines: frozenset[int]  # indices of the blocks inside it


def main_container(dom: Dom, guesses: list[Guess], t: Thresholds | None = None) -> MainContainer | None:
    """The block element holding the article's paragraphs, or None (no good text, or the root)."""
    if t is None:
        t = default_thresholds()
    score: dict[int, float] = {}
    good: list[tuple[int, int]] = []  # (element, chars) of good body blocks
    for b, g in zip(dom.blocks, guesses):
        if g.label != model.BODY or g.quality != GOOD or b.shape.kind == model.TABLE_ROW:
            continue
        good.append((b.element, len(b.text)))
        parent = dom.parent.get(b.element, 0)
        score[parent] = score.get(parent, 0.0) + len(b.text)
        grand = dom.parent.get(parent, 0)
        score[grand] = score.get(grand, 0.0) + len(b.text) / 2
    score.pop(0, None)
    if not score:
        return None
    total = sum(n for _, n in good)
    top = max(score, key=score.__getitem__)
    while top:
        parent = dom.parent.get(top, 0)
        chosen = (
            [
                e
                for e in _children(parent, dom.last)
                if e == top or score.get(e, 0.0) >= t.sibling_min_share * score[top]
            ]
            if parent
            else [top]
        )
        inside = _descendants(chosen, dom.last)
        if sum(n for e, n in good if e in inside) >= t.min_coverage * total:
            break
        top = parent
        score.setdefault(top, 0.0)
    if not top:
        return None
    lines = frozenset(i for i, b in enumerate(dom.blocks) if b.element in inside)
    name = dom.name(top) + (f" and {len(chosen) - 1} siblings" if len(chosen) > 1 else "")
    return MainContainer(name, lines)


def _descendants(elements: list[int], last: dict[int, int]) -> set[int]:
    """The elements and all block elements below them (ids in document order: see `Dom.last`)."""
    out: set[int] = set()
    for element in elements:
        out.update(range(element, last[element] + 1))
    return out


def _children(parent: int, last: dict[int, int]) -> list[int]:
    """The block elements right below `parent`, in document order: its first child follows it,
    and each next child follows the last descendant of the one before (see `Dom.last`)."""
    out = []
    child = parent + 1
    while child <= last[parent]:
        out.append(child)
        child = last[child] + 1
    return out


# The container is checked against the page's prose (first-pass good paragraphs with few
# links, outside comment regions): holding less than this share of it, the container is
# chosen again over that prose. On wcxb's even half (HTML), all-pages F1 / lost pages:
# off 0.766 / 51, 0.2 0.767 / 49, 0.35 0.768 / 48, 0.5 0.769 / 47, 0.65 and 0.8 0.769 / 46
# (articles 0.933 throughout, 0.932 at 0.8); the odd half is unchanged at 0.5 (0.769, 1/48),
# the readability pages too (0.9517). 0.5: "most of the prose is elsewhere".
MIN_PROSE_SHARE = 0.5


def checked(
    dom: Dom, main: MainContainer | None, prose: list[int], t: Thresholds | None = None
) -> MainContainer | None:
    """`main`, or the container of the page's prose when `main` holds a small share of it.

    `prose` gives, per block, its characters if it is a prose paragraph (long, stopword-rich,
    few links) and 0 otherwise. The reason of the lines left outside says which was chosen.
    """
    if main is None:
        return None
    if t is None:
        t = default_thresholds()
    total = sum(prose)
    inside = sum(prose[i] for i in main.lines)
    if not total or inside >= t.min_prose_share * total:
        return main
    again = main_container(dom, [_PROSE if n else _OTHER for n in prose], t)
    if again is None or sum(prose[i] for i in again.lines) <= inside:
        return main
    share = round(100 * inside / total)
    return MainContainer(f"{again.name}; chosen again, <{main.name}> held {share}% of the prose", again.lines)


_PROSE = Guess(model.BODY, "", GOOD)
_OTHER = Guess(model.NAV, "", "bad")


# The page's headline standing outside the container: the smallest element around it that
# holds TITLE_SECTION_MIN_CHARS of text (good or near-good body blocks with few links)
# joins the container, unless that element reaches into the container (then the headline
# is a header above the article) or lies within TITLE_SECTION_MIN_GAP blocks of it (an
# article's header with its standfirst, right above the body: the container's call stands).
# A product page's description sits beside its <h1> while reviews, a size guide or a
# privacy policy in a modal hold more prose and win the vote.
# wcxb even half, HTML (articles / all pages / lost pages): off 0.9329 / 0.7702 / 46;
# 150 chars, no gap 0.9324 / 0.7740 / 41 (articles lose standfirsts and key-takeaway boxes:
# 12 article pages change, precision down); 80 or 300 chars: same all-pages F1; gap 10
# 0.9328 / 0.7736 / 42, 20 0.9329 / 0.7726 / 43, 40 0.9329 / 0.7727 / 43. Odd half at
# 150 / 20: articles 0.9360 (unchanged), all 0.7691 -> 0.7707, lost 1/48 -> 1/46;
# readability HTML 0.9517 (unchanged).
TITLE_SECTION_MIN_CHARS = 150
TITLE_SECTION_MIN_GAP = 20


def with_title_section(
    dom: Dom, main: MainContainer | None, guesses: list[Guess], t: Thresholds | None = None
) -> MainContainer | None:
    """`main` and the headline's own section, when the page's first `<h1>` stands outside `main`.

    The reason of the lines then names both ("... and the headline's <div.product-info>").
    Ranges grow outward from the headline (an element's blocks are contiguous, and whether a
    block lies inside an element is a comparison of ids, see `Dom.last`), so the cost is the
    size of the section, not of the page.
    """
    title = next((i for i, b in enumerate(dom.blocks) if b.tag == "h1"), None)
    if t is None:
        t = default_thresholds()
    if main is None or title is None or title in main.lines:
        return main
    chain: dict[int, tuple[int, ...]] = {}

    def ancestors(element: int) -> tuple[int, ...]:
        if element not in chain:
            parent = dom.parent.get(element, 0)
            chain[element] = (element, *ancestors(parent)) if element else ()
        return chain[element]

    end = dom.last
    first = last = title
    for element in ancestors(dom.blocks[title].element):
        while first > 0 and element <= dom.blocks[first - 1].element <= end[element]:
            first -= 1
        while last + 1 < len(dom.blocks) and element <= dom.blocks[last + 1].element <= end[element]:
            last += 1
        lines = range(first, last + 1)
        if any(i in main.lines for i in lines):
            return main
        text = sum(
            len(dom.blocks[i].text)
            for i in lines
            if guesses[i].label == model.BODY
            and guesses[i].quality in (GOOD, NEAR)
            and dom.blocks[i].link_density < t.link_density_max
        )
        if text >= t.title_section_min_chars:
            gap = min(min(abs(i - first), abs(i - last)) for i in main.lines)
            if gap < t.title_section_min_gap:
                return main
            return MainContainer(f"{main.name} and the headline's <{dom.name(element)}>", main.lines | frozenset(lines))
    return main
