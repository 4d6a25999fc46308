"""`cleanarticle explain FILE` on a terminal: every input line with its label, shape, reason and rule.

A row reads `  12  related (was body) h3  <text>  <- <reason> [revise.teaser_run]`: the final
label, the first pass's label when the context pass changed it, the block's shape when it is
not a paragraph (`h2`, `ul li`, `ol li 2` for a nested item, `tr`/`th` for a table row or
header row, `quote`, `pre`), and the rule's id; a line that became one of `Article.comments`
adds which and why (`; comment 2: in the comment section <section#comments>`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from .. import model
from ..model import Article

METADATA = frozenset({model.TITLE, model.BYLINE, model.DATE, model.SOURCE})
# ANSI styles: kept text green, metadata bold cyan, chrome red, reasons dim.
_STYLE = {"body": "32", "meta": "1;36", "chrome": "31", "blank": "2", "reason": "2"}
_ARROW = "  <- "
# On a terminal a line is cut to the width, but never below this many characters of text.
MIN_TEXT_COLUMNS = 24


def group(label: str) -> str:
    """The colour group of a label: body, meta(data), blank or chrome."""
    if label == model.BODY:
        return "body"
    if label in METADATA:
        return "meta"
    return "blank" if label == model.BLANK else "chrome"


def render(article: Article, path: str, *, color: bool, width: int | None) -> Iterator[str]:
    """The header (what was extracted) then one row per input line: number (1-based, as in
    `date_source`), label (and the first label if it changed), text, reason and rule id.
    `width` cuts long text to fit a terminal; None keeps it whole."""
    paint = _painter(color)
    yield (
        paint("meta", path) + f"  {article.format}, lang {article.lang or '?'}, "
        f"confidence {article.confidence:g}, encoding {article.encoding or '?'}"
    )
    yield f"title   {article.title or '-'}"
    date = " ".join(x for x in (article.date, article.time) if x) or "-"
    yield f"date    {date}" + (f"  ({article.date_source})" if article.date_source else "")
    yield f"byline  {article.byline or '-'}" + (f"  (authors: {', '.join(article.authors)})" if article.authors else "")
    if article.comments:
        yield f"comments {len(article.comments)}"
    yield ""
    labels = [label_column(b) for b in article.blocks]
    label_width = max(map(len, labels), default=5)
    for block, label in zip(article.blocks, labels):
        head = f"{block.index + 1:>5}  {label:<{label_width}}  "
        if block.label == model.BLANK and not block.text:
            yield paint("blank", head.rstrip())
            continue
        text = block.text
        why = f"{_ARROW}{block.reason} [{block.rule}]" if block.rule else _ARROW + block.reason
        if block.comment:
            why += f"; {block.comment}"
        if width is not None:
            room = max(MIN_TEXT_COLUMNS, width - len(head) - len(why))
            text = _cut(text, room)
        yield paint(group(block.label), head + text) + paint("reason", why)


def label_column(block: model.Block) -> str:
    """The final label, the first pass's label when the context pass changed it, and the shape."""
    out = block.label
    if block.first_label and block.first_label != block.label:
        out += f" (was {block.first_label})"
    shape = shape_column(block.shape)
    return f"{out} {shape}" if shape else out


def shape_column(shape: model.Shape) -> str:
    """A shape in a few characters, named as its HTML would be ("" for a paragraph)."""
    if shape.kind == model.HEADING:
        return f"h{shape.level}"
    if shape.kind == model.LIST_ITEM:
        return ("ol li" if shape.ordered else "ul li") + (f" {shape.level}" if shape.level > 1 else "")
    if shape.kind == model.TABLE_ROW:
        return "th" if shape.header else "tr"
    return {model.QUOTE: "quote", model.CODE: "pre"}.get(shape.kind, "")


def _painter(color: bool):
    def paint(kind: str, text: str) -> str:
        return f"\x1b[{_STYLE[kind]}m{text}\x1b[0m" if color and text else text

    return paint


def _cut(text: str, columns: int) -> str:
    """`text` cut to `columns` terminal cells (wide CJK characters take two), with an ellipsis."""
    used = 0
    for i, ch in enumerate(text):
        used += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used > columns - 1 and i < len(text) - 1:
            return text[:i] + "…"
    return text
