"""The plain data that flows out of cleanarticle: `Block` per input line, `Article` per page."""

from __future__ import annotations

import dataclasses
from typing import Any, NamedTuple

# Labels a block can carry: the kept ones, metadata lines, and the kinds of chrome.
BODY = "body"
TITLE = "title"
BYLINE = "byline"
DATE = "date"
SOURCE = "source"
BLANK = "blank"
DUPLICATE = "duplicate"
IMAGE = "image"
CAPTION = "caption"
RELATED = "related"
SHARE = "share"
COMMENTS = "comments"
PROMO = "promo"
NAV = "nav"
HEADER = "header"
FOOTER = "footer"

LABELS = frozenset(
    {
        BODY,
        TITLE,
        BYLINE,
        DATE,
        SOURCE,
        BLANK,
        DUPLICATE,
        IMAGE,
        CAPTION,
        RELATED,
        SHARE,
        COMMENTS,
        PROMO,
        NAV,
        HEADER,
        FOOTER,
    }
)
CHROME = LABELS - {BODY, TITLE, BYLINE, DATE, SOURCE, BLANK}


# What a block is in the article's structure (`Shape.kind`): Markdown is written from these.
PARAGRAPH = "paragraph"
HEADING = "heading"
LIST_ITEM = "list_item"
TABLE_ROW = "table_row"
QUOTE = "quote"
CODE = "code"
SHAPES = (PARAGRAPH, HEADING, LIST_ITEM, TABLE_ROW, QUOTE, CODE)


class Shape(NamedTuple):
    """A block's place in the article's structure (a tuple: one per block, mostly the shared default).

    `level` is a heading's level (1-6) or a list item's nesting depth (1: top level);
    `ordered` marks items of a numbered list; `cells` holds a table row's cells apart
    (the block's text joins them with " | "); `header` marks a table's header row;
    `code` is a code block's text verbatim (the block's text has its white space collapsed);
    `marker` is a list item's bullet or number where the text prints it ("•", "1.": text
    mode), so that Markdown can write its own marker instead.
    """

    kind: str = PARAGRAPH
    level: int = 0
    ordered: bool = False
    cells: tuple[str, ...] = ()
    header: bool = False
    code: str | None = None
    marker: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The kind plus the details that are set (JSON-ready)."""
        out: dict[str, Any] = {"kind": self.kind}
        for name in self._fields[1:]:
            value = getattr(self, name)
            if value != self._field_defaults[name]:
                out[name] = list(value) if isinstance(value, tuple) else value
        return out


PARAGRAPH_SHAPE = Shape()


@dataclasses.dataclass(frozen=True, slots=True)
class Block:
    """One input line (text mode) or DOM block (HTML) with the label it got, why, and its shape.

    `reason` says why in words; `rule` is the stable id of the rule that decided it (see
    `cleanarticle.rules`), and `first_label` the label of the first pass (the line's own
    text and markup), kept when the context pass overrides it. `shape` is its place in the
    article's structure (`Shape`); `links` its links, kept with `clean(..., links=True)`;
    `images` the images (alt text, src) met before it (or inside it), kept with
    `clean(..., images=True)`.
    `comment` says which of `Article.comments` the line is part of and why ("comment 2: in
    the comment section <section#comments>"); empty for every other line.
    """

    index: int
    text: str
    label: str
    reason: str
    rule: str = ""
    first_label: str = ""
    shape: Shape = PARAGRAPH_SHAPE
    links: tuple[tuple[str, str], ...] = ()  # HTML: (anchor text, href) of the links in `text`, in order
    comment: str = ""
    images: tuple[tuple[str, str], ...] = ()  # HTML: (alt text, src) of the images met with this block

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; `links`, `comment` and `images` only where the block has them."""
        out = {
            "index": self.index,
            "text": self.text,
            "label": self.label,
            "reason": self.reason,
            "rule": self.rule,
            "first_label": self.first_label,
            "shape": self.shape.to_dict(),
        }
        if self.links:
            out["links"] = [list(link) for link in self.links]
        if self.comment:
            out["comment"] = self.comment
        if self.images:
            out["images"] = [list(image) for image in self.images]
        return out


@dataclasses.dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the body, its metadata and every block with its label.

    `confidence` (0-1) says how sure we are that the input is one article and that the
    body is right; see `cleanarticle.confidence.confidence` for how it is computed.
    `kind` is what the page is (one of `cleanarticle.kind.KINDS`: article, listing,
    forum, product, other) and `kind_reason` the evidence that decided it. `comments` holds
    the page's user comments, one per string, never part of `body` (empty on a forum page,
    whose posts are its body; see `cleanarticle.comments`).
    """

    title: str | None
    body: str
    date: str | None = None
    time: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    date_source: str | None = None
    lang: str | None = None
    confidence: float = 0.0
    kind: str = "article"
    kind_reason: str = ""
    encoding: str | None = None
    format: str = "text"
    comments: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        """The body split into its paragraphs (one per line)."""
        return self.body.split("\n") if self.body else []

    @property
    def markdown(self) -> str:
        """The title and body as Markdown (CommonMark + pipe tables), built from the blocks'
        shapes when asked for; see `cleanarticle.markdown`."""
        from .markdown import to_markdown  # markdown.py imports this module

        return to_markdown(self)

    def to_dict(self, *, blocks: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; `blocks=False` leaves out the per-line labels."""
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "blocks"}
        out["authors"] = list(self.authors)
        out["comments"] = list(self.comments)
        if blocks:
            out["blocks"] = [b.to_dict() for b in self.blocks]
        return out
