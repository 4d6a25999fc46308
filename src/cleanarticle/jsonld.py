"""JSON-LD: the article a page declares in `<script type="application/ld+json">`.

Sites nest it in every way schema.org allows: a list of objects, an `@graph`, a
`WebPage` whose `mainEntity` is the article, authors given as `@id` references to a
`Person` elsewhere in the graph. All objects of all scripts are gathered into one flat
list first, so that the article, its authors and its publisher are found wherever
they stand.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

# Types that describe the article itself, in order of trust: a page that declares a
# NewsArticle and a WebPage holding it means the NewsArticle.
ARTICLE_TYPES = (
    "newsarticle",
    "reportage",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "techarticle",
    "scholarlyarticle",
    "article",
    "report",
    "review",
    "howto",
    "recipe",
    "posting",
    "qapage",
    "discussionforumposting",
    "medicalwebpage",
    "webpage",
    "itempage",
    "aboutpage",
    "creativework",
)
_RANK = {t: i for i, t in enumerate(ARTICLE_TYPES)}
# Types that are organisations: named as an author, they are a site, not a person.
ORG_TYPES = frozenset(
    {
        "organization",
        "newsmediaorganization",
        "corporation",
        "website",
        "localbusiness",
        "educationalorganization",
        "brand",
        "ngo",
        "governmentorganization",
    }
)
# JSON-LD keys whose values are entities of the page itself (a QAPage's Question, a
# Product's Offer, an ItemList's items), searched for their @type too.
NESTED_KEYS = frozenset(("mainEntity", "mainEntityOfPage", "itemListElement", "offers", "about"))
# A page's JSON-LD over this many objects (product catalogues) is searched only this far.
MAX_OBJECTS = 2000


@dataclasses.dataclass(frozen=True, slots=True)
class LinkedData:
    """What the page's JSON-LD says about its article; empty fields where it says nothing."""

    headline: str | None = None
    name: str | None = None
    published: str | None = None
    modified: str | None = None
    published_from: str | None = None  # the @type that gave `published`
    created: str | None = None  # dateCreated, or a VideoObject's uploadDate
    authors: tuple[str, ...] = ()
    org_authors: tuple[str, ...] = ()  # authors typed as organisations (kept apart: a site is no person)
    orgs: frozenset[str] = frozenset()  # every organisation or website name in the graph
    article_type: str | None = None
    # Every @type the page declares for itself (top level, @graph, and its main entity's parts
    # under NESTED_KEYS), casefolded, in order, once each: what the page says it is (kind.py).
    types: tuple[str, ...] = ()


def _types(obj: dict) -> list[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return [v.rsplit("/", 1)[-1].casefold() for v in values if isinstance(v, str)]


def _objects(data: object) -> list[dict]:
    """Every JSON object in `data`, depth first in document order (bounded)."""
    found: list[dict] = []
    todo = [data]
    while todo and len(found) < MAX_OBJECTS:
        item = todo.pop()
        if isinstance(item, list):
            todo.extend(reversed(item))
        elif isinstance(item, dict):
            found.append(item)
            todo.extend(reversed([v for v in item.values() if isinstance(v, (dict, list))]))
    return found


def _string(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return None


def _names(value: object, by_id: dict[str, dict]) -> tuple[list[str], list[str]]:
    """(person names, organisation names) of an `author` value: strings, objects, @id references, lists."""
    people: list[str] = []
    orgs: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = by_id.get(item["@id"], item)
        if isinstance(item, dict):
            raw = item.get("name")
            # A name may be a list of names, or absent where the parts are given.
            given = " ".join(p for k in ("givenName", "familyName") if (p := _string(item.get(k))))
            for name in raw if isinstance(raw, list) else [raw or given]:
                if name := _string(name):
                    (orgs if set(_types(item)) & ORG_TYPES else people).append(name)
        elif isinstance(item, str) and item.strip():
            people.append(" ".join(item.split()))
    return people, orgs


# What templates wrap JSON-LD in (an HTML comment, a CDATA section) and the trailing commas
# hand-written JSON leaves before a closing bracket.
_OPENERS = ("<!--", "<![CDATA[")
_CLOSERS = ("-->", "]]>")
_TRAILING_COMMA = regex.compile(r",(\s*[}\]])")


def _load(text: str) -> object:
    """A script's JSON, or None. Tried as written first (nearly every page); then without a
    wrapper and trailing commas, and as several objects in a row (`{...}{...}`)."""
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        pass
    text = _TRAILING_COMMA.sub(r"\1", _unwrapped(text))
    decoder = json.JSONDecoder(strict=False)
    found: list[object] = []
    pos = 0
    try:
        while (pos := _skip_space(text, pos)) < len(text):
            value, pos = decoder.raw_decode(text, pos)
            found.append(value)
    except (ValueError, RecursionError):
        return found or None
    return found[0] if len(found) == 1 else (found or None)


def _unwrapped(text: str) -> str:
    """The script's text without an HTML comment or CDATA wrapper (each maybe after "//")."""
    text = text.strip()
    for opener in _OPENERS:
        head = text[2:].lstrip() if text.startswith("//") else text
        if head.startswith(opener):
            text = head[len(opener) :].strip()
    for closer in _CLOSERS:
        if text.endswith(closer):
            text = text[: -len(closer)].rstrip()
            text = text[:-2].rstrip() if text.endswith("//") else text
    return text


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n;":
        pos += 1
    return pos


def _declared_types(data: object) -> list[str]:
    """The @types of the page's own entities: top level, @graph, and one level of NESTED_KEYS."""
    out: list[str] = []
    todo: list[tuple[object, bool]] = [(data, True)]  # (item, whether it is the page's own entity)
    while todo and len(out) < MAX_OBJECTS:
        item, own = todo.pop(0)
        if isinstance(item, list):
            todo.extend((x, own) for x in item)
        elif isinstance(item, dict):
            out.extend(_types(item))
            if "@graph" in item:
                graph = item["@graph"]
                todo.extend((x, own) for x in (graph if isinstance(graph, list) else [graph]))
            if own:
                todo.extend((v, False) for k, v in item.items() if k in NESTED_KEYS)
    return out


def read(tree: LexborHTMLParser, scripts: Iterable[LexborNode] | None = None) -> LinkedData:
    """The page's declared article: headline, dates, authors, and the organisations it names.

    `scripts`: the page's JSON-LD script elements where the caller has them (see html_scan).
    """
    objects: list[dict] = []
    declared: list[str] = []
    for node in tree.css('script[type="application/ld+json"]') if scripts is None else scripts:
        data = _load(node.text() or "")
        if data is None:
            continue
        objects.extend(_objects(data))
        declared.extend(_declared_types(data))
    if not objects:
        return LinkedData()
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and len(o) > 1}
    ranked = sorted(
        (
            (min(_RANK.get(t, len(_RANK)) for t in _types(o) or ["?"]), k, o)
            for k, o in enumerate(objects)
            if set(_types(o)) & _RANK.keys()
        ),
        key=lambda x: x[:2],
    )
    article = next(
        (o for _, _, o in ranked if o.get("headline") or o.get("datePublished") or o.get("author")),
        ranked[0][2] if ranked else {},
    )
    orgs = frozenset(name for o in objects if set(_types(o)) & ORG_TYPES if (name := _string(o.get("name"))))
    published = _string(article.get("datePublished"))
    source = next((t for t in _types(article)), None)
    if not published:  # the article may lack it where the WebPage holding it has it
        holder = next((o for _, _, o in ranked if _string(o.get("datePublished"))), None)
        if holder is not None:
            published, source = _string(holder.get("datePublished")), next(iter(_types(holder)), None)

    # The day it was made, or a video page's upload: weaker evidence of the publication (a
    # wiki's first revision, an upload's time in UTC), read after the other declared dates.
    created = _string(article.get("dateCreated")) or next(
        (v for o in objects if "videoobject" in _types(o) if (v := _string(o.get("uploadDate")))), None
    )
    people, org_authors = _names(article.get("author") or article.get("creator"), by_id)
    return LinkedData(
        headline=_string(article.get("headline")),
        name=_string(article.get("name")),
        published=published,
        modified=_string(article.get("dateModified")),
        created=created,
        published_from=source,
        authors=tuple(dict.fromkeys(people)),
        org_authors=tuple(dict.fromkeys(org_authors)),
        orgs=orgs,
        article_type=next(iter(_types(article)), None),
        types=tuple(dict.fromkeys(declared)),
    )
