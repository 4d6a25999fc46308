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

from . import model
from .html_blocks import Dom
from .classify import GOOD, Guess

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


def main_container(dom: Dom, guesses: list[Guess]) -> MainContainer | None:
    """The block element holding the article's paragraphs, or None (no good text, or the root)."""
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
    children: dict[int, list[int]] = {}
    for element, parent in dom.parent.items():
        children.setdefault(parent, []).append(element)
    while top:
        parent = dom.parent.get(top, 0)
        chosen = [e for e in children.get(parent, [top]) if e == top
                  or score.get(e, 0.0) >= SIBLING_MIN_SHARE * score[top]] if parent else [top]
        inside = _descendants(chosen, children)
        if sum(n for e, n in good if e in inside) >= MIN_COVERAGE * total:
            break
        top = parent
        score.setdefault(top, 0.0)
    if not top:
        return None
    lines = frozenset(i for i, b in enumerate(dom.blocks) if b.element in inside)
    name = dom.name(top) + (f" and {len(chosen) - 1} siblings" if len(chosen) > 1 else "")
    return MainContainer(name, lines)


def _descendants(elements: list[int], children: dict[int, list[int]]) -> set[int]:
    """The elements and all block elements below them."""
    out, todo = set(elements), list(elements)
    while todo:
        for child in children.get(todo.pop(), ()):
            out.add(child)
            todo.append(child)
    return out
