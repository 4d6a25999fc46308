"""The page's kind (article, listing, forum, product, other) from evidence the pipeline already has.

A crawl is mostly not articles. The kind is weighed from four sources of evidence together
(a fitted model, see `page_kind`): what the page declares (JSON-LD `@type`, `og:type`), the
URL (`/tag/`, `/product/`, `/t/`, a `docs.` host; a story's slug or dated path, an item's id),
the body's shape (prose paragraphs against many short items: teaser headlines, a name next
to a date at the head of every post, prices and cart buttons; headings, list items and code
blocks) and what the line classifier concluded (share of teaser lines, link density, where
the main text sits and in how many stretches, whether it found the article's date and byline).
Declared types, URL segments and hosts are data (`data/page_kinds.tsv`); words such as "Add to
cart" or "Reply" are lexicon data (`productword`, `forumword`). Everything here is a pure
function over per-line features and labels, computed once per page: no second parse.
"""

from __future__ import annotations

import collections
import functools
import importlib.resources
import math
import operator
import urllib.parse
from typing import NamedTuple

import regex

from . import model
from .features import LineFeatures
from .model import Shape

ARTICLE, LISTING, FORUM, PRODUCT, OTHER = "article", "listing", "forum", "product", "other"
KINDS = (ARTICLE, LISTING, FORUM, PRODUCT, OTHER)
# The classes the model separates, and the kind each belongs to. A kind made of two shapes
# of page (a shop's category page and a blog's archive are both listings; a service page of
# prose and a documentation page of code and headings are both "other") is learnt as its
# two classes, and the kind's probability is the sum of theirs: one linear boundary cannot
# hold both shapes on one side. These are wcxb's page types (article and blog are one class).
# 5-fold CV on the even half (`python benchmarks/kinds.py --cv`): kind right HTML 0.824 ->
# 0.840, text 0.685 -> 0.697 against the five kinds as classes (L2 30 and 10).
CLASSES = {
    "article": ARTICLE,
    "listing": LISTING,
    "collection": LISTING,
    "forum": FORUM,
    "product": PRODUCT,
    "service": OTHER,
    "documentation": OTHER,
}

# A prose paragraph: as long as classify.LENGTH_LOW, with a sentence-final mark and the
# stopword density of running text (classify.STOP_HIGH); the body of an article is made of them.
PROSE_MIN_SIZE = 90
PROSE_MIN_STOP = 0.32
# Lines this short (words) are "items": menu entries, teaser headlines, prices, buttons.
ITEM_MAX_WORDS = 12

# A price: a currency sign next to a number ("$19.99", "19,99 €", "£ 5"), alone or nearly
# alone on its line. \p{Sc} is Unicode's currency-symbol category, not a word list.
# Amounts are bounded (PRICE_MAX_DIGITS) and tried only where a number starts: an unbounded
# run would rescan a long run of digits from each of its characters (quadratic).
PRICE_MAX_DIGITS = 15
_PRICE = regex.compile(
    rf"\p{{Sc}}\s?\d[\d.,]{{0,{PRICE_MAX_DIGITS}}}|(?<![\d.,])\d[\d.,]{{0,{PRICE_MAX_DIGITS}}}\s?\p{{Sc}}"
)
PRICE_LINE_MAX_WORDS = 6
# A short line printed this many times is an item's button or label ("Read more", "Reply").
REPEAT_MIN_TIMES = 3
# A count line: this few words, one of them a number ("12 replies", "Posts: 340", "4.5").
COUNT_MAX_WORDS = 3
# A post's header: a name and a date (or "3 hours ago") at most this many lines apart; a
# thread repeats one per post, an article prints one byline.
POST_HEADER_GAP = 2
# A URL slug: a path segment of this many words joined by "-" or "_" names one piece of writing
# ("/2025/03/city-votes-to-keep-night-buses"); a date in the path ("/2025/03/", "2025-03-03") too.
_URL_DATE = regex.compile(r"(?:^|[/_-])(?:19|20)\d\d(?:/[01]?\d(?:/|$)|[-_/]?[01]\d[-_/]?[0-3]\d(?:\D|$))")
# A number of five or more digits in the path: an item's id (a thread, a product, a story).
_URL_ID = regex.compile(r"(?:^|/|-|_)\d{5,}(?:$|/|-|_|\.)")
# The same as a query's value: "viewtopic.php?t=112320", "item?id=38778098", "index.php?topic=589061.0".
_QUERY_ID = regex.compile(r"(?:^|[=&])\d{5,}(?:$|[&.])")
_URL_WORDS = regex.compile(r"[-_+]")


# The LineFeatures fields `signals` reads, by name (robust to the fields' order), in one call.
_FIELDS = operator.itemgetter(
    *(
        LineFeatures._fields.index(name)
        for name in (
            "text",
            "size",
            "key",
            "chars",
            "words",
            "alpha_words",
            "stop_density",
            "terminal",
            "question",
            "date",
            "ago",
            "name",
            "headline",
        )
    )
)


class PageSignals(NamedTuple):
    """Counts and shares over one page that `page_kind` and `confidence` read."""

    lines: int  # non-blank lines
    body_lines: int
    body_words: int
    prose: int  # body lines that are prose paragraphs
    prose_run: int  # most prose paragraphs in one stretch of body (chrome breaks a stretch)
    related: int  # lines labelled related (teasers)
    chrome: int  # lines labelled with any chrome label
    comments: int  # lines labelled comments (in HTML: inside comment-named markup, a thread's posts)
    nav: int  # lines labelled nav
    headlines: int  # non-body lines shaped like headlines (teaser titles)
    dates: int  # lines holding a date or a relative time ("3 hours ago")
    names: int  # lines that read as a person's name (post headers)
    prices: int
    counts: int  # short lines with a number that is not a date ("12 replies", "4.5 (210)")
    questions: int  # lines that end in a question mark (Q&A pages, FAQs)
    repeats: int  # short lines printed REPEAT_MIN_TIMES or more ("Read more", "Reply", "Add to cart")
    product_words: int  # lines that are a shop's buttons ("Add to cart", "In stock")
    forum_words: int  # lines that are a forum's buttons ("Reply", "Quote", "Joined:")
    first_body: float  # position of the first body line among non-blank lines (0-1)
    link_share: float  # HTML: share of the page's characters inside links (-1: text mode)
    main_share: float  # HTML: share of non-blank lines inside the main container (-1: none/text)
    has_title: bool
    types: tuple[str, ...]  # declared JSON-LD @types and og:type ("og:article")
    url_kind: str | None  # kind named by the URL's path (data/page_kinds.tsv)
    url_segment: str | None  # the segment that named it, for the reason
    headings: int = 0  # lines shaped as headings (HTML: h1-h6; text: inferred)
    list_items: int = 0  # lines shaped as list items
    code: int = 0  # code blocks (pre/code): documentation
    dated: bool = False  # a line is labelled the article's date
    signed: bool = False  # a line is labelled the article's byline
    headers: int = 0  # a name line and a date line at most POST_HEADER_GAP lines apart: a post's header
    stretches: int = 0  # separate runs of body lines (chrome between them)
    last_body: float = 0.0  # position of the last body line among non-blank lines (0-1)
    url: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)  # see `url_shape`


class Kind(NamedTuple):
    """The page's kind, the evidence that decided it, and how article-like the page is (0-1)."""

    kind: str
    reason: str
    article: float


# Host entries of data/page_kinds.tsv are kept with the URL segments under this prefix.
HOST_PREFIX = "host:"


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """data/page_kinds.tsv: declared type -> kind, URL path segment (or HOST_PREFIX + host label) -> kind."""
    declared: dict[str, str] = {}
    segments: dict[str, str] = {}
    path = importlib.resources.files("cleanarticle") / "data" / "page_kinds.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, kind, value = (part.strip() for part in line.split("\t")[:3])
        if source == "declared":
            declared[value.casefold()] = kind
        else:
            segments[(HOST_PREFIX if source == "host" else "") + value.casefold()] = kind
    return declared, segments


def declared_kind(declared_type: str) -> str | None:
    """The kind a declared type names ("newsarticle" -> article), if data/page_kinds.tsv lists it."""
    return _table()[0].get(declared_type)


def url_kind(url: str | None) -> tuple[str | None, str | None]:
    """The kind the URL names and the part that names it ("/tag/x" -> listing, "tag").

    The first path segment listed in data/page_kinds.tsv decides; else the host's first
    label ("docs.example.org" -> other, "docs."); a site's home page (an empty path) is a listing.
    """
    if not url:
        return None, None
    try:
        split = urllib.parse.urlsplit(url)
        host = split.hostname or ""
    except ValueError:
        return None, None
    parts = [p.casefold() for p in split.path.split("/") if p]
    if not parts:
        return LISTING, "/"
    _, segments = _table()
    for part in parts:
        stem = part.rsplit(".", 1)[0] if "." in part else part
        kind = segments.get(stem)
        if kind:
            return kind, part
    label = host.split(".", 1)[0]
    kind = segments.get(HOST_PREFIX + label) if "." in host else None
    return (kind, label + ".") if kind else (None, None)


def url_shape(url: str | None) -> tuple[int, int, int, int, int]:
    """The URL's shape: (has a URL, path segments, words in its wordiest segment, a date in
    the path, an id of five or more digits in the path or the query); all 0 without a URL.

    A story lives at a slug or a dated path ("/2025/03/city-keeps-night-buses"), a thread or
    a product at an id, a home, tag or service page at a short path of one or two words.
    """
    if not url:
        return (0, 0, 0, 0, 0)
    try:
        split = urllib.parse.urlsplit(url)
    except ValueError:
        return (0, 0, 0, 0, 0)
    path = split.path
    parts = [p for p in path.split("/") if p]
    words = max((len([w for w in _URL_WORDS.split(p.rsplit(".", 1)[0]) if w]) for p in parts), default=0)
    item = bool(_URL_ID.search(path) or (split.query and _QUERY_ID.search(split.query)))
    return (1, len(parts), words, int(bool(_URL_DATE.search(path))), int(item))


def signals(
    feats: list[LineFeatures],
    labels: list[str],
    *,
    page_words: dict[str, str],
    link_chars: list[int] | None = None,
    main_lines: frozenset[int] | None = None,
    has_title: bool,
    types: tuple[str, ...] = (),
    url: str | None = None,
    shapes: list[Shape] | None = None,
) -> PageSignals:
    """One pass over the page's lines: the counts `page_kind` decides from.

    `page_words` maps a line's phrase key to "product" or "forum" (the lexicon's shop and
    forum buttons); `link_chars` (HTML) is each line's characters inside links;
    `main_lines` (HTML) the lines inside the main content container; `shapes` each line's
    shape (HTML: from the markup; text: inferred for body lines).
    """
    lines = body_lines = body_words = prose = run = prose_run = 0
    related = chrome = comments = nav = headlines = dates = names = prices = counts = questions = product_words = (
        forum_words
    ) = 0
    first_body = last_body = -1
    stretches = headers = 0
    dated = signed = False
    last_name = pending_date = -POST_HEADER_GAP - 1
    chars = links = 0
    shorts: list[str] = []  # keys of short lines, counted once at the end
    body, chrome_labels, date_label, byline_label = model.BODY, model.CHROME, model.DATE, model.BYLINE
    related_label, comments_label, nav_label = model.RELATED, model.COMMENTS, model.NAV
    for i, (f, lab) in enumerate(zip(feats, labels)):
        # One C call for the fields read below (named-tuple attributes cost a lookup each).
        text, size, key, nchars, words, alpha_words, stop_density, terminal, question, date, ago, name, headline = (
            _FIELDS(f)
        )
        if not text:
            continue
        lines += 1
        if link_chars is not None:
            chars += nchars
            links += link_chars[i]
        if lab == body:
            if not stretches or last_body != lines - 2:  # a new stretch of body
                stretches += 1
            last_body = lines - 1
            body_lines += 1
            body_words += words
            if first_body < 0:
                first_body = lines - 1
            if size >= PROSE_MIN_SIZE and terminal and stop_density >= PROSE_MIN_STOP:
                prose += 1
                run += 1
                if run > prose_run:
                    prose_run = run
        elif lab in chrome_labels:
            chrome += 1
            run = 0
            if lab == related_label:
                related += 1
            elif lab == comments_label:
                comments += 1
            elif lab == nav_label:
                nav += 1
            if headline:
                headlines += 1
        elif lab == date_label:
            dated = True
        elif lab == byline_label:
            signed = True
        if date is not None or ago:
            dates += 1
            if lines - last_name <= POST_HEADER_GAP:
                headers += 1
            else:
                pending_date = lines
        if question:
            questions += 1
        if words <= ITEM_MAX_WORDS:
            shorts.append(key)
            if alpha_words < words:
                if words <= COUNT_MAX_WORDS and date is None:
                    counts += 1
                # A price has a digit, so a word that is not all letters (alpha_words < words).
                if words <= PRICE_LINE_MAX_WORDS and _PRICE.search(text):
                    prices += 1
            if name:
                names += 1
                last_name = lines
                if lines - pending_date <= POST_HEADER_GAP:
                    headers += 1
                    pending_date = -POST_HEADER_GAP - 1
    short_counts = collections.Counter(shorts)
    # Shop and forum buttons: the page's short lines that the lexicon lists, looked up once per
    # distinct line (a button is printed under every item).
    for key in short_counts.keys() & page_words.keys() if page_words else ():
        if page_words[key] == PRODUCT:
            product_words += short_counts[key]
        elif page_words[key] == FORUM:
            forum_words += short_counts[key]
    kind, segment = url_kind(url)
    # Blank lines keep the default shape, so counting over every line counts the non-blank ones.
    shape_counts = collections.Counter(map(operator.attrgetter("kind"), shapes)) if shapes is not None else {}
    return PageSignals(
        lines=lines,
        body_lines=body_lines,
        body_words=body_words,
        prose=prose,
        prose_run=prose_run,
        related=related,
        chrome=chrome,
        comments=comments,
        nav=nav,
        headlines=headlines,
        dates=dates,
        names=names,
        prices=prices,
        counts=counts,
        questions=questions,
        repeats=sum(n for n in short_counts.values() if n >= REPEAT_MIN_TIMES),
        product_words=product_words,
        forum_words=forum_words,
        first_body=first_body / lines if lines and first_body >= 0 else 1.0,
        link_share=links / chars if chars else (-1.0 if link_chars is None else 0.0),
        main_share=len(main_lines) / len(feats) if main_lines is not None and feats else -1.0,
        has_title=has_title,
        types=types,
        url_kind=kind,
        url_segment=segment,
        headings=shape_counts.get(model.HEADING, 0),
        list_items=shape_counts.get(model.LIST_ITEM, 0),
        code=shape_counts.get(model.CODE, 0),
        headers=headers,
        dated=dated,
        signed=signed,
        stretches=stretches,
        last_body=last_body / lines if lines and last_body >= 0 else 0.0,
        url=url_shape(url),
    )


# --- Evidence and the model ---------------------------------------------------------
# Each piece of evidence is a number computed from the signals; each kind adds up its
# evidence times a weight (log-odds points, data/kind_model.tsv), and the page is the kind
# with the most points. The weights were fitted by multinomial logistic regression on the
# EVEN half of ../shared/corpus/wcxb (HTML and text, `python benchmarks/kinds.py --fit`),
# so P(article) is a probability the confidence can use as it is.
EVIDENCE = (
    "bias",
    "declared article",  # a JSON-LD @type of an article (NewsArticle, BlogPosting, ...)
    "declared listing",  # CollectionPage, ItemList, og:product.group ...
    "declared forum",  # DiscussionForumPosting, QAPage
    "declared product",  # Product, Offer, og:product
    "declared other",  # TechArticle, Service, SoftwareApplication
    "declared author",  # a JSON-LD Person: pages with a named author are written pieces
    "og:article",
    "og:website",  # the generic og:type of home, shop and service pages
    "url article",
    "url listing",
    "url forum",
    "url product",
    "url other",
    "url home",  # an empty path: a site's front page
    "prose run",  # log(1 + most prose paragraphs in one stretch of body)
    "prose share",  # prose paragraphs / non-blank lines
    "prose in body",  # prose paragraphs / body lines
    "words per body line",  # log(1 + body words / body lines)
    "link share",  # HTML: the page's characters inside links
    "date share",  # lines with a date or "3 hours ago": post headers of a thread
    "name share",  # lines that read as a person's name: posters, staff, reviewers
    "prices",  # log(1 + price lines)
    "shop buttons",  # log(1 + "Add to cart" lines)
    "forum buttons",  # log(1 + "Reply" lines)
    "teaser share",  # lines labelled related / non-blank lines
    "headline share",  # chrome lines shaped like headlines / non-blank lines
    "title",  # the page has a title (declared or found)
    "body words",  # log(1 + body words)
    "first body position",  # where the body starts among the non-blank lines (0-1)
    "main container share",  # HTML: share of lines inside the main content container
    "count share",  # short lines with a number: reply counts, votes, ratings, stock
    "question share",  # lines ending in "?": the questions of Q&A pages and FAQs
    "lines",  # log(1 + non-blank lines): shops and forums print long pages of items
    "comment share",  # lines labelled comments: a thread's posts
    "nav share",  # lines labelled nav: menus, link lists, facets
    "repeat share",  # short lines printed 3+ times: the same button under every item
    "heading share",  # lines shaped as headings: sections of documentation, teaser titles
    "list share",  # lines shaped as list items: menus, facets, steps, specs
    "code blocks",  # log(1 + code blocks): documentation
    "dated",  # a line is the article's date (metadata.py found one): stories are dated, service pages not
    "signed",  # a line is the article's byline
    "post headers",  # log(1 + name lines next to a date line): the posts of a thread
    "body stretches",  # log(1 + separate runs of body lines): one article is one stretch
    "body span",  # body lines / lines from the first to the last body line
    "body share",  # body lines / non-blank lines
    "last body position",
    "url given",  # the page's URL is known (text mode may have none): the url evidence counts
    "url words",  # log(1 + words in the URL's wordiest segment): a story's slug
    "url depth",  # log(1 + path segments)
    "url date",  # a date in the path
    "url id",  # a number of 5+ digits in the path: a thread's, product's or story's id
    "comment ratio",  # comment lines / (comment + body lines): a thread is mostly its posts
    "declared breadcrumb",  # a JSON-LD BreadcrumbList
)


def evidence(s: PageSignals) -> tuple[float, ...]:
    """The page's evidence as numbers, in `EVIDENCE` order."""
    n = max(1, s.lines)
    declared, _ = _table()
    said = {declared.get(t) for t in s.types}
    html = s.link_share >= 0
    return (
        1.0,
        float(any(declared.get(t) == ARTICLE for t in s.types if not t.startswith("og:"))),
        float(LISTING in said),
        float(FORUM in said),
        float(PRODUCT in said),
        float(OTHER in said),
        float("person" in s.types),
        float("og:article" in s.types),
        float("og:website" in s.types),
        float(s.url_kind == ARTICLE),
        float(s.url_kind == LISTING and s.url_segment != "/"),
        float(s.url_kind == FORUM),
        float(s.url_kind == PRODUCT),
        float(s.url_kind == OTHER),
        float(s.url_segment == "/"),
        math.log1p(s.prose_run),
        s.prose / n,
        s.prose / max(1, s.body_lines),
        math.log1p(s.body_words / max(1, s.body_lines)),
        s.link_share if html else 0.0,
        s.dates / n,
        s.names / n,
        math.log1p(s.prices),
        math.log1p(s.product_words),
        math.log1p(s.forum_words),
        s.related / n,
        s.headlines / n,
        float(s.has_title),
        math.log1p(s.body_words),
        s.first_body,
        max(0.0, s.main_share),
        s.counts / n,
        s.questions / n,
        math.log1p(s.lines),
        s.comments / n,
        s.nav / n,
        s.repeats / n,
        s.headings / n,
        s.list_items / n,
        math.log1p(s.code),
        float(s.dated),
        float(s.signed),
        math.log1p(s.headers),
        math.log1p(s.stretches),
        s.body_lines / max(1.0, (s.last_body - s.first_body) * n + 1) if s.body_lines else 0.0,
        s.body_lines / n,
        s.last_body,
        float(s.url[0]),
        math.log1p(s.url[2]),
        math.log1p(s.url[1]),
        float(s.url[3]),
        float(s.url[4]),
        s.comments / max(1, s.comments + s.body_lines),
        float("breadcrumblist" in s.types),
    )


MODELS = ("html", "text")


@functools.lru_cache(maxsize=1)
def weights() -> dict[str, dict[str, tuple[float, ...]]]:
    """data/kind_model.tsv: per model (html, text) and class (`CLASSES`), one weight per `EVIDENCE` entry.

    HTML and text pages have a model each: the same evidence weighs differently with and
    without markup (a text dump has no links to count and keeps every menu line).
    """
    table = {m: {k: [0.0] * len(EVIDENCE) for k in CLASSES} for m in MODELS}
    index = {name: i for i, name in enumerate(EVIDENCE)}
    path = importlib.resources.files("cleanarticle") / "data" / "kind_model.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            model_name, name, kind, weight = line.split("\t")
            table[model_name][kind][index[name]] = float(weight)
    return {m: {k: tuple(v) for k, v in kinds.items()} for m, kinds in table.items()}


# The reason names at most this many pieces of evidence: those that most separate the
# chosen kind from the runner-up.
REASON_EVIDENCE = 3


def page_kind(s: PageSignals) -> Kind:
    """The page's kind, the evidence that decided it, and P(article) under the model."""
    if not s.lines:
        return Kind(OTHER, "no text", 0.0)
    x = evidence(s)
    w = weights()["html" if s.link_share >= 0 else "text"]
    points = {c: sum(map(operator.mul, x, w[c])) for c in CLASSES}
    top = max(points.values())
    exp = {c: math.exp(v - top) for c, v in points.items()}
    total = sum(exp.values())
    p_kind = dict.fromkeys(KINDS, 0.0)
    best_class: dict[str, str] = {}  # each kind's most likely class: the reason compares those
    for c, e in exp.items():
        k = CLASSES[c]
        p_kind[k] += e / total
        if k not in best_class or e > exp[best_class[k]]:
            best_class[k] = c
    best, second = sorted(KINDS, key=p_kind.__getitem__, reverse=True)[:2]
    wb, ws = w[best_class[best]], w[best_class[second]]
    margins = sorted(((x[i] * (wb[i] - ws[i]), i) for i in range(1, len(EVIDENCE))), reverse=True)
    said = [_describe(EVIDENCE[i], s, x[i]) for m, i in margins[:REASON_EVIDENCE] if m > 0]
    return Kind(best, f"{best} over {second}: " + ", ".join(said) if said else best, p_kind[ARTICLE])


def _describe(name: str, s: PageSignals, value: float) -> str:
    """One piece of evidence as a reason prints it ("url /threads/", "14 prose paragraphs in a row")."""
    if name.startswith(("declared", "og:")):
        declared, _ = _table()
        kind = name.split()[-1]
        types = [t for t in s.types if declared.get(t) == kind or t == name or (kind == "author" and t == "person")]
        return f"declares {'/'.join(types[:2]) or name}"
    shape = {
        "url words": f"url slug of {s.url[2]} words",
        "url depth": f"url {s.url[1]} segments deep",
        "url date": "a date in the url",
        "url id": "an id in the url",
        "url given": "url known",
    }
    if name in shape:
        return shape[name]
    if name.startswith("url"):
        if s.url_segment and s.url_segment.endswith("."):
            return f"host {s.url_segment}"
        return f"url /{s.url_segment.strip('/')}/" if s.url_segment and s.url_segment != "/" else "url is the home page"
    counts = {
        "prose run": f"{s.prose_run} prose paragraphs in a row",
        "prices": f"{s.prices} price lines",
        "shop buttons": f"{s.product_words} shop buttons",
        "forum buttons": f"{s.forum_words} forum buttons",
        "body words": f"{s.body_words} body words",
        "title": "has a title",
    }
    return counts.get(name) or f"{name} {value:.2f}"
