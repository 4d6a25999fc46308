"""labels: jusText-style quality per line, stoplist fit, and the context-free first-pass label."""
import datetime

import pytest

from cleanarticle import classify as labels
from cleanarticle.features import line_features
from cleanarticle.classify import BAD, GOOD, NEAR, SHORT, classify, quality, stoplist_fits
from cleanarticle.lexicon import lexicon

TODAY = datetime.date(2026, 1, 1)
VI = lexicon("vi")
EN = lexicon("en")

VI_PARA = ("Chính phủ vừa thông qua kế hoạch nâng cấp hệ thống đường sắt nối Hà Nội với các tỉnh phía bắc, "
           "dự kiến hoàn thành trong năm năm tới.")
EN_PARA = ("The city council voted on Tuesday to expand the bus network to the northern suburbs, a plan that "
           "officials say will take three years.")
BRANDS = "Apple Microsoft Google Amazon Netflix Tesla Nvidia Meta Intel Samsung Sony Oracle IBM Cisco Adobe Dell"


def F(text, lex=VI):
    return line_features(text, lex, TODAY)


def lex_for(text):
    return EN if text.isascii() else VI


@pytest.mark.parametrize("text,expected", [
    (VI_PARA, GOOD),
    (EN_PARA, GOOD),
    (VI_PARA.rstrip("."), GOOD),  # long enough (>= LENGTH_HIGH) without a full stop
    ("Officials said it was a good day for everyone.", NEAR),  # short full sentence, many stopwords
    ("Người dân cho biết họ đã chờ đợi rất lâu.", NEAR),
    ("Giá vàng tăng mạnh trong phiên sáng nay", SHORT),
    ("Why did the council vote for it?", SHORT),  # a short question is not a near-good sentence
    ("Bus fares rise.", SHORT),  # too few words
    (BRANDS, BAD),
], ids=["vi-para", "en-para", "vi-para-no-stop", "en-short-sentence", "vi-short-sentence", "vi-headline",
        "en-short-question", "en-three-words", "en-brand-list"])
def test_quality_of_realistic_lines(text, expected):
    assert quality(F(text, lex_for(text)), True) == expected


def _with(text, **changes):
    return F(text, EN)._replace(**changes)


# jusText's defaults (stopwords 0.30 / 0.32) and the chosen lengths (90 / 120 characters), as documented.
@pytest.mark.parametrize("changes,expected", [
    (dict(size=89, terminal=False), SHORT),
    (dict(size=90, terminal=True, stop_density=0.32), GOOD),
    (dict(size=90, terminal=False, stop_density=0.32), NEAR),
    (dict(size=119, terminal=False, stop_density=0.5), NEAR),
    (dict(size=120, terminal=False, stop_density=0.32), GOOD),
    (dict(size=200, terminal=True, stop_density=0.31), NEAR),
    (dict(size=200, terminal=True, stop_density=0.30), NEAR),
    (dict(size=200, terminal=True, stop_density=0.29), BAD),
    (dict(size=50, terminal=True, question=False, words=5, stop_density=0.32), NEAR),
    (dict(size=89, terminal=True, question=False, words=12, stop_density=0.5), NEAR),
    (dict(size=50, terminal=True, question=False, words=4, stop_density=0.9), SHORT),
    (dict(size=50, terminal=True, question=False, words=8, stop_density=0.31), SHORT),
], ids=["size-89", "size-90-terminal", "size-90-no-terminal", "size-119-no-terminal", "size-120-no-terminal",
        "stop-0.31", "stop-0.30", "stop-0.29", "short-sentence-5-words", "short-sentence-89-chars",
        "short-sentence-4-words", "short-sentence-few-stopwords"])
def test_quality_thresholds(changes, expected):
    assert quality(_with(EN_PARA, **changes), True) == expected


@pytest.mark.parametrize("text,expected", [
    ("Le conseil municipal a voté mardi pour étendre le réseau de bus vers les banlieues du nord avant l'été.", GOOD),
    ("Le conseil municipal a voté mardi pour étendre le réseau de bus vers les banlieues du nord avant l'été", NEAR),
    ("Le conseil vote pour le réseau de bus des quartiers nord", SHORT),
], ids=["long-sentence", "long-no-full-stop", "short"])
def test_quality_without_stoplist_uses_length_and_punctuation(text, expected):
    f = line_features(text, lexicon("fr"), TODAY)
    assert quality(f, False) == expected


def test_brand_list_is_not_bad_without_a_stoplist():
    assert quality(F(BRANDS, EN), False) == NEAR


@pytest.mark.parametrize("text,label,reason", [
    ("", "blank", "empty line"),
    ("IMG_0231.jpg", "image", "image file name"),
    ("https://cdn.example.com/2025/storm.jpg", "image", "image file name"),
    ("https://example.com/story/123", "share", "bare URL"),
    ("Cứu hộ tại hiện trường - Ảnh: Reuters", "caption", "picture credit"),
    ("Rescue workers at the scene (Photo: AP)", "caption", "picture credit"),
    ("(Theo Tuổi Trẻ)", "source", "attribution line"),
    ("Via The Verge", "source", "attribution line"),
    ("Tin liên quan", "related", "lexicon: related phrase"),
    ("Bình luận (12)", "comments", "lexicon: comments phrase"),
    ("Chia sẻ", "share", "lexicon: share phrase"),
    ("Quảng cáo", "promo", "lexicon: promo phrase"),
    ("Trang chủ", "nav", "lexicon: nav phrase"),
    ("Privacy Policy", "footer", "lexicon: footer phrase"),
    ("Oops! Something went wrong while submitting the form.", "promo", "lexicon: promo phrase"),
    ("17/07/2025", "date", "date-only line"),
    ("Updated July 24, 2025 at 9:05 pm", "date", "date-only line"),
    ("3 giờ trước", "related", "relative timestamp"),
    ("5 hours ago", "related", "relative timestamp"),
], ids=["blank", "image", "image-url", "url", "vi-credit", "en-credit", "vi-source", "en-source", "vi-related",
        "vi-comments", "vi-share", "vi-promo", "vi-nav", "en-footer", "en-form-status", "vi-date", "en-date", "vi-ago", "en-ago"])
def test_classify_first_pass_kinds(text, label, reason):
    g = classify(F(text, lex_for(text)), True)
    assert (g.label, g.reason) == (label, reason)


@pytest.mark.parametrize("text", [VI_PARA, EN_PARA], ids=["vi", "en"])
def test_classify_good_paragraph_is_body_with_quality_in_reason(text):
    f = F(text, lex_for(text))
    g = classify(f, True)
    assert (g.label, g.quality) == ("body", GOOD)
    assert g.reason == f"good paragraph ({f.chars} chars, stopwords {f.stop_density:.2f})"


@pytest.mark.parametrize("text,q", [("Giá vàng tăng mạnh trong phiên sáng nay", SHORT),
                                    ("Officials said it was a good day for everyone.", NEAR)],
                         ids=["vi-headline-short", "en-sentence-near"])
def test_classify_short_and_near_lines_stay_body_for_the_context_pass(text, q):
    g = classify(F(text, lex_for(text)), True)
    assert (g.label, g.quality) == ("body", q)
    assert g.reason.startswith(f"{q} paragraph")


def test_classify_low_stopword_line_is_nav():
    g = classify(F(BRANDS, EN), True)
    assert (g.label, g.quality) == ("nav", BAD)
    assert g.reason == "low stopword density (0.00)"


def test_blank_line_has_bad_quality():
    assert classify(F(""), True).quality == BAD


def test_chrome_label_keeps_the_line_quality():
    g = classify(F("Read more", EN), True)
    assert g.label == "related" and g.quality == SHORT


@pytest.mark.parametrize("text", ["Source: AP", "Nguồn: Bộ Y tế"], ids=["en", "vi"])
def test_standalone_source_line_is_source_not_caption(text):
    assert classify(F(text, lex_for(text)), True).label == "source"


@pytest.mark.parametrize("text", ["The vote took place yesterday.", "Hôm nay, Hà Nội mưa rất to."], ids=["en", "vi"])
def test_short_sentence_with_relative_day_is_body(text):
    assert classify(F(text, lex_for(text)), True).label == "body"


def test_stoplist_fits_real_text_but_not_lorem_ipsum():
    vi_page = [F(VI_PARA), F("Trang chủ"), F(VI_PARA.replace("Hà Nội", "Hải Phòng"))]
    assert stoplist_fits(vi_page) is True
    lorem = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
             "labore et dolore magna aliqua.")
    assert stoplist_fits([F(lorem, EN), F(lorem + " Ut enim ad minim veniam.", EN)]) is False


def test_stoplist_fits_uses_the_median_of_long_lines_only():
    long_lines = [F(EN_PARA, EN), F(EN_PARA + " Again.", EN), F(BRANDS, EN)]
    short_chrome = [F("Home", EN)] * 10  # short lines do not count, whatever their density
    assert stoplist_fits(long_lines + short_chrome) is True
    assert stoplist_fits([F(BRANDS, EN), F(BRANDS + " HP", EN), F(EN_PARA, EN)]) is False


def test_stoplist_fits_is_false_without_long_lines():
    assert stoplist_fits([F("Home", EN), F("Read more", EN)]) is False
    assert stoplist_fits([]) is False


# Invented: prose written with few stopwords, as product and marketing copy is.
DENSE = ("Analytics emphasis: courses in business intelligence, data warehousing, pricing strategy and "
         "marketing analytics build modern, data-driven skills.")
DENSE_MENU = "Business Intelligence Data Warehousing Pricing Strategy Marketing Analytics Careers Contact Newsletter"


@pytest.mark.parametrize("text,label,rule,q", [
    (DENSE, "body", "classify.dense_sentence", NEAR),  # a sentence: near-good, for the context pass
    (DENSE_MENU, "body", "classify.dense_sentence", SHORT),  # no sentence end: short, its neighbours decide
    (DENSE.rstrip(".") + "?", "body", "classify.dense_sentence", SHORT),  # a question is no paragraph
    ("W. Smith, L. Jones. Static analysis at scale. https://example.org/papers/2024/static-analysis.pdf.",
     "nav", "classify.low_stopwords", BAD),  # a reference: a sentence under the stopword floor
], ids=["sentence", "menu", "question", "reference"])
def test_text_mode_line_with_few_stopwords_is_left_to_its_neighbours(text, label, rule, q):
    f = line_features(text, EN, TODAY)
    first = classify(f, True)
    assert first.quality == BAD and first.rule == "classify.low_stopwords"
    (g,) = labels.with_text([f], [first])
    assert (g.label, g.rule, g.quality) == (label, rule, q)


def test_dense_sentence_settles_by_its_neighbours_in_text_mode():
    """Kept between paragraphs, dropped among menu lines; off by id it is navigation again."""
    from cleanarticle import clean
    page = "\n".join(["Home", "Pricing", "Careers", EN_PARA, DENSE, EN_PARA.replace("bus", "tram"),
                      "About us", "Contact", DENSE_MENU, "Privacy"])
    body = clean(page, format="text").body
    assert DENSE in body and DENSE_MENU not in body
    off = clean(page, format="text", disabled_rules={"classify.dense_sentence"}).body
    assert DENSE not in off and EN_PARA in off


# A hard-wrapped article (a plain-text e-mail, a page printed with <br> at a fixed width): no
# line is long enough to be good alone, the paragraphs they make are.
WRAPPED = [
    "The regional water authority said on Monday that reservoir levels",
    "had fallen to their lowest point in twenty years after a dry winter,",
    "and that farmers in the valley should expect cuts of up to a third",
    "in the water they can draw for irrigation this summer.",
    "",
    "Engineers are studying whether an old canal that was closed in the",
    "nineteen-eighties could be reopened to bring water from the north,",
    "a plan the authority will publish in June after meeting farmers.",
]


def test_lines_of_a_hard_wrapped_paragraph_are_good_together():
    from cleanarticle import clean

    page = ["Home", "News", "Weather", "Contact", "Reservoirs reach lowest level in twenty years", *WRAPPED]
    article = clean("\n".join(page), format="text", lang="en")
    kept = [b.text for b in article.blocks if b.label == "body"]
    assert kept == [line for line in WRAPPED if line]
    assert article.title == "Reservoirs reach lowest level in twenty years"  # not a line of the paragraph
    assert {b.rule for b in article.blocks if b.text in WRAPPED[:4]} == {"classify.wrapped"}
    off = clean("\n".join(page), format="text", lang="en", disabled_rules={"classify.wrapped"})
    assert not any(b.rule == "classify.wrapped" for b in off.blocks)


@pytest.mark.parametrize("lines", [
    ["Reservoirs reach lowest level in twenty years", "by Jane Miller"],  # a byline is no continuation
    ["Reservoirs reach lowest level in twenty years", "our top pick"],  # short and unfinished
    ["Reservoirs reach lowest level in twenty years.", "and then the rain came back to the valley"],  # a full stop
    ["Reservoirs reach lowest level in twenty years", "reservoirs.example.com/lowest-level-in-twenty-years"],
], ids=["byline", "short", "full-stop", "address"])
def test_lines_that_do_not_wrap_into_each_other(lines):
    lex = lexicon("en")
    feats = [line_features(line, lex, datetime.date(2025, 7, 17)) for line in lines]
    guesses = [classify(f, True) for f in feats]
    assert labels.with_wraps(feats, guesses, True) is guesses  # unchanged, not copied
