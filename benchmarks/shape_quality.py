"""Does the article keep its shape? Headings, list items and table rows on the readability pages (issue 21).

    python benchmarks/shape_quality.py [--mode html|text] [--corpus DIR] [--pages N] [--json OUT] [--worst N]

For every page of the readability corpus whose expected output has the full HTML
(`../shared/corpus/readability/*/expected.html`, what readability.js returns), the
script reads that HTML's structure with selectolax directly, not with cleanarticle's own
DOM walk, so that a mistake there cannot cancel out:

- headings: the text of each `h1`-`h6`;
- list items: the text of each `li` without the lists nested in it;
- table rows: the non-empty cell texts of each `tr` with at least two of them
  (cleanarticle makes a row of those only: one filled cell is a paragraph).

It then cleans `source.html` (HTML mode; `--mode text`: `source.txt`, where shapes are
inferred from the lines) and takes the same three kinds from the body
blocks' `shape` (for recall the title counts as a heading too, since Markdown writes it
as `#`; precision counts body headings only, as a page's <title> is no heading there).
Texts are compared after NFKC, case folding and collapsing white space; each expected
item matches at most one of ours. Reported per kind, pooled over the pages: recall (the
share of the expected output's items that come out with that shape) and precision (the
share of ours that are such items there). Issue 21 aims at >= 0.9 for both.

Those two also count what the body gets wrong (a menu kept, a section lost), which the
body F1 measures already. The shape alone is in the last two columns: recall over the
expected items whose text is in our body, precision over our items whose text is in the
expected output.

Run as a file, so that `PYTHONPATH=<another checkout>/src` measures that checkout.
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys
import unicodedata

from selectolax.lexbor import LexborHTMLParser

try:
    from .scoring import SHARED_READABILITY
except ImportError:  # run as a file: benchmarks/ is sys.path[0]
    from scoring import SHARED_READABILITY

KINDS = ("heading", "list_item", "table_row")
HEADINGS = "h1, h2, h3, h4, h5, h6"
LISTS = "ul, ol"
MIN_ROW_CELLS = 2


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def expected_items(html: str) -> dict[str, list[str]]:
    """Headings, list items and table rows of the expected HTML, as normalised texts."""
    tree = LexborHTMLParser(html)
    out: dict[str, list[str]] = {k: [] for k in KINDS}
    out["heading"] = [t for t in (norm(h.text()) for h in tree.css(HEADINGS)) if t]
    for tr in tree.css("tr"):
        cells = [c for c in (norm(td.text()) for td in tr.css("td, th")) if c]
        if len(cells) >= MIN_ROW_CELLS:
            out["table_row"].append(" | ".join(cells))
    # Innermost items first: once an item is read, its nested lists can go from the outer one.
    for li in reversed(tree.css("li")):
        for nested in li.css(LISTS):
            nested.decompose()
        text = norm(li.text())
        if text:
            out["list_item"].append(text)
    return out


def our_items(page: bytes, mode: str = "html") -> tuple[dict[str, list[str]], str | None, str]:
    """The same kinds from cleanarticle's body blocks, the title, and the body (normalised)."""
    from cleanarticle import clean, model
    from cleanarticle.markdown import item_text

    article = clean(page, format=mode)
    out: dict[str, list[str]] = {k: [] for k in KINDS}
    for b in article.blocks:
        if b.label != model.BODY or b.shape.kind not in out:
            continue
        if b.shape.kind == model.TABLE_ROW:
            out["table_row"].append(" | ".join(norm(c) for c in b.shape.cells if c.strip()))
        else:  # a list item without the marker the text printed ("• milk": "milk")
            out[b.shape.kind].append(norm(item_text(b)))
    return out, norm(article.title) if article.title else None, norm(article.body)


def present(item: str, text: str) -> bool:
    """Whether an item's text (each cell of a row) occurs in a page's normalised text."""
    return all(cell in text for cell in item.split(" | "))


def matched(expected: list[str], ours: list[str]) -> int:
    return sum((collections.Counter(expected) & collections.Counter(ours)).values())


# A list item that holds a heading and paragraphs (`<li><h3>…</h3><p>…</p></li>`) is one
# item there and several blocks here. For list items, an expected item is found when our
# list-item blocks inside it cover this share of its text, and one of ours is right when it
# lies inside an expected item.
ITEM_COVER = 0.5


def items_found(expected: list[str], ours: list[str]) -> int:
    """Expected list items covered (by ITEM_COVER of their characters) by our list items inside them."""
    return sum(1 for e in expected if sum(len(o) for o in set(ours) if o in e) >= ITEM_COVER * len(e))


def items_right(expected: list[str], ours: list[str]) -> int:
    """Our list items that lie inside an expected list item."""
    return sum(1 for o in ours if any(o in e for e in expected))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=pathlib.Path, default=SHARED_READABILITY)
    ap.add_argument("--mode", choices=("html", "text"), default="html", help="clean source.html or source.txt")
    ap.add_argument("--pages", type=int, default=0, help="only the first N pages (0: all)")
    ap.add_argument("--json", type=pathlib.Path, help="write the per-page counts here")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages that miss the most items")
    args = ap.parse_args(argv)
    import cleanarticle

    folders = sorted(p for p in args.corpus.glob("*")
                     if (p / "expected.html").exists() and (p / "source.html").exists())
    if not folders:
        print(f"no readability pages with expected.html under {args.corpus}", file=sys.stderr)
        return 2
    if args.pages:
        folders = folders[:args.pages]
    print(f"cleanarticle from {pathlib.Path(cleanarticle.__file__).parent}; {len(folders)} pages of {args.corpus}, "
          f"{args.mode} mode")
    totals = {k: collections.Counter() for k in KINDS}
    per_page = {}
    for folder in folders:
        expected_html = (folder / "expected.html").read_text(encoding="utf-8", errors="replace")
        want = expected_items(expected_html)
        expected_text = norm(LexborHTMLParser(expected_html).root.text(separator=" "))
        source = folder / ("source.html" if args.mode == "html" else "source.txt")
        got, title, body = our_items(source.read_bytes(), args.mode)
        row = {}
        for k in KINDS:
            ours = got[k] + ([title] if k == "heading" and title else [])
            found_in, right_in = (items_found, items_right) if k == "list_item" else (matched, matched)
            found = found_in(want[k], ours)
            hit = right_in(want[k], got[k])
            kept = [x for x in want[k] if present(x, body) or x == title]
            content = [x for x in got[k] if present(x, expected_text)]
            row[k] = {"expected": len(want[k]), "ours": len(got[k]), "found": found, "matched": hit}
            totals[k].update(expected=len(want[k]), ours=len(got[k]), found=found, matched=hit, kept=len(kept),
                             kept_found=found_in(kept, ours), content=len(content),
                             content_matched=right_in(want[k], content), pages=1 if want[k] else 0)
        per_page[folder.name] = row

    def share(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "-"

    print(f"{'kind':<11} {'pages':>5} {'expected':>8} {'ours':>6} {'recall':>7} {'precision':>9}"
          f" {'shape recall':>12} {'shape precision':>15}")
    for k in KINDS:
        t = totals[k]
        print(f"{k:<11} {t['pages']:>5} {t['expected']:>8} {t['ours']:>6} {share(t['found'], t['expected']):>7}"
              f" {share(t['matched'], t['ours']):>9} {share(t['kept_found'], t['kept']):>12}"
              f" {share(t['content_matched'], t['content']):>15}")
    if args.worst:
        worst = sorted(per_page.items(), key=lambda kv: -sum(v["expected"] - v["found"] + v["ours"] - v["matched"]
                                                             for v in kv[1].values()))
        for name, row in worst[:args.worst]:
            print(name, {k: (v["expected"], v["ours"], v["matched"]) for k, v in row.items()})
    if args.json:
        args.json.write_text(json.dumps(per_page, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
