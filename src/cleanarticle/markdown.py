"""An article as Markdown (CommonMark, plus GitHub's pipe tables), written from its blocks' shapes.

The title is the first `#` heading; body headings follow at their level (never above 2,
so the title stays the only `#`); list items become `-`/`1.` lists nested by their depth;
table rows a pipe table whose first row is the header; quotes `>`; code a fenced block
holding the text verbatim. Everything else is a paragraph. Text is escaped so that prose
never turns into markup: removing the markup again gives back the body's lines.

Written only when asked for (`Article.markdown`, `--as md`, the `markdown` field): the
cleaning itself never builds it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

import regex

from . import model

# Characters that are markup wherever they stand: emphasis, code spans, links, raw HTML,
# strikethrough, and the backslash itself. `_` only outside a word (inside one it cannot
# open emphasis); `&` only where it starts an entity ("&amp;"), which would be decoded.
_INLINE = regex.compile(r"[\\`*\[\]<>~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|&(?=#?\w+;)")
# What makes a line a block of its own at its start: an ATX heading, a list item, a quote
# (escaped inline already), a thematic break or setext underline, a numbered item, a table row.
_LINE_START = regex.compile(r"^(?:(#{1,6})(?=\s|$)|([-+*=])|(\d{1,9})([.)])(?=\s|$)|(\|))")
_TABLE_CELL = regex.compile(r"\|")
_BACKTICK_RUN = regex.compile(r"`+")
# A link destination that can be written as it is; others go in <> with these escaped.
_PLAIN_URL = regex.compile(r"[^\s()<>\\]+")
_URL_ESCAPES = regex.compile(r"[<>\\]")
# The title is the only level-1 heading: body headings start at this level.
BODY_HEADING_MIN_LEVEL = 2
MAX_HEADING_LEVEL = 6
MIN_FENCE = 3
# The heading `to_markdown(..., comments=True)` puts above the comments: a fixed English
# word, like the Markdown around it, not the page's own heading (many pages print none).
COMMENTS_HEADING = "Comments"


def escape(text: str) -> str:
    """`text` as Markdown inline content that renders to exactly `text` (one line, no markup)."""
    return _escape_line_start(_escape_inline(text.strip()))


def _escape_inline(text: str) -> str:
    return _INLINE.sub(lambda m: "\\" + m.group(), text)


def _escape_line_start(out: str) -> str:
    """Escape what would make the (already inline-escaped) line a block of its own."""
    m = _LINE_START.match(out)
    if m:
        if m.group(3):  # "1." -> "1\." : the number stays, the list does not
            out = out[: m.end(3)] + "\\" + out[m.end(3) :]
        else:
            out = "\\" + out
    return out


def _linked(text: str, links: tuple[tuple[str, str], ...]) -> str:
    """`escape(text)` with each link's anchor text (found in order) written as `[anchor](href)`."""
    text = text.strip()
    if not links:
        return escape(text)
    pieces, pos = [], 0
    for anchor, href in links:
        at = text.find(anchor, pos)
        if at < 0:
            continue
        pieces.append(_escape_inline(text[pos:at]))
        pieces.append(f"[{_escape_inline(anchor)}]({_destination(href)})")
        pos = at + len(anchor)
    pieces.append(_escape_inline(text[pos:]))
    return _escape_line_start("".join(pieces))


def _destination(href: str) -> str:
    """A link destination: as written, or in <> when it holds spaces, parentheses or brackets."""
    if _PLAIN_URL.fullmatch(href):
        return href
    return "<" + _URL_ESCAPES.sub(lambda m: "\\" + m.group(), href) + ">"


def _heading_text(text: str, links: tuple[tuple[str, str], ...] = ()) -> str:
    """Heading content: a trailing run of `#` would be read as the heading's closing sequence."""
    out = _linked(text, links)
    stripped = out.rstrip("#")  # not a "#+$" regex: that backtracks quadratically over a run of "#"
    return stripped + "\\" + out[len(stripped) :] if len(stripped) < len(out) else out


def _cell(text: str) -> str:
    """A table cell: escaped, with its bars escaped (GFM splits cells at unescaped bars)."""
    return _TABLE_CELL.sub(r"\\|", escape(text)) if text else ""


def to_markdown(
    article: model.Article, *, title: bool = True, links: bool = False, images: bool = False, comments: bool = False
) -> str:
    """The article's title (as `# …`, unless `title=False`) and body as Markdown, ending in a newline.

    `links=True` writes the links of HTML pages as `[anchor](href)` (hrefs as the page has
    them, relative ones included) in paragraphs, headings, list items and quotes; the
    article must come from `clean(..., links=True)`, which keeps them. `images=True` writes
    the images of HTML pages as `![alt](src)` paragraphs where they stand: those met with a
    body block, or with a caption between the body's first and last block (a figure inside
    the article); the article must come from `clean(..., images=True)`. `comments=True`
    appends the page's user comments (`Article.comments`), if it has any, under a
    `## Comments` heading, one list item each: they are never part of the body.
    """
    parts: list[str] = []
    if title and article.title:
        parts.append("# " + _heading_text(article.title))
    for kind, run in itertools.groupby(_units(article.blocks, images), key=lambda u: u[0]):
        if kind == IMAGE:
            parts.extend(_image(alt, src) for _, (alt, src) in run)
        else:
            parts.extend(_render(kind, [b for _, b in run], links))
    if comments and article.comments:
        parts.append(f"{'#' * BODY_HEADING_MIN_LEVEL} {COMMENTS_HEADING}")
        parts.append("\n".join("- " + escape(c) for c in article.comments))
    return "\n\n".join(parts) + "\n" if parts else ""


# The kind of an image paragraph among the body's blocks (not a block shape: images are no lines).
IMAGE = "image"
# Blocks whose images are the article's when they lie inside its body: a figure's caption.
_FIGURE_LABELS = frozenset((model.BODY, model.CAPTION, model.IMAGE))


def _units(blocks: tuple[model.Block, ...], images: bool) -> list[tuple[str, Any]]:
    """The body blocks as (shape kind, block), with (IMAGE, (alt, src)) before the block each
    image was met with when `images` is asked for."""
    body = [i for i, b in enumerate(blocks) if b.label == model.BODY and b.text]
    if not images or not body:
        return [(blocks[i].shape.kind, blocks[i]) for i in body]
    out: list[tuple[str, Any]] = []
    for b in blocks[body[0] : body[-1] + 1]:
        if b.images and b.label in _FIGURE_LABELS:
            out.extend((IMAGE, image) for image in b.images)
        if b.label == model.BODY and b.text:
            out.append((b.shape.kind, b))
    return out


def _image(alt: str, src: str) -> str:
    """An image paragraph: `![alt](src)`, the alt text escaped as prose is."""
    return f"![{_escape_inline(alt)}]({_destination(src)})"


def _render(kind: str, run: list[model.Block], links: bool) -> Iterator[str]:
    """The Markdown blocks for a run of consecutive body blocks of one kind."""
    if kind == model.HEADING:
        for b in run:
            level = min(max(b.shape.level, BODY_HEADING_MIN_LEVEL), MAX_HEADING_LEVEL)
            yield "#" * level + " " + _heading_text(b.text, b.links if links else ())
    elif kind == model.LIST_ITEM:
        yield "\n".join(_list_lines(run, links))
    elif kind == model.TABLE_ROW:
        yield "\n".join(_table_lines(run))
    elif kind == model.QUOTE:
        yield "\n>\n".join("> " + _linked(b.text, b.links if links else ()) for b in run)
    elif kind == model.CODE:
        for b in run:
            yield _fence(b.shape.code if b.shape.code is not None else b.text)
    else:
        for b in run:
            yield _linked(b.text, b.links if links else ())


def item_text(block: model.Block) -> str:
    """A list item's text without the marker the text printed (text mode: "• milk" -> "milk")."""
    if block.shape.marker and block.text.startswith(block.shape.marker):
        return block.text[len(block.shape.marker) :].lstrip()
    return block.text


def _list_lines(run: list[model.Block], links: bool) -> Iterator[str]:
    """Nested list lines: a deeper item is indented to its parent item's content.

    Depths are taken relative to the run: an item can go at most one level below the one
    before it (a list that starts at depth 3 is drawn at the top level).
    """
    indents: list[int] = []  # per open level: where its items' content starts
    counters: list[int] = []
    kinds: list[bool] = []
    for b in run:
        depth = min(max(b.shape.level, 1), len(indents) + 1)
        del indents[depth:], counters[depth:], kinds[depth:]
        if len(indents) == depth and kinds[-1] != b.shape.ordered:
            indents.pop(), counters.pop(), kinds.pop()  # a list of the other kind starts here
        if len(indents) < depth:
            indents.append(0)
            counters.append(0)
            kinds.append(b.shape.ordered)
        counters[-1] += 1
        pad = indents[-2] if len(indents) > 1 else 0
        marker = f"{counters[-1]}." if b.shape.ordered else "-"
        indents[-1] = pad + len(marker) + 1
        yield " " * pad + marker + " " + _linked(item_text(b), b.links if links else ())


def _table_lines(run: list[model.Block]) -> Iterator[str]:
    """A pipe table: the first row is the header (GFM needs one), every row as wide as the widest."""
    rows = [b.shape.cells or (b.text,) for b in run]
    width = max(len(r) for r in rows)
    for n, row in enumerate(rows):
        cells = [_cell(c) for c in row] + [""] * (width - len(row))
        yield "| " + " | ".join(cells) + " |"
        if n == 0:
            yield "|" + "|".join(["---"] * width) + "|"


def _fence(code: str) -> str:
    """`code` verbatim in a backtick fence longer than any backtick run inside it."""
    longest = max((len(m) for m in _BACKTICK_RUN.findall(code)), default=0)
    fence = "`" * max(MIN_FENCE, longest + 1)
    return f"{fence}\n{code}\n{fence}"


def plain_lines(blocks: Iterable[model.Block]) -> list[str]:
    """What each body block's Markdown reads as once its markup is removed: its text, a list
    item's without its printed marker, a table row's non-empty cells joined by " | " (for the
    property that Markdown gives back the body)."""
    out = []
    for b in blocks:
        if b.label != model.BODY or not b.text:
            continue
        if b.shape.kind == model.LIST_ITEM:
            out.append(item_text(b))
        elif b.shape.kind == model.TABLE_ROW and b.shape.cells:
            out.append(" | ".join(c for c in b.shape.cells if c))
        else:
            out.append(b.text)
    return out
