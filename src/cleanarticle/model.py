"""The plain data that flows out of cleanarticle: `Block` per input line, `Article` per page."""
from __future__ import annotations

import dataclasses
from typing import Any

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

LABELS = frozenset({BODY, TITLE, BYLINE, DATE, SOURCE, BLANK, DUPLICATE, IMAGE, CAPTION,
                    RELATED, SHARE, COMMENTS, PROMO, NAV, HEADER, FOOTER})
CHROME = LABELS - {BODY, TITLE, BYLINE, DATE, SOURCE, BLANK}


@dataclasses.dataclass(frozen=True, slots=True)
class Block:
    """One input line (text mode) with the label it got and why.

    `reason` says why in words; `rule` is the stable id of the rule that decided it (see
    `cleanarticle.rules`), and `first_label` the label of the first pass (the line's own
    text and markup), kept when the context pass overrides it.
    """

    index: int
    text: str
    label: str
    reason: str
    rule: str = ""
    first_label: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "text": self.text, "label": self.label, "reason": self.reason,
                "rule": self.rule, "first_label": self.first_label}


@dataclasses.dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the body, its metadata and every block with its label.

    `confidence` (0-1) says how sure we are that the input is one article and that the
    body is right; see `cleanarticle.confidence.confidence` for how it is computed.
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
    encoding: str | None = None
    format: str = "text"
    blocks: tuple[Block, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        """The body split into its paragraphs (one per line)."""
        return self.body.split("\n") if self.body else []

    def to_dict(self, *, blocks: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; `blocks=False` leaves out the per-line labels."""
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "blocks"}
        out["authors"] = list(self.authors)
        if blocks:
            out["blocks"] = [b.to_dict() for b in self.blocks]
        return out
