"""HTML front-end: the DOM as blocks in document order, the same shape as text lines.

Each block-level element (p, h1-h6, li, td, div with direct text, br-separated runs …)
gives one block of text, plus the evidence only markup has: how much of it is link
text, its tag, and the chrome region it sits in (a `<nav>`, a `class="related"` box).
The text classifier then labels the blocks as it labels lines; the DOM evidence is
added by `classify.with_dom`, so both front-ends share one set of rules.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.resources
from collections.abc import Mapping
from typing import NamedTuple

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import html_shape, model

# Never visible text: the walk skips these elements with everything inside them (one set
# lookup per element it meets anyway; removing them first took a pass over the tree per tag).
DROP_TAGS = frozenset(
    (
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "embed",
        "canvas",
        "button",
        "select",
        "option",
        "input",
        "textarea",
        "head",
        "math",
    )
)
# Removed before the walk: hidden elements.
HIDDEN = (
    '[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"], '
    '[style*="visibility:hidden"], [style*="visibility: hidden"]'
)
# Modal dialogs: a `<dialog>` without `open` is not shown (the browser's own style sheet), and
# an `aria-modal="true"` box (a privacy policy, a sign-up, a size guide, a cart drawer) is
# shown only over the page when opened: neither is the page's text. One that holds the
# page's first `<h1>` is kept (an article opened over a feed; a privacy policy's own `<h1>`
# comes later). wcxb HTML, all pages: even 0.7982 -> 0.8018 (0580's privacy policy, 0632's
# and 2974's drawers: precision 0.01-0.02 -> 0.49-0.97), odd 0.7937 -> 0.7963; articles
# unchanged (0.9469 / 0.9510), readability unchanged. Taking `role="dialog"` boxes too: even
# 0.8017, odd 0.7960 (a product's details and a thread's posts sit in one), so not; any modal
# holding an `<h1>` kept: even 0.8004 (privacy policies have their own).
MODALS = 'dialog:not([open]), [aria-modal="true"]'
_HIDDEN_OR_MODAL = f"{HIDDEN}, {MODALS}"
# React's streamed server rendering sends a page's late parts as `<div hidden id="S:0">`
# and moves them into place with a script: hidden in the file, shown in the browser
# (Next.js sites; on wcxb the whole article of pages 0155 and 0589 sits in one).
STREAMED_ID = regex.compile(r"S:\d+")
# Discourse and Flarum forums print the thread for crawlers inside `<noscript>` and draw
# it with JavaScript: when the visible page holds less text than this (characters, its
# application shell), the walk is redone with `<noscript>` content, and kept when that adds
# at least NOSCRIPT_MIN_GAIN characters (not just "Please enable JavaScript"). On wcxb 19
# pages (forum threads) qualify, all with under 200 visible characters and 2,000-31,000
# in `<noscript>`; the 3 more under the limit gain 46-188 characters.
NOSCRIPT_RETRY_MAX_CHARS = 2000
NOSCRIPT_MIN_GAIN = 1000
# Elements that start and end a block; everything else is inline and joins its block's text.
BLOCK_TAGS = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "br",
    )
)
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
FRAME_TAGS, QUOTE_HINT = html_shape.FRAME_TAGS, html_shape.QUOTE_HINT
NO_FRAME, PARAGRAPH = html_shape.NO_FRAME, model.PARAGRAPH_SHAPE
# Tags that make a whole region chrome (a region holding most of the good text is the article
# all the same: classify.REGION_MAX_GOOD_SHARE, as ASP.NET's page-wide <form>). A <form> is a sign-up,
# search, contact or comment form: its labels and notes are not body (wcxb HTML, even half:
# articles 0.9372 -> 0.9378, all 0.7752 -> 0.7764; odd 0.9404 -> 0.9404, 0.7717 -> 0.7727;
# readability 0.9523 unchanged). `header` counts only outside the article (inside it
# it holds the title, byline and date). An article's own `<footer>` holds what follows
# its text: tags, share buttons, the publisher's "About us" box, a call to action; it is
# chrome too (wcxb HTML, articles / all pages: even 0.9499 / 0.8030 -> 0.9505 / 0.8031,
# odd 0.9526 / 0.7960 -> 0.9529 / 0.7963; readability HTML 0.95990 -> 0.95998), with the
# lexicon's related prompts inside regions kept (classify.with_dom).
REGION_TAGS = {"nav": "nav", "aside": "related", "menu": "nav", "form": "promo"}
PAGE_REGION_TAGS = {"header": "header", "footer": "footer"}
ARTICLE_REGION_TAGS = frozenset(("footer",))
ARTICLE_TAGS = frozenset(("article", "main"))
CAPTION_TAGS = frozenset(("figcaption",))
# The document's root elements, and the region kinds their class cannot name: a page is not
# its own header or footer, so a token of theirs on `<body>` is a layout flag (MediaWiki's
# `<body class="… feature-footer-v2">`, which made the whole page a footer and hid its
# navigation boxes inside: readability wikipedia 0.955 -> 0.994). Other kinds on the root
# stay (wcxb even half, HTML, all pages: ignoring every root token 0.8025 -> 0.8017 and 3
# more lost pages: shop pages whose `<body class="menu_background_overlap">` made the page
# one nav region, read as the article's, keep the review-filter menus inside it that their
# gold keeps; header and footer only: no wcxb body changes, and one even page, 0210, reads
# as "other" instead of "article" until the kind model is refitted).
PAGE_ROOT_TAGS = frozenset(("html", "body"))
_NOT_ROOT_REGIONS = frozenset(PAGE_REGION_TAGS.values())

_SPACES = regex.compile(r"\s+")
# An id of this many words is a heading's anchor ("sharing-with-a-single-developer"), not a role.
ANCHOR_MIN_WORDS = 4
_SLUG_WORDS = regex.compile(r"[A-Za-z]+")
# A token right after "no-" / "no_" is negated: a layout class saying the region is absent.
_NEGATED = regex.compile(r"(?<![A-Za-z0-9])no[-_]$", regex.IGNORECASE)


class HtmlBlock(NamedTuple):
    """One block of visible text and the markup around it (a tuple: one is made per block)."""

    text: str
    tag: str  # the innermost block element holding the text
    link_chars: int  # characters inside <a>
    region: str | None  # chrome kind of the markup region the block sits in
    region_reason: str | None  # e.g. "inside <nav>", "markup 'share'"
    region_id: int  # which element opened the region (0: none), to weigh regions as wholes
    caption: bool  # inside <figcaption> or a caption-classed element
    element: int  # id of the innermost block element holding the text (see `Dom.parent`)
    shape: model.Shape = model.PARAGRAPH_SHAPE  # heading, list item, table row ... (see html_shape)
    links: tuple[tuple[str, str], ...] = ()  # (anchor text, href) of the links in the text, in order
    images: tuple[tuple[str, str], ...] = ()  # (alt text, src) of the images since the block before

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    @property
    def heading(self) -> bool:
        return self.tag in HEADING_TAGS


@functools.lru_cache(maxsize=1)
def _token_kinds() -> tuple[regex.Pattern, dict[str, str]]:
    """class/id/role tokens that name chrome (data/dom_tokens.tsv), as one regex + kind map."""
    kinds: dict[str, str] = {}
    path = importlib.resources.files("cleanarticle") / "data" / "dom_tokens.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, token = line.partition("\t")
            kinds[token.strip().lower()] = kind.strip()
    alternation = "|".join(regex.escape(t) for t in sorted(kinds, key=len, reverse=True))
    # A token is a whole word of the attribute: "related-posts", "relatedPosts", not "unrelated".
    pattern = regex.compile(rf"(?<![A-Za-z0-9])(?i:{alternation})(?![a-z0-9])")
    return pattern, kinds


def _attr_region(attrs: dict[str, str | None]) -> tuple[str, str] | None:
    """The chrome kind that an element's class, id or role names, with the token as reason.

    An element whose attributes also name content ("article-body") is not chrome.
    """
    return _region_of_attrs(attrs.get("class"), attrs.get("id"), attrs.get("role"), attrs.get("itemprop"))


@functools.lru_cache(maxsize=4096)
def _region_of_attrs(cls: str | None, ident: str | None, role: str | None, prop: str | None) -> tuple[str, str] | None:
    """`_attr_region` over the attribute values (cached: a page repeats its class names).

    A content word anywhere vetoes chrome, but for an id naming a comment section beside a
    class naming content (`<div id="comment-box" class="user-post-box">`): the id is the
    element's own name, the class a style shared with the post above (readability pixnet:
    its 42-comment thread was read as the article's body; wcxb HTML: one page moves, 2020,
    its F1 unchanged at 0.639; both halves' scores unchanged).
    """
    if ident and len(_SLUG_WORDS.findall(ident)) >= ANCHOR_MIN_WORDS:
        ident = None
    words = " ".join(v for v in (cls, ident, role, prop) if v)
    if not words:
        return None
    hit = _tokens_region(words)
    if hit is None and ident and cls:
        own = _tokens_region(ident)
        if own is not None and own[0] == model.COMMENTS:
            return own
    return hit


def _tokens_region(words: str) -> tuple[str, str] | None:
    """The first chrome kind the words name, or None when none does or one names content."""
    pattern, kinds = _token_kinds()
    hit = None
    for m in pattern.finditer(words):
        if _NEGATED.search(words, 0, m.start()):
            continue  # "no-sidebars", "no_breadcrumbs": the page says it has none
        kind = kinds[m.group().lower()]
        if kind == "content":
            return None
        hit = hit or (kind, f"markup '{m.group()}'")
    return hit


# The walk makes a context per element: built with tuple.__new__ (all fields, in order), it
# skips the named tuple's Python-level __new__ (0.4 µs each).
_new_tuple = tuple.__new__


class _Context(NamedTuple):
    """What an element passes down to its descendants (a tuple: one is made per element)."""

    tag: str
    region: str | None = None
    region_reason: str | None = None
    region_id: int = 0
    in_link: bool = False
    in_article: bool = False
    caption: bool = False
    element: int = 0
    frame: html_shape.Frame = html_shape.NO_FRAME  # lists, quote, code around the element


def strip_invisible(tree: LexborHTMLParser) -> None:
    """Remove hidden elements and closed modal dialogs (scripts, styles and forms' widgets are
    skipped by the walk).

    One query finds both (each query is a walk of the whole tree, about as long as this one);
    the modals are told apart on the few elements it returns. Which modal sits inside which
    removed element is read before anything is removed: a removed element's subtree is freed.
    """
    nodes = tree.css(_HIDDEN_OR_MODAL)
    if not nodes:
        return
    hidden = [node.css_matches(HIDDEN) for node in nodes]
    modals = [node for node, h in zip(nodes, hidden) if not h and node.css_matches(MODALS)]
    outer = {node.mem_id: _ancestors(node) for node in modals}
    gone: set[int] = set()
    for node, h in zip(nodes, hidden):
        if h and not (node.tag == "div" and "hidden" in node.attributes and STREAMED_ID.fullmatch(node.id or "")):
            gone.add(node.mem_id)
            node.decompose()
    modals = [node for node in modals if outer[node.mem_id].isdisjoint(gone)]
    if not modals:
        return
    headline = tree.css_first("h1")
    held = headline.mem_id if headline is not None else None
    for node in modals:  # in document order: a modal around another comes first
        if not outer[node.mem_id].isdisjoint(gone):
            continue  # went with the modal around it
        if held is None or all(h.mem_id != held for h in node.css("h1")):
            gone.add(node.mem_id)
            node.decompose()


def _ancestors(node: LexborNode) -> frozenset[int]:
    """The ids (`mem_id`) of the elements around `node`."""
    out = []
    up = node.parent
    while up is not None:
        out.append(up.mem_id)
        up = up.parent
    return frozenset(out)


def _element_name(tag: str, attrs: dict[str, str | None]) -> str:
    """How reasons name an element: "div#main.article-body" (its tag, first id and first class)."""
    ident = (attrs.get("id") or "").split()
    cls = (attrs.get("class") or "").split()
    return tag + (f"#{ident[0]}" if ident else "") + (f".{cls[0]}" if cls else "")


@dataclasses.dataclass(frozen=True, slots=True)
class Dom:
    """The page's blocks and the tree of block elements that hold them."""

    blocks: list[HtmlBlock]
    parent: dict[int, int]  # block element id -> id of its nearest block ancestor (0: root)
    tags: dict[int, tuple[str, dict[str, str | None]]]  # block element id -> its tag and attributes
    # block element id -> id of the last block element inside it. Ids are given in document
    # order, so an element's descendants are exactly the ids after it up to this one
    # (main_content reads subtrees as ranges instead of walking a children map).
    last: dict[int, int]

    def name(self, element: int) -> str:
        """How reasons name a block element ("div#main.article-body"); made only when one is cited."""
        if element not in self.tags:
            return "?"
        return _element_name(*self.tags[element])


def html_blocks(tree: LexborHTMLParser, *, keep_links: bool = False, keep_images: bool = False) -> Dom:
    """The visible text of the page as blocks in document order.

    A page that shows almost nothing but keeps its text in `<noscript>` (a JavaScript
    application's crawler view) is read with that text. `keep_links` records each block's
    links (anchor text, href) for Markdown; it is off by default because it costs a tenth
    of the walk (readability pages) and only Markdown uses it. `keep_images` records each
    `<img>` (alt text, src) with the block that follows it (or the last block), for Markdown.
    """
    dom = _walk(tree, DROP_TAGS, keep_links, keep_images)
    shown = sum(len(b.text) for b in dom.blocks)
    if shown < NOSCRIPT_RETRY_MAX_CHARS and tree.css_first("noscript") is not None:
        retry = _walk(tree, _DROP_BUT_NOSCRIPT, keep_links, keep_images)
        if sum(len(b.text) for b in retry.blocks) >= shown + NOSCRIPT_MIN_GAIN:
            return retry
    return dom


_DROP_BUT_NOSCRIPT = DROP_TAGS - {"noscript"}


def _walk(tree: LexborHTMLParser, drop: frozenset[str], keep_links: bool = False, keep_images: bool = False) -> Dom:
    """The blocks of the page, skipping the elements in `drop` with everything inside them."""
    root = tree.body or tree.root
    out: list[HtmlBlock] = []
    parent: dict[int, int] = {}
    tags: dict[int, tuple[str, dict[str, str | None]]] = {}
    last: dict[int, int] = {}
    if root is None:
        return Dom(out, parent, tags, last)
    parts: list[str] = []
    link_chars = 0
    owner = _Context("body")
    # The block's links as [first part, end part (-1: still open), href]; a link that is open
    # when its block ends goes on in the next block.
    links: list[list] = []
    images: list[tuple[str, str, int]] = []  # the images met since the last block, with their region (keep_images)

    def flush() -> None:
        nonlocal link_chars
        if parts:
            raw = "".join(parts)
            text = " ".join(raw.split())
            if text:
                shape = (
                    PARAGRAPH
                    if owner.frame is NO_FRAME and owner.tag not in HEADING_TAGS
                    else html_shape.shape_of(owner.tag, owner.frame, raw)
                )
                out.append(
                    HtmlBlock(
                        text,
                        owner.tag,
                        min(link_chars, len(text)),
                        owner.region,
                        owner.region_reason,
                        owner.region_id,
                        owner.caption,
                        owner.element,
                        shape,
                        _anchors(parts, links) if links else (),
                        _taken(images, owner.region_id) if images else (),
                    )
                )
            parts.clear()
            if links:
                links[:] = [[0, -1, link[2]] for link in links if link[1] < 0]
        link_chars = 0

    # Walk the tree by first_child/next links, keeping the open elements on a stack:
    # no per-node allocation, and leaving a block element ends its text.
    open_elements: list[tuple[LexborNode, _Context, _Context | None]] = []
    ctx = owner
    node: LexborNode | None = root
    elements = 0
    while True:
        if node is None:
            if not open_elements:
                break
            if keep_links:
                in_link = ctx.in_link
                closed, ctx, saved_owner = open_elements.pop()
                if in_link and not ctx.in_link and links and links[-1][1] < 0:  # leaving the link
                    links[-1][1] = len(parts)
            else:
                closed, ctx, saved_owner = open_elements.pop()
            if saved_owner is not None:  # leaving a block element: its parent's text resumes
                if parts:
                    flush()
                last[owner.element] = elements
                owner = saved_owner
            node = closed.next if open_elements else None
            continue
        tag = node.tag
        if tag == "-text":
            text = node.text_content
            # White space before a block's first words is dropped anyway: most of it is the
            # indentation between block elements, which would only make empty blocks to flush.
            if text and (parts or not text.isspace()):
                parts.append(text)
                if ctx.in_link:
                    link_chars += len(text.strip())
            node = node.next
            continue
        if tag is None or tag[0] in "-_!":  # comments, doctype
            node = node.next
            continue
        if tag in drop:
            node = node.next
            continue
        if tag not in BLOCK_TAGS:
            # Inline elements only matter as links: their text belongs to the block around them.
            first = node.first_child
            if first is not None:
                open_elements.append((node, ctx, None))
                if tag == "a" and not ctx.in_link:
                    ctx = _linked(ctx)
                    if keep_links:
                        href = node.attrs.get("href")
                        if href:
                            links.append([len(parts), -1, href.strip()])
                node = first
            else:
                if keep_images and tag == "img":
                    _add_image(node.attributes, ctx.region_id, images)
                node = node.next
            continue
        if tag == "br" and owner.tag in HEADING_TAGS:  # "<h2>Designed to<br>be redesigned</h2>": one heading
            parts.append(" ")
            node = node.next
            continue
        if parts:
            flush()
        if tag == "br" or tag == "hr":
            node = node.next
            continue
        elements += 1
        attrs = node.attributes
        # Only lists, items, quotes, <pre> and a <div>'s class or role can change the frame.
        if tag in FRAME_TAGS or (
            tag == "div" and attrs and ("role" in attrs or QUOTE_HINT in (attrs.get("class") or ""))
        ):
            frame = html_shape.frame_of(tag, attrs, ctx.frame)
        else:
            frame = ctx.frame
        child_ctx = _child_context(tag, attrs, ctx, elements, frame)
        parent[elements] = owner.element
        tags[elements] = (tag, attrs)
        open_elements.append((node, ctx, owner))
        owner = ctx = child_ctx
        node = node.first_child
    flush()
    if images and out:  # images after the last block go with it
        out[-1] = out[-1]._replace(images=out[-1].images + _taken(images, out[-1].region_id))
    return html_shape.merge_rows(Dom(out, parent, tags, last))


# Where lazy-loading pages keep an image's address while `src` holds a placeholder.
LAZY_SRC_ATTRS = ("data-src", "data-original", "data-lazy-src")


def _add_image(attrs: Mapping[str, str | None], region: int, images: list[tuple[str, str, int]]) -> None:
    """Record an `<img>` as (alt text, src, region id): a lazy loader's real address over a
    `data:` placeholder; none without an address."""
    src = (attrs.get("src") or "").strip()
    if not src or src.startswith("data:"):
        src = next((v.strip() for a in LAZY_SRC_ATTRS if (v := attrs.get(a)) and v.strip()), src)
    if src and not src.startswith("data:"):
        images.append((" ".join((attrs.get("alt") or "").split()), src, region))


def _taken(images: list[tuple[str, str, int]], region: int) -> tuple[tuple[str, str], ...]:
    """The images met since the last block that sit in `region` as the block does (a logo in
    the page header does not go with the headline under it), emptying the list."""
    out = tuple((alt, src) for alt, src, r in images if r == region)
    images.clear()
    return out


def _anchors(parts: list[str], links: list[list]) -> tuple[tuple[str, str], ...]:
    """(anchor text, href) of each link of a block, its text collapsed as the block's is."""
    out = []
    for start, end, href in links:
        anchor = " ".join("".join(parts[start : end if end >= 0 else len(parts)]).split())
        if anchor:
            out.append((anchor, href))
    return tuple(out)


def _child_context(
    tag: str, attrs: dict[str, str | None], ctx: _Context, serial: int, frame: html_shape.Frame = html_shape.NO_FRAME
) -> _Context:
    """The context a block element gives its children: region, article, caption, and its `frame`."""
    region, reason, region_id = ctx.region, ctx.region_reason, ctx.region_id
    if region is None:
        region_id = serial
        if tag in REGION_TAGS:
            region, reason = REGION_TAGS[tag], f"inside <{tag}>"
        elif tag in PAGE_REGION_TAGS and (not ctx.in_article or tag in ARTICLE_REGION_TAGS):
            region, reason = PAGE_REGION_TAGS[tag], f"inside <{tag}>"
        elif attrs:
            hit = _attr_region(attrs)
            if hit and not (hit[0] in _NOT_ROOT_REGIONS and tag in PAGE_ROOT_TAGS):
                region, reason = hit[0], f"{hit[1]} on <{_element_name(tag, attrs)}>"
    caption = ctx.caption or tag in CAPTION_TAGS or region == "caption"
    if not caption and ctx.region is not None and attrs:
        caption = _nested_caption(attrs)
    return _new_tuple(
        _Context,
        (
            tag,
            region,
            reason,
            region_id if region else 0,
            ctx.in_link,
            ctx.in_article or tag in ARTICLE_TAGS,
            caption,
            serial,
            frame,
        ),
    )


def _nested_caption(attrs: dict[str, str | None]) -> bool:
    """Whether an element inside a chrome region names a caption box in its class (`class="legends"`).

    The first region token met owns everything under it, so captions inside a widget the
    article sits in went unseen: a 50-slide gallery's captions (`ul.legends` in a
    `dnd-widget-wrapper`) came out as 50 headings and 86 list items of the article
    (readability bug-1255978). Checked only inside regions, where the walk otherwise reads
    no attributes, and only on a class holding part of a caption token (a full check on every
    element inside a region made the walk 20 % slower on the readability pages).
    """
    cls = attrs.get("class")
    if not cls:
        return False
    for hint in _caption_hints():  # a loop of `in` tests: a tenth of a regex search's time
        if hint in cls:
            break
    else:
        return False
    hit = _attr_region(attrs)
    return hit is not None and hit[0] == model.CAPTION


@functools.lru_cache(maxsize=1)
def _caption_hints() -> tuple[str, ...]:
    """The caption tokens of data/dom_tokens.tsv without their first letter ("aption", "egend"):
    a cheap substring test, whatever the case of that letter, before the token regex."""
    hints = {t[1:] for t, kind in _token_kinds()[1].items() if kind == model.CAPTION and len(t) > 1}
    return tuple(sorted(h for h in hints if not any(o != h and o in h for o in hints)))  # "egend", not "egends"


def _linked(ctx: _Context) -> _Context:
    """`ctx` inside a link (`in_link`, its fifth field, set)."""
    return _new_tuple(_Context, (*ctx[:4], True, *ctx[5:]))
