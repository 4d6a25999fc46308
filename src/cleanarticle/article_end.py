"""The article's end: which furniture lines close an article, beside revise.py's own markers,
and the author's bio box after it.

After an article come the site's own boxes: the footer's section headings and customer
service lines, the copyright line, newsletter and cookie boxes, "About the author", "Was
this helpful?". revise._mark_tail ends the article at a comments prompt or a related
heading that little body text follows; here a footer line (a lexicon phrase: "Customer
service", "All rights reserved", "Was this helpful?") may close it too, unless the article
plainly resumes under it with a good paragraph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from . import model
from .classify import GOOD, NEAR, Guess
from .features import LineFeatures

if TYPE_CHECKING:
    from .html_blocks import Dom
    from .thresholds import Thresholds

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


# An author's bio stands in the last quarter of the body (the share revise.TAIL_MAX_BODY_SHARE
# allows a closing box): above it, a paragraph opening with the author's name is the article's.
BIO_MAX_BODY_SHARE = 0.25  # 0.4: the same on the even half (0.9479 / 0.8023)
# A first name alone opens a bio ("Irene is a writer ...") when it has this many letters.
BIO_MIN_FIRST_NAME = 3
_PROSE = (GOOD, NEAR)


def author_bio(
    texts: list[str],
    labels: list[str],
    first: list[Guess],
    names: tuple[str, ...],
    stopwords: frozenset[str],
    max_share: float = BIO_MAX_BODY_SHARE,
    min_first_name: int = BIO_MIN_FIRST_NAME,
) -> int | None:
    """The line where the author's bio starts after the article, or None.

    A prose line (good or near-good in the first pass, `first`) near the end that opens with an author's
    name, the full name or its first name: "Karina Cohen is the owner of ...", "Irene is an
    experienced writer ...". Only names of two words or more whose first word is not a
    stopword ("The Investopedia Team", "GitHub" are not a person's). What follows the bio
    is the bio box and the site's end.
    """
    heads = set()
    for name in names:
        words = name.casefold().split()
        if len(words) < 2 or words[0] in stopwords:
            continue
        heads.add(" ".join(words) + " ")
        if len(words[0]) >= min_first_name:
            heads.add(words[0] + " ")
    if not heads:
        return None
    starts = tuple(heads)
    body = [i for i, label in enumerate(labels) if label == model.BODY]
    total = sum(len(texts[i]) for i in body)
    after = 0
    found = None
    for i in reversed(body):
        after += len(texts[i])
        if after > max_share * total:
            break
        if first[i].quality in _PROSE and texts[i].casefold().startswith(starts):
            found = i
    return found


def bio_box(bio: int, labels: list[str], elements: list[int], parent: dict[int, int], last: dict[int, int]) -> range:
    """The lines of the author's box that line `bio` opens: the rest of its parent element.

    Empty where that element holds the article's text too: a one-line bio printed as the
    article's last paragraph ("Jane Doe is the author of ...") is the article's, as the
    readability pages have it (citylab-1, lazy-image-2, yahoo-1), while wcxb leaves out the
    author boxes after the article. wcxb HTML, articles / all pages: even 0.9469 / 0.8018 ->
    0.9479 / 0.8023, odd 0.9510 / 0.7963 -> 0.9514 / 0.7965; readability HTML 0.95285 ->
    0.95290 (engadget's bio box). Taking the one-line bios too: even 0.9478, odd 0.9515,
    readability 0.95282 (those three pages down); taking everything after the bio line (not
    its box): even 0.9474, as a bio between the article and its FAQ cut the FAQ.
    """
    box = parent.get(elements[bio], 0)
    if not box:
        return range(0)
    start = bio
    while start > 0 and box <= elements[start - 1] <= last[box]:
        start -= 1
    if any(labels[i] == model.BODY for i in range(start, bio)):
        return range(0)
    end = bio
    while end + 1 < len(elements) and box <= elements[end + 1] <= last[box]:
        end += 1
    return range(bio, end + 1)


def without_bio(
    texts: list[str],
    labels: list[str],
    reasons: list[str],
    rules: list[str],
    first: list[Guess],
    names: tuple[str, ...],
    stopwords: frozenset[str],
    dom: Dom,
    t: Thresholds,
) -> tuple[list[str], list[str], list[str]] | None:
    """The labels with the author's bio box after the article as footer (`meta.author_bio`), or None."""
    bio = author_bio(texts, labels, first, names, stopwords, t.bio_max_body_share, t.bio_min_first_name)
    if bio is None:
        return None
    labels, reasons, rules = list(labels), list(reasons), list(rules)
    elements = [b.element for b in dom.blocks]
    for j in bio_box(bio, labels, elements, dom.parent, dom.last):
        if labels[j] == model.BODY:
            labels[j], rules[j] = model.FOOTER, "meta.author_bio"
            reasons[j] = f"the author's bio (the box opening on line {bio + 1} with the author's name)"
    return labels, reasons, rules
