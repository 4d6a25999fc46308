"""Language id: what it costs per document, what decides it, and how often it agrees with langdetect.

`python benchmarks/langid_cost.py [--repeat 5] [--f1]` (or `python -m benchmarks.langid_cost`)

Corpora: the readability test pages (text mode input), the 20 language cases
(tests/cases/languages) and the seeds. For each document, `langid.identify` runs
`--repeat` times on the document's lines and the fastest run is kept (the machine is
shared, so the minimum is the least noisy estimate); the table gives the mean and
percentiles of that per-document time, and how many documents each kind of evidence
decided. The reference is langdetect (seeded, its own factory) on the *whole* text,
timed once; agreement counts documents where the reference has an answer. `--f1` adds
the readability body F1 per language of the gold body (as langdetect reads it), the
per-language quality table of issue 10.
"""
from __future__ import annotations

import argparse
import collections
import json
import statistics
import sys
import time

from cleanarticle import blocks, clean, langid, normalize

try:
    from .scoring import ROOT, f1, readability_pages, reference_langdetect, seed_pages
except ImportError:  # run as a file (python benchmarks/langid_cost.py): benchmarks/ is sys.path[0]
    from scoring import ROOT, f1, readability_pages, reference_langdetect, seed_pages

CASES = ROOT / "tests" / "cases" / "languages"


def documents() -> list[tuple[str, str, str, str | None]]:
    """(corpus, name, text, gold body or None) for every document measured."""
    docs = [("readability", p.name, p.text, p.body) for p in readability_pages()]
    for path in sorted(CASES.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        docs.append(("languages", case["id"], case["text"], None))
    docs += [("seeds", p.name, p.text, p.body) for p in seed_pages()]
    return docs


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per document; the fastest is kept")
    parser.add_argument("--f1", action="store_true", help="also readability body F1 per language")
    args = parser.parse_args(argv)

    reference = reference_langdetect()
    langid.detect(["warm up the stopword index and langdetect profiles " * 3])
    rows = []
    for corpus, name, text, gold in documents():
        lines = blocks.split_lines(normalize.normalize(text)[0])
        best = float("inf")
        for _ in range(max(1, args.repeat)):
            start = time.perf_counter()
            found = langid.identify(lines)
            best = min(best, time.perf_counter() - start)
        start = time.perf_counter()
        ref = reference("\n".join(lines))
        ref_time = time.perf_counter() - start
        rows.append((corpus, name, found, best * 1e6, ref, ref_time * 1e6, gold))

    print(f"language id cost per document (fastest of {args.repeat} runs), µs; langdetect on the whole text for scale")
    print(f"{'corpus':12} {'docs':>4} {'mean':>7} {'p50':>7} {'p95':>7} {'max':>8} {'langdetect mean':>16}  agree")
    for corpus in ("readability", "languages", "seeds", "all"):
        sel = [r for r in rows if corpus in ("all", r[0])]
        times = [r[3] for r in sel]
        judged = [r for r in sel if r[4] is not None]
        agree = sum(r[2].lang == r[4] for r in judged)
        print(f"{corpus:12} {len(sel):4d} {statistics.mean(times):7.0f} {_percentile(times, .5):7.0f} "
              f"{_percentile(times, .95):7.0f} {max(times):8.0f} {statistics.mean(r[5] for r in sel):16.0f}  "
              f"{agree}/{len(judged)}")
    print("\nevidence that decided (documents, mean µs)")
    by_evidence = collections.defaultdict(list)
    for r in rows:
        by_evidence[r[2].evidence].append(r[3])
    for evidence, times in sorted(by_evidence.items(), key=lambda kv: -len(kv[1])):
        print(f"  {evidence:16} {len(times):4d} {statistics.mean(times):8.0f}")
    print("\ndisagreements with langdetect (ours / langdetect, evidence)")
    for corpus, name, found, _, ref, _, _ in rows:
        if ref is not None and found.lang != ref:
            print(f"  {corpus:12} {name:45} {found.lang} / {ref}  ({found.evidence})")
    if args.f1:
        print("\nreadability body F1 by language of the gold body (langdetect), text mode")
        by_lang = collections.defaultdict(list)
        for corpus, name, found, _, _, _, gold in rows:
            if corpus == "readability":
                text = next(p.text for p in readability_pages() if p.name == name)
                by_lang[reference(gold) or "?"].append((name, f1(clean(text, format="text").body, gold)[2]))
        for lang, scores in sorted(by_lang.items()):
            names = ", ".join(n for n, _ in scores) if len(scores) <= 8 else f"{len(scores)} pages"
            print(f"  {lang:4} {len(scores):3d} {statistics.mean(s for _, s in scores):.3f}  {names}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
