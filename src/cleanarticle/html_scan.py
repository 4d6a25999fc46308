"""One walk of the parsed page for the elements the head metadata reads.

Each `css()` query walks the whole document (about 0.45 ms a page on the readability
pages, whatever it looks for), and the head needs five kinds of element: `<meta>`, `<h1>`,
JSON-LD scripts, `<time pubdate>`/`itemprop=datePublished`, the first `<time datetime>`.
One query for all of them, split by tag here, costs about as much as one. The same query
collects the page's microdata types (`itemtype`), which say what the page is as JSON-LD does
(kind.py): forum software marks each post `Comment` or `DiscussionForumPosting`, shops `Product`.
"""

from __future__ import annotations

import dataclasses

from selectolax.lexbor import LexborHTMLParser, LexborNode

LD_JSON = "application/ld+json"
_SELECTOR = (
    f'meta[content], h1, script[type="{LD_JSON}"], time[pubdate], [itemprop~=datePublished], time[datetime], [itemtype]'
)


@dataclasses.dataclass(frozen=True, slots=True)
class Scan:
    """The page's elements of each kind, in document order."""

    metas: tuple[LexborNode, ...] = ()
    h1s: tuple[LexborNode, ...] = ()
    scripts: tuple[LexborNode, ...] = ()
    pubdates: tuple[LexborNode, ...] = ()  # <time pubdate> and [itemprop~=datePublished]
    first_time: LexborNode | None = None  # the first <time datetime>
    # The microdata types, casefolded, once each in document order: "https://schema.org/Comment" -> "comment".
    itemtypes: tuple[str, ...] = ()


def scan(tree: LexborHTMLParser) -> Scan:
    metas, h1s, scripts, pubdates = [], [], [], []
    itemtypes: dict[str, None] = {}
    first_time = None
    last = None
    for node in tree.css(_SELECTOR):
        if node.mem_id == last:  # lexbor lists a node once per alternative of the selector that it matches
            continue
        last = node.mem_id
        tag = node.tag
        if tag == "h1":
            h1s.append(node)
            continue
        attrs = node.attributes
        itemtype = attrs.get("itemtype")
        if itemtype:
            for name in itemtype.split():
                itemtypes[name.rstrip("/").rsplit("/", 1)[-1].casefold()] = None
        if tag == "meta" and "content" in attrs:
            metas.append(node)
        elif tag == "script" and attrs.get("type") == LD_JSON:
            scripts.append(node)
        if (tag == "time" and "pubdate" in attrs) or "datePublished" in (attrs.get("itemprop") or "").split():
            pubdates.append(node)
        if first_time is None and tag == "time" and "datetime" in attrs:
            first_time = node
    return Scan(tuple(metas), tuple(h1s), tuple(scripts), tuple(pubdates), first_time, tuple(itemtypes))
