"""limits: one-line errors for bad options, the max_bytes guard, and the bound on nesting."""
import gzip
import pathlib

import pytest

from cleanarticle import clean, limits

READABILITY = pathlib.Path(__file__).parent / "corpora" / "readability"


@pytest.mark.parametrize("kwargs,error,names", [
    (dict(lang=5), TypeError, "lang"),
    (dict(lang=b"vi"), TypeError, "lang"),
    (dict(lang="../../etc/x"), ValueError, "lang"),
    (dict(lang="english"), ValueError, "lang"),
    (dict(url=7), TypeError, "url"),
    (dict(format="pdf"), ValueError, "'auto', 'text', 'html'"),
    (dict(max_bytes="10"), TypeError, "max_bytes"),
    (dict(max_bytes=True), TypeError, "max_bytes"),
    (dict(max_bytes=0), ValueError, "max_bytes"),
], ids=["lang-int", "lang-bytes", "lang-path", "lang-word", "url-int", "format", "max-bytes-str", "max-bytes-bool", "max-bytes-zero"])
def test_bad_options_raise_one_line_errors_that_name_them(kwargs, error, names):
    with pytest.raises(error) as err:
        clean("Một dòng chữ.", **kwargs)
    assert names in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("raw", [None, 3.5, ["a"]], ids=["none", "float", "list"])
def test_clean_refuses_what_is_not_text_with_a_one_line_type_error(raw):
    with pytest.raises(TypeError) as err:
        clean(raw)
    assert "str or bytes" in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("raw", ["ab" * 60, ("ab" * 60).encode(), bytearray(b"ab" * 60), memoryview(b"ab" * 60),
                                 "ệ" * 40], ids=["str", "bytes", "bytearray", "memoryview", "str-multibyte"])
def test_input_over_max_bytes_is_refused_with_its_size(raw):
    with pytest.raises(ValueError, match="120 bytes, more than max_bytes=100"):
        clean(raw, max_bytes=100)


def test_input_at_max_bytes_and_no_limit_are_cleaned():
    assert clean("ab" * 50, max_bytes=100).blocks[0].text == "ab" * 50
    assert clean("ệ" * 30, max_bytes=90).blocks  # 90 UTF-8 bytes
    big = b"x" * (limits.MAX_BYTES + 1)
    limits.check_options(big, format="auto", lang=None, url=None, max_bytes=None)  # no limit: no error
    with pytest.raises(ValueError, match="max_bytes=32,000,000"):
        clean(big)


# -- nesting -----------------------------------------------------------------------------------

def _depth(html: str) -> int:
    depth = deepest = 0
    for m in limits._TAG.finditer(html):
        closing, name, self_closing = m.group(2), m.group(3), m.group(4)
        if not name or self_closing or name.lower() in limits._FLAT:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def test_deep_nesting_is_cut_to_max_depth_and_keeps_every_text():
    n = limits.SCAN_ABOVE_TAGS
    html = "<html><body>" + "<div><span>" * n + "deep text" + "</span></div>" * n + "<p>after</p></body></html>"
    bounded = limits.bound_nesting(html)
    assert _depth(bounded) == limits.MAX_DEPTH
    assert bounded.count("<div>") + bounded.count("<span>") == limits.MAX_DEPTH - 2  # html, body
    assert bounded.count("</div>") + bounded.count("</span>") == limits.MAX_DEPTH - 2
    article = clean(html)
    assert [b.text for b in article.blocks if b.text] == ["deep text", "after"]


def test_shallow_or_small_pages_are_left_as_they_are():
    small = "<div>" * 5_000 + "x" + "</div>" * 5_000  # fewer tags than SCAN_ABOVE_TAGS: not scanned
    assert limits.bound_nesting(small) is small
    wide = "<html><body>" + "<div><p>paragraph</div>" * limits.SCAN_ABOVE_TAGS + "</body></html>"
    assert limits.bound_nesting(wide) is wide  # scanned: many tags, but two levels deep


def test_scripts_comments_and_unclosed_paragraphs_do_not_count_as_depth(monkeypatch):
    html = ("<html><body><script>var s = '" + "<div>" * 3000 + "';</script><!-- " + "<div>" * 3000 + " -->"
            + "<p>one<p>two<li>three" * 2000 + "<div>text</div></body></html>")
    monkeypatch.setattr(limits, "SCAN_ABOVE_TAGS", 0)
    assert limits.bound_nesting(html) is html


def test_the_readability_pages_are_never_cut(monkeypatch):
    monkeypatch.setattr(limits, "SCAN_ABOVE_TAGS", 0)  # scan even the small pages
    for path in sorted(READABILITY.glob("*/source.html.gz")):
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        assert limits.bound_nesting(html) is html, path.parent.name
