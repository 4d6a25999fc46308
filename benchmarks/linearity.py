"""Is `clean()` linear? Time for 1x, 2x, 4x and 8x inputs, real and pathological.

Each family builds its input at four sizes, each double the last, and times `clean()` on
it: CPU time of this process, the minimum of REPEAT runs after one warm-up (the minimum is
the least disturbed by other processes on a shared machine). A table shows the times and the ratio of each
doubling; the script exits with status 1 when a doubling costs more than MAX_RATIO times
the smaller size (linear is 2; quadratic is 4), ignoring steps where the larger time is
under MIN_SECONDS (timer noise). A family over the limit is timed again with CPython's
cyclic GC paused, and fails only if it is still over: on inputs of 100,000 lines the GC's
full passes over every live object (langdetect's profiles too) add up to 40% at the largest
size, which is the interpreter's cost, not the algorithm's.

    python benchmarks/linearity.py            # every family, REPEAT=3
    python benchmarks/linearity.py --quick    # smaller sizes, one run each
    python benchmarks/linearity.py --only html-real,empty-lines

Families: real text (the readability pages' text, 50,000 characters of it repeated 1, 2, 4
and 8 times), real HTML (their bodies, the same way, in one page), and the hostile inputs of issue 8: a line of
1 MB without spaces, 100k empty lines, many short distinct lines, one line repeated,
deeply nested and unclosed HTML, runs of punctuation and digits.
"""
from __future__ import annotations

import argparse
import gc
import gzip
import pathlib
import sys
import time

import regex

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleanarticle import clean  # noqa: E402

READABILITY = ROOT / "tests" / "corpora" / "readability"
MAX_RATIO = 2.5
MIN_SECONDS = 0.02
REPEAT = 3
REAL_UNIT = 50_000  # characters of real pages at 1x
_BODY = regex.compile(r"<body[^>]*>(.*?)</body>", regex.S | regex.I)
_LINE_END = regex.compile(r"(?<=\S)$", regex.M)
_TEXT_NODE_END = regex.compile(r"(?<=>[^<]*\S[^<]*)(?=<)")


def _real_text(n: int) -> str:
    """The readability pages' text up to REAL_UNIT characters (cut at a line), repeated to n:
    each size is more of the same pages (numbered copies), so that the doubling is all that changes."""
    pool = "\n".join(p.read_text(encoding="utf-8") for p in sorted(READABILITY.glob("*/source.txt")))
    unit = pool[:pool.rfind("\n", 0, REAL_UNIT)]
    return "\n".join(_numbered(_LINE_END, unit, copy) for copy in range(max(1, n // REAL_UNIT)))


def _real_html(n: int) -> str:
    """Whole page bodies, each in a <div>, up to about REAL_UNIT characters, repeated (numbered) to n."""
    bodies, size = [], 0
    for path in sorted(READABILITY.glob("*/source.html.gz")):
        m = _BODY.search(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        if m and size < REAL_UNIT:
            bodies.append(f"<div>{m.group(1)}</div>")
            size += len(bodies[-1])
    unit = "".join(bodies)
    copies = "".join(_numbered(_TEXT_NODE_END, unit, copy) for copy in range(max(1, n // REAL_UNIT)))
    return f"<!doctype html><html><head><title>Pages</title></head><body>{copies}</body></html>"


def _numbered(end: regex.Pattern, unit: str, copy: int) -> str:
    """`unit` with its copy's number at the end of each line or text node: clean() computes the
    features of a line printed twice once per document, so plain copies would time that cache."""
    return end.sub(f" {copy}", unit)


# name -> (format, builder for a size unit, base unit): the input at scale k is builder(base * k).
FAMILIES = {
    "text-real": ("text", _real_text, REAL_UNIT),
    "html-real": ("html", _real_html, REAL_UNIT),
    "line-no-spaces": ("text", lambda n: "x" * n, 125_000),  # 8x = 1 MB
    "empty-lines": ("text", lambda n: "\n" * n, 12_500),  # 8x = 100k lines
    "short-distinct-lines": ("text", lambda n: "".join(f"item {i}\n" for i in range(n)), 2_500),
    "one-line-repeated": ("text", lambda n: "Read more\n" * n, 2_500),
    "short-lines-blank-runs": ("text", lambda n: ("ab\n" + "\n" * 50) * (n // 51), 12_500),
    "punctuation-run": ("text", lambda n: "!?.,;:-|" * (n // 8) + " x.", 125_000),
    "digits-run": ("text", lambda n: "0123456789" * (n // 10), 125_000),
    "words-with-digits": ("text", lambda n: "a1b2 " * (n // 5), 125_000),
    # From 12,500 levels (25,000 tags): smaller pages are not scanned by limits.bound_nesting and
    # pay the parser's quadratic cost, bounded there (20,000 tags nested: 0.35 s at most).
    "html-deep-nesting": ("html", lambda n: "<html><body>" + "<div>" * n + "text" + "</div>" * n + "</body></html>", 12_500),
    "html-unclosed": ("html", lambda n: "<html><body>" + "<p><b><i>a" * n, 1_000),
    "html-many-paragraphs": ("html", lambda n: "<html><body>" + "<p>word</p>" * n + "</body></html>", 2_500),
}


def _time(raw: str, fmt: str, repeat: int, gc_off: bool = False) -> float:
    """CPU seconds of this process (other processes on a shared machine do not count)."""
    clean(raw, format=fmt)  # warm-up: lexicons, langdetect profiles
    best = float("inf")
    for _ in range(repeat):
        gc.collect()  # start each run without the last one's garbage
        if gc_off:
            gc.disable()
        start = time.process_time()
        clean(raw, format=fmt)
        best = min(best, time.process_time() - start)
        gc.enable()
    return best


def _row(name: str, fmt: str, inputs: list[str], repeat: int, gc_off: bool) -> bool:
    """Time one family at its four sizes, print its row; True when a doubling is super-linear."""
    sizes = [len(raw) for raw in inputs]
    times = [_time(raw, fmt, repeat, gc_off) for raw in inputs]
    # Time ratio of each step, scaled to an exact doubling of the input's size.
    ratios = [(tb / ta) * (2 * sa / sb) if ta > 0 else float("inf")
              for ta, tb, sa, sb in zip(times, times[1:], sizes, sizes[1:])]
    bad = any(r > MAX_RATIO and t >= MIN_SECONDS for r, t in zip(ratios, times[1:]))
    print(f"{name:24} {fmt:4} {sizes[0]:>9,} " + " ".join(f"{t:8.3f}" for t in times)
          + "  " + ", ".join(f"{r:.2f}" for r in ratios) + ("  <-- super-linear" if bad else ""), flush=True)
    return bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="quarter sizes, one run each")
    parser.add_argument("--only", help="comma-separated family names")
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument("--gc-off", action="store_true",
                        help="time everything with CPython's cyclic GC paused")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else list(FAMILIES)
    repeat = 1 if args.quick else args.repeat
    failed = []
    print(f"{'family':24} {'fmt':4} {'1x chars':>9} {'1x s':>8} {'2x s':>8} {'4x s':>8} {'8x s':>8}  ratios (2x/1x, 4x/2x, 8x/4x)")
    for name in names:
        fmt, build, base = FAMILIES[name]
        base = max(1, base // 4) if args.quick else base
        inputs = [build(base * k) for k in (1, 2, 4, 8)]
        bad = _row(name, fmt, inputs, repeat, args.gc_off)
        if bad and not args.gc_off:  # CPython's cyclic GC, or the code? Time it again without the GC.
            bad = _row(name + " (gc off)", fmt, inputs, repeat, True)
        if bad:
            failed.append(name)
    print(f"\nmax ratio allowed {MAX_RATIO} (linear 2.0); CPU time, min of {repeat} run(s) after a warm-up; "
          "a shared CPU still adds noise (caches): rerun a flagged family with --only NAME --repeat 5", flush=True)
    if failed:
        print("super-linear: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
