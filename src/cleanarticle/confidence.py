"""Last step: labelled lines to an `Article` (body, metadata, confidence)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import model
from .features import LineFeatures, default_thresholds

if TYPE_CHECKING:
    from .thresholds import Thresholds

# An article has at least this many body words; below it confidence falls linearly.
FULL_ARTICLE_WORDS = 150
# Pages whose non-blank lines are mostly teaser headlines are lists (home, tag, search pages).
LIST_PAGE_RELATED_SHARE = 0.5


def confidence(feats: list[LineFeatures], labels: list[str], has_title: bool, t: Thresholds | None = None) -> float:
    """How sure we are that this is one article and the body is right, in [0, 1].

    The product of three factors, each in [0, 1]:
    - size: body words / FULL_ARTICLE_WORDS (an error page or a stub has few);
    - shape: 1 with a title, 0.8 without;
    - list-ness: 1 - (share of non-blank lines that are related teasers above
      LIST_PAGE_RELATED_SHARE), so an index page of teasers scores low.
    """
    if t is None:
        t = default_thresholds()
    body_words = sum(f.words for f, lab in zip(feats, labels) if lab == model.BODY)
    nonblank = sum(1 for f in feats if f.text) or 1
    related = sum(1 for lab in labels if lab == model.RELATED)
    size = min(1.0, body_words / t.full_article_words)
    shape = 1.0 if has_title else 0.8
    share = t.list_page_related_share
    listness = max(0.0, related / nonblank - share) / (1 - share)
    return round(size * shape * (1.0 - listness), 3)
