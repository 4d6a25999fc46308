"""Data-driven language cases (tests/cases/languages/*.json): one invented news page in each
of 20 languages, cleaned without `lang=`, must come out with its language, title, byline,
date and body, and without its chrome. Plus a property: cleaning any page with any
language's word lists (or a mix of pages, shuffled), or with the chrome lexicon files
shuffled among the languages, never crashes and never invents text.

See tests/cases/languages/README.md for the fields.
"""
import contextlib
import pathlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casekit import article_problems, form_problems, load_cases, param, report
from cleanarticle import blocks, clean, lexicon, model, normalize

LANGUAGES = {"vi", "en", "zh", "ja", "ko", "ru", "de", "fr", "es", "pt", "it", "id", "th", "ar", "tr", "pl", "nl",
             "uk", "hi", "fa"}
LABELS = {model.BODY, model.BLANK, "title", "byline", "date", "source", "duplicate", "image", "caption", "related",
          "share", "comments", "promo", "nav", "header", "footer"}


CASES = load_cases(pathlib.Path(__file__).parent / "cases" / "languages")
LEXICON_LANGS = sorted(p.stem for p in (lexicon.DATA / "lexicons").iterdir() if p.name.endswith(".tsv"))
# Every language we ship anything for, one we ship nothing for, and none (English).
ANY_LANG = sorted(set(LEXICON_LANGS) | set(lexicon.available_stopword_langs())) + ["xx", None]


def test_cases_exist_and_are_well_formed():
    assert {c["lang"] for c in CASES} >= LANGUAGES, f"missing languages: {LANGUAGES - {c['lang'] for c in CASES}}"
    ids = [c.get("id") for c in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    for case in CASES:
        problems = form_problems(case)
        assert not problems, f"{case['_path']}: {problems}"
        if case.get("title"):  # the title is compared after normalisation (an ideographic space becomes a space)
            assert case["title"] in normalize.normalize(case["text"])[0].split("\n"), case["_path"]


def test_every_language_has_word_lists():
    for lang in LANGUAGES:
        assert lang in LEXICON_LANGS, f"no chrome lexicon for {lang}"
        assert len(lexicon.stopwords(lang)) >= 100, f"no stopword list for {lang}"


@pytest.mark.parametrize("case", [param(c) for c in CASES])
def test_language_case(case):
    article = clean(case["text"], format="text")
    problems = [] if article.lang == case["lang"] else [f"lang: expected {case['lang']!r}, got {article.lang!r}"]
    problems += article_problems(article, case)
    assert not problems, report(case, problems)


def _check_invariants(text, article):
    lines = blocks.split_lines(normalize.normalize(text)[0])
    assert [b.text for b in article.blocks] == lines
    assert [b.index for b in article.blocks] == list(range(len(lines)))
    assert {b.label for b in article.blocks} <= LABELS
    body = [p for p in article.body.split("\n") if p]
    assert set(body) <= set(line.strip() for line in lines)  # the body only ever holds input lines
    assert 0.0 <= article.confidence <= 1.0


@pytest.mark.parametrize("lang", ANY_LANG, ids=[str(lang) for lang in ANY_LANG])
def test_every_page_with_every_languages_lists_never_crashes(lang):
    """Each page cleaned with each language's lexicon and stopwords: a wrong `lang=` degrades, never breaks."""
    for case in CASES:
        _check_invariants(case["text"], clean(case["text"], format="text", lang=lang))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(CASES), min_size=1, max_size=3), st.randoms(use_true_random=False),
       st.sampled_from(ANY_LANG))
def test_shuffled_mixed_pages_with_any_lexicon_never_crash(cases, rnd, lang):
    """Lines of up to three pages in several languages, shuffled, cleaned with any language's lists."""
    lines = [line for case in cases for line in case["text"].split("\n")]
    rnd.shuffle(lines)
    text = "\n".join(lines)
    _check_invariants(text, clean(text, format="text", lang=lang))
    _check_invariants(text, clean(text, format="text"))


@pytest.fixture(scope="module")
def swapped_data(tmp_path_factory):
    """A copy of the package's word lists whose lexicon files `swap(mapping)` rewrites.

    `swap({"de": "ja", ...})` makes `de.tsv` hold Japanese chrome phrases, months and bylines
    (stopwords stay German) and points the library at the copy until the block ends.
    """
    root = tmp_path_factory.mktemp("data")
    (root / "stopwords").mkdir()
    (root / "lexicons").mkdir()
    for f in (lexicon.DATA / "stopwords").iterdir():
        (root / "stopwords" / f.name).write_bytes(f.read_bytes())
    originals = {lang: (lexicon.DATA / "lexicons" / f"{lang}.tsv").read_bytes() for lang in LEXICON_LANGS}

    @contextlib.contextmanager
    def swap(mapping):
        for lang, source in mapping.items():
            (root / "lexicons" / f"{lang}.tsv").write_bytes(originals[source])
        saved = lexicon.DATA
        lexicon.DATA = root
        lexicon.lexicon.cache_clear()
        try:
            yield
        finally:
            lexicon.DATA = saved
            lexicon.lexicon.cache_clear()
    return swap


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CASES), st.permutations(LEXICON_LANGS))
def test_pages_with_the_lexicon_files_shuffled_among_languages_never_crash(swapped_data, case, order):
    """Each language's lexicon file replaced by another's (English chrome, always merged in,
    included): a German page meets Japanese unspaced phrases, Thai Buddhist-era years, Persian
    months. Cleaning degrades, never breaks, and language id, which reads only the text and
    the stopword lists, still names the page's language."""
    with swapped_data(dict(zip(LEXICON_LANGS, order))):
        detected = clean(case["text"], format="text")
        _check_invariants(case["text"], detected)
        assert detected.lang == case["lang"]
        _check_invariants(case["text"], clean(case["text"], format="text", lang=case["lang"]))
