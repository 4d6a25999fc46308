"""article.confidence: P(article) x size, in [0, 1]; real articles keep >= 0.8, other kinds and stubs fall."""
import gzip
import json
import pathlib

import kind_pages as pages
import pytest

from cleanarticle import clean, kind
from cleanarticle.confidence import (
    ARTICLE_SHIFT,
    FULL_ARTICLE_WORDS,
    check_filter,
    confidence,
    skip_reason,
)

ROOT = pathlib.Path(__file__).resolve().parents[1]
READABILITY = ROOT / "tests" / "corpora" / "readability"
# Floors on the readability pages readability calls readerable (122 of 130): the issue asks for
# 90 %; measured 0.951 / 0.934 in HTML and 0.934 / 0.934 in text (even / odd page index,
# `python benchmarks/kinds.py`; the even half's pages were part of the fit).
READERABLE_FLOOR = {"html": 0.90, "text": 0.90}


def _signals(lines, labels, **kw):
    import datetime

    from cleanarticle.features import line_features
    from cleanarticle.lexicon import lexicon
    lex = lexicon("en")
    feats = [line_features(line, lex, datetime.date(2026, 1, 1)) for line in lines]
    return kind.signals(feats, labels, page_words=lex.page_words, has_title=True, **kw)


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "seeds").glob("*.txt")))
def test_every_seed_keeps_a_confidence_of_at_least_0_8(name):
    article = clean((ROOT / "seeds" / name).read_text(encoding="utf-8"))
    assert article.confidence >= 0.8, article.kind_reason


@pytest.mark.parametrize("fmt", ["html", "text"])
def test_readerable_readability_pages_keep_their_confidence(fmt):
    confs = []
    for folder in sorted(p for p in READABILITY.iterdir() if p.is_dir()):
        if not json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8")).get("readerable"):
            continue
        raw = gzip.decompress((folder / "source.html.gz").read_bytes()) if fmt == "html" \
            else (folder / "source.txt").read_bytes()
        confs.append(clean(raw, format=fmt).confidence)
    assert len(confs) > 100
    share = sum(c >= 0.8 for c in confs) / len(confs)
    assert share >= READERABLE_FLOOR[fmt], f"{share:.3f} of {len(confs)} readerable pages at >= 0.8"


@pytest.mark.parametrize("name", ["listing", "product", "forum"])
def test_declared_pages_of_other_kinds_score_low(name):
    _, _, url = pages.DECLARED[name]
    assert clean(pages.as_html(name), format="html", url=url).confidence < 0.5


@pytest.mark.parametrize("lines", [pages.STUB, [], [""], ["Home", "Search"]], ids=["404", "empty", "blank", "menu"])
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_stubs_and_error_pages_score_low(lines, fmt):
    raw = pages.as_text(lines) if fmt == "text" else \
        "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"
    assert clean(raw, format=fmt).confidence < 0.2


def test_confidence_is_p_article_times_size():
    body = pages.PROSE[:3]
    s = _signals(body, ["body"] * len(body))
    assert 0 < s.body_words < FULL_ARTICLE_WORDS
    sure = kind.Kind(kind.ARTICLE, "", 1.0)
    assert confidence(s, sure) == pytest.approx(s.body_words / FULL_ARTICLE_WORDS, abs=0.001)
    doubled = s._replace(body_words=FULL_ARTICLE_WORDS + 1)
    assert confidence(doubled, sure) == 1.0  # capped
    even = kind.Kind(kind.ARTICLE, "", 0.5)  # log-odds 0, moved by the shift
    assert confidence(doubled, even) == pytest.approx(1 / (1 + 2.718281828 ** -ARTICLE_SHIFT), abs=0.001)


def test_confidence_rises_with_p_article_and_stays_in_the_unit_interval():
    s = _signals(pages.PROSE, ["body"] * len(pages.PROSE))
    scores = [confidence(s, kind.Kind(kind.ARTICLE, "", p)) for p in (0.0, 0.01, 0.2, 0.5, 0.9, 1.0)]
    assert scores == sorted(scores) and 0.0 <= scores[0] and scores[-1] <= 1.0


@pytest.mark.parametrize("score,page_kind,options,want", [
    (0.5, "article", {}, None),
    (0.5, "article", {"min_confidence": 0.8}, "confidence"),
    (0.8, "article", {"min_confidence": 0.8}, None),
    (0.9, "listing", {"kinds": {"article"}}, "kind"),
    (0.9, "listing", {"kinds": {"article", "listing"}, "min_confidence": 0.5}, None),
    (0.1, "forum", {"kinds": {"article"}, "min_confidence": 0.5}, "kind"),  # the kind is named first
])
def test_skip_reason(score, page_kind, options, want):
    got = skip_reason(score, page_kind, **options)
    assert (got[0] if got else None) == want
    if got:
        assert page_kind in got[1]


@pytest.mark.parametrize("min_confidence,kinds", [(1.5, None), (-0.1, None), ("0.8", None), (None, {"blog"}),
                                                  (None, "article")])
def test_check_filter_refuses_bad_values(min_confidence, kinds):
    with pytest.raises(ValueError):
        check_filter(min_confidence, kinds)
