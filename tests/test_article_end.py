"""The article's end and today's page furniture (issue 18), on small invented pages.

A footer line (customer service, a feedback widget, a copyright line) closes the article
when little body text follows it, unless the article resumes right under it; an
advertisement label between paragraphs never closes it. Furniture that speaks in whole
sentences (cookie consent, newsletter sign-ups) is matched anywhere in a line (`+` kinds).
"""
import pytest
from test_revise import P  # the same body paragraphs as the other context-rule tests

from cleanarticle import clean
from cleanarticle.lexicon import lexicon, phrase_key

# A site's own blurb, as good a paragraph as any: only its place after the end gives it away.
BLURB = ("Our friendly team is here to help you with orders, deliveries and returns from Monday to Friday, "
         "and you can reach us by phone or by email at any time.")
TITLE = "Reservoirs fall to a twenty-year low after the dry winter"


def labels(lines: list[str], fmt: str = "text") -> dict[str, str]:
    if fmt == "html":
        raw = "<html><body><article>" + "".join(f"<p>{x}</p>" for x in lines) + "</article></body></html>"
    else:
        raw = "\n\n".join(lines)
    return {b.text: b.label for b in clean(raw, format=fmt, lang="en").blocks if b.text}


@pytest.mark.parametrize("fmt", ["text", "html"])
@pytest.mark.parametrize("closing", ["Customer service", "Was this article helpful?", "Do not sell my personal information"])
def test_a_footer_line_after_the_article_closes_it(fmt, closing):
    got = labels([TITLE, *P, closing, "Call us on 0800 123 456", BLURB], fmt)
    assert all(got[p] == "body" for p in P)
    assert got[BLURB] != "body"


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_the_article_resuming_under_a_footer_line_is_not_cut(fmt):
    # (So a footer heading right above a site's blurb does not close the article either: on the
    # wcxb even half the check is worth 0.002 F1 over all pages in text mode.)
    got = labels([TITLE, *P[:4], "Customer service", P[4]], fmt)
    assert got[P[4]] == "body"


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_a_related_box_near_the_end_with_the_article_going_on_under_it_is_not_the_end(fmt):
    items = ["Drought hits the olive harvest across the south of the country",
             "Water prices to rise in the spring, says the regulator"]
    got = labels([TITLE, *P[:4], "Read more", *items, P[4]], fmt)
    assert all(got[x] == "related" for x in items)
    assert got[P[4]] == "body"
    # With no box under it, the same heading above a blurb still ends the article.
    got = labels([TITLE, *P, "Read more", BLURB], fmt)
    assert got[BLURB] != "body"


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_an_advertisement_label_between_paragraphs_does_not_close_the_article(fmt):
    got = labels([TITLE, *P[:4], "Advertisement", P[4]], fmt)
    assert all(got[p] == "body" for p in P)


FURNITURE = [  # (language, line, kind): lines of today's pages that the lexicons name
    ("en", "We use cookies to ensure that we give you the best experience on our website. "
           "If you continue to use this site we will assume that you are happy with it.", "promo"),
    ("en", "By submitting this form, you agree to our Terms & acknowledge our Privacy Policy.", "promo"),
    ("en", "Thanks for reading! Subscribe for free to receive new posts and support my work.", "promo"),
    ("en", "14 min read", "nav"),
    ("en", "Estimated reading time: 6 minutes", "nav"),
    ("en", "Was this page helpful?", "footer"),
    ("en", "Copyright © 2023 Example Advisors, Inc. All Rights Reserved.", "footer"),
    ("de", "Wir verwenden Cookies, um die Nutzung unserer Website zu analysieren und Inhalte zu personalisieren.", "promo"),
    ("de", "Lesezeit: 4 Minuten", "nav"),
    ("fr", "En poursuivant votre navigation, vous acceptez que ce site utilise des cookies pour mesurer l'audience.", "promo"),
    ("fr", "Temps de lecture : 5 min", "nav"),
    ("es", "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.", "promo"),
    ("es", "¿Te ha resultado útil?", "footer"),
    ("it", "Questo sito utilizza i cookie per offrirti una migliore esperienza di navigazione.", "promo"),
    ("pt", "Utilizamos cookies essenciais e tecnologias semelhantes de acordo com a nossa política.", "promo"),
    ("nl", "Wij gebruiken cookies om de website goed te laten werken en het gebruik te analyseren.", "promo"),
    ("vi", "Chúng tôi sử dụng cookie để cải thiện trải nghiệm của người dùng trên trang.", "promo"),
    ("vi", "Mục lục", "nav"),
]


def kind(lang: str, line: str) -> str | None:
    key = phrase_key(line)
    return lexicon(lang).chrome_kind(key, len(key.split()))


@pytest.mark.parametrize("lang,line,expected", FURNITURE, ids=[f"{x[0]}-{i}" for i, x in enumerate(FURNITURE)])
def test_page_furniture_is_named_by_the_lexicon(lang, line, expected):
    assert kind(lang, line) == expected


@pytest.mark.parametrize("lang,line", [
    ("en", "The bakery on the corner said it sold more cookies in December than in the rest of the year put together."),
    ("en", "The company said all rights reserved by the former owner would pass to the new buyers"),
    ("en", "If you'd like to file an allegation of infringement, you'll need to follow the process described "
           "in our copyright and intellectual property policy"),
    ("de", "Die Bäckerei verkaufte im Dezember mehr Kekse als im ganzen übrigen Jahr, sagte die Inhaberin."),
], ids=["en-cookies-in-a-story", "en-rights-sentence", "en-copyright-word", "de-kekse"])
def test_a_sentence_that_only_mentions_the_words_is_not_furniture(lang, line):
    assert kind(lang, line) is None
