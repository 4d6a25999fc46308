"""Markdown output: a CommonMark parser (markdown-it-py, a test dependency) reads it back into
the same headings, list items, table cells, quotes, code and text; prose never turns into markup."""
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanarticle import clean, model
from cleanarticle.markdown import escape, item_text, plain_lines, to_markdown

markdown_it = pytest.importorskip("markdown_it", reason='needs markdown-it-py: pip install ".[test]"')
PARSER = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])


def inline_text(token) -> str:
    """The plain text of an inline token; any markup in it (emphasis, a link, a code span) fails."""
    kinds = {c.type for c in token.children or ()}
    assert kinds <= {"text"}, f"markup in {token.content!r}: {kinds}"
    return "".join(c.content for c in token.children or ())


def read_back(md: str) -> list[tuple]:
    """Markdown parsed back into (kind, details..., text) tuples, one per body line."""
    out: list[tuple] = []
    lists: list[bool] = []
    quote = 0
    row: list[str] | None = None
    tokens = PARSER.parse(md)
    for n, t in enumerate(tokens):
        if t.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(t.type == "ordered_list_open")
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t.type == "blockquote_open":
            quote += 1
        elif t.type == "blockquote_close":
            quote -= 1
        elif t.type == "tr_open":
            row = []
        elif t.type == "tr_close":
            out.append(("row", tuple(row)))
            row = None
        elif t.type == "fence":
            out.append(("code", t.content[:-1]))
        elif t.type in ("code_block", "html_block", "hr"):
            raise AssertionError(f"unexpected {t.type}: {t.content!r}")
        elif t.type == "inline":
            opener = tokens[n - 1]
            text = inline_text(t)
            if row is not None:
                row.append(text)
            elif opener.type == "heading_open":
                out.append(("heading", int(opener.tag[1]), text))
            elif lists:
                out.append(("item", len(lists), lists[-1], text))
            elif quote:
                out.append(("quote", text))
            else:
                out.append(("paragraph", text))
    return out


def expected(article: model.Article) -> list[tuple]:
    """What `read_back` should find for `article`: the title, then each body block by its shape."""
    out: list[tuple] = [("heading", 1, article.title)] if article.title else []
    rows: list[tuple] = []
    for b in article.blocks:
        if b.label != model.BODY or not b.text:
            continue
        s = b.shape
        if s.kind == model.TABLE_ROW:
            rows.append(s.cells or (b.text,))
            continue
        if rows:
            width = max(map(len, rows))
            out.extend(("row", r + ("",) * (width - len(r))) for r in rows)
            rows = []
        if s.kind == model.HEADING:
            out.append(("heading", min(max(s.level, 2), 6), b.text))
        elif s.kind == model.LIST_ITEM:
            out.append(("item", s.level, s.ordered, item_text(b)))
        elif s.kind == model.QUOTE:
            out.append(("quote", b.text))
        elif s.kind == model.CODE:
            out.append(("code", s.code if s.code is not None else b.text))
        else:
            out.append(("paragraph", b.text))
    if rows:
        width = max(map(len, rows))
        out.extend(("row", r + ("",) * (width - len(r))) for r in rows)
    return out


PROSE = ("This paragraph of the article talks about the matter at hand at some length, so that the "
         "classifier takes it for good body text of the page.")
PROSE2 = ("A second paragraph goes on with the story and adds what the people there said about it, "
          "which is also the kind of text that an article is made of.")
HTML = f"""<html><head><title>Standings *after* round 3</title></head><body><article>
<h1>Standings *after* round 3</h1><p>{PROSE}</p>
<h2>How the # table looks</h2>
<ul><li>Alpha won <b>twice</b><ol><li>first at home</li><li>then away</li></ol></li><li>Beta lost</li></ul>
<table><thead><tr><th>Team</th><th>Pts</th><th>Note</th></tr></thead>
<tr><td>Alpha | A</td><td>12</td><td></td></tr><tr><td>Beta</td><td>9</td><td>*new*</td></tr></table>
<blockquote><p>We will be back, the coach said.</p><p>1. That is a promise.</p></blockquote>
<pre>for team in table:
    print(team)  # ```</pre>
<p>{PROSE2}</p><p># not a heading, &amp;amp; not an entity</p><p>---</p><p>- not a list</p>
</article></body></html>"""


def test_html_article_reads_back_as_the_same_structure():
    article = clean(HTML, format="html")
    md = article.markdown
    assert md.startswith("# Standings \\*after\\* round 3\n")
    assert read_back(md) == expected(article)
    kinds = {b.shape.kind for b in article.blocks if b.label == model.BODY}
    assert kinds == set(model.SHAPES), kinds  # the fixture has every shape


def test_markdown_without_markup_gives_back_the_body_line_for_line():
    article = clean(HTML, format="html")
    assert plain_lines(article.blocks) == article.paragraphs[:len(plain_lines(article.blocks))]
    texts = [x[-1] for x in read_back(to_markdown(article, title=False))]
    body_lines = [b for b in article.blocks if b.label == model.BODY and b.text]
    rows = [" | ".join(c for c in x[-1] if c) if x[0] == "row" else x[-1]
            for x in read_back(to_markdown(article, title=False))]
    assert len(texts) == len(body_lines)
    assert [r if b.shape.kind != model.CODE else b.text for r, b in zip(rows, body_lines)] == plain_lines(body_lines)


TEXT = "\n".join([
    "A title for the page", "", PROSE, "", "What we found", "", PROSE2,
    "- milk and sugar", "• two eggs", "1. Beat the eggs.", "2) Add the flour.",
    "Team | Points | Games", "Alpha | 12 | 4", "Beta | 9 | 4",
    "And a third paragraph closes the article with a few words on what comes next for the people in it, and then "
    "it goes on for a while longer, because a list and a table in the middle of a text cost the main text block "
    "a little for every short line, and the prose after them has to pay that back.",
])


def test_text_article_reads_back_with_markers_turned_into_markdown():
    article = clean(TEXT, format="text")
    md = article.markdown
    assert "\n- milk and sugar\n- two eggs\n" in md
    assert read_back(md) == expected(article)


def test_empty_article_is_empty_markdown():
    assert clean("", format="text").markdown == ""


# Text that prose can hold: letters, digits, every ASCII punctuation mark, a few others.
PROSE_CHARS = string.ascii_letters + string.digits + string.punctuation + "     éß中•–—…«»"
prose = st.text(alphabet=PROSE_CHARS, min_size=1, max_size=60).map(lambda s: " ".join(s.split())).filter(bool)


@settings(max_examples=400, deadline=None)
@given(prose)
def test_an_escaped_line_is_one_paragraph_of_exactly_that_text(text):
    assert read_back(escape(text)) == [("paragraph", text)]


SHAPE_PICKS = st.sampled_from([
    model.PARAGRAPH_SHAPE, model.Shape(model.HEADING, level=2), model.Shape(model.HEADING, level=4),
    model.Shape(model.LIST_ITEM, level=1), model.Shape(model.LIST_ITEM, level=1, ordered=True),
    model.Shape(model.LIST_ITEM, level=2), model.Shape(model.QUOTE), model.Shape(model.CODE),
    model.Shape(model.TABLE_ROW),
])


@st.composite
def articles(draw):
    """Articles of random shapes and texts (list depths valid: at most one level deeper than the item before)."""
    blocks = []
    previous = None
    for i in range(draw(st.integers(1, 12))):
        shape = draw(SHAPE_PICKS)
        text = draw(prose)
        if shape.kind == model.LIST_ITEM and shape.level == 2 and (previous is None
                                                                   or previous.kind != model.LIST_ITEM):
            shape = shape._replace(level=1)
        if shape.kind == model.TABLE_ROW:
            cells = tuple(draw(st.lists(prose, min_size=2, max_size=4)))
            shape, text = shape._replace(cells=cells), " | ".join(cells)
        if shape.kind == model.CODE:
            shape = shape._replace(code=draw(st.text(alphabet=PROSE_CHARS + "\n", min_size=1, max_size=60)
                                             .filter(lambda s: s.strip("\n").rstrip() == s and s.strip())))
        blocks.append(model.Block(i, text, model.BODY, "generated", shape))
        previous = shape
    title = draw(st.none() | prose)
    return model.Article(title=title, body="\n".join(b.text for b in blocks), blocks=tuple(blocks))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_generated_articles_read_back_block_for_block(article):
    assert read_back(article.markdown) == expected(article)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_generated_markdown_without_markup_is_the_body_line_for_line(article):
    """The body's lines (a list item without its printed marker, a table row's filled cells
    joined by " | ") come back from the Markdown; a code block comes back verbatim instead."""
    lines = []
    for x in read_back(to_markdown(article, title=False)):
        lines.append(" | ".join(c for c in x[-1] if c) if x[0] == "row" else x[-1])
    body = [b for b in article.blocks if b.label == model.BODY and b.text]
    assert [line for line, b in zip(lines, body) if b.shape.kind != model.CODE] == \
        [line for line, b in zip(plain_lines(body), body) if b.shape.kind != model.CODE]
    assert len(lines) == len(body)


def read_links(md: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Per paragraph: its plain text and its links as (anchor, href), hrefs percent-decoded."""
    from urllib.parse import unquote

    out = []
    for t in PARSER.parse(md):
        if t.type != "inline":
            continue
        text, links, anchor, href = [], [], None, None
        for c in t.children:
            if c.type == "text":
                text.append(c.content)
                if anchor is not None:
                    anchor.append(c.content)
            elif c.type == "link_open":
                anchor, href = [], unquote(c.attrs["href"])
            elif c.type == "link_close":
                links.append(("".join(anchor), href))
                anchor = None
            else:
                raise AssertionError(f"unexpected {c.type} in {t.content!r}")
        out.append(("".join(text), links))
    return out


def test_links_are_written_only_when_asked_for():
    html = (f"<html><body><article><h1>T</h1><p>{PROSE} See <a href='/report 2024'>the <b>report</b></a> and "
            f"<a href='https://example.org/a_(b)'>this *one*</a>.</p><ul><li><a href='/l'>An item</a></li></ul>"
            "</article></body></html>")
    article = clean(html, format="html", links=True)
    assert "](" not in article.markdown
    assert not any(b.links for b in clean(html, format="html").blocks)  # kept only when asked for
    got = read_links(to_markdown(article, title=False, links=True))
    assert got == [("T", []), (PROSE + " See the report and this *one*.",
                    [("the report", "/report 2024"), ("this *one*", "https://example.org/a_(b)")]),
                   ("An item", [("An item", "/l")])]


href = st.text(alphabet=string.ascii_letters + string.digits + "/_-.()<> \\[]?=&#", min_size=1, max_size=20
               ).map(lambda s: "/" + s.strip())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(prose, prose, href), min_size=1, max_size=3), prose)
def test_linked_text_reads_back_as_its_text_and_links(pieces, tail):
    text = " ".join(f"{before} {anchor}" for before, anchor, _ in pieces) + " " + tail
    links = tuple((anchor, url) for _, anchor, url in pieces)
    block = model.Block(0, text, model.BODY, "generated", links=links)
    md = to_markdown(model.Article(title=None, body=text, blocks=(block,)), links=True)
    # An anchor that also occurs earlier in the text is linked where it first occurs after the
    # previous link: the text and the hrefs are what must come back.
    (plain, got), = read_links(md)
    assert plain == text
    assert [u for _, u in got] == [u for _, u in links]


def read_images(md: str) -> list[tuple[str, str]]:
    """Every image of the Markdown as (alt text, src), src percent-decoded."""
    from urllib.parse import unquote

    return [("".join(a.content for a in c.children or ()), unquote(c.attrs["src"]))
            for t in PARSER.parse(md) if t.type == "inline" for c in t.children or () if c.type == "image"]


IMAGES_HTML = (
    "<html><body><header><img src='/logo.png' alt='Site logo'></header><article><h1>Standings after round 3</h1>"
    f"<p>{PROSE}</p><figure><img src='data:image/gif;base64,R0' data-src='/photos/team 1.jpg' alt='The [whole] team'>"
    f"<figcaption>The team in May</figcaption></figure><p>{PROSE2} <img src='/chart.png' alt='*Points* chart'></p>"
    "</article><aside class='share'><img src='/share.png' alt='Share'></aside></body></html>")


def test_images_are_written_only_when_asked_for():
    article = clean(IMAGES_HTML, format="html", images=True)
    assert "![" not in article.markdown and "![" not in to_markdown(article, links=True)
    assert not any(b.images for b in clean(IMAGES_HTML, format="html").blocks)  # nothing recorded when off
    assert to_markdown(article) == clean(IMAGES_HTML, format="html").markdown


def test_image_alt_text_and_src_come_from_the_html_and_read_back():
    article = clean(IMAGES_HTML, format="html", images=True)
    md = to_markdown(article, images=True)
    # The figure's image (its lazy-loaded address, not the placeholder) and the inline chart; not
    # the header's logo nor the share box's icon, which stand outside the article.
    assert read_images(md) == [("The [whole] team", "/photos/team 1.jpg"), ("*Points* chart", "/chart.png")]
    # Images are paragraphs of their own: without them the Markdown is the one without images.
    assert "\n\n".join(p for p in md.split("\n\n") if not p.startswith("![")) == article.markdown


def test_text_mode_has_no_images_to_write():
    article = clean(f"A title\n\n{PROSE}\n\nphoto.jpg\n\n{PROSE2}\n", format="text", images=True)
    assert to_markdown(article, images=True) == article.markdown
