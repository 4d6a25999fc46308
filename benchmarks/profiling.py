"""`python -m benchmarks --profile`: where cleanarticle spends its time on a corpus.

The pages are read into memory first, so the profile shows the cleaner, not the disk.
Three views: own time (what to make faster), cumulative time (which step holds it), and
the callers of the costliest regex methods. cProfile adds a fixed cost to every Python
call, so many small functions look dearer than they are: the ms/page printed first are
timed without the profiler, and only those are speeds.
"""
from __future__ import annotations

import cProfile
import io
import pathlib
import pstats
import time

from .corpora import Corpus

REGEX_ROWS = 4


def profile(corpus: Corpus, top: int = 25) -> str:
    """The top `top` functions by own and by cumulative time of `clean()` over `corpus`."""
    from cleanarticle import clean

    docs = [pathlib.Path(p).read_bytes() for p in corpus.paths]
    head = f"== cProfile of clean(format={corpus.format!r}) on {corpus.name}: {len(docs)} pages, " \
           f"{sum(map(len, docs)) / 1e6:.2f} MB"
    try:
        clean(docs[0], format=corpus.format)
    except NotImplementedError as exc:
        return f"{head}\nskipped: {exc}\n"
    # Warm-up (imports, lexicons and compiled patterns are not the hot path); it also
    # records each page's detected language, so that a second timing with `lang=` given
    # shows what language detection costs, through the public API alone.
    langs = [clean(doc, format=corpus.format).lang for doc in docs]
    start = time.perf_counter()
    for doc in docs:
        clean(doc, format=corpus.format)
    plain = time.perf_counter() - start
    start = time.perf_counter()
    for doc, lang in zip(docs, langs):
        clean(doc, format=corpus.format, lang=lang)
    given = time.perf_counter() - start
    prof = cProfile.Profile()
    prof.enable()
    for doc in docs:
        clean(doc, format=corpus.format)
    prof.disable()
    out = io.StringIO()
    out.write(f"{head}\n{plain * 1000 / len(docs):.2f} ms/page without the profiler; "
              f"{given * 1000 / len(docs):.2f} ms/page with lang= given (language detection is "
              f"{1 - given / plain:.0%} of the time)\n")
    for order in ("tottime", "cumulative"):
        out.write(f"\n-- top {top} by {order}\n")
        stats = pstats.Stats(prof, stream=out)
        stats.strip_dirs().sort_stats(order).print_stats(top)
    # Compiled patterns show up as one anonymous `search`/`findall`/`sub` row each: who calls them is the
    # question the two views above cannot answer.
    out.write(f"\n-- callers of the {REGEX_ROWS} costliest regex methods (own time)\n")
    pstats.Stats(prof, stream=out).strip_dirs().sort_stats("tottime").print_callers(r"Pattern' objects", REGEX_ROWS)
    return out.getvalue()
