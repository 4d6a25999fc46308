"""Authors the markup names: `itemprop=author`, `rel=author`, and elements whose class names an author's name.

These come after JSON-LD's `author` and before `<meta name=author>` (which is as often the
site or its webmaster as a person). Only the first byline counts: the names of one
element, or of elements side by side in it ("Jane Doe and John Roe"); an author box of a
related story further down is another byline.
"""

from __future__ import annotations

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

# Class words of an element that holds an author's name ("author-name", "byline__author",
# "post-author-name", "authorName"); a bare "author" class is too often a whole author box.
_NAME_CLASS = regex.compile(
    r"author[-_]{0,2}(?:name|link)\b|byline[-_]{0,2}(?:name|author)|authorname"
    r"|post-author\b|entry-author\b|article-author\b",
    regex.I,
)
_SELECTOR = "[itemprop~=author], a[rel~=author], " + ", ".join(f"[class*={w} i]" for w in ("author", "byline"))
# Names are at most this many words; longer text is a biography or a sentence.
MAX_NAME_WORDS = 6
# The first byline's names come from elements this close: the same parent or grandparent.
MAX_NAMES = 6
_SPACES = regex.compile(r"\s+")


def _text(node: LexborNode) -> str:
    return _SPACES.sub(" ", node.text(separator=" ")).strip()


def _name_node(node: LexborNode) -> LexborNode | None:
    """The element that holds the name: itself, or its `itemprop=name` child."""
    if "author" in (node.attributes.get("itemprop") or ""):
        inner = node.css_first("[itemprop~=name]")
        if inner is not None:
            return inner
        content = node.attributes.get("content")
        return node if content is None else None
    if node.tag == "a" and "author" in (node.attributes.get("rel") or ""):
        return node
    if not _NAME_CLASS.search(node.attributes.get("class") or ""):
        return None
    # An author box holding a name element: the name element is read on its own.
    # (Lexbor's css() on a node also matches the node itself.)
    inside = (n for n in node.css("[class]") if n.mem_id != node.mem_id)
    return None if any(_NAME_CLASS.search(n.attributes.get("class") or "") for n in inside) else node


def _near(a: LexborNode, b: LexborNode) -> bool:
    pa, pb = a.parent, b.parent
    if pa is None or pb is None:
        return False
    if pa.mem_id == pb.mem_id:
        return True
    ga, gb = pa.parent, pb.parent
    return ga is not None and gb is not None and ga.mem_id == gb.mem_id


def markup_authors(tree: LexborHTMLParser) -> tuple[str, ...]:
    """The printed texts of the first byline's author elements (prefixes such as "By" kept for the caller)."""
    names: list[str] = []
    first: LexborNode | None = None
    for node in tree.css(_SELECTOR):
        holder = _name_node(node)
        if holder is None:
            continue
        text = _text(holder)
        if not text or len(text.split()) > MAX_NAME_WORDS:
            continue
        if first is None:
            first = holder
        elif not _near(first, holder):
            break
        if text not in names:
            names.append(text)
        if len(names) >= MAX_NAMES:
            break
    return tuple(names)
