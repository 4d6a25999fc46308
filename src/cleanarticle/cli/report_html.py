"""`cleanarticle explain FILE --html report.html`: one self-contained page to debug a site.

Every input line coloured by its label, its reason on hover (and in a column), the
extracted title, date and authors on top, and a switch to hide chrome. No script, no
external file: the page opens anywhere, from a mail attachment too.
"""

from __future__ import annotations

import collections
import html

from ..model import Article
from .explain import group, label_column

# Background per label: kept text green, metadata blue shades, chrome warm shades.
COLOURS = {
    "body": "#d9f2d9",
    "title": "#b3d1ff",
    "byline": "#cce0ff",
    "date": "#cce0ff",
    "source": "#e0ecff",
    "blank": "#ffffff",
    "duplicate": "#f2e6d9",
    "image": "#f9e0c7",
    "caption": "#fbe7d3",
    "related": "#f8d7da",
    "share": "#f5d0e6",
    "comments": "#ead1f5",
    "promo": "#ffd6cc",
    "nav": "#eeeeee",
    "header": "#e6e6e6",
    "footer": "#e6e6e6",
}
OTHER_COLOUR = "#f0f0f0"

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#222}
header{position:sticky;top:0;background:#fafafa;border-bottom:1px solid #ccc;padding:.6em 1em;z-index:1}
h1{font-size:1.25em;margin:.1em 0 .3em}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:0 0 .4em}
dt{color:#666}dd{margin:0}
.legend span{display:inline-block;padding:0 .4em;margin:.1em;border-radius:3px;font-size:.85em}
table{border-collapse:collapse;width:100%}
td{vertical-align:top;padding:.15em .5em;border-bottom:1px solid #fff}
td.n{color:#888;text-align:right;font-variant-numeric:tabular-nums;width:3em}
td.l{font-size:.8em;color:#444;width:6em}
td.r{font-size:.8em;color:#555;width:22em}
tr.blank td.t{height:.6em}
#hide:checked~main tr.chrome,#hide:checked~main tr.blank{display:none}
#hide:checked~header label::after{content:" \\2713"}
"""


def render(article: Article, path: str) -> str:
    """The whole page as a string (the caller writes it)."""
    e = html.escape
    counts = collections.Counter(b.label for b in article.blocks)
    labels = sorted(counts, key=lambda lab: (list(COLOURS).index(lab) if lab in COLOURS else len(COLOURS), lab))
    style = _CSS + "".join(
        f"tr.{_cls(lab)},span.{_cls(lab)}{{background:{COLOURS.get(lab, OTHER_COLOUR)}}}" for lab in labels
    )
    date = " ".join(x for x in (article.date, article.time) if x)
    facts = [
        ("date", f"{date} ({article.date_source})" if article.date_source else date),
        ("byline", article.byline),
        ("authors", ", ".join(article.authors)),
        ("language", article.lang),
        ("confidence", f"{article.confidence:g}"),
        ("comments", str(len(article.comments)) if article.comments else None),
        ("input", f"{article.format}, {article.encoding or 'text'}, {len(article.blocks)} lines"),
    ]
    rows = "\n".join(
        f'<tr class="{_cls(b.label)} {group(b.label)}" title="{e(b.label)}: {e(b.reason)} [{e(b.rule)}]">'
        f'<td class="n">{b.index + 1}</td><td class="l">{e(label_column(b))}</td><td class="t">{e(b.text)}</td>'
        f'<td class="r">{e(b.reason)} <small>[{e(b.rule)}]</small>{"; " + e(b.comment) if b.comment else ""}</td></tr>'
        for b in article.blocks
    )
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>cleanarticle: {e(path)}</title><style>{style}</style></head><body>\n"
        f'<input type="checkbox" id="hide" hidden>'
        f"<header><h1>{e(article.title) if article.title else '<i>no title found</i>'}</h1>"
        f"<dl><dt>file</dt><dd>{e(path)}</dd>"
        + "".join(f"<dt>{k}</dt><dd>{e(v) if v else '-'}</dd>" for k, v in facts)
        + '</dl><div class="legend">'
        + "".join(f'<span class="{_cls(lab)}">{e(lab)} {counts[lab]}</span>' for lab in labels)
        + ' <label for="hide" style="cursor:pointer;text-decoration:underline">hide chrome and blanks</label>'
        f"</div></header>\n<main><table>\n{rows}\n</table></main></body></html>\n"
    )


def _cls(label: str) -> str:
    """A label as a CSS class name (labels are plain words; anything else is dropped)."""
    return "lab-" + "".join(ch for ch in label if ch.isalnum() or ch in "-_")
