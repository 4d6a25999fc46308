"""HTML front-end: metadata the page declares (JSON-LD, <meta>, <title>, <time>, <html lang>).

Declared metadata beats what the text rules can guess, so it is read first and the
text rules only fill what is missing. It is read before scripts are stripped, since
JSON-LD lives in <script> elements.
"""
from __future__ import annotations

import dataclasses
import json
import urllib.parse

import regex
from selectolax.lexbor import LexborHTMLParser

# JSON-LD types that describe an article.
ARTICLE_TYPES = frozenset((
    "article", "newsarticle", "reportage", "analysisnewsarticle", "blogposting", "socialmediaposting",
    "liveblogposting", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
    "scholarlyarticle", "report", "webpage", "creativework", "posting", "medicalwebpage",
))
# JSON-LD keys whose values are entities of the page itself (a QAPage's Question, a
# Product's Offer, an ItemList's items), searched for their @type too.
NESTED_KEYS = frozenset(("mainEntity", "mainEntityOfPage", "itemListElement", "offers", "about"))
# <meta> names/properties, in order of trust, for each field.
TITLE_KEYS = ("dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
              "twitter:title")
AUTHOR_KEYS = ("dc:creator", "dcterm:creator", "author", "parsely-author", "article:author", "sailthru.author")
PUBLISHED_KEYS = ("article:published_time", "og:published_time", "published_time", "datepublished",
                  "pubdate", "publishdate", "publish-date", "parsely-pub-date", "dc.date.issued", "dcterms.issued",
                  "dc.date", "dcterms.date", "date", "sailthru.date", "article.published")
MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
SITE_KEYS = ("og:site_name", "application-name")
# A <title> split at its last separator keeps the left part only if it keeps this many words.
TITLE_MIN_WORDS = 3
# Titles this short or long are probably not the headline; a lone <h1> is then preferred.
TITLE_MIN_CHARS, TITLE_MAX_CHARS = 15, 150

_SEPARATOR = regex.compile(r" [|\-–—\\/>»] ")
_ISO = regex.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_SPACES = regex.compile(r"\s+")
_URLISH = regex.compile(r"^(?:https?:)?//|^www\.")


@dataclasses.dataclass(frozen=True, slots=True)
class HeadMeta:
    """Metadata declared by the page; None where it declares nothing usable."""

    title: str | None = None
    title_source: str | None = None
    byline: str | None = None
    date: str | None = None
    time: str | None = None
    date_source: str | None = None
    lang: str | None = None
    site_name: str | None = None
    # Every JSON-LD @type on the page and the og:type ("og:article"), casefolded: what the
    # page says it is, read by `kind.page_kind`.
    types: tuple[str, ...] = ()


def _text(value: object) -> str | None:
    if isinstance(value, str):
        value = _SPACES.sub(" ", value).strip()
        return value or None
    return None


def _meta_values(tree: LexborHTMLParser) -> dict[str, str]:
    """<meta name|property|itemprop=... content=...>, keys casefolded; first one wins."""
    values: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        content = _text(attrs.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            for key in (attrs.get(attr) or "").casefold().split():
                values.setdefault(key, content)
    return values


def _json_ld(tree: LexborHTMLParser) -> tuple[dict, tuple[str, ...]]:
    """The first JSON-LD object of an article type (searched through @graph and lists),
    and every @type the page's JSON-LD declares (casefolded, in order, once each)."""
    found: dict = {}
    seen: dict[str, None] = {}
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "")
        except (ValueError, RecursionError):
            continue
        todo: list[tuple[object, bool]] = [(data, True)]  # (item, whether it is the page's own entity)
        while todo:
            item, own = todo.pop(0)
            if isinstance(item, list):
                todo.extend((x, own) for x in item)
            elif isinstance(item, dict):
                types = item.get("@type")
                types = types if isinstance(types, list) else [types]
                folded = [t.casefold() for t in types if isinstance(t, str)]
                seen.update(dict.fromkeys(folded))
                if own and not found and any(t in ARTICLE_TYPES for t in folded) and (
                        item.get("headline") or item.get("datePublished") or item.get("author")):
                    found = item
                if "@graph" in item:
                    graph = item["@graph"]
                    todo.extend((x, own) for x in (graph if isinstance(graph, list) else [graph]))
                if own:  # a main entity's parts ("mainEntity": a Question, "offers"): their types only
                    todo.extend((v, False) for k, v in item.items() if k in NESTED_KEYS)
    return found, tuple(seen)


def _ld_author(value: object) -> str | None:
    """JSON-LD author(s) as one printed byline: "A, B"."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        if name and not _URLISH.match(name) and name not in names:
            names.append(name)
    return ", ".join(names) or None


def _iso(value: str | None) -> tuple[str, str | None] | None:
    m = _ISO.search(value or "")
    if not m:
        return None
    date = f"{m[1]}-{m[2]}-{m[3]}"
    return date, (f"{m[4]}:{m[5]}" if m[4] else None)


def _document_title(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("title")
    return _text(node.text()) if node is not None else None


def _headings(tree: LexborHTMLParser, tags: str) -> list[str]:
    return [t for n in tree.css(tags) if (t := _text(n.text()))]


def title_from_document_title(raw: str, tree: LexborHTMLParser) -> str:
    """The headline inside a <title> such as "Headline | Site" or "Site: Headline".

    The site's part is cut at the last separator when enough words remain; a colon
    splits only when no heading prints the whole title; an implausibly short or long
    title gives way to the page's only <h1>.
    """
    words = len(raw.split())
    title = raw
    seps = list(_SEPARATOR.finditer(raw))
    if seps:
        title = raw[:seps[-1].start()]
        if len(title.split()) < TITLE_MIN_WORDS:
            title = raw[seps[0].end():]
    elif ": " in raw:
        if raw not in _headings(tree, "h1, h2"):
            title = raw[raw.rfind(":") + 1:]
            if len(title.split()) < TITLE_MIN_WORDS:
                title = raw[raw.find(":") + 1:]
            elif len(raw[:raw.find(":")].split()) > 5:
                title = raw
    elif not TITLE_MIN_CHARS <= len(raw) <= TITLE_MAX_CHARS:
        h1s = _headings(tree, "h1")
        if len(h1s) == 1:
            title = h1s[0]
    title = _SPACES.sub(" ", title).strip()
    # Too little left: the cut took the headline's own words; keep the whole title.
    n = len(title.split())
    if n <= 4 and (not seps or n != words - len(seps)):
        return raw
    return title


def read_head(tree: LexborHTMLParser, url: str | None = None) -> HeadMeta:
    """Title, byline, date, language and site name as the page declares them."""
    meta = _meta_values(tree)
    ld, ld_types = _json_ld(tree)
    title = source = None
    headline, name = _text(ld.get("headline")), _text(ld.get("name"))
    doc_title = _document_title(tree)
    if headline or name:
        # Some sites put their own name in "name": prefer whichever the <title> contains.
        title = headline if not name or (headline and doc_title and headline in doc_title) else name
        source = "json-ld"
    if not title:
        key = next((k for k in TITLE_KEYS if meta.get(k)), None)
        if key:
            title, source = meta[key], f"meta {key}"
    if not title and doc_title:
        title, source = title_from_document_title(doc_title, tree), "<title>"
    byline = _ld_author(ld.get("author")) if ld else None
    if not byline:
        byline = next((meta[k] for k in AUTHOR_KEYS if meta.get(k) and not _URLISH.match(meta[k])), None)
    date = time = date_source = None
    published = _iso(_text(ld.get("datePublished"))) if ld else None
    if published:
        (date, time), date_source = published, "json-ld datePublished"
    else:
        for key in PUBLISHED_KEYS + MODIFIED_KEYS:
            hit = _iso(meta.get(key))
            if hit:
                (date, time), date_source = hit, f"meta {key}"
                break
    if date is None:
        node = tree.css_first("time[datetime]")
        hit = _iso(node.attributes.get("datetime")) if node is not None else None
        if hit:
            (date, time), date_source = hit, "<time datetime>"
    html = tree.css_first("html")
    lang = _text(html.attributes.get("lang") or html.attributes.get("xml:lang")) if html is not None else None
    site = next((meta[k] for k in SITE_KEYS if meta.get(k)), None)
    if site is None and url:
        try:
            site = urllib.parse.urlsplit(url).hostname
        except ValueError:  # "http://[x": not a URL we can read a host from
            site = None
    og_type = meta.get("og:type")
    types = ld_types + ((f"og:{og_type.casefold()}",) if og_type else ())
    return HeadMeta(title, source, byline, date, time, date_source, lang, site, types)
