"""Properties of `clean()` on any input: it never crashes, never invents or reorders text,
keeps one block per line, is deterministic, and is stable when run on its own body.

The guarantees, stated exactly (README, "Robustness"):

* `clean(x)` returns an `Article` for every `str` and every `bytes` value.
* Text mode: the *normalised lines* of the input are the lines of `normalize(text)` split
  on "\\n" (a final newline adds no line). Normalisation turns CRLF, CR, VT, FF, NEL, LS
  and PS into "\\n", drops zero-width, bidi, soft-hyphen and control characters, makes odd
  spaces plain, applies NFC, and repairs mojibake with ftfy when a cheap check fires.
  Then `len(blocks)` is the number of normalised lines, `blocks[i].index == i` and
  `blocks[i].text` is normalised line i.
* Any mode: the body's lines are exactly the stripped texts of the blocks labelled
  `body`, in block order, and none is empty. So in text mode every body line is a
  normalised input line (stripped), and body lines keep their input order.
* The same input gives an equal `Article` again, after other inputs, and in a fresh
  interpreter with another hash seed.
* Cleaning the body again keeps at least IDEMPOTENT_KEEP of its lines (measured in
  tests/test_properties_chrome.py and on the seeds and readability pages).
"""
from __future__ import annotations

import html
import json
import os
import pathlib
import random
import re
import subprocess
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cleanarticle import Article, clean
from cleanarticle.normalize import has_mojibake, normalize

import article_gen

ROOT = pathlib.Path(__file__).resolve().parents[1]

# -- strategies ----------------------------------------------------------------------------

# Characters that break naive text handling: line and paragraph separators of every kind,
# NUL and other controls, zero-width and bidi marks, odd spaces, combining marks, a BOM,
# surrogate escapes (what `bytes.decode(errors="surrogateescape")` leaves), replacement chars.
HOSTILE_CHARS = ("\r\n", "\r", "\n", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "\x00", "\x07",
                 "\x1b", "\x7f", "\t", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e",
                 "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u00a0", "\u3000", "\u2009", "\u0301",
                 "\u0323", "\udcff", "\udc80", "\ud800", "\ufffd", " ", "  ")
# Words of several scripts, HTML-ish fragments and mojibake, mixed into the noise.
WORDS = ("Hà Nội", "người", "Chính phủ", "the", "Minister", "said", "on", "Monday.", "Read more",
         "Chia sẻ", "Bình luận", "北京", "新闻", "東京", "서울", "뉴스", "Москва", "новости", "القاهرة",
         "أخبار", "תל אביב", "กรุงเทพ", "खबर", "Ελλάδα", "2024-07-17", "17/07/2025", "08:30", "By Jane Doe",
         "Photo: AP", "Ã©tÃ©", "Ä‘iá»‡n", "â€™", "<p>", "</p>", "<div class=\"related\">", "</div>", "<br>",
         "<script>", "</script>", "<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "&#x110000;", "&nbsp;",
         "<html>", "<a href='x'>", "</a>", "<h1>", "<title>", "<meta charset=\"koi8-r\">", "<?xml", "<!doctype html>",
         "...", "!!!", "???", "1234567890", "|", "•", "—", "#", "@", "http://example.com/a.jpg")

_piece = st.one_of(
    st.sampled_from(HOSTILE_CHARS),
    st.sampled_from(WORDS),
    st.text(st.characters(codec=None), max_size=12),  # any code point, surrogates included
    st.text(max_size=40),
    st.builds(lambda c, n: c * n, st.sampled_from(HOSTILE_CHARS + (".", "-", "a", "1", "!")), st.integers(50, 3000)),
)
hostile_text = st.lists(_piece, max_size=60).map("".join)
hostile_bytes = st.one_of(
    st.binary(max_size=400),
    hostile_text.map(lambda s: s.encode("utf-8", "surrogatepass")),
    hostile_text.flatmap(lambda s: st.sampled_from(["utf-16", "utf-16-le", "cp1252", "latin-1", "koi8-r", "shift_jis",
                                                    "gb18030", "euc-kr", "cp1258"])
                         .map(lambda enc: s.encode(enc, "replace"))),
    st.builds(lambda a, b: a + b, hostile_text.map(lambda s: s.encode("utf-8", "surrogatepass")), st.binary(max_size=40)),
)

# HTML whose head declares hostile metadata: <meta> values, JSON-LD of any shape (an article
# type with fields of any JSON type), <html lang>, <time datetime>; the page's url too.
_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | hostile_text,
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                         st.sampled_from(["@type", "@graph", "headline", "name", "author", "datePublished"]) | st.text(max_size=5),
                         inner, max_size=5), max_leaves=12)
_ld = st.one_of(_json, st.fixed_dictionaries(
    {"@type": st.sampled_from(["NewsArticle", ["Article", 3], "webpage"]) | _json},
    optional={"headline": _json, "name": _json, "author": _json, "datePublished": _json, "@graph": _json}))
_meta_key = st.sampled_from(["og:title", "author", "article:published_time", "date", "og:site_name", "dc:creator",
                             "description", "og:title author"]) | st.text(max_size=12)
_attr = hostile_text.map(lambda s: html.escape(s, quote=True))


@st.composite
def hostile_html(draw) -> str:
    head = [f"<title>{html.escape(draw(hostile_text))}</title>"]
    for key, content in draw(st.lists(st.tuples(_meta_key, _attr), max_size=5)):
        head.append(f'<meta {draw(st.sampled_from(["name", "property", "itemprop"]))}="{html.escape(key, quote=True)}" '
                    f'content="{content}">')
    if draw(st.booleans()):
        ld = json.dumps(draw(_ld), allow_nan=True) if draw(st.booleans()) else draw(hostile_text)
        head.append(f'<script type="application/ld+json">{ld}</script>')
    time_tag = f'<time datetime="{draw(_attr)}">{html.escape(draw(hostile_text))}</time>' if draw(st.booleans()) else ""
    body = "".join(f"<{tag}>{html.escape(text)}</{tag}>" for tag, text in draw(st.lists(
        st.tuples(st.sampled_from(["p", "h1", "div", "li", "figcaption", "footer", "nav", "a", "span"]), hostile_text),
        max_size=8)))
    return (f'<!doctype html><html lang="{draw(_attr)}"><head>{"".join(head)}</head>'
            f"<body>{time_tag}{body}{draw(hostile_text)}</body></html>")


# A generated page is drawn by its seed (tests/article_gen.py draws many values per page).
SEEDS = st.integers(0, 2**32 - 1)

# -- helpers -------------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")


def normalised_lines(text: str) -> list[str]:
    """The input's lines after the documented normalisation, by an independent split."""
    if has_mojibake(text):  # ftfy may repair a mangled line separator into a real one
        text = normalize(text)[0]
    lines = [normalize(piece)[0] for piece in _LINE_BREAK.split(text)]
    if lines[-1] == "":
        lines.pop()  # a final newline adds no line, and "" (or only NULs, say) has none
    return lines


def assert_body_is_made_of_blocks(article: Article) -> None:
    body_blocks = [b.text.strip() for b in article.blocks if b.label == "body"]
    assert article.paragraphs == body_blocks
    assert all(body_blocks), "an empty line labelled body"


# -- properties ----------------------------------------------------------------------------

@given(hostile_text)
@example("")
@example("\n" * 3 + "\r\n\r" + "\u2028\u2029")
@example("\x00")  # found by this property: a NUL alone normalises to no line at all (the oracle was wrong)
def test_any_str_cleans_in_text_mode_with_one_block_per_normalised_line(text):
    article = clean(text, format="text")
    assert isinstance(article, Article)
    lines = normalised_lines(text)
    assert [b.text for b in article.blocks] == lines
    assert [b.index for b in article.blocks] == list(range(len(lines)))
    assert_body_is_made_of_blocks(article)
    assert all(line.strip() in set(map(str.strip, lines)) for line in article.paragraphs)


@given(hostile_text)
def test_any_str_cleans_in_auto_and_html_mode(text):
    for fmt in ("auto", "html"):
        article = clean(text, format=fmt)
        assert isinstance(article, Article)
        assert [b.index for b in article.blocks] == list(range(len(article.blocks)))
        assert_body_is_made_of_blocks(article)


@given(hostile_html(), st.none() | hostile_text)
# Found by this property (fixed): a declared <html lang> became a lexicon file name
# (OSError: file name too long; "../x" would have left the data folder), and a url
# urllib cannot split ("http://[x") raised ValueError from inside html_meta.
@example('<html lang="' + "\u200b" * 300 + '"><head></head><body><p>x</p></body></html>', None)
@example('<html lang="../../x"><head></head><body><p>Some words here.</p></body></html>', None)
@example("<html><head><title>Title</title></head><body><p>Some words here.</p></body></html>", "http://[x")
def test_any_declared_metadata_and_url_clean(page, url):
    article = clean(page, format="html", url=url)
    assert isinstance(article, Article)
    assert_body_is_made_of_blocks(article)
    for value in (article.title, article.byline, article.date, article.lang):
        assert value is None or isinstance(value, str)


@given(hostile_bytes)
@example(b"\xef\xbb\xbf")  # a BOM alone
@example(b"\xff\xfe")  # a UTF-16 BOM alone
@example(b"\xff\xfe\x00")  # a UTF-16 BOM and half a code unit
def test_any_bytes_clean_and_say_which_encoding(raw):
    article = clean(raw)
    assert isinstance(article, Article)
    assert article.encoding
    assert_body_is_made_of_blocks(article)


@given(hostile_text)
def test_same_input_same_article_even_after_other_inputs(text):
    first = clean(text)
    clean("Một dòng khác hoàn toàn.\nAnother page entirely, with words of its own.")
    assert clean(text) == first


@given(SEEDS)
def test_generated_articles_keep_body_lines_from_the_input_in_order(seed):
    page = article_gen.page(random.Random(seed))
    article = clean(page.text, format="text")
    lines = page.text.split("\n")
    assert len(article.blocks) == len(lines)
    positions = [i for i, b in enumerate(article.blocks) if b.label == "body"]
    assert article.paragraphs == [lines[i].strip() for i in positions]


@given(SEEDS)
def test_generated_html_body_lines_are_generated_text(seed):
    page = article_gen.page(random.Random(seed))
    article = clean(page.html, format="html")
    known = set(page.all_lines)
    assert_body_is_made_of_blocks(article)
    invented = [line for line in article.paragraphs if line not in known]
    assert not invented


# -- fixed big inputs (too large to draw many of) ------------------------------------------

BIG = {
    "1MB-line-no-spaces": "x" * 1_000_000,
    "1MB-line-of-dots-then-letter": "." * 1_000_000 + "x.",
    "1MB-letters-then-digit": "a" * 1_000_000 + " 1",
    "1MB-of-spaces": "a" + " " * 1_000_000 + "b | c",
    "100k-empty-lines": "\n" * 100_000,
    "100k-crlf-lines": "word\r\n" * 100_000,
    "deep-html": "<html><body>" + "<div>" * 20_000 + "text" + "</div>" * 20_000 + "</body></html>",
    "unclosed-html": "<html><body>" + "<p><b><i>a" * 20_000,
    "punctuation-runs": ("!?.,;:-—|•" * 50_000) + "\n" + ("0123456789" * 50_000),
}


@pytest.mark.parametrize("name", sorted(BIG))
def test_huge_and_pathological_inputs_clean(name):
    text = BIG[name]
    article = clean(text)
    assert isinstance(article, Article)
    assert_body_is_made_of_blocks(article)
    if article.format == "text":
        assert len(article.blocks) == len(normalised_lines(text))


# -- determinism in a fresh interpreter ----------------------------------------------------

_SUBPROCESS_SCRIPT = """
import json, sys
from cleanarticle import clean
inputs = json.loads(sys.stdin.read())
print(json.dumps([clean(x).to_dict() for x in inputs], ensure_ascii=True))
"""


def _fresh_process_results(inputs: list[str], hash_seed: str) -> list[dict]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run([sys.executable, "-c", _SUBPROCESS_SCRIPT], input=json.dumps(inputs), env=env,
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


def test_fresh_processes_with_other_hash_seeds_give_the_same_articles():
    """Set and dict orders change with PYTHONHASHSEED; the articles must not (a few inputs only)."""
    rnd = random.Random(8)
    inputs = [(ROOT / "seeds" / "000_f92f5725a50e2e06.txt").read_text(encoding="utf-8"),
              (ROOT / "tests/corpora/readability/001/source.txt").read_text(encoding="utf-8"),
              article_gen.page(rnd, lang="en").text, article_gen.page(rnd, lang="vi").text,
              "Ngắn quá", "短い文章です。\n東京で会議が開かれた。"]
    here = [json.loads(json.dumps(clean(x).to_dict(), ensure_ascii=True)) for x in inputs]
    assert _fresh_process_results(inputs, "1") == here
    assert _fresh_process_results(inputs, "2") == here


# -- memory: no unbounded cache ------------------------------------------------------------

def test_every_cache_in_the_package_is_bounded():
    """An unbounded lru_cache keyed by input grows for ever in a long run (benchmarks/memory.py)."""
    import importlib
    import pkgutil

    import cleanarticle

    caches = {}
    for info in pkgutil.walk_packages(cleanarticle.__path__, "cleanarticle."):
        if ".integrations" in info.name:
            continue
        for name, value in vars(importlib.import_module(info.name)).items():
            if callable(getattr(value, "cache_info", None)):
                caches[f"{info.name}.{name}"] = value.cache_info().maxsize
    assert caches, "no cache found: the walk is broken"
    assert not [name for name, size in caches.items() if size is None]
