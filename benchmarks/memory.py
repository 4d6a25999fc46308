"""Is memory flat over a long run? `clean()` on 100,000 documents in one process.

The documents cycle through the seeds (text) and the readability pages (as text and as
HTML), so every code path and every language cache is exercised again and again. The
resident set size (RSS, from /proc/self/status) is printed at the start (after one warm-up
pass over every document, which loads word lists, lexicons and langdetect's profiles), every
10,000 documents, and at the end, with the peak (VmHWM). Flat means the end is within a few
MB of the first checkpoint: every cache in the package is bounded (tests/test_properties.py
checks each lru_cache has a maxsize).

    python benchmarks/memory.py                 # 100,000 documents (about 20-30 minutes on one core)
    python benchmarks/memory.py --docs 20000    # shorter
    python benchmarks/memory.py --every 5000

Exits with status 1 when RSS grew by more than --max-growth-mb (default 20) from the first
checkpoint to the end.
"""
from __future__ import annotations

import argparse
import gc
import gzip
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleanarticle import clean  # noqa: E402

READABILITY = ROOT / "tests" / "corpora" / "readability"


def _documents() -> list[tuple[str, str]]:
    """(format, content) of every seed and readability page, text and HTML."""
    docs = [("text", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for folder in sorted(p for p in READABILITY.iterdir() if p.is_dir()):
        if (folder / "source.txt").exists():
            docs.append(("text", (folder / "source.txt").read_text(encoding="utf-8")))
        if (folder / "source.html.gz").exists():
            docs.append(("html", gzip.decompress((folder / "source.html.gz").read_bytes()).decode("utf-8", "replace")))
    return docs


def _status_mb(field: str) -> float:
    """A VmRSS/VmHWM line of /proc/self/status, in MB (Linux)."""
    for line in pathlib.Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--every", type=int, default=10_000)
    parser.add_argument("--max-growth-mb", type=float, default=20.0)
    args = parser.parse_args(argv)
    docs = _documents()
    for fmt, content in docs:  # warm-up: every lazily loaded list and cache is filled once
        clean(content, format=fmt)
    gc.collect()
    start_rss = _status_mb("VmRSS")
    print(f"{len(docs)} distinct documents ({sum(len(c) for _, c in docs) / 1e6:.1f} MB), cycled to {args.docs:,}")
    print(f"{'documents':>10} {'RSS MB':>8} {'peak MB':>8} {'seconds':>8}")
    print(f"{0:>10,} {start_rss:8.1f} {_status_mb('VmHWM'):8.1f} {0:8.0f}", flush=True)
    began = time.perf_counter()
    first_checkpoint = None
    for n in range(1, args.docs + 1):
        fmt, content = docs[n % len(docs)]
        clean(content, format=fmt)
        if n % args.every == 0 or n == args.docs:
            rss = _status_mb("VmRSS")
            first_checkpoint = first_checkpoint or rss
            print(f"{n:>10,} {rss:8.1f} {_status_mb('VmHWM'):8.1f} {time.perf_counter() - began:8.0f}", flush=True)
    growth = _status_mb("VmRSS") - first_checkpoint
    print(f"RSS after warm-up {start_rss:.1f} MB; from the first checkpoint to the end {growth:+.1f} MB")
    return 1 if growth > args.max_growth_mb else 0


if __name__ == "__main__":
    sys.exit(main())
