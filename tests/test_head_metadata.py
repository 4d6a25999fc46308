"""Title, date and authors from each kind of evidence a page declares (invented pages, one source each)."""
import datetime
import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleanarticle import clean, html_dates, html_meta, jsonld, metadata, titles
from cleanarticle.lexicon import lexicon

BODY = ("<p>The city council voted on Tuesday to expand the bus network to the northern suburbs, a plan that "
        "officials say will take three years to finish.</p>"
        "<p>Residents of the northern districts have complained for years that they have to drive to work because "
        "buses come only once an hour.</p>"
        "<p>The council will hold public meetings in every district before the first new routes open to passengers "
        "next spring.</p>")
HEADLINE = "Council votes to expand the bus network north"
TODAY = datetime.date(2026, 1, 1)
EN = lexicon("en")


def page(head: str = "", header: str = "", body: str = BODY) -> str:
    return (f"<html lang='en'><head>{head}</head><body><nav><a href='/'>Home</a></nav><article>"
            f"<h1>{HEADLINE}</h1>{header}{body}</article></body></html>")


def ld(data: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def head_of(html: str, url: str | None = None) -> html_meta.HeadMeta:
    return html_meta.read_head(LexborHTMLParser(html), url, TODAY)


# --- JSON-LD -------------------------------------------------------------------------------------------

def test_json_ld_graph_with_author_reference():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "#page", "name": "Bus plan - Daily Example"},
        {"@type": "NewsArticle", "headline": HEADLINE, "datePublished": "2025-07-17T08:30:00+07:00",
         "author": [{"@id": "#jane"}, {"@type": "Person", "name": "Tran Van A"}]},
        {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
        {"@type": "Organization", "name": "Daily Example"}]}
    data = jsonld.read(LexborHTMLParser(page(ld(graph))))
    assert (data.headline, data.published, data.authors) == (HEADLINE, "2025-07-17T08:30:00+07:00",
                                                             ("Jane Doe", "Tran Van A"))
    assert data.orgs == {"Daily Example"}


def test_json_ld_article_nested_in_main_entity():
    nested = {"@type": "WebPage", "mainEntity": {"@type": "BlogPosting", "headline": HEADLINE,
                                                 "datePublished": "2024-03-05", "author": "Jane Doe"}}
    data = jsonld.read(LexborHTMLParser(page(ld([nested]))))
    assert (data.article_type, data.published, data.authors) == ("blogposting", "2024-03-05", ("Jane Doe",))


def test_json_ld_organisation_author_is_kept_apart():
    data = jsonld.read(LexborHTMLParser(page(ld({"@type": "Article", "headline": HEADLINE,
                                                 "author": {"@type": "Organization", "name": "Daily Example"}}))))
    assert (data.authors, data.org_authors) == ((), ("Daily Example",))


def test_broken_json_ld_reads_as_nothing():
    assert jsonld.read(LexborHTMLParser(page("<script type='application/ld+json'>{oops</script>"))) == \
        jsonld.LinkedData()


# --- dates ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("markup,source", [
    ("<meta property='article:published_time' content='2025-07-17T23:30:00-05:00'>", "meta article:published_time"),
    ("<meta property='og:published_time' content='2025-07-17'>", "meta og:published_time"),
    ("<meta name='pubdate' content='20250717'>", "meta pubdate"),
    ("<meta name='publishdate' content='2025-07-17'>", "meta publishdate"),
    ("<meta name='DC.date.issued' content='2025-07-17'>", "meta dc.date.issued"),
    ("<meta name='dcterms.created' content='2025-07-17'>", "meta dcterms.created"),
    ("<meta name='sailthru.date' content='2025-07-17 10:00:00'>", "meta sailthru.date"),
    ("<meta name='parsely-pub-date' content='2025-07-17T10:00:00Z'>", "meta parsely-pub-date"),
    ("<meta name='w-published-date' content='2025-07-17T06:03:43Z'>", "meta w-published-date"),
    ("<meta name='published' content='July 17, 2025'>", "meta published"),
    (ld({"@type": "NewsArticle", "datePublished": "2025-07-17"}), "json-ld datePublished"),
], ids=lambda v: v if v.startswith(("meta", "json")) else "")
def test_each_declared_date_source(markup, source):
    head = head_of(page(markup))
    assert (head.date, head.date_source) == ("2025-07-17", source)


@pytest.mark.parametrize("header,source", [
    ("<time pubdate datetime='2025-07-17T09:00'>17 July</time>", "<time pubdate>"),
    ("<span itemprop='datePublished' content='2025-07-17'>Thursday</span>", "<span itemprop>"),
    ("<div class='post-date'>Posted July 17, 2025</div>", "<div class date>"),
    ("<time datetime='2025-07-17'>Thursday</time>", "<time datetime>"),
], ids=["time-pubdate", "itemprop", "date-class", "first-time"])
def test_each_marked_up_date_source(header, source):
    head = head_of(page(header=header))
    assert (head.date, head.date_source) == ("2025-07-17", source)


def test_url_path_gives_a_date_last():
    assert html_dates.url_date("https://example.org/2019/10/19/bus-plan", TODAY) == "2019-10-19"
    assert html_dates.url_date("https://example.org/articles/2025-12-15+rust", TODAY) == "2025-12-15"
    assert html_dates.url_date("https://example.org/story/12345", TODAY) is None
    head = head_of(page(), "https://example.org/2019/10/19/bus-plan")
    assert (head.date, head.date_source) == ("2019-10-19", "url")


def test_published_beats_modified_and_modified_alone_is_no_date():
    both = ("<meta property='article:modified_time' content='2025-08-01'>"
            "<meta property='article:published_time' content='2025-07-17'>")
    assert head_of(page(both)).date == "2025-07-17"
    modified = head_of(page("<meta property='article:modified_time' content='2025-08-01'>"))
    assert (modified.date, modified.dates[0].modified) == (None, True)
    assert clean(page("<meta property='article:modified_time' content='2025-08-01'>"), format="html").date is None


@pytest.mark.parametrize("value", ["2027-01-01", "1994-05-01", "0000-00-00", "soon"])
def test_dates_after_today_or_before_the_web_are_no_evidence(value):
    assert head_of(page(f"<meta name='pubdate' content='{value}'>")).date is None


def test_the_day_is_taken_as_written_never_converted():
    head = head_of(page("<meta property='article:published_time' content='2025-07-17T23:30:00-05:00'>"))
    assert (head.date, head.time) == ("2025-07-17", "23:30")


def test_printed_date_wins_over_a_lone_declared_one_not_over_a_corroborated_one():
    printed = "<p>By Jane Doe</p><p>July 20, 2025</p>"
    lone = clean(page(ld({"@type": "NewsArticle", "datePublished": "2025-07-17"}), printed), format="html")
    assert (lone.date, lone.date_source.split()[0]) == ("2025-07-20", "line")
    two = page(ld({"@type": "NewsArticle", "datePublished": "2025-07-17"})
               + "<meta property='article:published_time' content='2025-07-17'>", printed)
    assert clean(two, format="html").date == "2025-07-17"
    agreeing = clean(page("<meta property='article:modified_time' content='2025-07-20'>", printed), format="html")
    assert agreeing.date_source.endswith("(as meta article:modified_time)")


def test_one_template_printing_a_date_twice_is_one_source_not_two():
    # The date printed under the headline wins over a class-named date element that the template
    # repeats in a <div> and a <p>: that is one kind of source, not two that corroborate each other.
    printed = "<p>By Jane Doe</p><p>17.07.2025</p><div class='date'>20.07.2025</div><p class='date'>20.07.2025</p>"
    article = clean(page(header=printed), format="html")
    assert (article.date, article.date_source.split()[0]) == ("2025-07-17", "line")
    kinds = {e.kind for e in head_of(page(header=printed)).dates}
    assert kinds == {"class"}


def test_the_headline_line_is_the_h1_not_a_menu_entry_printing_part_of_it():
    # A menu entry that prints part of the headline stands before the <h1>: the byline and date
    # are read under the <h1>, so the related story's date above it is not taken.
    html = (f"<html lang='en'><head><title>{HEADLINE} | Daily Example</title></head><body>"
            "<nav><ul><li><a href='/a'>Expand the bus network north</a></li><li><a href='/b'>Other story</a></li></ul></nav>"
            "<p>March 3, 2025</p>"
            f"<article><h1>{HEADLINE}</h1><p>By Jane Doe</p><p>July 17, 2025</p>{BODY}</article></body></html>")
    article = clean(html, format="html")
    assert (article.title, article.date) == (HEADLINE, "2025-07-17")


PUBLISHED_TWICE = (ld({"@type": "NewsArticle", "datePublished": "2025-07-17", "dateModified": "2025-09-02"})
                   + "<meta property='article:published_time' content='2025-07-17'>")


@pytest.mark.parametrize("printed,expected", [
    ("<p>Last updated: <time datetime='2025-09-02'>September 2, 2025</time></p>", "2025-07-17"),
    ("<p>September 2, 2025</p>", "2025-09-02"),  # no update label: the printed day is the page's
], ids=["labelled-update", "unlabelled"])
def test_a_printed_update_gives_way_to_a_publication_declared_twice(printed, expected):
    article = clean(page(PUBLISHED_TWICE, "<p>By Jane Doe</p>" + printed), format="html")
    assert article.date == expected


def test_a_printed_update_stands_where_the_publication_is_declared_once():
    once = ld({"@type": "NewsArticle", "datePublished": "2025-07-17", "dateModified": "2025-09-02"})
    assert clean(page(once, "<p>By Jane Doe</p><p>Updated September 2, 2025</p>"), format="html").date == "2025-09-02"


@pytest.mark.parametrize("line", [
    "Transport, July 17, 2025, 4 min read",
    "July 17, 2025 in City news, Transport",
])
def test_a_date_among_a_few_fields_beside_the_headline(line):
    html = (f"<html lang='en'><body><article><p>{line}</p><h1>{HEADLINE}</h1>{BODY}</article></body></html>")
    assert clean(html, format="html").date == "2025-07-17"
    below = f"<html lang='en'><body><article><h1>{HEADLINE}</h1><p>{line}</p>{BODY}</article></body></html>"
    assert clean(below, format="html").date == "2025-07-17"


def test_a_date_three_lines_above_the_headline():
    html = (f"<html lang='en'><body><article><p>July 17, 2025</p><p>City news</p><p>Transport</p>"
            f"<h1>{HEADLINE}</h1>{BODY}</article></body></html>")
    assert clean(html, format="html").date == "2025-07-17"


def test_no_evidence_no_date():
    assert clean(page(), format="html").date is None


# --- titles --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("markup", [
    # An inline icon's <svg><title> comes before the page's own <title>.
    f"<html><head></head><body><svg><symbol><title>icon-heart</title></symbol></svg>"
    f"<title>{HEADLINE} - Daily Example</title>",
    # The head's <title> is empty; the template prints the real one later.
    f"<html><head><title></title></head><body><title>{HEADLINE} - Daily Example</title>",
], ids=["svg-title-first", "empty-head-title"])
def test_the_document_title_is_the_pages_not_an_icons(markup):
    html = (markup + "<meta property='og:title' content='Why the north needs buses'>"
            f"<article><h1>{HEADLINE}</h1><h1>Newsletter</h1>{BODY}</article></body></html>")
    assert head_of(html).title == HEADLINE


@pytest.mark.parametrize("key", ["parsely-title", "DC.Title", "dcterms.title"])
def test_declared_title_names_readability_also_reads(key):
    html = f"<html><head><meta name='{key}' content='Road works start in May'></head><body>{BODY}</body></html>"
    assert head_of(html).title == "Road works start in May"


@pytest.mark.parametrize("h1,expected", [
    ("COUNCIL VOTES<br>TO EXPAND THE BUS<br> NETWORK NORTH", "COUNCIL VOTES TO EXPAND THE BUS NETWORK NORTH"),
    (f"{HEADLINE}<a class='headerlink' href='#top'>¶</a>", HEADLINE),
    (f"{HEADLINE} <a href='#x'>#</a>", HEADLINE),
    ("Learning C#: a bus timetable app", "Learning C#: a bus timetable app"),
], ids=["line-breaks", "pilcrow", "hash-anchor", "c-sharp"])
def test_the_h1_as_people_read_it(h1, expected):
    html = page(f"<title>{expected.title()} | Daily Example</title>").replace(f"<h1>{HEADLINE}</h1>", f"<h1>{h1}</h1>")
    assert head_of(html).title == expected


def test_h1_that_a_head_title_agrees_with_is_the_title():
    head = head_of(page(f"<title>{HEADLINE} | Daily Example</title>"
                        "<meta property='og:title' content='Council expands bus network | Daily Example'>"))
    assert (head.title, head.title_source) == (HEADLINE, "<h1> agreeing with <title>")


def test_head_title_without_site_name_when_no_h1_agrees():
    html = page("<meta property='og:site_name' content='Daily Example'>"
                "<meta property='og:title' content='Road works start in May - Daily Example'>")
    assert head_of(html.replace(f"<h1>{HEADLINE}</h1>", "<h1>Daily Example</h1>")).title == \
        "Road works start in May"


@pytest.mark.parametrize("title,expected", [
    ("Road works start in May | Daily Example", "Road works start in May"),
    ("Daily Example - Road works start in May", "Road works start in May"),
    ("Road works start in May • dailyexample.com", "Road works start in May"),
    ("Road works: what changes | a guide", "Road works: what changes | a guide"),
    # A part that only holds the site's name is cut when it is the shorter part, never the headline's.
    ("Road works at Daily Example's office :: Blogs", "Road works at Daily Example's office :: Blogs"),
    ("Daily Example News | Road works start in May on the northern line", "Road works start in May on the northern line"),
])
def test_strip_site(title, expected):
    assert titles.strip_site(title, titles.site_keys("Daily Example", "https://www.dailyexample.com/x")) == expected


@pytest.mark.parametrize("logo,title,expected", [
    # The <h1> is the site's logo: the head title prints it after a longer headline.
    ("The Daily Example Review", "Road works start in May on the northern line - The Daily Example Review",
     "Road works start in May on the northern line"),
    ("Daily Example Notes beta", "Road works start in May on the northern line | Transport [Daily Example Notes]",
     "Road works start in May on the northern line"),
    # "Site | Headline": the <h1> is the longer, last part, and stays the headline.
    ("Road works start in May", "Daily Example | Road works start in May", "Road works start in May"),
])
def test_h1_that_the_head_title_prints_as_its_site_part_is_a_logo(logo, title, expected):
    html = page(f"<title>{title}</title>").replace(f"<h1>{HEADLINE}</h1>", f"<h1>{logo}</h1>")
    assert head_of(html).title == expected


def test_two_h1s_naming_the_title_parts_the_first_part_is_the_headline():
    html = page("<title>Shared history explained — The Example Manual</title>").replace(
        f"<h1>{HEADLINE}</h1>", "<h1>The Example Manual</h1><h1>Shared history explained</h1>")
    assert head_of(html).title == "Shared history explained"


def test_entities_are_decoded_even_when_escaped_twice():
    assert titles.text("Gold&amp;#039;s Gym &#8211; Review") == "Gold's Gym – Review"


def test_a_label_before_the_headline_in_the_h1_is_dropped():
    html = page(f"<meta property='og:title' content='{HEADLINE}'>").replace(
        f"<h1>{HEADLINE}</h1>", f"<h1>Title: {HEADLINE}</h1>")
    assert head_of(html).title == HEADLINE


# --- authors -------------------------------------------------------------------------------------------

def test_meta_author_that_is_the_site_or_a_role_is_not_an_author():
    assert head_of(page("<meta name='author' content='Admin'>")).byline is None
    site = page("<meta name='author' content='Daily Example'><meta property='og:site_name' content='Daily Example'>")
    assert clean(site, format="html").authors == ("Daily Example",)  # alone, the site is the byline
    both = page(ld({"@type": "Article", "author": [{"@type": "Person", "name": "Jane Doe"}, "Daily Example"]})
                + "<meta property='og:site_name' content='Daily Example'>")
    assert clean(both, format="html").authors == ("Jane Doe",)


@pytest.mark.parametrize("byline,lang,expected", [
    ("Jane Doe, John Roe and Ann Poe", "en", ("Jane Doe", "John Roe", "Ann Poe")),
    ("Hans Müller und Petra Schmidt", "de", ("Hans Müller", "Petra Schmidt")),
    ("By BeauHD", "en", ("BeauHD",)),
    ("jane@example.org", "en", ()),
    ("@janedoe", "en", ()),
    ("Bradley M. Kuhn (http://ebb.org/bkuhn/)", "en", ("Bradley M. Kuhn",)),
    ("undefined", "en", ()),
], ids=["and", "de-und", "one-word", "email", "handle", "url-in-parens", "placeholder"])
def test_declared_bylines_are_split_and_cleaned(byline, lang, expected):
    assert metadata.authors(byline, lexicon(lang), declared=True) == expected


def test_markup_author_near_the_headline():
    header = "<p class='byline'>By <span class='author-name'>Jane Doe</span></p>"
    article = clean(page(header=header), format="html")
    assert article.authors == ("Jane Doe",)


def test_markup_author_of_a_teaser_far_below_is_not_the_byline():
    teasers = "".join(f"<p>Another story number {n} about the city</p>" for n in range(14))
    far = "<aside><a rel='author' href='/x'>Rita Other</a></aside>"
    article = clean(page(header="<p>By Jane Doe</p>", body=BODY + teasers + far), format="html")
    assert article.authors == ("Jane Doe",)


def test_author_box_below_the_article_names_the_author_when_nothing_else_does():
    box = ("<div class='wp-block-post-author'><p class='wp-block-post-author__byline'>Written by</p>"
           "<p class='wp-block-post-author__name'>Jane Doe</p></div>")
    assert clean(page(body=BODY + box), format="html").authors == ("Jane Doe",)


def test_the_only_h1_is_the_headline_even_when_the_head_rewords_it():
    head = head_of(page("<meta property='og:title' content='Transit: Definition, Best Routes in 2025, and More!'>"))
    assert (head.title, head.title_source) == (HEADLINE, "the page's only <h1>")
    two = page("<meta property='og:title' content='Transit: Definition, Best Routes in 2025, and More!'>",
               header="<h1>Another big heading of the page</h1>")
    assert head_of(two).title == "Transit: Definition, Best Routes in 2025, and More!"
