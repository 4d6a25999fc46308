"""HTML front-end: DOM blocks, markup evidence, declared metadata, main content container."""
import json

import pytest

from cleanarticle import clean
from cleanarticle import html_blocks, html_meta
from selectolax.lexbor import LexborHTMLParser

PARAS = [
    "The council voted on Monday to approve the plan, which will widen the road and add a new bus lane "
    "along the busiest part of the route through the old town centre.",
    "Supporters said the change was long overdue, while several residents told the meeting that they "
    "were worried about the noise and the loss of the trees that line the street today.",
    "Work is expected to start in the spring and to take about two years, the council said in a "
    "statement released after the vote, adding that the budget had already been approved.",
]


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html lang='en'><head>{head}</head><body>{body}</body></html>"


def article_html(extra_after: str = "", extra_before: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return page(
        f"{extra_before}<article><h1>Council approves the road plan</h1>"
        f"<div class='article-body'>{paras}</div></article>{extra_after}",
        "<title>Council approves the road plan | Daily Example</title>",
    )


def blocks_of(html: str) -> list:
    tree = LexborHTMLParser(html)
    html_blocks.strip_invisible(tree)
    return html_blocks.html_blocks(tree).blocks


def test_inline_markup_joins_its_block_and_links_are_counted():
    blocks = blocks_of(page("<div>Hello <b>big</b> <a href='#'>world</a><br>next line</div><p>para</p>"))
    assert [b.text for b in blocks] == ["Hello big world", "next line", "para"]
    assert blocks[0].link_chars == len("world")
    assert blocks[1].link_chars == 0


def test_scripts_styles_and_hidden_elements_give_no_text():
    html = page("<script>var x = 1;</script><style>p{}</style><p hidden>secret</p>"
                "<div style='display: none'>gone</div><p aria-hidden='true'>icon</p><p>shown</p>")
    assert [b.text for b in blocks_of(html)] == ["shown"]


def test_closed_and_modal_dialogs_give_no_text():
    policy = "We keep the personal information you give us only as long as the law requires us to."
    html = page("<h1>Road plan approved</h1><p>shown</p>"
                f"<footer><div role='dialog' aria-modal='true'><h1>Privacy policy</h1><p>{policy}</p>"
                f"<div aria-modal='true'><p>nested {policy}</p></div></div></footer>"
                "<dialog><p>closed</p></dialog><dialog open><p>open dialog</p></dialog>")
    assert [b.text for b in blocks_of(html)] == ["Road plan approved", "shown", "open dialog"]
    # A modal that holds the page's headline is the page (an article opened over a feed).
    over = page(f"<nav><p>feed</p></nav><div aria-modal='true'><h1>Road plan approved</h1><p>{policy}</p></div>")
    assert [b.text for b in blocks_of(over)] == ["feed", "Road plan approved", policy]


def test_chrome_regions_from_tags_and_class_tokens():
    html = page("<nav><a href='/'>Home</a></nav><div class='related-posts'><p>Other story</p></div>"
                "<div class='article-body related'><p>kept</p></div><div id='sharing-with-a-single-developer'>"
                "<p>anchor</p></div>")
    regions = {b.text: (b.region, b.region_reason) for b in blocks_of(html)}
    assert regions["Home"] == ("nav", "inside <nav>")
    assert regions["Other story"] == ("related", "markup 'related-posts' on <div.related-posts>")
    assert regions["kept"] == (None, None)  # "article-body" names content: not chrome
    assert regions["anchor"] == (None, None)  # a heading's anchor id, not a role


@pytest.mark.parametrize(
    ("body_attrs", "inner", "want"),
    [
        # A header or footer token on <body> is a layout flag: the regions inside are read.
        ("class='skin-vector feature-footer-v2'", "<div role='navigation'><p>Navbox</p></div>", "nav"),
        ("class='has-header-footer'", "<div class='sidebar'><p>Navbox</p></div>", "related"),
        # Other kinds on <body> still make the page one region (see PAGE_ROOT_TAGS).
        ("class='menu_background_overlap'", "<div class='sidebar'><p>Navbox</p></div>", "nav"),
    ],
)
def test_a_header_or_footer_token_on_body_names_no_region(body_attrs, inner, want):
    html = f"<!DOCTYPE html><html><head></head><body {body_attrs}><p>Lead</p>{inner}</body></html>"
    regions = {b.text: b.region for b in blocks_of(html)}
    assert regions["Navbox"] == want


def test_an_id_naming_comments_beside_a_class_naming_content_is_the_comments():
    html = page("<div id='article-box' class='article-body'><p>kept</p></div>"
                "<div id='comment-box' class='user-post-box'><p>Nice post!</p></div>"
                "<div id='post-text' class='comment-body'><p>both named</p></div>")
    regions = {b.text: b.region for b in blocks_of(html)}
    assert regions["kept"] is None
    assert regions["Nice post!"] == "comments"
    assert regions["both named"] is None  # a content word in the id: the veto stands


def test_clean_html_keeps_the_article_and_drops_chrome_with_reasons():
    nav = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
    aside = ("<aside><h3>Most read</h3><p>" + PARAS[0].replace("council", "mayor") + "</p></aside>")
    footer = "<footer><p>© 2026 Daily Example. All rights reserved.</p></footer>"
    article = clean(article_html(extra_before=nav, extra_after=aside + footer), format="html")
    assert article.format == "html"
    assert article.body.split("\n") == PARAS
    assert article.title == "Council approves the road plan"
    reasons = {b.text: (b.label, b.reason) for b in article.blocks}
    assert reasons["Home"] == ("nav", "dom: inside <nav>")
    assert reasons["Most read"][0] != "body"
    assert reasons["Council approves the road plan"][0] == "title"


def test_a_form_is_chrome_unless_it_holds_the_article():
    # A sign-up form after the article: its labels and notes are not body.
    form = ("<form action='/subscribe'><p>Fill out the form to get a copy of our free guide today.</p>"
            "<label>First Name*</label><p>This field is for validation purposes and should be left unchanged.</p>"
            "</form>")
    article = clean(article_html(extra_after=form), format="html")
    assert article.body.split("\n") == PARAS
    reasons = {b.text: b.reason for b in article.blocks}
    assert reasons["First Name*"] == "dom: inside <form>"
    # A page-wide form (ASP.NET wraps the whole page in one) holds the article: it stays.
    wrapped = article_html().replace("<body>", "<body><form id='aspnetForm'>").replace("</body>", "</form></body>")
    assert clean(wrapped, format="html").body.split("\n") == PARAS


def test_an_intro_right_above_the_article_body_stays_body():
    intro = ("Everyone who drives through the old town knows the road, and everyone has an opinion "
             "about what should happen to it, which is why the vote drew such a crowd this week.")
    menu = "<ul>" + "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("News", "Sport", "Weather")) + "</ul>"
    # The body element holds enough of the good text (85 %) to be the container on its own.
    more = [p.replace("council", "city board").replace("the", "this") for p in PARAS]
    body = [*PARAS, *more]
    paras = "".join(f"<p>{p}</p>" for p in body)
    html = page(f"{menu}<div class='hero'><div><h1>Council approves the road plan</h1><p>{intro}</p></div></div>"
                f"<div class='page'><div class='body'>{paras}</div></div>")
    article = clean(html, format="html")
    assert article.body.split("\n") == [intro, *body]
    lead = next(b for b in article.blocks if b.text == intro)
    assert lead.rule == "revise.container_lead"
    # Turned off, the intro falls outside the main content container.
    off = clean(html, format="html", disabled_rules={"revise.container_lead"})
    assert off.body.split("\n") == body


# Sections between two parts of the article (revise.main_container): what stands between them,
# the lines printed there, and whether they are the article's.
BETWEEN_SECTIONS = [
    ("table rows", "<table>{}</table>", "<tr><td>{}</td></tr>",
     ["Bus lane to the station", "Road widening | 3.4 km", "New crossings at four sites"], True),
    ("chart labels", "<figure>{}</figure>", "<div>{}</div>", ["Trips per day", "900", "600", "2019"], False),
]


@pytest.mark.parametrize("name, box, item, lines, kept", BETWEEN_SECTIONS, ids=[c[0] for c in BETWEEN_SECTIONS])
def test_a_section_between_two_parts_of_the_article(name, box, item, lines, kept):
    more = [p.replace("council", "city board").replace("the", "this") for p in PARAS]
    middle = box.format("".join(item.format(t) for t in lines))
    html = page("<nav><a href='/'>Home</a></nav><h1>Council approves the road plan</h1><div class='story'>"
                f"<section>{''.join(f'<p>{p}</p>' for p in PARAS)}</section><section>{middle}</section>"
                f"<section>{''.join(f'<p>{p}</p>' for p in more)}</section></div><footer><p>About us</p></footer>",
                "<title>Council approves the road plan</title>")
    body = clean(html, format="html").body.split("\n")
    assert body == ([*PARAS, *lines, *more] if kept else [*PARAS, *more])


def test_an_articles_own_footer_is_chrome_but_keeps_its_related_prompt():
    about = ("Daily Example is an independent newsroom that has covered the towns of the valley since "
             "1998, and it is funded by its readers and by a local trust.")
    footer = f"<footer><h3>About Daily Example</h3><p>{about}</p><p><a href='/more'>Read more »</a></p></footer>"
    html = article_html().replace("</div></article>", f"</div>{footer}</article>")
    article = clean(html, format="html")
    assert article.body.split("\n") == PARAS
    rules = {b.text: b.rule for b in article.blocks}
    assert rules[about] == "dom.region.footer"
    # The prompt keeps its lexicon label, which the related-box and tail rules read.
    assert rules["Read more »"] == "classify.lexicon.related"


def test_a_page_footer_outweighing_a_short_article_is_still_chrome():
    notes = [("This material is not intended to replace the advice of a qualified advisor, and the "
              "information in it was gathered from sources we believe to be reliable, though we cannot "
              "promise that it is complete or that it will stay current as the rules change.") * 2,
             ("Products and services named on this site are described for general information only, "
              "and readers should always ask a qualified advisor before they act on any of it, since "
              "every situation is different and the rules differ from one state to the next.") * 2]
    footer = "<footer>" + "".join(f"<p>{n}</p>" for n in notes) + "</footer>"
    article = clean(article_html(extra_after=footer), format="html")
    assert article.body.split("\n") == PARAS
    assert {b.rule for b in article.blocks if b.text in notes} == {"dom.region.footer"}


def test_low_stopword_lines_between_paragraphs_stay_body():
    refs = ["Smith J, Nguyen T, Okafor B. Reservoir storage trends, 1990-2020. Water Res. 2021;44(2):101-19.",
            "Garcia M, Lee K. Irrigation quotas, crop yields. Agric Water Manag. 2019;12:55-71. PMID 30412987."]
    html = article_html().replace(f"<p>{PARAS[2]}</p>", "".join(f"<p>{r}</p>" for r in refs) + f"<p>{PARAS[2]}</p>")
    article = clean(html, format="html")
    assert article.body.split("\n") == [*PARAS[:2], *refs, PARAS[2]]
    assert {b.rule for b in article.blocks if b.text in refs} == {"revise.dense_between"}
    off = clean(html, format="html", disabled_rules={"revise.dense_between"})
    assert off.body.split("\n") == PARAS
    # After the last paragraph, with nothing kept under them, they are not body.
    after = clean(article_html(extra_after="".join(f"<p>{r}</p>" for r in refs)), format="html")
    assert after.body.split("\n") == PARAS


QUOTES = ["The crew finished the kitchen two days early and left the house cleaner than they found it.",
          "Mina R.",
          "They answered every question we had about the permits, and the price never changed once.",
          "Tom and Ellen K."]


def slider(items: list[str]) -> str:
    return "<div class='slides'>" + "".join(f"<div class='slide'><p>{t}</p></div>" for t in items) + "</div>"


def test_a_run_printed_again_is_a_copy():
    # A carousel cloned for its loop: the second run of the same lines goes, the first stays.
    html = article_html().replace("</div></article>", f"{slider(QUOTES)}{slider(QUOTES)}</div></article>")
    article = clean(html, format="html")
    assert article.body.split("\n") == [*PARAS, *QUOTES]
    second = [b for b in article.blocks if b.text in QUOTES][len(QUOTES):]
    assert {b.label for b in second} == {"duplicate"}
    # The good paragraph (and the name too short for revise.duplicate) are this rule's; a
    # near-good line printed again was revise.duplicate's already.
    assert {b.text for b in second if b.rule == "revise.repeated_run"} == {QUOTES[0], QUOTES[1]}
    off = clean(html, format="html", disabled_rules={"revise.repeated_run"})
    assert off.body.split("\n") == [*PARAS, *QUOTES, *QUOTES[:2]]
    # Two lines printed again are not a run (a good paragraph said twice is the author's).
    twice = article_html().replace("</div></article>", f"{slider(QUOTES[:2])}{slider(QUOTES[:2])}</div></article>")
    assert clean(twice, format="html").body.split("\n") == [*PARAS, *QUOTES[:2], *QUOTES[:2]]
    # A run whose first copy is not kept (a preview above the title) is the only copy: it stays.
    above = article_html(extra_before=f"<div class='preview'>{slider(QUOTES)}</div>").replace(
        "</div></article>", f"{slider(QUOTES)}</div></article>")
    assert clean(above, format="html").body.split("\n") == [*PARAS, *QUOTES]


BIO = ["Jane Doe is a reporter who has covered city hall and the transport budget for the paper since 2015.",
       "She lives in the old town."]


def bylined(after_body: str = "", in_body: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return page(f"<article><h1>Council approves the road plan</h1><p>By Jane Doe</p>"
                f"<div class='article-body'>{paras}{in_body}</div>{after_body}</article>")


def test_the_authors_bio_box_after_the_article_is_not_body():
    box = "<div class='about'>" + "".join(f"<p>{t}</p>" for t in BIO) + "</div>"
    article = clean(bylined(after_body=box), format="html")
    assert article.authors == ("Jane Doe",)
    assert article.body.split("\n") == PARAS
    assert {b.rule for b in article.blocks if b.text in BIO} == {"meta.author_bio"}
    off = clean(bylined(after_body=box), format="html", disabled_rules={"meta.author_bio"})
    assert off.body.split("\n") == [*PARAS, *BIO]
    # A one-line bio printed as the article's last paragraph is the article's (readability's view).
    assert clean(bylined(in_body=f"<p>{BIO[0]}</p>"), format="html").body.split("\n") == [*PARAS, BIO[0]]


TEASERS = [("Bridge repairs close the east lane for a week", "Sam Lee",
            "Crews began work on Monday on the bridge that carries most of the traffic into the town from the east."),
           ("Library opens a new reading room for children", "Ana Ruiz",
            "The room, paid for by a local fund, has space for forty children and opens every day after school."),
           ("Market hall gets a new roof before the winter", "Sam Lee",
            "The market hall, closed since the storm in the spring, will open again in time for the winter fair.")]


def test_a_teasers_summary_under_its_timestamp_is_not_body():
    # Headline (a link), author, timestamp, summary, section: the summary is the teaser's too.
    rail = "".join(f"<div class='item'><h3><a href='/{k}'>{h}</a></h3><p>{a}</p><p>December {19 - k}, 2025</p>"
                   f"<p>{summary}</p><p>News</p></div>" for k, (h, a, summary) in enumerate(TEASERS))
    html = page("<article><h1>Council approves the road plan</h1><p>July 17, 2025</p>"
                + "".join(f"<p>{p}</p>" for p in PARAS) + f"</article><div class='more'>{rail}</div>")
    summaries = {summary for _, _, summary in TEASERS}
    article = clean(html, format="html")
    assert not summaries & set(article.body.split("\n"))
    assert {b.rule for b in article.blocks if b.text in summaries} == {"revise.teaser"}
    off = clean(html, format="html", disabled_rules={"revise.teaser"})
    assert summaries <= set(off.body.split("\n"))


def test_link_dense_paragraphs_are_not_body():
    links = "<p>" + " ".join(f"<a href='/{i}'>Another headline number {i}</a>" for i in range(6)) + "</p>"
    article = clean(article_html(extra_after=links), format="html")
    assert "Another headline" not in article.body
    assert any(b.reason.startswith("dom: link density") for b in article.blocks)


def test_declared_metadata_wins_json_ld_then_meta():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council approves the road plan",
          "datePublished": "2025-07-17T08:30:00+07:00", "author": [{"@type": "Person", "name": "Jane Doe"},
                                                                  {"@type": "Person", "name": "Tran Van A"}]}
    head = (f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
            "<meta property='article:published_time' content='2025-07-16'>")
    html = article_html().replace("<head>", "<head>" + head)
    article = clean(html, format="html")
    assert (article.date, article.time, article.date_source) == ("2025-07-17", "08:30", "json-ld datePublished")
    assert article.byline == "Jane Doe, Tran Van A"
    assert article.authors == ("Jane Doe", "Tran Van A")
    assert article.lang == "en"


def test_document_title_loses_its_site_name():
    tree = LexborHTMLParser(page("<h1>x</h1>", "<title>Council approves the road plan | Daily Example</title>"))
    assert html_meta.read_head(tree).title == "Council approves the road plan"
    tree = LexborHTMLParser(page("", "<title>News - Daily</title>"))
    assert html_meta.read_head(tree).title == "News - Daily"  # too short to split


def test_meta_tags_give_title_author_and_date():
    head = ("<meta property='og:title' content='The og title'><meta name='author' content='Jane Doe'>"
            "<meta name='pubdate' content='2024-03-05'>")
    meta = html_meta.read_head(LexborHTMLParser(page("<p>x</p>", head)))
    assert (meta.title, meta.byline, meta.date, meta.date_source) == ("The og title", "Jane Doe", "2024-03-05",
                                                                     "meta pubdate")


def test_broken_json_ld_is_ignored():
    head = "<script type='application/ld+json'>{not json</script><title>A plain enough title here</title>"
    assert html_meta.read_head(LexborHTMLParser(page("", head))).title == "A plain enough title here"


def test_auto_detects_real_markup_only():
    assert clean(article_html()).format == "html"
    assert clean("I <3 this\nand a < b holds\n").format == "text"


def test_html_bytes_and_empty_documents_do_not_crash():
    assert clean(article_html().encode("utf-8"), format="html").body.split("\n") == PARAS
    for html in ("", "<html>", "<p>", "<<<>>>", "<div><p>unclosed"):
        assert clean(html, format="html").format == "html"


def test_declared_charset_decodes_legacy_bytes():
    import unicodedata
    text = "Bác sĩ nói là đúng."  # letters whose NFD form windows-1258 encodes
    html = f"<html><head><meta charset='windows-1258'></head><body><p>{text}</p></body></html>"
    article = clean(unicodedata.normalize("NFD", html).encode("cp1258"), format="html")
    assert article.encoding == "cp1258"
    assert article.blocks[0].text == unicodedata.normalize("NFC", text)
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head>'
            '<body><p>日本語のテキストです。</p></body></html>')
    article = clean(html.encode("shift_jis"), format="html")
    assert (article.encoding, article.blocks[0].text) == ("shift_jis", "日本語のテキストです。")


def test_wrong_or_unknown_declared_charset_falls_back_to_utf8():
    for charset in ("bogus-x", "ascii"):
        html = f"<html><head><meta charset='{charset}'></head><body><p>café ok</p></body></html>"
        article = clean(html.encode("utf-8"), format="html")
        assert article.blocks[0].text == "café ok"
        assert article.encoding == "utf-8"


def test_index_pages_of_teasers_get_a_low_confidence_and_no_glued_body():
    items = "".join(
        f"<div class='card'><h3><a href='/s{i}'>Headline number {i} about the city council budget vote</a></h3>"
        f"<p>A short summary of story {i}, which says the council met on Monday and talked for hours about "
        f"the budget.</p><span>3 hours ago</span></div>" for i in range(20))
    article = clean(page(f"<nav><a href='/'>Home</a></nav><main>{items}</main>", "<title>Home</title>"),
                    format="html")
    assert article.confidence < 0.2
    # The body of a listing is its list (issue 22, kind_body.py): the cards' lines, each said
    # to be an item of the list, never teaser summaries glued into one article.
    assert article.kind == "listing"
    body = [b for b in article.blocks if b.label == "body"]
    assert sum(b.rule != "kind.listing_items" for b in body) <= 2
    assert all("kind listing" in b.reason for b in body if b.rule == "kind.listing_items")
    assert clean(article_html(), format="html").confidence > 0.5


def _bylined(under_title: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return page(f"<article><h1>Council approves the road plan</h1>{under_title}"
                f"<div class='article-body'>{paras}</div></article>")


def test_html_byline_needs_markup_or_a_by_prefix():
    # A Title-Case line under the headline is a section link, not an author, unless the
    # markup says so or it says "By".
    assert clean(_bylined("<div class='section'><a href='/me'>Middle East</a></div>")).byline is None
    marked = clean(_bylined("<div class='author-name'><a href='/jd'>Jane Doe</a></div>"))
    assert marked.byline == "Jane Doe" and marked.authors == ("Jane Doe",)
    assert clean(_bylined("<div class='author'>JANE DOE</div>")).byline == "JANE DOE"


def test_html_byline_after_a_standfirst_and_before_its_date():
    standfirst = ("<p class='standfirst'>The plan divides the town, and residents say they were not asked "
                  "before the council decided to go ahead with it this week.</p>")
    a = clean(_bylined(standfirst + "<p>by <a href='/jd'>Jane Doe</a> January 18, 2017 11:00 PM PST</p>"))
    assert a.byline == "by Jane Doe"
    assert a.authors == ("Jane Doe",)
    assert a.date == "2017-01-18"
