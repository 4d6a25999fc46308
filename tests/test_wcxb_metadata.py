"""Metadata floor on the wcxb development corpus: title, date and authors of its 452 articles (HTML mode).

The corpus lives beside the checkout (`../shared/corpus/wcxb`) and is not shipped: without
it the test is skipped. Compared as `benchmarks/metadata_errors.py` compares (NFKC, spaces
collapsed, casefold; authors as sets of names), over pages whose gold has the field.
Floors sit a little under the measured share (both halves together; measured value in each
comment): raise them when a change improves, never lower them to let a change pass.
"""
import pytest

from benchmarks.metadata_errors import WCXB, article_pages, same
from cleanarticle import clean

# Measured 370/452 = 0.819 (even 0.812, odd 0.825); before issue 19: 0.606.
WCXB_MIN_TITLE = 0.81
# Measured 372/392 = 0.949 (even 189/194 = 0.974, odd 183/198 = 0.924); 0.916 before the third
# pass on issue 19 (updates, dates beside the headline), 0.849 before issue 19.
WCXB_MIN_DATE = 0.94
# Measured 289/365 = 0.792 (even 0.802, odd 0.781); before: 0.658.
WCXB_MIN_AUTHORS = 0.78


@pytest.mark.skipif(not WCXB.is_dir(), reason=f"wcxb corpus not found at {WCXB} (it lives beside the checkout)")
def test_wcxb_article_metadata_floor():
    right = {"title": [0, 0], "date": [0, 0], "authors": [0, 0]}
    for _, meta, raw in article_pages(WCXB, "both"):
        article = clean(raw, format="html", url=meta["url"])
        got = {"title": article.title, "date": article.date, "authors": ", ".join(article.authors) or article.byline}
        for field, key in (("title", "title"), ("date", "publish_date"), ("authors", "author")):
            if meta[key]:
                right[field][1] += 1
                right[field][0] += same(field, meta[key], got[field])
    assert right["title"][1] == 452
    share = {field: hits / total for field, (hits, total) in right.items()}
    assert share["title"] >= WCXB_MIN_TITLE, share
    assert share["date"] >= WCXB_MIN_DATE, share
    assert share["authors"] >= WCXB_MIN_AUTHORS, share
