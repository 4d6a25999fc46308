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

    def next_nonblank(self, i: int, step: int = 1) -> int | None: ...


def closes_article(page: Page, i: int) -> bool:
    """A footer phrase under which the article does not resume at once."""
    kind = page.feats[i].chrome
    if kind not in CLOSING_KINDS or page.labels[i] != kind:
        return False
    nxt = page.next_nonblank(i)
    return nxt is None or not (page.labels[nxt] == model.BODY and page.guesses[nxt].quality == GOOD)
