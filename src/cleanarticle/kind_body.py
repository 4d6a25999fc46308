"""HTML: what the body of a page that is not an article is, once its kind is known.

The line rules are written for articles and drop what surrounds one. On a page of another
kind some of that is the page's content, and wcxb's gold keeps it (its README: listing,
collection, forum and product pages are judged on their main content):

- a listing's items (`listing_body`, rule kind.listing_items): a blog's front page, a
  category, a catalogue of courses is a column of cards (linked headline, summary, date)
  that the teaser and link-density rules drop one by one;
- a forum thread's posts (`forum_body`, kind.forum_posts): forums mark posts up as
  comments (`div#comments`), which under an article is its comment thread;
- a product's details (`product_body`, kind.product_details): the description and
  specifications under the product's name, outside a main container chosen by the
  prose of its reviews or of a brand story further down.
- lines between body lines that the article rules drop as copies or as links
  (`repeats_body`, kind.page_repeats; `linked_body`, kind.linked_lines): a service repeats
  an offer's terms under every offer, and its cards' titles, a catalogue's entries and a
  manual's section links are links.

Each acts only when the page's kind says so, the kind model finds the page unlikely to be
an article, and the body kept is small beside what the kind says is missing: a page whose
body already holds its text is read as it is. Runs once per page after the kind, on
labels already made: no second pass over the DOM.

Measured on wcxb's even half, HTML (articles / all pages / other pages lost, i.e. gold
over 500 characters and recall under 0.2), at main 5c6c02b: 0.9372 / 0.7752 / 43; the
listing rule 0.9372 / 0.7819 / 35 (with `no-` region tokens negated), + forum posts
0.7828 / 34, + product details 0.7859 / 30, body kept beside the list only and the
prose-run guard 0.7903 / 28, list ratio 3: 0.7919 / 27, items in page-wide regions but
not in chrome markup, and the text-run guard (for the readability pages): 0.9372 / 0.7912
/ 27; items never in related boxes (generated articles, see _LIST_REGIONS): 0.9372 /
0.7903 / 28. Odd half, from 0.9404 / 0.7717 / 46 to 0.9414 / 0.7853 / 30. Readability pages
(HTML) 0.95231 -> 0.95226: buzzfeed-1 0.945 -> 0.997 (`no-` tokens), nytimes-5 0.436 ->
0.378 (a front page of teasers above its article, taken for a listing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import kind, model
from .classify import GOOD, Guess
from .features import LineFeatures, default_thresholds
from .html_blocks import Dom
from .main_content import main_container
from .safety_net import Rescue, as_body

if TYPE_CHECKING:
    from .thresholds import Thresholds

# An item's headline: a dropped, link-dense line of at least this many words (menus and
# tag clouds are one to three words an entry).
LISTING_ITEM_MIN_WORDS = 4
# The listing must hold at least this many item headlines.
LISTING_MIN_ITEMS = 4
# The list joins the body only when the body kept beside it (outside the list's element)
# holds under this many times the list's item characters. wcxb even half, HTML (all pages
# / other pages lost; articles 0.9372 throughout): counting the whole body (the summaries
# inside the cards too), 0.67 0.7814 / 36, 1.5 0.7836 / 33 but an article falls (1.00 ->
# 0.41: a mobile copy of the site's menu under it, now kept out by the prose-run guard);
# beside the list only: 0.67 0.7903 / 29, 1.0 0.7902 / 28, 2.0 0.7916 / 28, 3.0 0.7919 /
# 27, no limit 0.7928 / 26. Odd half: 1.0 0.7835 / 30, 2.0 and 3.0 0.7854 / 28. 3: the list
# clearly outweighs what else was kept.
LISTING_MAX_KEPT_RATIO = 3.0
# A listing whose body kept 5+ prose paragraphs in a row was once left as it was (an
# article with a menu in a modal taken for a listing); the other guards now keep that
# article, and the guard cost collections whose category text runs long (a shop's buying
# guide above its products). Without it, wcxb HTML all pages even 0.8043 -> 0.8066 (6
# collections change: 4 up, 2 down; no article), odd 0.7976 -> 0.7981 (3 up, 1 down);
# readability HTML pages and the generated chrome pages unchanged.
# ... or the list's element holds this many paragraphs of running text in a row (an article
# with its related stories in one wrapper: a card holds one summary). Without it the
# readability page qq (a Chinese article whose wrapper holds its related headlines: no
# stoplist, so the page-wide prose run is 0) falls 0.90 -> 0.53; with it wcxb even
# 0.7919 -> 0.7912 (27 lost either way), odd 0.7854 -> 0.7851 (28 -> 30 lost).
LISTING_MAX_TEXT_RUN = 3
# A page the kind model finds at least this likely to be an article keeps its body, whatever
# its kind (the model's decision boundary; the pages these rules help score 0.00-0.25).
KIND_BODY_MAX_ARTICLE = 0.5
# A thread's posts join the body when they hold at least this many characters ...
FORUM_MIN_POST_CHARS = 200
# ... and the body kept holds under this share of their characters. Without it (even half)
# 0.7810 / 34: eight threads whose opening post and replies were kept lose precision to
# quoted text and signatures in comment markup; 0.3, 0.67: 0.7828 / 34; 1.0: 0.7824. Now
# 0.4: the threads it restores on wcxb (0526, 0570, 0576 even, 2201 odd) kept 0.03-0.26 of
# their posts' characters, a blog post read as a forum (readability pixnet: 2,414 kept
# beside a 4,484-character comment thread) 0.54, and its thread is its comments.
FORUM_MAX_KEPT_RATIO = 0.4
# A product page's details are restored only when the body kept holds under
# PRODUCT_MAX_NEAR_CHARS characters in the PRODUCT_WINDOW non-blank lines under the
# product's name (its description is missing). Without the guard (even half) 0.7852 / 30,
# four product pages with a description kept lose precision (0.92 -> 0.75); kept chars
# near the name on the helped pages 0-591, on the hurt ones 812-4,663; 600: 0.7859 / 30.
PRODUCT_WINDOW = 30
PRODUCT_MAX_NEAR_CHARS = 600
# A body under this many characters is "nearly empty" and the kind's reason says why
# (wcxb's lost pages have gold bodies over 500 characters; 6 of its 500 even-half pages
# come out under 200 characters, none of them an article).
EMPTY_BODY_MAX_CHARS = 200
# Items stand outside chrome markup: the site's menus, share buttons, comments, promotions
# and an article's related-stories box (`<aside>`, "related", "popular") are never the page's
# list. Letting related boxes in: wcxb even 0.7912 -> 0.7912 (27 lost either way), but
# generated short articles with a related box taken for listings leak it into the body
# (tests/test_properties_chrome.py, HTML: 153 of 18,948 chrome lines, limit 0.2 %).
_LIST_REGIONS = frozenset((None,))
# A region holding this share of the page's blocks is the page (see `_page_wide`); wcxb
# even half: 2 listings whose <body> carries a "popup" token, and on the odd half 2 more.
PAGE_WIDE_REGION_SHARE = 0.9
# Markup regions whose lines are the site's menus or the readers' comments, never the page's
# list: a blog post read as a listing kept its comment thread with them (readability pixnet,
# with its kind forced to listing: body F1 0.23 with 292 comment lines in it, 0.32 without
# them; wcxb HTML even half: 0264 0.413 -> 0.420, no other page moves on either half).
_NOT_LIST_REGIONS = frozenset((model.NAV, model.HEADER, model.FOOTER, model.COMMENTS))
# Pages whose repeated lines between body lines are their content (`repeats_body`). wcxb,
# HTML, all pages (articles), before -> after, restoring such lines on pages of kind: other
# (service, documentation) even 0.8025 -> 0.8034, odd 0.7957 -> 0.7968; listing even
# -> 0.8028, odd -> 0.7963; both even 0.8037 (0.9495), odd 0.7974 (0.9519). Forum: even
# 0.8025, odd 0.7958 (23 threads, 14 fall: their quotes are printed once in the gold);
# product: even 0.8025, odd 0.7953 (size and spec lines printed for each variant).
_REPEAT_KINDS = frozenset((kind.OTHER, kind.LISTING))
# The rules that label a line printed again.
_REPEAT_RULES = frozenset(("revise.duplicate", "revise.repeated_run"))
# Pages whose link-dense lines between body lines are their content (`linked_body`). wcxb,
# HTML, all pages (articles), after the repeats: other and product even 0.8066 -> 0.8084,
# odd 0.7981 -> 0.8009; with listing even -> 0.8098 (0.9499), odd -> 0.8009 (0.9522); 128
# pages change on the even half (69 up, 57 down: "Learn more" buttons between a service's
# cards fall, catalogue entries and a manual's section links rise). Leaving out lines of
# under 3 or 4 words, or lines printed more than once on the page: within 0.0007 on either
# half, so no such guard. Forum pages are left out: with them even 0.8098 -> 0.8096 (38
# threads change, 30 fall: their link-dense lines are user names and post links), odd +0.0005.
_LINKED_KINDS = frozenset((kind.OTHER, kind.PRODUCT, kind.LISTING))
# The rule that labels a link-dense line.
_LINKED_RULES = frozenset(("dom.link_density",))
# Lines that stay what they were: the page's own metadata.
_KEEP_LABELS = frozenset((model.TITLE, model.BYLINE, model.DATE, model.BODY))


def items(feats: list[LineFeatures], labels: list[str], dom: Dom, t: Thresholds, page_wide: set[int]) -> list[int]:
    """Per block, its characters if it is a dropped item headline (link-dense, several words), else 0."""
    return [
        len(f.text)
        if lab != model.BODY
        and f.words >= t.listing_item_min_words
        and b.link_density >= t.link_density_max
        and (b.region in _LIST_REGIONS or b.region_id in page_wide)
        else 0
        for f, lab, b in zip(feats, labels, dom.blocks)
    ]


def _page_wide(dom: Dom, t: Thresholds) -> set[int]:
    """Regions that hold nearly every block: a token on `<body>` or a page wrapper
    (`<body class="popup-open">`) names the page's state, not a region of it."""
    count: dict[int, int] = {}
    for b in dom.blocks:
        if b.region_id:
            count[b.region_id] = count.get(b.region_id, 0) + 1
    return {r for r, n in count.items() if n >= t.page_wide_region_share * len(dom.blocks)}


def empty_note(page: kind.Kind, body: str, has_text: bool = True) -> str:
    """The page kind's reason, saying why when the body came out (nearly) empty.

    A page must not come out empty without a word: an empty body is either a page that is
    not an article (its kind says which) or an article that was lost (a bug to report).
    """
    if len(body) >= EMPTY_BODY_MAX_CHARS or not has_text:  # a page without text says "no text"
        return page.reason
    what = "no article text found" if page.kind == kind.ARTICLE else f"no article (a page of kind {page.kind})"
    return f"{page.reason}; body {'empty' if not body else f'of {len(body)} characters'}: {what}"


def body_of_kind(
    feats: list[LineFeatures],
    first: list[Guess],
    guesses: list[Guess],
    labels: list[str],
    reasons: list[str],
    rules: list[str],
    dom: Dom,
    page: kind.Kind,
    t: Thresholds | None = None,
    disabled: frozenset[str] = frozenset(),
) -> Rescue | None:
    """The labels with what the page's kind says its body holds, or None when nothing changes.

    `first` are the line's own guesses, `guesses` those after the markup evidence.
    """
    if t is None:
        t = default_thresholds()
    if page.article >= t.kind_body_max_article:
        return None
    out = None
    if page.kind == kind.LISTING and "kind.listing_items" not in disabled:
        out = listing_body(feats, labels, reasons, rules, dom, page, t)
    elif page.kind == kind.FORUM and "kind.forum_posts" not in disabled:
        out = forum_body(feats, first, labels, reasons, rules, dom, page, t)
    elif page.kind == kind.PRODUCT and "kind.product_details" not in disabled:
        out = product_body(feats, guesses, labels, reasons, rules, page, t)
    if page.kind in _REPEAT_KINDS and "kind.page_repeats" not in disabled:
        again = repeats_body(feats, *(out or (labels, reasons, rules)), page)
        out = again or out
    if page.kind in _LINKED_KINDS and "kind.linked_lines" not in disabled:
        linked = linked_body(feats, *(out or (labels, reasons, rules)), page)
        out = linked or out
    return out


def repeats_body(
    feats: list[LineFeatures], labels: list[str], reasons: list[str], rules: list[str], page: kind.Kind
) -> Rescue | None:
    """The labels with the page's own repeated lines kept, on a service, documentation or listing page; else None.

    An article prints a line twice when it is a pull quote or a block for phones; a page that
    is not one repeats its content: an offer's terms under every offer, a code sample in each
    tab, a field name in every card. A line printed again, lying between body lines (blank
    lines and other repeats skipped), is the page's.
    """
    lines = _between_body(feats, labels, rules, _REPEAT_RULES, _REPEAT_RULES)
    if not lines:
        return None
    why = f"printed again between the page's body lines (kind {page.kind}: {page.reason})"
    return as_body(labels, reasons, rules, lines, why, "kind.page_repeats")


def linked_body(
    feats: list[LineFeatures], labels: list[str], reasons: list[str], rules: list[str], page: kind.Kind
) -> Rescue | None:
    """The labels with the page's linked lines kept, on a page that is not an article; else None.

    Under an article a line that is all link is a menu entry or a "read more"; on a service,
    documentation, shop or listing page the content is made of links: a feature card's linked
    heading, a catalogue's entries, a manual's cross-references. A link-dense line lying between
    body lines (blank lines, repeats and other linked lines skipped) is the page's.
    """
    lines = _between_body(feats, labels, rules, _LINKED_RULES, _LINKED_RULES | _REPEAT_RULES)
    if not lines:
        return None
    why = f"a linked line between the page's body lines (kind {page.kind}: {page.reason})"
    return as_body(labels, reasons, rules, lines, why, "kind.linked_lines")


def _between_body(
    feats: list[LineFeatures], labels: list[str], rules: list[str], chosen: frozenset[str], skipped: frozenset[str]
) -> list[int]:
    """The non-body lines labelled by a rule in `chosen` whose nearest lines above and below,
    blank lines and lines labelled by a rule in `skipped` passed over, are body."""
    n = len(labels)

    def body_next_to(order: range) -> list[bool]:
        """Per line, whether the nearest counted line met earlier in `order` is body."""
        out, last = [False] * n, False
        for i in order:
            out[i] = last
            if feats[i].text and rules[i] not in skipped:
                last = labels[i] == model.BODY
        return out

    after_body, before_body = body_next_to(range(n)), body_next_to(range(n - 1, -1, -1))
    return [
        i
        for i in range(n)
        if rules[i] in chosen and labels[i] != model.BODY and after_body[i] and before_body[i] and feats[i].text
    ]


def product_body(
    feats: list[LineFeatures],
    guesses: list[Guess],
    labels: list[str],
    reasons: list[str],
    rules: list[str],
    page: kind.Kind,
    t: Thresholds,
) -> Rescue | None:
    """The labels with the product's own details kept, on a product page; else None.

    The main container of a product page is chosen by its prose, and the prose of a shop
    page is its customers' reviews, or a brand story further down; the description, the
    key details and the specifications under the product's name are short lines and lists
    that lie outside it. Below the headline, the lines dropped only for lying outside the
    container (the markup and the line's own features called them body) are the details.
    """
    title = next((i for i, lab in enumerate(labels) if lab == model.TITLE), None)
    if title is None:
        return None
    # A product whose name is followed by its description keeps the body it has.
    near = [i for i in range(title + 1, len(labels)) if feats[i].text][: t.product_window]
    if sum(len(feats[i].text) for i in near if labels[i] == model.BODY) >= t.product_max_near_chars:
        return None
    details = [
        i
        for i in range(title + 1, len(labels))
        if rules[i] == "revise.main_container" and guesses[i].label == model.BODY and feats[i].text
    ]
    if not details:
        return None
    why = f"product: a detail under the product's name (kind {page.kind}: {page.reason})"
    return as_body(labels, reasons, rules, details, why, "kind.product_details")


def forum_body(
    feats: list[LineFeatures],
    first: list[Guess],
    labels: list[str],
    reasons: list[str],
    rules: list[str],
    dom: Dom,
    page: kind.Kind,
    t: Thresholds,
) -> Rescue | None:
    """The labels with a thread's posts kept as its body, on a forum page; else None.

    Forums mark their posts up as comments (`div#comments`, `comment-body`): under an
    article that is its comment thread, on a forum page it is the page. A post's lines are
    those the first pass read as text (body) inside a comments region.
    """
    posts = [
        i
        for i, (lab, g, b) in enumerate(zip(labels, first, dom.blocks))
        if lab == model.COMMENTS and g.label == model.BODY and b.region == model.COMMENTS and feats[i].text
    ]
    held = sum(len(feats[i].text) for i in posts)
    kept = sum(len(feats[i].text) for i, lab in enumerate(labels) if lab == model.BODY)
    if held < t.forum_min_post_chars or kept >= t.forum_max_kept_ratio * held:
        return None
    why = f"forum: a post of the thread (kind {page.kind}: {page.reason})"
    return as_body(labels, reasons, rules, posts, why, "kind.forum_posts")


def listing_body(
    feats: list[LineFeatures],
    labels: list[str],
    reasons: list[str],
    rules: list[str],
    dom: Dom,
    page: kind.Kind,
    t: Thresholds | None = None,
) -> Rescue | None:
    """The labels with the page's list of items kept as its body, on a listing page; else None."""
    if t is None:
        t = default_thresholds()
    page_wide = _page_wide(dom, t)
    chars = items(feats, labels, dom, t, page_wide)
    # The list of a listing page stands under its headline: above it is the site's header
    # (mega-menus of linked page names), and items that repeat a line printed above it are
    # that menu printed again (a footer or a mobile copy of the header).
    title = next((i for i, lab in enumerate(labels) if lab == model.TITLE), None)
    if title is None:  # the page's <h1> where no line was taken for the title
        title = next((i for i, b in enumerate(dom.blocks) if b.tag == "h1"), 0)
    header = {feats[i].key for i in range(title)}
    chars = [0 if i < title or feats[i].key in header else n for i, n in enumerate(chars)]
    region = main_container(dom, [_ITEM if n else _OTHER for n in chars], t)
    if region is None:
        return None
    if _text_run(feats, labels, region.lines) >= t.listing_max_text_run:
        return None  # the element holds an article's paragraphs, not a list of cards
    count = sum(1 for i in region.lines if chars[i])
    held = sum(chars[i] for i in region.lines)
    # The body kept beside the list (summaries inside the list's cards are the list's own).
    kept = sum(len(feats[i].text) for i, lab in enumerate(labels) if lab == model.BODY and i not in region.lines)
    if count < t.listing_min_items or kept >= t.listing_max_kept_ratio * held:
        return None
    why = f"listing: a line of the page's list <{region.name}> ({count} items; kind {page.kind})"
    kept_lines = [
        i
        for i in sorted(region.lines)
        if i > title
        and feats[i].text
        and labels[i] not in _KEEP_LABELS
        and (dom.blocks[i].region not in _NOT_LIST_REGIONS or dom.blocks[i].region_id in page_wide)
    ]
    return as_body(labels, reasons, rules, kept_lines, why, "kind.listing_items")


def _text_run(feats: list[LineFeatures], labels: list[str], lines: frozenset[int]) -> int:
    """The most paragraphs of running text (long, ending a sentence; no stopwords asked, so that
    a language without a stoplist counts) kept in a row inside `lines`. A card holds one summary."""
    best = run = 0
    for i in sorted(lines):
        f = feats[i]
        if not f.text:
            continue
        run = run + 1 if labels[i] == model.BODY and f.size >= kind.PROSE_MIN_SIZE and f.terminal else 0
        best = max(best, run)
    return best


_ITEM = Guess(model.BODY, "", GOOD)
_OTHER = Guess(model.NAV, "", "bad")
