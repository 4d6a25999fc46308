"""Block shapes: headings, list items, table rows, quotes and code, from HTML markup and from text lines."""
import pytest

from cleanarticle import clean, model
from cleanarticle.html_shape import CELL_SEPARATOR
from cleanarticle.text_shape import cells, list_marker, tab_cells

PROSE = ("This paragraph of the article talks about the matter at hand at some length, so that the "
         "classifier takes it for good body text of the page. ")
PROSE2 = ("A second paragraph goes on with the story and adds what the people there said about it, "
          "which is also the kind of text that an article is made of.")


def page(inner: str) -> str:
    return f"<html><head><title>A page</title></head><body><article><h1>A page</h1><p>{PROSE}</p>{inner}" \
           f"<p>{PROSE2}</p></article></body></html>"


def shapes(raw: str, fmt: str = "html") -> dict[str, model.Shape]:
    return {b.text: b.shape for b in clean(raw, format=fmt).blocks if b.text}


# (markup, text of the block, expected shape): one case per kind of structure.
HTML_CASES = [
    ("<h2>Results so far</h2>", "Results so far", model.Shape(model.HEADING, level=2)),
    ("<h4>Small <a href='#x'>heading</a></h4>", "Small heading", model.Shape(model.HEADING, level=4)),
    ("<div role='heading' aria-level='3'>An ARIA heading</div>", "An ARIA heading",
     model.Shape(model.HEADING, level=3)),
    ("<ul><li>Two eggs</li><li>Flour</li></ul>", "Two eggs", model.Shape(model.LIST_ITEM, level=1)),
    ("<ol><li>Beat the eggs</li></ol>", "Beat the eggs", model.Shape(model.LIST_ITEM, level=1, ordered=True)),
    ("<ul><li>Outer<ol><li>Inner step</li></ol></li></ul>", "Inner step",
     model.Shape(model.LIST_ITEM, level=2, ordered=True)),
    ("<ul><li><p>An item in a paragraph</p></li></ul>", "An item in a paragraph",
     model.Shape(model.LIST_ITEM, level=1)),
    ("<blockquote><p>We will win, she said.</p></blockquote>", "We will win, she said.", model.Shape(model.QUOTE)),
    ("<div class='pullquote'>A pulled quote</div>", "A pulled quote", model.Shape(model.QUOTE)),
    ("<pre>def f(x):\n    return x</pre>", "def f(x): return x",
     model.Shape(model.CODE, code="def f(x):\n    return x")),
    ("<div class='highlight'><pre><code>a  =  1</code></pre></div>", "a = 1", model.Shape(model.CODE, code="a  =  1")),
    ("<table><tr><th>Team</th><th>Points</th></tr><tr><td>Alpha</td><td>12</td></tr></table>", "Team | Points",
     model.Shape(model.TABLE_ROW, cells=("Team", "Points"), header=True)),
    ("<table><thead><tr><td>Team</td><td>Points</td></tr></thead><tbody><tr><td>Alpha</td><td></td><td>12</td></tr>"
     "</tbody></table>", "Alpha | 12", model.Shape(model.TABLE_ROW, cells=("Alpha", "", "12"))),
    ("<p>Just a paragraph.</p>", "Just a paragraph.", model.PARAGRAPH_SHAPE),
]


@pytest.mark.parametrize("markup,text,shape", HTML_CASES, ids=[c[1] for c in HTML_CASES])
def test_html_shape_comes_from_markup(markup, text, shape):
    assert shapes(page(markup))[text] == shape


def test_thead_row_is_a_header_row():
    got = shapes(page("<table><thead><tr><td>Team</td><td>Points</td></tr></thead>"
                      "<tr><td>A</td><td>1</td></tr></table>"))
    assert got["Team | Points"].header and not got["A | 1"].header


def test_layout_table_cells_holding_paragraphs_stay_blocks_of_their_own():
    got = shapes(page(f"<table><tr><td><p>{PROSE}left</p><p>{PROSE2}</p></td><td><p>{PROSE}right</p></td></tr>"
                      "</table>"))
    assert got[PROSE + "left"].kind == model.PARAGRAPH
    assert not any(s.kind == model.TABLE_ROW for s in got.values())


def test_a_cell_whose_text_sits_in_one_wrapper_is_still_a_cell():
    got = shapes(page("<table><tr><th><div>&bull; Monarch</div></th>"
                      "<td><a href='/q'>Elizabeth II</a></td></tr></table>"))
    assert got["• Monarch | Elizabeth II"] == model.Shape(model.TABLE_ROW, cells=("• Monarch", "Elizabeth II"))


def test_a_title_and_date_laid_out_in_cells_stay_lines_of_their_own():
    html = (f"<html><body><table><tr><td><h3>Backup Strategy</h3></td><td>January 22nd, 2019</td></tr></table>"
            f"<div><p>{PROSE}</p><p>{PROSE2}</p></div></body></html>")
    texts = [b.text for b in clean(html, format="html").blocks]
    assert "Backup Strategy" in texts and "January 22nd, 2019" in texts


def test_a_row_with_one_filled_cell_is_not_a_table_row():
    got = shapes(page("<table><tr><td>Only this</td><td></td></tr></table>"))
    assert got["Only this"].kind == model.PARAGRAPH


def test_table_rows_inside_an_article_are_body_lines_with_their_cells_apart():
    rows = "".join(f"<tr><td>Team {n}</td><td>{n * 3}</td><td>{n}-{n + 1}</td></tr>" for n in range(1, 9))
    article = clean(page(f"<table><tr><th>Team</th><th>Points</th><th>Games</th></tr>{rows}</table>"), format="html")
    assert "Team 4 | 12 | 4-5" in article.paragraphs
    assert all(CELL_SEPARATOR.join(b.shape.cells) == b.text for b in article.blocks if b.shape.kind == model.TABLE_ROW)


def test_a_list_of_references_with_few_stopwords_is_kept_in_the_article():
    refs = "".join(f"<li>Author{n} A, Writer B, Person C, et al. Mindfulness-based reduction for chronic pain: "
                   f"a review. Journal {n}, 2019;12:34-56.</li>" for n in range(5))
    article = clean(page(f"<h2>References</h2><ol>{refs}</ol>"), format="html")
    kept = [b for b in article.blocks if b.shape.kind == model.LIST_ITEM]
    assert kept and all(b.label == model.BODY for b in kept), [(b.label, b.reason) for b in kept]


def test_a_menu_list_stays_navigation():
    menu = "<nav><ul>" + "".join(f"<li><a href='/{n}'>Section {n}</a></li>" for n in range(8)) + "</ul></nav>"
    article = clean(f"<html><body>{menu}<article><h1>A page</h1><p>{PROSE}</p><p>{PROSE2}</p></article></body></html>",
                    format="html")
    assert article.paragraphs
    assert not any(p.startswith("Section") for p in article.paragraphs)


# Text mode: (lines, line -> expected kind, a word of the reason)
TEXT = "\n".join([
    "A title for the page",
    "",
    PROSE,
    "",
    "What we found",
    "",
    PROSE2,
    "- milk and sugar",
    "• two eggs",
    "1. Beat the eggs.",
    "2) Add the flour.",
    "Team | Points | Games",
    "Alpha | 12 | 4",
    "Beta | 9 | 4",
    "And a third paragraph closes the article with a few words on what comes next for the people in it, and "
    "then it goes on for a while longer, because a list and a table in the middle of a text cost the main "
    "text block a little for every short line, and the prose after them has to pay that back.",
])


@pytest.mark.parametrize("line,shape,why", [
    ("What we found", model.Shape(model.HEADING, level=2), "heading"),
    ("- milk and sugar", model.Shape(model.LIST_ITEM, level=1, marker="-"), "list item"),
    ("• two eggs", model.Shape(model.LIST_ITEM, level=1, marker="•"), "list item"),
    ("1. Beat the eggs.", model.Shape(model.LIST_ITEM, level=1, ordered=True, marker="1."), "list item"),
    ("2) Add the flour.", model.Shape(model.LIST_ITEM, level=1, ordered=True, marker="2)"), "list item"),
    ("Team | Points | Games", model.Shape(model.TABLE_ROW, cells=("Team", "Points", "Games"), header=True),
     "table row"),
    ("Beta | 9 | 4", model.Shape(model.TABLE_ROW, cells=("Beta", "9", "4")), "table row"),
    (PROSE2, model.PARAGRAPH_SHAPE, "paragraph"),
])
def test_text_mode_infers_shape_and_says_so(line, shape, why):
    block = next(b for b in clean(TEXT, format="text").blocks if b.text == line)
    assert block.label == model.BODY
    assert block.shape == shape
    assert why in block.reason


def test_text_mode_a_lone_barred_line_is_no_table():
    text = "\n".join([PROSE, "Results | Sport", PROSE])
    block = next(b for b in clean(text, format="text").blocks if b.text == "Results | Sport")
    assert block.shape.kind != model.TABLE_ROW


@pytest.mark.parametrize("text,expected", [
    ("- a", ("-", False)), ("12. b", ("12.", True)), ("3) c", ("3)", True)), ("-a", None), ("1.5 kg", None),
    ("999. x", ("999.", True)), ("1000. x", None),
])
def test_list_marker(text, expected):
    assert list_marker(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("a | b", ("a", "b")), ("| a | b |", ("a", "b")), ("no bars", ("no bars",)), ("a|b|c", ("a", "b", "c")),
])
def test_cells(text, expected):
    assert cells(text) == expected


# A table pasted from a spreadsheet: cells cut by tabs (one empty), between paragraphs.
TAB_TEXT = TEXT.replace("Team | Points | Games\nAlpha | 12 | 4\nBeta | 9 | 4",
                        "Team\tPoints\tGames\nAlpha\t12\t4\nBeta\t\t4")


def test_text_mode_tab_rows_are_a_table_and_the_body_keeps_its_spaces():
    article = clean(TAB_TEXT, format="text")
    rows = [b for b in article.blocks if b.shape.kind == model.TABLE_ROW]
    assert [b.shape.cells for b in rows] == [("Team", "Points", "Games"), ("Alpha", "12", "4"), ("Beta", "", "4")]
    assert [b.shape.header for b in rows] == [True, False, False]
    assert all(b.label == model.BODY and "separated by tabs" in b.reason for b in rows)
    # The body is what it was before tabs made cells: each tab a space.
    assert [b.text for b in rows] == ["Team Points Games", "Alpha 12 4", "Beta  4"]
    assert "\t" not in article.body


def test_text_mode_tab_table_reads_back_as_a_pipe_table():
    md = clean(TAB_TEXT, format="text").markdown
    assert "| Team | Points | Games |\n|---|---|---|\n| Alpha | 12 | 4 |\n| Beta |  | 4 |" in md


@pytest.mark.parametrize("line,expected", [
    ("a\tb", ("a", "b")), ("\tindented", None), ("a\t\tb\t", ("a", "", "b")), ("no tabs", None),
    ("\t\ta\tb ", ("a", "b")), ("one\t", None),
])
def test_tab_cells(line, expected):
    assert tab_cells(line) == expected


def test_text_mode_body_is_the_same_with_or_without_tab_cells():
    """Reading cells from tabs must not change the body: tabs become spaces as before."""
    from cleanarticle import normalize

    raw = "x\u00a0y\tz\r\n" + TAB_TEXT
    text, _ = normalize.normalize(raw)
    kept, _ = normalize.normalize(raw, keep_tabs=True)
    assert kept.replace("\t", " ") == text


def test_a_linked_section_heading_above_a_paragraph_stays_body():
    """Docs generators and weekly editions link their section headings (a permalink, the story's
    page): mostly link text, yet the heading of the paragraph under it."""
    html = (f"<html><body><article><h1>A page</h1><p>{PROSE}</p>"
            f"<h2><a href='#found'>What we found</a></h2><p>{PROSE2}</p>"
            "<h2><a href='/more'>More stories</a></h2><ul>"
            + "".join(f"<li><a href='/{n}'>Another story number {n}</a></li>" for n in range(5))
            + "</ul></article></body></html>")
    article = clean(html, format="html")
    found = next(b for b in article.blocks if b.text == "What we found")
    assert (found.label, found.shape.kind, found.rule) == (model.BODY, model.HEADING, "dom.linked_heading")
    more = next(b for b in article.blocks if b.text == "More stories")
    assert more.label != model.BODY  # a link list under it, not a paragraph
    off = clean(html, format="html", disabled_rules={"dom.linked_heading"})
    assert next(b for b in off.blocks if b.text == "What we found").label != model.BODY


def test_a_table_of_contents_is_navigation_and_its_headings_stay():
    """A contents box links to the headings below it: the box is navigation, and a heading it
    printed first is the heading, not a repeat of the box's line."""
    sections = ["Preparing the data", "Finding past anomalies", "Use weighted mean"]
    entries = "".join(f"<li><a href='#s{n}'>{s}</a></li>" for n, s in enumerate(sections))
    toc = f"<ul class='contents'>{entries}</ul>"
    body = "".join(f"<h2 id='s{n}'>{s}</h2><p>{PROSE}</p><p>{PROSE2}</p>" for n, s in enumerate(sections))
    article = clean(f"<html><body><article><h1>A page</h1><p>{PROSE2}</p>{toc}{body}</article></body></html>",
                    format="html")
    entries = [b for b in article.blocks if b.shape.kind == model.LIST_ITEM]
    assert [(b.label, b.rule) for b in entries] == [(model.NAV, "dom.toc_entry")] * 3
    headings = [b for b in article.blocks if b.shape.kind == model.HEADING and b.text in sections]
    assert [(b.text, b.label) for b in headings] == [(s, model.BODY) for s in sections]


def test_a_line_break_inside_a_heading_does_not_split_it():
    """`<h2>Designed to<br>be redesigned</h2>` is one heading (readability mozilla-1 printed it as
    two), while a `<br>` in a paragraph still ends a line."""
    got = shapes(page("<h2>Designed to <br>be <span>re<br/>designed</span></h2><p>One line<br>Another line</p>"))
    assert got["Designed to be re designed"] == model.Shape(model.HEADING, level=2)
    assert "One line" in got and "Another line" in got


def gallery_page(region: str) -> str:
    """An article with a slide gallery whose captions sit in `ul.legends`, inside a box whose
    class is `region` (a chrome token the article's own wrapper may carry too)."""
    slides = "".join(f"<li><h2><span class='counter'>{n}/4</span> Slide number {n} of the show</h2>"
                     f"<p>{PROSE2} Slide {n}.</p></li>" for n in range(1, 5))
    return (f"<html><body><div class='{region}'><article><h1>A page</h1><p>{PROSE}</p><p>{PROSE2}</p>"
            f"<div class='gallery'><ul class='legends'>{slides}</ul></div><p>{PROSE} The end.</p>"
            "</article></div></body></html>")


@pytest.mark.parametrize("region", ["", "widget-wrapper"])
def test_a_gallerys_captions_are_captions_even_inside_a_region(region):
    """Slide captions in a caption-classed box are captions, not the article's headings and
    list items, also when the article and the gallery sit in a chrome-classed wrapper (a
    `widget` region that holds the article): the first region token used to hide the
    caption box under it."""
    article = clean(gallery_page(region), format="html")
    slides = [b for b in article.blocks if "Slide" in b.text]
    assert len(slides) == 8
    assert {b.label for b in slides} == {model.CAPTION}
    assert PROSE.strip() in article.body and "The end." in article.body
    assert "Slide number" not in article.markdown


def card_page(headline_words: str, closing: str = "") -> str:
    """An article, then a list of four items each opening with a linked headline, a summary and a source."""
    cards = "".join(
        f"<li><div><h3><a href='/story/{n}'>{headline_words} {n}</a></h3>"
        f"<p>{PROSE2} Story {n} goes on.</p><span>Morning Show</span></div></li>"
        for n in range(4)
    )
    return (f"<html><body><div><article><h1>A page</h1><p>{PROSE}</p><p>{PROSE2}</p></article>"
            f"<ul class='stream'>{cards}</ul>{closing}</div></body></html>")


def test_a_list_of_link_cards_after_the_article_is_teasers():
    """Each card's headline links away (link density drops it); its summary and source line
    hold no link, but the markup says they are a card's: teasers, not list items of the article."""
    article = clean(card_page("Local team wins the cup after a long season"), format="html")
    summaries = [b for b in article.blocks if "Story" in b.text or b.text == "Morning Show"]
    assert len(summaries) == 8
    assert {(b.label, b.rule) for b in summaries} == {(model.RELATED, "dom.link_cards")}
    assert PROSE.strip() in article.body
    off = clean(card_page("Local team wins the cup after a long season"), format="html",
                disabled_rules={"dom.link_cards"})
    assert "Story 1 goes on." in off.body  # what the rule changes


@pytest.mark.parametrize("headline,closing", [
    ("Emily", ""),  # a forum post under its author's linked name: the page's content
    ("Local team wins the cup after a long season", f"<p>{PROSE} That was the list.</p>"),  # a listicle's items
])
def test_lists_that_are_not_teaser_cards_stay(headline, closing):
    article = clean(card_page(headline, closing), format="html")
    assert all(b.rule != "dom.link_cards" for b in article.blocks)
