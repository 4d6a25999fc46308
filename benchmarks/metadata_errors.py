"""List title / date / authors failures on the wcxb articles, to group error kinds.

Reads `../shared/corpus/wcxb` beside the checkout (skipped with a message when absent).
Compared as `../shared/tools/score_wcxb.py` does: NFKC, spaces collapsed, casefold;
authors as sets of names. Also counts spurious answers (a date or authors where the
gold has none), which that scorer does not see.

    PYTHONPATH=src python -m benchmarks.metadata_errors --half even [--field date] [--trafilatura]

`--trafilatura` adds trafilatura's answer (`extract_metadata`) beside ours, cached per page
in /tmp so that a second run costs nothing.
"""
from __future__ import annotations

import argparse
import gzip
import json
import pathlib
import re
import sys
import time
import unicodedata

from .wcxb import WCXB

ARTICLE = frozenset({"article", "blog"})
FIELDS = ("title", "date", "authors")
CACHE = pathlib.Path("/tmp/cleanarticle-trafilatura-meta.json")


def norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s or "")).strip().casefold()


def names(s: str | None) -> frozenset[str]:
    return frozenset(x.strip(" .") for x in re.split(r"\s*(?:,|;|&|\band\b|\|)\s*", norm(s)) if x.strip(" ."))


def same(field: str, gold: str, got: str | None) -> bool:
    if field == "title":
        return norm(gold) == norm(got)
    if field == "date":
        return (got or "")[:10] == gold
    return names(gold) == names(got)


def article_pages(corpus: pathlib.Path, half: str):
    """(id, metadata, raw html) of the article pages of one half ("even", "odd" or "both")."""
    for d in sorted(p for p in corpus.iterdir() if p.is_dir() and p.name.isdigit()):
        if half != "both" and (int(d.name) % 2 == 0) != (half == "even"):
            continue
        m = json.loads((d / "expected-metadata.json").read_text(encoding="utf-8"))
        if m["page_type"] in ARTICLE:
            yield d.name, m, gzip.decompress((d / "source.html.gz").read_bytes())


def ours(raw: bytes, url: str, mode: str, text: str | None = None) -> dict[str, str | None]:
    from cleanarticle import clean
    a = clean(raw, format="html", url=url) if mode == "html" else clean(text or "", format="text")
    return {"title": a.title, "date": a.date, "authors": ", ".join(a.authors) or a.byline,
            "date_source": a.date_source, "title_source": None}


def theirs(cache: dict, page: str, raw: bytes, url: str) -> dict[str, str | None]:
    if page not in cache:
        import trafilatura
        m = trafilatura.extract_metadata(raw.decode("utf-8", "replace"), default_url=url)
        cache[page] = {"title": m.title if m else None, "date": m.date if m else None,
                       "authors": m.author.replace(";", ",") if m and m.author else None}
    return cache[page]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=("even", "odd", "both"), default="even")
    ap.add_argument("--field", choices=FIELDS + ("all",), default="all")
    ap.add_argument("--mode", choices=("html", "text"), default="html")
    ap.add_argument("--trafilatura", action="store_true")
    ap.add_argument("--corpus", type=pathlib.Path, default=WCXB)
    ap.add_argument("--quiet", action="store_true", help="totals only")
    a = ap.parse_args(argv)
    if not a.corpus.is_dir():
        print(f"skipped: no wcxb corpus at {a.corpus}")
        return 0
    cache = json.loads(CACHE.read_text()) if a.trafilatura and CACHE.exists() else {}
    fields = FIELDS if a.field == "all" else (a.field,)
    hits = {f: [0, 0, 0, 0] for f in fields}  # right, with gold, spurious, without gold
    lines: dict[str, list[str]] = {f: [] for f in fields}
    seconds = 0.0
    for page, meta, raw in article_pages(a.corpus, a.half):
        text = (a.corpus / page / "source.txt").read_text(encoding="utf-8") if a.mode == "text" else None
        t0 = time.process_time()
        got = ours(raw, meta["url"], a.mode, text)
        seconds += time.process_time() - t0
        peer = theirs(cache, page, raw, meta["url"]) if a.trafilatura else None
        for field in fields:
            gold = meta["publish_date" if field == "date" else "author" if field == "authors" else field]
            if not gold:
                hits[field][3] += 1
                if got[field]:
                    hits[field][2] += 1
                    extra = f" [{got['date_source']}]" if field == "date" else ""
                    lines[field].append(f"{page} SPURIOUS ours={got[field]!r}{extra} {meta['url']}")
                continue
            hits[field][1] += 1
            if same(field, gold, got[field]):
                hits[field][0] += 1
                continue
            extra = f" [{got['date_source']}]" if field == "date" else ""
            line = f"{page} gold={gold!r}\n     ours={got[field]!r}{extra}"
            if peer is not None:
                mark = "=" if same(field, gold, peer[field]) else "x"
                line += f"\n   {mark} traf={peer[field]!r}"
            lines[field].append(line + f"\n     {meta['url']}")
    if a.trafilatura:
        CACHE.write_text(json.dumps(cache))
    for field in fields:
        if not a.quiet:
            print(f"== {field}: {len(lines[field])} failures")
            print("\n".join(lines[field]))
    for field in fields:
        right, n, spurious, none = hits[field]
        print(f"{field:8} {right}/{n} = {right / max(1, n):.3f}   spurious {spurious}/{none}")
    print(f"{seconds * 1000 / max(1, sum(h[1] + h[3] for h in hits.values()) // len(fields)):.1f} ms per page (clean)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
