"""The public API: clean() on good, odd and wrong input."""
import dataclasses
import json

import pytest

from cleanarticle import Article, Block, clean

ARTICLE_EN = """Home
World
Politics
City council approves new budget for public libraries
By Jane Doe
March 3, 2024
The city council voted on Tuesday to increase funding for public libraries by twelve percent, the largest rise in a decade.
Council members said the money would pay for longer opening hours, new books and repairs to three branches that have been closed since the floods.
"Libraries are where our children learn to love reading," said the council's chair, who proposed the budget in January.
The plan still needs the mayor's signature, which is expected before the end of the month.
Related stories
Mayor announces new bus routes for the summer
Share this article
Comments
"""


def test_english_article():
    article = clean(ARTICLE_EN, format="text", lang="en")
    assert article.title == "City council approves new budget for public libraries"
    assert article.byline == "By Jane Doe"
    assert article.authors == ("Jane Doe",)
    assert article.date == "2024-03-03"
    assert article.date_source == "line 6"
    assert article.body.startswith("The city council voted on Tuesday")
    assert "Mayor announces new bus routes" not in article.body
    assert "Share this article" not in article.body
    assert article.body.count("\n") == 3
    assert 0.5 <= article.confidence <= 1.0


def test_blocks_cover_every_line_with_a_reason():
    article = clean(ARTICLE_EN, format="text")
    lines = ARTICLE_EN.split("\n")[:-1]
    assert [b.index for b in article.blocks] == list(range(len(lines)))
    assert [b.text for b in article.blocks] == lines
    assert all(isinstance(b, Block) and b.reason for b in article.blocks)


def test_article_is_frozen_and_json_ready():
    article = clean(ARTICLE_EN, format="text")
    assert isinstance(article, Article)
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "x"
    data = json.loads(json.dumps(article.to_dict()))
    assert data["title"] == article.title and len(data["blocks"]) == len(article.blocks)
    assert "blocks" not in article.to_dict(blocks=False)


def test_bytes_are_decoded():
    article = clean(ARTICLE_EN.encode("utf-8"), format="text")
    assert article.encoding == "utf-8"
    assert article.title == "City council approves new budget for public libraries"


def test_legacy_bytes_do_not_crash():
    article = clean("Café crème brûlée à la française, très bon.\n".encode("cp1252") * 3, format="text")
    assert article.encoding == "cp1252"
    assert "Café" in "".join(b.text for b in article.blocks)


@pytest.mark.parametrize("raw", [None, 42, 1.5, ["a"], {"text": "a"}], ids=repr)
def test_wrong_type_is_a_type_error(raw):
    with pytest.raises(TypeError, match="str or bytes"):
        clean(raw)


def test_unknown_format_is_a_value_error():
    with pytest.raises(ValueError, match="'auto', 'text', 'html'"):
        clean("text", format="pdf")


def test_html_input_gives_an_html_article():
    article = clean("<html><body><p>Hi</p></body></html>", format="html")
    assert article.format == "html"
    assert [b.text for b in article.blocks] == ["Hi"]


@pytest.mark.parametrize("raw", ["I <3 you\nand a < b too", "x > 3 and y < 4"], ids=["heart", "comparison"])
def test_auto_keeps_text_with_angle_brackets_as_text(raw):
    assert clean(raw).format == "text"


@pytest.mark.parametrize("raw", ["", "\n\n\n", "   ", b""], ids=["empty", "newlines", "spaces", "no-bytes"])
def test_empty_input_gives_an_empty_article(raw):
    article = clean(raw, format="text")
    assert article.body == "" and article.title is None and article.confidence == 0.0


def test_body_lines_come_from_the_input_in_order():
    article = clean(ARTICLE_EN, format="text")
    lines = [ln.strip() for ln in ARTICLE_EN.split("\n")]
    positions = [lines.index(p) for p in article.paragraphs]
    assert positions == sorted(positions)


def test_deterministic():
    assert clean(ARTICLE_EN).to_dict() == clean(ARTICLE_EN).to_dict()


def test_lang_argument_wins():
    assert clean(ARTICLE_EN, lang="de").lang == "de"
    assert clean(ARTICLE_EN, lang="EN-us").lang == "en"
    assert clean(ARTICLE_EN).lang == "en"


def test_crlf_and_nbsp_are_normalised():
    article = clean(ARTICLE_EN.replace("\n", "\r\n").replace(" on Tuesday", "\u00a0on\u00a0Tuesday"))
    assert "voted on Tuesday" in article.body
    assert len(article.blocks) == ARTICLE_EN.count("\n")
