"""HTML: each block's shape (heading, list item, table row, quote, code) from the markup around it.

`html_blocks` walks the DOM and passes a `Frame` down the tree (the open lists, whether we
are inside a list item, a quotation or preformatted text); `shape_of` turns the frame of
the element that owns a block into its `model.Shape`. Table cells come out of the walk as
one block each; `merge_rows` then joins the cells of a simple row (cells holding text only)
into one block, so that a table row is one line of the body with its cells kept apart.
The frame changes only at the few tags (and class names) that carry structure, so most
elements share their parent's frame: no allocation on the walk's hot path.
"""

from __future__ import annotations

import functools
import operator
from typing import TYPE_CHECKING, NamedTuple

import regex

from . import model

if TYPE_CHECKING:
    from .html_blocks import Dom, HtmlBlock

LIST_TAGS = {"ul": False, "ol": True, "menu": False}
ITEM_TAGS = frozenset(("li",))
QUOTE_TAGS = frozenset(("blockquote",))
CODE_TAGS = frozenset(("pre",))
CELL_TAGS = frozenset(("td", "th"))
ROW_TAG = "tr"
HEADER_SECTION_TAG = "thead"
# Tags whose frame may differ from their parent's; of the others only a <div> can change it,
# by its class or role (a code or quotation box, an ARIA heading); the rest inherit it.
FRAME_TAGS = frozenset(LIST_TAGS) | ITEM_TAGS | QUOTE_TAGS | CODE_TAGS
# Class names sites give to quotation boxes built from <div>s. Code needs none: on 130
# readability and 300 wcxb pages every highlighter box ("highlight", "highlight-python")
# wrapped a <pre>, which makes code anyway, and "highlight" named product cards and labels
# as often. A <div> is only looked at when its class holds QUOTE_HINT or it has a role (a
# check on every <div> cost 0.3 ms a page on the readability pages).
QUOTE_HINT = "uote"  # "quote", "Quote": a cheap test before the cached regex
_QUOTE_CLASS = regex.compile(r"(?<![A-Za-z0-9])(?i:blockquote|pullquote|pull-quote)(?![A-Za-z0-9])")
HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}
# An ARIA heading without a level is an h2 (WAI-ARIA's default for role="heading").
ARIA_DEFAULT_LEVEL = 2


class Frame(NamedTuple):
    """The structure a block element sits in (a tuple; the empty frame is shared)."""

    lists: tuple[bool, ...] = ()  # the open lists, outermost first: True for a numbered one
    item: bool = False  # inside a list item of the innermost list
    quote: bool = False
    code: bool = False
    heading: int = 0  # an ARIA heading's level (role="heading"); h1-h6 come from the tag


NO_FRAME = Frame()


def frame_of(tag: str, attrs: dict[str, str | None], frame: Frame) -> Frame:
    """The frame a block element gives its children: `frame` itself unless the element adds structure."""
    if tag in TAG_FRAME_TAGS:
        return _tag_frame(frame, tag)
    if attrs.get("role") == "heading":
        level = attrs.get("aria-level") or ""
        return frame._replace(heading=int(level) if level.isdigit() and 1 <= int(level) <= 6 else ARIA_DEFAULT_LEVEL)
    cls = attrs.get("class")
    return _quote_frame(frame) if cls and _is_quote_class(cls) else frame


TAG_FRAME_TAGS = frozenset(LIST_TAGS) | ITEM_TAGS | QUOTE_TAGS | CODE_TAGS


@functools.lru_cache(maxsize=1024)
def _tag_frame(frame: Frame, tag: str) -> Frame:
    """The frame under a list, list item, quote or <pre> (cached: a page has few distinct frames,
    and a list's hundred items then share one)."""
    if tag in LIST_TAGS:
        return frame._replace(lists=(*frame.lists, LIST_TAGS[tag]), item=False)
    if tag in ITEM_TAGS:
        return frame if frame.item else frame._replace(item=True)
    if tag in QUOTE_TAGS:
        return frame._replace(quote=True)
    return frame._replace(code=True)


@functools.lru_cache(maxsize=1024)
def _is_quote_class(cls: str) -> bool:
    """Whether a class attribute names a quotation box (cached: a page repeats its classes)."""
    return _QUOTE_CLASS.search(cls) is not None


def _quote_frame(frame: Frame) -> Frame:
    return _tag_frame(frame, "blockquote")


def shape_of(tag: str, frame: Frame, raw: str) -> model.Shape:
    """The shape of a block whose innermost block element is `tag` in `frame`; `raw` is its
    text before white space was collapsed (kept for code)."""
    if frame.code and tag not in HEADING_LEVELS:
        return model.Shape(model.CODE, code=raw.strip("\n").rstrip())
    return _shape(tag, frame)


@functools.lru_cache(maxsize=1024)
def _shape(tag: str, frame: Frame) -> model.Shape:
    """`shape_of` for anything but code (cached: shapes are shared, immutable values)."""
    if tag in HEADING_LEVELS:
        return model.Shape(model.HEADING, level=HEADING_LEVELS[tag])
    if frame is NO_FRAME:
        return model.PARAGRAPH_SHAPE
    if frame.heading:
        return model.Shape(model.HEADING, level=frame.heading)
    if frame.item:
        return model.Shape(
            model.LIST_ITEM, level=max(len(frame.lists), 1), ordered=bool(frame.lists) and frame.lists[-1]
        )
    if frame.quote:
        return model.Shape(model.QUOTE)
    return model.PARAGRAPH_SHAPE


# Cells of a row are joined into the row's text with this separator (the body keeps it).
CELL_SEPARATOR = " | "


_TAG = operator.itemgetter(0)


def merge_rows(dom: Dom) -> Dom:
    """`dom` with the cells of each simple table row joined into one block (shape `table_row`).

    A row is simple when each of its cells holds its text in one block element at most (the
    cell itself or one wrapper such as `<td><div>…</div></td>`: a layout table's cell holding
    paragraphs, a table or a heading stays as it is, so that the metadata rules still see a
    title and a date laid out side by side in cells: wcxb 0495) and at least two cells hold text. Empty cells are
    kept in `Shape.cells`, so that columns stay aligned, and left out of the text. The row
    keeps its first cell's block element: the main content scoring credits a block to its
    element's parent and grandparent, and so sees the row much as it saw the cells.
    """
    blocks, tags, parent = dom.blocks, dom.tags, dom.parent
    # Most pages have no table cell: a check at C speed (any() over a generator took
    # half of this function's time on the readability pages, which are 107 of 130 without).
    if CELL_TAGS.isdisjoint(map(_TAG, tags.values())):
        return dom
    rows: dict[int, list[int]] = {}  # tr -> its cell elements, in document order
    cell_of: dict[int, int] = {}  # block element inside a cell -> that cell
    complex_cells: set[int] = set()
    for element, up in parent.items():  # document order: a parent comes before its children
        tag = tags[element][0]
        if tag in CELL_TAGS:
            cell_of[element] = element
            if tags.get(up, ("",))[0] == ROW_TAG:
                rows.setdefault(up, []).append(element)
            if up in cell_of:  # a table inside a cell
                complex_cells.add(cell_of[up])
        elif up in cell_of:
            cell_of[element] = cell_of[up]
            if tag in HEADING_LEVELS:  # a layout table's title cell: "<td><h3>Title</h3></td><td>date</td>"
                complex_cells.add(cell_of[up])
    row_of = {cell: row for row, cells in rows.items() for cell in cells}
    holders: dict[int, set[int]] = {}  # cell -> the block elements holding its text
    for b in blocks:
        cell = cell_of.get(b.element)
        if cell is not None:
            holders.setdefault(cell, set()).add(b.element)
    complex_cells.update(c for c, held in holders.items() if len(held) > 1)
    simple = {row for row, cells in rows.items() if complex_cells.isdisjoint(cells)}
    out: list[HtmlBlock] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        cell = cell_of.get(b.element)
        row = row_of.get(cell) if cell is not None else None
        if row not in simple:
            out.append(b)
            i += 1
            continue
        j = i
        texts: dict[int, list[str]] = {}
        while j < len(blocks) and row_of.get(cell_of.get(blocks[j].element, 0)) == row:
            texts.setdefault(cell_of[blocks[j].element], []).append(blocks[j].text)
            j += 1
        run = blocks[i:j]
        cells = tuple(" ".join(texts.get(c, ())) for c in rows[row])
        if sum(1 for c in cells if c) < 2:
            out.extend(run)
        else:
            header = (
                all(tags[c][0] == "th" for c in rows[row])
                or tags.get(parent.get(row, 0), ("",))[0] == HEADER_SECTION_TAG
            )
            out.append(
                b._replace(
                    text=CELL_SEPARATOR.join(c for c in cells if c),
                    tag=ROW_TAG,
                    link_chars=sum(x.link_chars for x in run),
                    caption=any(x.caption for x in run),
                    links=tuple(link for x in run for link in x.links),
                    images=tuple(image for x in run for image in x.images),
                    shape=model.Shape(model.TABLE_ROW, cells=cells, header=header),
                )
            )
        i = j
    return type(dom)(out, parent, tags)
