"""Last step: how sure we are that this page is one article and that its body is right.

`confidence = article x size`, each factor in [0, 1]:

- article: the page-kind model's probability that the page is an article (kind.py: the
  declared type, the URL's shape, prose against items, teasers, links, post headers and
  prices), moved by ARTICLE_SHIFT log-odds towards "article" (see below). A listing,
  forum thread, shop or service page scores low even when a body was found;
- size: body words / FULL_ARTICLE_WORDS, capped at 1, so a stub, an error page or a page
  whose main text was not found (little or no body) scores low whatever its kind.

It is a ranking score first: its ROC AUC for article pages against the rest of
../shared/corpus/wcxb is in README "Page kind and confidence" (`python benchmarks/kinds.py`).
Used as a filter, `confidence >= 0.8` keeps real articles (the seeds, 9 in 10 of the
readability pages readability calls readerable) and drops most other pages.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from .kind import KINDS, Kind, PageSignals

if TYPE_CHECKING:
    from .thresholds import Thresholds

# An article has at least this many body words; below it confidence falls linearly. 150 put
# six of readability's short readerable test pages (128-138 words) under 0.8 in text mode
# (0.80 of the even half's readerable pages at >= 0.8); 120 keeps them (0.92), and the ROC AUC on
# wcxb's even half does not move (0.893 text, 0.978 HTML at 100, 120 and 150; benchmarks/kinds.py).
FULL_ARTICLE_WORDS = 120
# The kind model was fitted on wcxb, where 45 % of pages are articles; a crawl routed to an
# article cleaner holds more, and a real article must not fall under 0.8. This many log-odds
# are added to P(article) before it is used. A shift moves scores, not their order (AUC
# unchanged), but lifts non-articles too: the smallest tried that keeps 90 % of readability's
# readerable pages at >= 0.8 on the even half in both modes (`python benchmarks/kinds.py`,
# model of this commit): 2 keeps 0.90 in HTML but 0.885 in text; 2.25 keeps 0.95 / 0.95 and
# lifts the even half's non-articles at >= 0.8 from 8.7 % to 10.9 % (HTML), 31 % to 37 % (text).
ARTICLE_SHIFT = 2.25


def confidence(s: PageSignals, page: Kind, t: Thresholds | None = None) -> float:
    """How sure we are that this is one article and that its body is right, in [0, 1].

    `t` overrides FULL_ARTICLE_WORDS and ARTICLE_SHIFT (`thresholds.Thresholds`)."""
    words, shift = (t.full_article_words, t.article_shift) if t is not None else (FULL_ARTICLE_WORDS, ARTICLE_SHIFT)
    size = min(1.0, s.body_words / words)
    p = min(max(page.article, 1e-9), 1 - 1e-9)
    article = 1 / (1 + math.exp(-(math.log(p / (1 - p)) + shift)))
    return round(article * size, 3)


def check_filter(min_confidence: float | None, kinds: object) -> None:
    """Raise ValueError for a `min_confidence` outside [0, 1] or a kind that is not one of `KINDS`.

    Called where the options are given (engines, command line), not per page.
    """
    if min_confidence is not None and not (isinstance(min_confidence, (int, float)) and 0.0 <= min_confidence <= 1.0):
        raise ValueError(f"min_confidence must be a number from 0 to 1, not {min_confidence!r}")
    if kinds is not None:
        names = list(kinds) if isinstance(kinds, Iterable) and not isinstance(kinds, str) else None
        if names is None or not all(isinstance(k, str) for k in names):
            raise ValueError(f"kinds must be a collection of kind names, not {kinds!r}")
        unknown = sorted(set(names) - set(KINDS))
        if unknown:
            raise ValueError(f"unknown kind(s) {', '.join(unknown)}; choose from {', '.join(KINDS)}")


def skip_reason(
    score: float, kind: str, *, min_confidence: float | None = None, kinds: Collection[str] | None = None
) -> tuple[str, str] | None:
    """Why a page with this confidence and kind is filtered out, as (stage, message), or None to keep it.

    The stage is "confidence" or "kind": what the command line writes to its errors/skips
    report and the engines count as their drop reason.
    """
    if kinds is not None and kind not in kinds:
        return "kind", f"kind {kind} is not one of {', '.join(sorted(kinds))}"
    if min_confidence is not None and score < min_confidence:
        return "confidence", f"confidence {score:.3f} below {min_confidence:g} (kind {kind})"
    return None
