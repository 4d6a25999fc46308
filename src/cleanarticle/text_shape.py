"""Text mode: the shape of each body line, inferred from the lines (there is no markup).

What a plain-text dump still shows: list items start with a bullet or a number ("- ",
"• ", "1. "), table rows are runs of lines cut into the same number of cells by "|" or
by tabs, and a section heading is a short line without final punctuation with a paragraph
under it. Only body lines get a shape; each inferred shape comes with a note for the line's
reason. Tabs reach here as `tab_cells` (`clean` reads them before the line's tabs become
spaces: the body line keeps its spaces, the row's shape its cells).
"""

from __future__ import annotations

import regex

from . import model
from .classify import SHORT, Guess
from .features import LineFeatures

# A bullet or a number, then white space, at the start of the line: a list item's marker.
_BULLETS = "-*+•·▪◦‣–"
_LIST_MARKER = regex.compile(rf"^(?:([{regex.escape(_BULLETS)}])|(\d{{1,3}})[.)])\s+(?=\S)")
# A run of this many lines with the same number of "|"-separated cells is a table
# (one line with a bar is a title "Results | Sport", not a table).
MIN_TABLE_ROWS = 2
# Not a heading: a line in brackets or parentheses ("(Artist: X)", "[Photo gallery]"), a
# handle ("@name"), or one without a letter ("******", "12/50"): credits, links and separators
# (benchmarks/shape_quality.py --mode text: heading precision 0.301 -> 0.330, recall 0.470 -> 0.440);
# nor a line of code or a shell prompt ("$ hg push", "a_b = c;", "x && y"): prose headings hold
# none of "=_{};" or "&&" (precision 0.330 -> 0.343, recall 0.440 -> 0.438).
_NOT_HEADING = regex.compile(r"^[\[({<@*#|$]|\]$|^\P{L}*$|[=_{};]|&&")
# A heading is at most this many words (the revise pass's heading rule uses 12 too).
MAX_HEADING_WORDS = 12
# The level of an inferred heading: the article's title is the only level-1 heading.
TEXT_HEADING_LEVEL = 2


def list_marker(text: str) -> tuple[str, bool] | None:
    """The printed marker of a list item ("•", "1.") and whether the list is numbered, or None."""
    if not text or not (text[0] in _BULLETS or "0" <= text[0] <= "9"):  # most lines: no regex
        return None
    m = _LIST_MARKER.match(text)
    if not m:
        return None
    return m.group().strip(), m.group(2) is not None


def cells(text: str) -> tuple[str, ...]:
    """A line cut at its bars into cells (outer bars dropped); one cell for a line without bars."""
    if "|" not in text:
        return (text,)
    # str.split, not a regex: "\s*\|\s*" backtracks quadratically over a long run of spaces.
    parts = [part.strip() for part in text.strip().split("|")]
    if parts and not parts[0]:
        parts = parts[1:]
    if parts and not parts[-1]:
        parts = parts[:-1]
    return tuple(parts)


def tab_cells(line: str) -> tuple[str, ...] | None:
    """A line cut at its tabs into cells (stripped; empty ones kept where they stand between
    filled ones), or None when fewer than two cells hold text (an indented line)."""
    if "\t" not in line:
        return None
    parts = [part.strip() for part in line.split("\t")]
    while parts and not parts[-1]:
        parts.pop()
    while parts and not parts[0]:
        parts.pop(0)
    return tuple(parts) if sum(1 for p in parts if p) >= 2 else None


def infer(
    feats: list[LineFeatures],
    guesses: list[Guess],
    labels: list[str],
    tab_cells: list[tuple[str, ...] | None] | None = None,
) -> list[tuple[model.Shape, str]]:
    """Per line: its shape and the note that says why ("" for a paragraph or a line that is not body).

    `tab_cells` holds, per line, its cells where the input cut it by tabs (None elsewhere).
    """
    out: list[tuple[model.Shape, str]] = [(model.PARAGRAPH_SHAPE, "")] * len(feats)
    body = [i for i, lab in enumerate(labels) if lab == model.BODY and feats[i].text]
    if tab_cells or any("|" in feats[i].text for i in body):
        _tables(feats, body, out, tab_cells)
    for i in body:
        if out[i][0].kind != model.PARAGRAPH:
            continue
        marker = list_marker(feats[i].text)
        if marker:
            out[i] = (
                model.Shape(model.LIST_ITEM, level=1, ordered=marker[1], marker=marker[0]),
                f"list item (starts with '{marker[0]}')",
            )
    kept = [i for i in range(len(feats)) if feats[i].text and labels[i] in (model.BODY, model.TITLE)]
    for n, i in enumerate(kept):
        f = feats[i]
        if (
            labels[i] != model.BODY
            or out[i][0].kind != model.PARAGRAPH
            or guesses[i].quality != SHORT
            or f.terminal
            or f.words > MAX_HEADING_WORDS
            or n == 0
            or n + 1 == len(kept)
            or _NOT_HEADING.search(f.text.strip())
        ):
            continue
        nxt = kept[n + 1]
        if _is_paragraph(nxt, labels, guesses, out):
            out[i] = (
                model.Shape(model.HEADING, level=TEXT_HEADING_LEVEL),
                "heading (short line without final punctuation above a paragraph)",
            )
    return out


def _is_paragraph(i: int, labels: list[str], guesses: list[Guess], out: list[tuple[model.Shape, str]]) -> bool:
    """A body line that is a paragraph of text, not a short line, list item or table row."""
    return labels[i] == model.BODY and out[i][0].kind == model.PARAGRAPH and guesses[i].quality != SHORT


def _tables(
    feats: list[LineFeatures],
    body: list[int],
    out: list[tuple[model.Shape, str]],
    tab_cells: list[tuple[str, ...] | None] | None = None,
) -> None:
    """Runs of consecutive body lines cut into the same number (2 or more) of cells, all by
    "|" or all by tabs."""
    run: list[int] = []
    run_cells: list[tuple[str, ...]] = []
    width, by = 0, ""

    def close() -> None:
        if len(run) >= MIN_TABLE_ROWS:
            for k, (i, row) in enumerate(zip(run, run_cells)):
                out[i] = (
                    model.Shape(model.TABLE_ROW, cells=row, header=k == 0),
                    f"table row ({width} cells separated by {by}, {len(run)} rows)",
                )

    previous = -2
    for i in body:
        tabbed = tab_cells[i] if tab_cells else None
        row, sep = (tabbed, "tabs") if tabbed else (cells(feats[i].text), "'|'")
        n = len(row) if len(row) >= 2 and (tabbed or all(row)) else 0
        if n and n == width and sep == by and _adjacent(feats, previous, i):
            run.append(i)
            run_cells.append(row)
        else:
            close()
            run, run_cells, width, by = ([i], [row], n, sep) if n else ([], [], 0, "")
        previous = i
    close()


def _adjacent(feats: list[LineFeatures], a: int, b: int) -> bool:
    """Lines a < b with only blank lines between them."""
    return a >= 0 and all(not feats[k].text for k in range(a + 1, b))
