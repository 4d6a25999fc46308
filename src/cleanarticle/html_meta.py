"""HTML front-end: metadata the page declares (JSON-LD, <meta>, <title>, <time>, <html lang>).

Declared metadata beats what the text rules can guess, so it is read first and the
text rules only fill what is missing. It is read before scripts are stripped, since
JSON-LD lives in <script> elements.
"""

from __future__ import annotations

import dataclasses
import datetime
import urllib.parse
from collections.abc import Iterable, Sequence

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import html_authors, html_dates, html_scan, jsonld, kind, langid, lexicon, metadata, titles

# <meta> names/properties, in order of trust, for each field.
TITLE_KEYS = (
    "dc:title",
    "dcterm:title",
    "dc.title",
    "dcterms.title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
)
AUTHOR_KEYS = ("dc:creator", "dcterm:creator", "author", "parsely-author", "article:author", "sailthru.author")
MARKUP_AUTHOR = "markup author"
SITE_KEYS = ("og:site_name", "application-name")
# The page's only <h1>, this many words or more, is the printed headline even where no head
# title agrees (the head's are SEO rewrites: "Online Class: Definition, Best Platforms in 2025"
# for "Everything You Need to Know About Online Classes"). Measured on wcxb's even half:
# titles 173 -> 180 of 223 (2 words: 179), dates 182 -> 184 (the headline anchors the byline
# and date); odd half titles 185 -> 189; readability titles 99 -> 96 (its own are og:title).
LONE_H1_MIN_WORDS = 4
# German and other compounding languages say as much in fewer, longer words ("Bundestag
# beschließt Heizungsgesetz"): a lone <h1> of two or three words counts when it is this many
# characters long (not in Han or kana, whose characters are words: readability's qq page, whose
# title keeps the site's name, fell 101 -> 100). Neutral on wcxb (both halves) and readability.
LONE_H1_MIN_CHARS = 28


def _lone_h1_size(h1: str) -> bool:
    """Whether a lone <h1> is long enough to be the headline (see LONE_H1_MIN_WORDS)."""
    words = len(h1.split())
    return words <= titles.MAX_TITLE_WORDS and (
        words >= LONE_H1_MIN_WORDS or (words >= 2 and len(h1) >= LONE_H1_MIN_CHARS and not _DENSE.search(h1))
    )


# A <title> split at its last separator keeps the left part only if it keeps this many words.
TITLE_MIN_WORDS = 3
# Titles this short or long are probably not the headline; a lone <h1> is then preferred.
TITLE_MIN_CHARS, TITLE_MAX_CHARS = 15, 150

# Separators between a <title>'s headline and the site's name: spaced marks ("|", "-", "·",
# "«", "•"), and the full-width bar that CJK titles print unspaced ("見出し｜朝日新聞").
_SEPARATOR = regex.compile(r" [|\-–—\\/>»«·•~] |\s*｜\s*")
# Han, kana and Hangul characters: two of them weigh as one word in a title's size.
_DENSE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_SPACES = regex.compile(r"\s+")
_URLISH = regex.compile(r"^(?:https?:)?//|^www\.")
# Elements of an inline SVG drawing, whose <title> labels the drawing, not the page.
_SVG_TAGS = frozenset({"svg", "symbol", "g", "use", "path", "a", "image"})


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
    dates: tuple[html_dates.DateEvidence, ...] = ()  # every declared date, most trusted first
    byline_source: str | None = None
    sites: frozenset[str] = frozenset()  # the site's name in squashed form (see titles.site_keys)
    bylines: tuple[tuple[str, str], ...] = ()  # (source, byline) of every author source, most trusted first

    def is_site(self, name: str) -> bool:
        """Whether `name` names the site itself (an author that is no person)."""
        return titles.is_site(name, self.sites)

    # Every JSON-LD @type on the page, then its microdata types (`itemtype`) that name a kind
    # (data/page_kinds.tsv) and are not among them, and the og:type ("og:article"),
    # casefolded: what the page says it is, read by `kind.page_kind`.
    types: tuple[str, ...] = ()


def _text(value: object) -> str | None:
    if isinstance(value, str):
        return _SPACES.sub(" ", value).strip() or None
    return None


def _meta_values(tree: LexborHTMLParser, nodes: Iterable[LexborNode] | None = None) -> dict[str, str]:
    """<meta name|property|itemprop=... content=...>, keys casefolded; first one wins."""
    values: dict[str, str] = {}
    for node in tree.css("meta[content]") if nodes is None else nodes:
        attrs = node.attributes
        content = _text(attrs.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            for key in (attrs.get(attr) or "").casefold().split():
                values.setdefault(key, content)
    return values


def _document_title(tree: LexborHTMLParser) -> str | None:
    """The page's <title>: the one in <head>, else the first other one that says something. An
    inline <svg> holds <title>s of its own (an icon's label) that may come first in the document;
    a template may leave the head's empty and print one in the body."""
    head = tree.head
    node = head.css_first("title") if head is not None else None
    title = _text(node.text()) if node is not None else None
    if title:
        return title
    for node in tree.css("title"):
        if (node.parent is None or node.parent.tag not in _SVG_TAGS) and (title := _text(node.text())):
            return title
    return None


def _heading_text(node: LexborNode) -> str:
    """An <h1>'s text, a line break read as a space ("WEEKEND<br>CODING" is "WEEKEND CODING")."""
    if node.css_first("br") is None:
        return node.text()
    return "".join(" " if n.tag == "br" else (n.text_content or "") for n in node.traverse(include_text=True))


# A kicker printed in the <h1> before the headline ("<span>Hamburg</span><span>Headline</span>",
# German and French news sites' "Dachzeile"/"surtitre") is at most this many words.
KICKER_MAX_WORDS = 4


def _kicker_split(node: LexborNode) -> tuple[str, str] | None:
    """(kicker, headline) of an <h1> made of a short kicker element and the headline's element(s).

    Its text nodes hold only spaces and punctuation; without this split the two read as one
    ("HamburgStadtrat beschließt …", no space between the elements)."""
    parts: list[str] = []
    for child in node.iter(include_text=True):
        value = _SPACES.sub(" ", child.text()).strip()
        if child.tag == "-text":
            if any(c.isalnum() for c in value):
                return None
        elif value:
            parts.append(value)
    if len(parts) < 2 or len(parts[0].split()) > KICKER_MAX_WORDS:
        return None
    headline = " ".join(parts[1:])
    return (parts[0], headline) if len(headline.split()) > len(parts[0].split()) else None


def _headings(tree: LexborHTMLParser, tags: str) -> list[str]:
    return [t for n in tree.css(tags) if (t := _text(n.text()))]


def title_from_document_title(raw: str, tree: LexborHTMLParser) -> str:
    """The headline inside a <title> such as "Headline | Site" or "Site: Headline".

    The site's part is cut at the last separator when enough words remain; a colon
    splits only when no heading prints the whole title; an implausibly short or long
    title gives way to the page's only <h1>.
    """
    words = _size(raw)
    title = raw
    seps = list(_SEPARATOR.finditer(raw))
    if seps:
        title = raw[: seps[-1].start()]
        if _size(title) < TITLE_MIN_WORDS:
            title = raw[seps[0].end() :]
    elif ": " in raw:
        if raw not in _headings(tree, "h1, h2"):
            title = raw[raw.rfind(":") + 1 :]
            if _size(title) < TITLE_MIN_WORDS:
                title = raw[raw.find(":") + 1 :]
            elif len(raw[: raw.find(":")].split()) > 5:
                title = raw
    elif not TITLE_MIN_CHARS <= len(raw) <= TITLE_MAX_CHARS:
        h1s = _headings(tree, "h1")
        if len(h1s) == 1:
            title = h1s[0]
    title = _SPACES.sub(" ", title).strip()
    # Too little left: the cut took the headline's own words; keep the whole title.
    n = _size(title)
    if n <= 4 and (not seps or n != words - len(seps)):
        return raw
    return title


def _size(text: str) -> int:
    """A title's size in words, two Han, kana or Hangul characters counting as one word."""
    dense = len(_DENSE.findall(text))
    return len(text.split()) + dense // 2 if dense else len(text.split())


def _h1s(tree: LexborHTMLParser, nodes: Sequence[LexborNode] | None = None) -> list[tuple[str, str | None]]:
    """(text, headline without its kicker or None) of the page's first <h1>s."""
    nodes = tree.css("h1") if nodes is None else nodes
    found = []
    for n in nodes[: titles.MAX_H1]:
        split = _kicker_split(n)
        text = titles.heading(" ".join(split) if split else _heading_text(n))
        if text:
            found.append((text, titles.heading(split[1]) if split else None))
    return found


def _title(
    tree: LexborHTMLParser,
    meta: dict[str, str],
    ld: jsonld.LinkedData,
    sites: frozenset[str],
    h1_nodes: Sequence[LexborNode] | None = None,
) -> tuple[str | None, str | None]:
    """(title, source): the printed <h1> a head title agrees with, else the most trusted head title."""
    doc_title = titles.text(_document_title(tree))
    heads = [
        (source, t)
        for source, t in (
            ("json-ld headline", titles.text(ld.headline)),
            ("meta og:title", titles.text(meta.get("og:title"))),
            ("meta twitter:title", titles.text(meta.get("twitter:title"))),
            ("<title>", doc_title),
        )
        if t
    ]
    kicked = _h1s(tree, h1_nodes)
    h1s = [text for text, _ in kicked]
    printed = titles.printed_headline(h1s, heads, sites)
    if printed:
        # The headline under a kicker, where a head title says it alone or after the kicker.
        headline = next((h for text, h in kicked if text == printed[0] and h), None)
        if headline and any(titles.agrees(headline, titles.strip_site(t, sites)) for _, t in heads):
            return headline, f"{printed[1]}, its kicker cut"
        return printed
    if (
        len(h1s) == 1
        and _lone_h1_size(h1s[0])
        and not titles.is_site(h1s[0], sites)
        and not titles.names_site(h1s[0], heads, h1s)
    ):
        return h1s[0], "the page's only <h1>"
    headline, name = titles.text(ld.headline), titles.text(ld.name)
    if headline or name:
        # Some sites put their own name in "name": prefer whichever the <title> contains.
        title = headline if not name or (headline and doc_title and headline in doc_title) else name
        return titles.strip_site(title, sites) if title else None, "json-ld"
    key = next((k for k in TITLE_KEYS if meta.get(k)), None)
    if key:
        declared = titles.text(meta[key]) or ""
        stripped = titles.strip_site(declared, sites)
        seps = list(_SEPARATOR.finditer(declared)) if stripped == declared == doc_title else []
        if seps and _size(declared[: seps[-1].start()]) >= TITLE_MIN_WORDS:
            # The <title> said again, site unknown: its last part is the site's ("Headline - Site").
            stripped = declared[: seps[-1].start()].strip()
        return stripped or None, f"meta {key}"
    if doc_title:
        # The site's name cut off its end ("Headline | Site"); a headline that merely holds the
        # host's word ("Gardening in …" on gardening.example.edu) is not the site's part.
        stripped = titles.strip_site(doc_title, sites)
        if stripped != doc_title and doc_title.startswith(stripped):
            return stripped, "<title>"
        return title_from_document_title(doc_title, tree), "<title>"
    return None, None


def _bylines(
    tree: LexborHTMLParser, meta: dict[str, str], ld: jsonld.LinkedData, lex: lexicon.Lexicon, sites: frozenset[str]
) -> tuple[tuple[str, str], ...]:
    """(source, byline) of every source in the cascade that names someone, most trusted first.

    JSON-LD persons, then the markup's author elements, then `<meta>` authors (often the
    site or its webmaster: those are dropped by `metadata.authors`). The pipeline keeps the
    first whose name is printed near the headline, or the first where the text shows no
    byline of its own.
    """
    # The markup is searched only without JSON-LD persons: the search costs more than the
    # rest of the head, and where JSON-LD names people it changed no answer on wcxb.
    candidates = [
        ("json-ld author", ", ".join(ld.authors)),
        (MARKUP_AUTHOR, "" if ld.authors else ", ".join(html_authors.markup_authors(tree))),
    ]
    candidates += [(f"meta {k}", titles.text(meta[k]) or "") for k in AUTHOR_KEYS if meta.get(k)]
    found = []
    for source, text in candidates:
        text = titles.text(text) or ""
        if text and metadata.authors(text, lex, declared=True, is_site=lambda n: titles.is_site(n, sites)):
            found.append((source, text))
    return tuple(found)


def read_head(tree: LexborHTMLParser, url: str | None = None, today: datetime.date | None = None) -> HeadMeta:
    """Title, byline, date, language and site name as the page declares them."""
    scanned = html_scan.scan(tree)
    meta = _meta_values(tree, scanned.metas)
    ld = jsonld.read(tree, scanned.scripts)
    site = next((titles.text(meta[k]) for k in SITE_KEYS if meta.get(k)), None)
    sites = titles.site_keys(site, url, ld.orgs)
    title, source = _title(tree, meta, ld, sites, scanned.h1s)
    html = tree.css_first("html")
    lang = _text(html.attributes.get("lang") or html.attributes.get("xml:lang")) if html is not None else None
    lex = lexicon.lexicon(langid.from_tag(lang))
    bylines = _bylines(tree, meta, ld, lex, sites)
    byline, byline_source = (bylines[0][1], bylines[0][0]) if bylines else (None, None)
    dates = html_dates.evidence(
        tree, meta, ld.published, ld.modified, url, lex, today or datetime.date.today(), scanned, ld.created
    )
    first = dates[0] if dates and not dates[0].modified else None  # a modified time alone is no publication date
    if site is None and url:
        try:
            site = urllib.parse.urlsplit(url).hostname
        except ValueError:  # "http://[x": not a URL we can read a host from
            site = None
    og_type = meta.get("og:type")
    types = (
        ld.types
        + tuple(t for t in scanned.itemtypes if t not in ld.types and kind.declared_kind(t))
        + ((f"og:{og_type.casefold()}",) if og_type else ())
    )
    return HeadMeta(
        title,
        source,
        byline,
        first.date if first else None,
        first.time if first else None,
        first.source if first else None,
        lang,
        site,
        dates,
        byline_source,
        sites,
        bylines,
        types,
    )
