"""The article's end: which furniture lines close an article, beside revise.py's own markers.

After an article come the site's own boxes: the footer's section headings and customer
service lines, the copyright line, newsletter and cookie boxes, "About the author", "Was
this helpful?". revise._mark_tail ends the article at a comments prompt or a related
heading that little body text follows; here a footer line (a lexicon phrase: "Customer
service", "All rights reserved", "Was this helpful?") may close it too, unless the article
plainly resumes under it with a good paragraph.
"""

from __future__ import annotations

from typing import Protocol

from . import model
from .classify import GOOD, Guess
from .features import LineFeatures

# Lexicon kinds whose lines close an article. Footer only: promo lines as well ("Advertisement",
# "Subscribe") cost 0.001 HTML F1 on the readability pages (ads sit between paragraphs) and
# gained nothing on the wcxb even half (articles: text 0.881 vs 0.882, HTML 0.921 vs 0.922).
CLOSING_KINDS = frozenset({model.FOOTER})


class Page(Protocol):
    """What these rules read of revise's working page."""

    feats: list[LineFeatures]
    guesses: list[Guess]
    labels: list[str]
    rules: list[str]

    def next_nonblank(self, i: int, step: int = 1) -> int | None: ...


def closes_article(page: Page, i: int) -> bool:
    """A footer phrase under which the article does not resume at once."""
    kind = page.feats[i].chrome
    if kind not in CLOSING_KINDS or page.labels[i] != kind:
        return False
    nxt = page.next_nonblank(i)
    return nxt is None or not (page.labels[nxt] == model.BODY and page.guesses[nxt].quality == GOOD)


def box_inside(page: Page, i: int) -> bool:
    """Line `i` heads a box of related links inside the article: right under its box, the article goes on.

    The box is the lines `revise.related_box` listed under the heading; a good paragraph
    right after them is the article resuming ("Related: <three headlines>" between two
    paragraphs), so the heading does not end the article. A heading with no box under it
    ("More from us" above a blurb) and a comments prompt (comments are good paragraphs)
    still do. wcxb HTML, even half: articles 0.9384 -> 0.9389 (one page: a box mid-article,
    recall 0.73 -> 0.97); odd half and readability unchanged (0.9408, 0.9524). A heading
    line with a good paragraph under it counted as resuming too: even 0.9390 but two
    pages move against each other (a contact box kept), odd unchanged, so not taken.
    """
    if page.labels[i] != model.RELATED:
        return False
    nxt, boxed = page.next_nonblank(i), 0
    while nxt is not None and page.rules[nxt] == "revise.related_box":
        nxt, boxed = page.next_nonblank(nxt), boxed + 1
    return bool(boxed) and nxt is not None and page.labels[nxt] == model.BODY and page.guesses[nxt].quality == GOOD
