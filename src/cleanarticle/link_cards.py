"""HTML: a list whose items are link cards is a teaser list, not part of the article.

A teaser rail or a news stream is often built from `<li>` cards: a headline that links to
another page, a summary under it, a source or a time. Link density drops the headline
(it is all link text), but the summary and the source line hold no link and look like
prose, so they stayed in the body as list items. The markup says what they are: when a
list holds several items that each open with a linked heading, each such item is a card,
and every line in a card is a teaser (`related`).

An article's own list of linked sections (a listicle's products, each `<h3><a>` with a
paragraph) has the same markup: the rule takes only the cards after the article's last body
line outside every card list (the text the context pass kept), so a listicle followed by
more of its article stays.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING

from . import model

if TYPE_CHECKING:
    from .html_blocks import Dom

ITEM_TAG = "li"
LIST_TAGS = frozenset(("ul", "ol"))
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# How many block elements up from a heading or a list item's text to look for its <li>
# (`<li><div><div><h3><a>`: the cards seen nest their headline two or three levels deep).
MAX_DEPTH = 6
# A list is a teaser list when it holds at least this many cards (readability yahoo-3's
# stream holds 24, liberation-1's live rail 10; a list of two linked sections is left alone).
MIN_CARDS = 3
# A card's headline is a story's title: at least this many words. A forum post opens with its
# author's name linked to the profile (`<li><h3><a>Emily J</a></h3>` on wcxb 0520, one or two
# words), and the post is the page's content; the teaser headlines seen run 5 to 15 words.
MIN_HEADLINE_WORDS = 4
_TAG = operator.attrgetter("tag")


def _item_of(element: int, dom: Dom) -> int | None:
    """The nearest `<li>` holding `element` (itself included), within MAX_DEPTH levels."""
    for _ in range(MAX_DEPTH):
        tag = dom.tags.get(element)
        if tag is None:
            return None
        if tag[0] == ITEM_TAG:
            return element
        element = dom.parent.get(element, 0)
    return None


def cards(dom: Dom, link_density_max: float) -> dict[int, int]:
    """Lines that lie in a link card of a teaser list, each with its list's element id.

    Only linked headlines are looked at first (a few per page), so a page without such a list
    costs one pass over its blocks; a card's lines are then the blocks inside its `<li>`,
    which follow the headline in document order up to the item's last element.
    """
    per_list: dict[int, list[tuple[int, int]]] = {}  # list -> (li, headline line) of its cards
    blocks = dom.blocks
    for i in [i for i, tag in enumerate(map(_TAG, blocks)) if tag in HEADING_TAGS]:
        b = blocks[i]
        if b.link_density >= link_density_max and len(b.text.split()) >= MIN_HEADLINE_WORDS:
            li = _item_of(b.element, dom)
            if li is not None:
                per_list.setdefault(dom.parent.get(li, 0), []).append((li, i))
    out: dict[int, int] = {}
    last = dom.last
    for up, heads in per_list.items():
        if len(heads) < MIN_CARDS:
            continue
        for li, i in heads:
            end = last.get(li, li)
            if i and li <= blocks[i - 1].element <= end:
                continue  # the headline must open its card
            j = i + 1
            while j < len(blocks) and li <= blocks[j].element <= end:
                j += 1
            if j > i + 1:  # a card holds more than its headline
                out.update(dict.fromkeys(range(i, j), up))
    return out


def teasers(
    final: list[str],
    reasons: list[str],
    rule_ids: list[str],
    dom: Dom,
    link_density_max: float,
) -> tuple[list[str], list[str], list[str]] | None:
    """The labels with the body lines of link cards after the article's own text made `related`
    (None when there are none)."""
    found = cards(dom, link_density_max)
    if not found:
        return None
    # The article's own text: body lines outside every card list. A teaser list follows it.
    outside = [i for i, lab in enumerate(final) if lab == model.BODY and i not in found]
    if not outside:
        return None
    end = outside[-1]
    hits = [i for i in found if final[i] == model.BODY and i > end]
    if not hits:
        return None
    final, reasons, rule_ids = list(final), list(reasons), list(rule_ids)
    for i in hits:
        final[i] = model.RELATED
        reasons[i] = f"dom: a link card (an item opening with a linked headline) of the list <{dom.name(found[i])}>"
        rule_ids[i] = "dom.link_cards"
    return final, reasons, rule_ids
