"""CleanOptions and Thresholds: one frozen value for clean(), keywords override it, bad values fail at once."""
import dataclasses

import pytest

from benchmarks.scoring import seed_pages
from cleanarticle import CleanOptions, Thresholds, classify, clean, confidence, features, limits, main_content, revise
from cleanarticle import article_end, kind_body, safety_net
from cleanarticle import options as options_module
from cleanarticle import thresholds as thresholds_module

PAGE = next(p.text for p in seed_pages() if p.name.startswith("004_"))


def _same(a, b) -> bool:
    return a.to_dict() == b.to_dict()


def test_options_and_keywords_give_the_same_article():
    by_keywords = clean(PAGE, format="text", lang="vi", url="https://example.vn/a", max_bytes=10**6)
    opts = CleanOptions(format="text", lang="vi", url="https://example.vn/a", max_bytes=10**6)
    assert _same(clean(PAGE, opts), by_keywords)
    assert _same(clean(PAGE, options=opts), by_keywords)
    assert _same(clean(PAGE), clean(PAGE, CleanOptions()))


def test_keywords_override_the_options_fields():
    opts = CleanOptions(format="html", lang="en")
    assert _same(clean(PAGE, opts, format="text", lang="vi"), clean(PAGE, format="text", lang="vi"))
    assert opts == CleanOptions(format="html", lang="en")  # frozen: the caller's value is untouched
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.lang = "vi"  # type: ignore[misc]
    with pytest.raises(ValueError, match="more than max_bytes=10"):
        clean(PAGE, CleanOptions(max_bytes=None), max_bytes=10)


def test_unknown_keyword_names_the_accepted_ones():
    with pytest.raises(TypeError, match=r"clean\(\) got unknown option\(s\) langauge; accepted: format, lang, url, "
                                        r"max_bytes, disabled_rules, thresholds"):
        clean(PAGE, langauge="vi")
    with pytest.raises(TypeError, match="options must be a CleanOptions"):
        clean(PAGE, {"lang": "vi"})  # type: ignore[arg-type]


@pytest.mark.parametrize("fields,error,match", [
    ({"format": "pdf"}, ValueError, "format"),
    ({"lang": 3}, TypeError, "lang must be a str or None, not int"),
    ({"lang": "not a language"}, ValueError, "lang must be a language code"),
    ({"url": b"x"}, TypeError, "url must be a str or None, not bytes"),
    ({"max_bytes": 0}, ValueError, "max_bytes must be at least 1"),
    ({"max_bytes": True}, TypeError, "max_bytes must be an int or None, not bool"),
    ({"thresholds": {"length_low": 80}}, TypeError, "thresholds must be a cleanarticle.Thresholds"),
])
def test_bad_options_fail_when_made_with_the_same_messages_as_clean(fields, error, match):
    with pytest.raises(error, match=match):
        CleanOptions(**fields)
    with pytest.raises(error, match=match):
        clean(PAGE, **fields)


def test_disabled_rules_accepts_any_collection_and_keeps_a_frozenset():
    assert CleanOptions(disabled_rules=["revise.tail", "revise.tail"]).disabled_rules == frozenset({"revise.tail"})


def test_the_default_thresholds_are_the_module_constants():
    t = Thresholds()
    modules = (features, classify, main_content, revise, article_end, confidence, safety_net, kind_body)
    for f in dataclasses.fields(t):
        constant = next(getattr(m, f.name.upper()) for m in modules if hasattr(m, f.name.upper()))
        assert getattr(t, f.name) == constant, f.name
    assert thresholds_module.DEFAULT == t and options_module.DEFAULT.thresholds is thresholds_module.DEFAULT


@pytest.mark.parametrize("fields,error", [({"length_low": "90"}, TypeError), ({"stop_high": -0.1}, ValueError),
                                           ({"max_box_items": None}, TypeError)])
def test_bad_thresholds_are_refused(fields, error):
    with pytest.raises(error, match=next(iter(fields))):
        Thresholds(**fields)


def test_thresholds_reach_every_step():
    """A sweep changes a field, not the code: each of these changes the article."""
    base = clean(PAGE, format="text")
    for field, value in (("full_article_words", 10_000), ("length_low", 271), ("headline_max_words", 10),
                         ("date_line_max_other_words", 0), ("short_line_cost", 1000), ("chrome_line_cost", 121)):
        changed = clean(PAGE, format="text", thresholds=Thresholds(**{field: value}))
        assert not _same(changed, base), field
    assert clean(PAGE, format="text", thresholds=Thresholds(full_article_words=10_000)).confidence < base.confidence


def test_limits_check_options_still_refuses_as_before():
    with pytest.raises(ValueError, match="more than max_bytes=5"):
        limits.check_options("x" * 10, format="auto", lang=None, url=None, max_bytes=5)
    with pytest.raises(ValueError, match="format"):
        limits.check_options("x", format="pdf", lang=None, url=None, max_bytes=None)
