"""Never lose the article (issue 22): region tokens, the checked main container, the safety net.

Invented pages, one per mechanism, and the wcxb article pages that used to come out
(nearly) empty, read from ../shared/corpus/wcxb beside the checkout (skipped without it).
"""
import gzip
import json
import pathlib

import pytest

from benchmarks.lost_pages import shingles
from cleanarticle import Thresholds, clean, safety_net

TOPICS = ["harbour", "library", "orchard", "railway", "market", "bridge", "school", "river", "museum",
          "garden", "clinic", "theatre", "stadium", "bakery", "ferry", "castle"]


def para(n: int, sentences: int = 3) -> str:
    """A distinct, stopword-rich paragraph of about 120 characters a sentence."""
    t = TOPICS[n % len(TOPICS)]
    return " ".join(f"The people who live near the old {t} said that they had waited for a long time, and that "
                    f"the plan number {n}-{k} was the best one they had seen in years." for k in range(sentences))


def page(body: str) -> str:
    return ("<!DOCTYPE html><html lang='en'><head></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>" + body + "</body></html>")


def prose_of(article) -> list[str]:
    """The body's invented paragraphs (headlines and short lines left out)."""
    return [p for p in article.paragraphs if p.startswith("The people who live")]


def ps(numbers) -> str:
    return "".join(f"<p>{para(n)}</p>" for n in numbers)


def test_a_page_builder_wrapping_the_post_in_widget_classes_keeps_the_post():
    # Elementor-style: every part of the post sits in its own `elementor-widget-*` box, so
    # no one box holds most of the text; the sidebar's widget (no prose) is still chrome.
    boxes = "".join(f"<div class='elementor-widget-wrap'><div class='elementor-widget-container'>{ps(r)}</div></div>"
                    for r in ((0, 1), (2, 3), (4, 5)))
    sidebar = ("<div class='widget recent-posts'><h3>Recent posts</h3><ul><li><a href='/a'>An older post</a></li>"
               "<li><a href='/b'>Another older post</a></li></ul></div>")
    article = clean(page(f"<div class='elementor-widget-wrap'><h1>A post built with blocks</h1></div>{boxes}{sidebar}"),
                    format="html")
    assert prose_of(article) == [para(n) for n in range(6)]
    reasons = {b.text: b.reason for b in article.blocks}
    assert reasons["An older post"].startswith("dom: markup 'widget' on <div.widget>")  # names the element
    assert reasons["Recent posts"] == "lexicon: related phrase"  # a related prompt keeps its own label


def test_one_widget_box_beside_the_article_is_still_chrome():
    # The same token on a box beside a plain article marks that box only.
    box = f"<div class='widget'><p>{para(9)}</p></div>"
    article = clean(page(f"<article><h1>Plain article</h1>{ps(range(4))}</article>{box}"), format="html")
    assert prose_of(article) == [para(n) for n in range(4)]


def _split_page() -> str:
    """A product page whose FAQ box wins the container vote while more prose lies outside it:
    the description (one short paragraph) above it, reviews and a sponsored box beside it."""
    intro = f"<div class='lead'><p>{LEAD}</p></div>"
    faq = f"<div class='faq'><div class='answer'>{ps((0, 1, 2))}</div></div>"
    reviews = f"<div class='reviews-widget'>{ps((3, 4))}</div>"
    story = f"<div class='sponsored-feature'>{ps((5, 6))}</div>"
    shop = "<div class='shop-note'><p>Free shipping on all orders over fifty dollars, every day.</p></div>"
    return page(f"<div class='page'><h1>Cedar beard oil</h1>{intro}{faq}{reviews}{story}</div>{shop}")


LEAD = ("Our cedar oil is made in small batches by hand, and every bottle is filled and labelled "
        "in our own workshop by the same two people who have made it for the last ten years.")


def test_a_container_holding_a_small_share_of_the_prose_is_chosen_again():
    article = clean(_split_page(), format="html")
    assert LEAD in article.paragraphs
    assert all(para(n) in article.paragraphs for n in (0, 1, 2))
    assert any("chosen again" in b.reason for b in article.blocks)
    # Without the check the FAQ box alone is the article: the test can fail.
    assert LEAD not in clean(_split_page(), format="html", thresholds=Thresholds(min_prose_share=0.0)).paragraphs


DESCRIPTION = ("This cedar stool is cut, sanded and oiled by hand in our workshop, and it is sturdy enough "
               "for a kitchen, a garden shed or a child's first desk, and for many years after that.")


def _product_page(specs: int = 30) -> str:
    """A product page: the headline and a one-paragraph description, then a long spec table and
    related products, then customer reviews holding most of the page's prose."""
    rows = "".join(f"<tr><td>Spec {n}</td><td>{n} cm</td></tr>" for n in range(specs))
    reviews = "".join(f"<div class='review'><p>{para(n)}</p></div>" for n in range(6))
    return page(f"<div class='product-info'><h1>Cedar stool</h1><div class='price'>$89</div>"
                f"<div class='description'><p>{DESCRIPTION}</p></div></div><table>{rows}</table>"
                f"<section class='reviews-list'>{reviews}</section>")


def test_the_headlines_own_section_joins_a_container_chosen_elsewhere():
    article = clean(_product_page(), format="html")
    assert DESCRIPTION in article.paragraphs
    assert all(para(n) in article.paragraphs for n in range(6))
    off = Thresholds(title_section_min_chars=10**6)  # off: the reviews alone
    assert DESCRIPTION not in clean(_product_page(), format="html", thresholds=off).paragraphs


def test_a_headline_right_above_the_container_is_left_to_it():
    # The same page with the reviews right under the headline's section: the container's call stands
    # (with no gap required, the description would join).
    alone = clean(_product_page(specs=0), format="html", thresholds=Thresholds(title_section_min_chars=10**6))
    assert clean(_product_page(specs=0), format="html").paragraphs == alone.paragraphs
    assert DESCRIPTION in clean(_product_page(specs=0), format="html",
                                thresholds=Thresholds(title_section_min_gap=0)).paragraphs


def test_a_post_inside_a_comments_named_wrapper_is_kept():
    html = page(f"<div id='comments-wrapper' class='comments-area'><article><h1>A post in odd markup</h1>"
                f"{ps(range(5))}</article></div>")
    article = clean(html, format="html")
    assert prose_of(article) == [para(n) for n in range(5)]


BLURB = ("Welcome to the island travel forum, where people who live on the island and people who "
         "visit it answer each other's questions about boats, buses and the weather.")


def _thread(posts: int) -> str:
    """A forum page: a site blurb, then the whole thread (opening post too) in comment markup."""
    items = "".join(f"<div class='post' id='post{n}'><div class='author'>user{n}</div>{ps((n, n + 20))}</div>"
                    for n in range(posts))
    return page(f"<div class='blurb'><p>{BLURB}</p></div><h1>Which ferry goes to the island?</h1>"
                f"<div class='comments'>{items}</div>")


def test_a_forum_thread_in_comment_markup_is_rescued_with_a_lower_confidence():
    article = clean(_thread(6), format="html")
    assert all(para(n) in article.paragraphs for n in range(6))
    assert any(b.reason.startswith("safety net:") for b in article.blocks)
    assert article.confidence <= safety_net.RESCUE_CONFIDENCE_FACTOR
    assert any(b.rule == "net.rescue" for b in article.blocks)
    # Net off (by its rule id, or by a threshold): only the blurb is left.
    assert prose_of(clean(_thread(6), format="html", disabled_rules={"net.rescue"})) == []
    assert prose_of(clean(_thread(6), format="html", thresholds=Thresholds(rescue_max_kept_chars=0))) == []


def _thread_beside_search_help(posts: int) -> str:
    """A thread whose posts all sit in comment markup, beside a sidebar's blurb and a search form's
    help: many short lines, the only text outside chrome (kept as a last resort, not as an article)."""
    helps = "".join(f"<li>field{n}:value finds posts whose field {n} holds the value</li>" for n in range(60))
    items = "".join(f"<div class='comment' id='c{n}'><div class='author'>user{n}</div>{ps((n, n + 20))}</div>"
                    for n in range(posts))
    return page(f"<div class='sidebar'><p>{BLURB}</p></div><div class='search-help'><ul>{helps}</ul></div>"
                f"<h1>Hair grown in a dish</h1>"
                f"<div class='commentarea'>{items}</div>")


def test_short_lines_kept_as_a_last_resort_do_not_count_as_a_kept_body(monkeypatch):
    article = clean(_thread_beside_search_help(6), format="html")
    assert all(para(n) in article.paragraphs for n in range(6))
    assert any(b.reason.startswith("safety net:") for b in article.blocks)
    # Counting every kept line, the help's 2,800 characters look like a kept body and the net stays off.
    monkeypatch.setattr(safety_net, "NET_TEXT_QUALITIES", frozenset(("good", "near", "short", "bad")))
    assert prose_of(clean(_thread_beside_search_help(6), format="html")) == []


def test_the_net_leaves_a_kept_article_alone():
    article = clean(page(f"<article><h1>Plain article</h1>{ps(range(4))}</article>"
                         f"<div class='comments'>{ps(range(10, 30))}</div>"), format="html")
    assert prose_of(article) == [para(n) for n in range(4)]
    assert not any("safety net" in b.reason for b in article.blocks)


def test_a_thread_printed_for_crawlers_in_noscript_is_read():
    posts = "".join(f"<div class='post'>{ps((n,))}</div>" for n in range(5))
    html = page(f"<div id='app'>Loading…</div><noscript><h1>A forum topic</h1>{posts}</noscript>")
    assert prose_of(clean(html, format="html")) == [para(n) for n in range(5)]
    # A page with its own text keeps ignoring <noscript>.
    shown = page(f"<article><h1>Shown</h1>{ps(range(10, 30))}</article><noscript>{ps((40,))}</noscript>")
    assert para(40) not in clean(shown, format="html").paragraphs


def test_a_streamed_hidden_react_boundary_is_shown():
    html = page(f"<main><div id='B:0'></div></main><div hidden id='S:0'><article><h1>Streamed</h1>"
                f"{ps(range(4))}</article></div><div hidden id='other'><p>{para(9)}</p></div>")
    assert prose_of(clean(html, format="html")) == [para(n) for n in range(4)]


# --- Text mode: the main text block checked the same way ------------------------------
MEMBER_LINES = ["Member since 2019", "Posts 1204", "Likes 530", "Location Norway", "Rank Regular", "Badge Gold",
                "Status Online", "Timezone UTC", "Permalink", "Top"]


def _member_chrome(n: int) -> str:
    """Short chrome lines under a post (distinct per post, so none is a repeat), more of them than
    one post's prose can outweigh in the main block's score."""
    return "\n".join(f"{line} {n}.{k}" for k in range(8) for line in MEMBER_LINES)


def _text_thread(posts: int) -> str:
    """A forum thread as plain text: each post two paragraphs, between posts a block of member chrome
    long enough that the best span of lines holds one post only."""
    return "Which ferry goes to the island?\n\n" + "\n\n".join(
        f"user{n}\n{_member_chrome(n)}\n{para(n)}\n\n{para(n + 20)}" for n in range(posts))


def test_a_text_thread_cut_to_one_post_by_the_main_block_is_read_again():
    article = clean(_text_thread(5), format="text")
    assert all(para(n) in article.paragraphs and para(n + 20) in article.paragraphs for n in range(5))
    assert any(b.reason.startswith("safety net: the main text block kept") and b.rule == "net.text_rescue"
               for b in article.blocks)
    assert article.confidence <= safety_net.RESCUE_CONFIDENCE_FACTOR
    # (The simpler reading keeps short lines between good paragraphs, as jusText does: the member
    # lines come along. Keeping only the posts' paragraphs measured lower on wcxb, see safety_net.)
    assert len(prose_of(clean(_text_thread(5), format="text", disabled_rules={"net.text_rescue"}))) == 2
    assert len(prose_of(clean(_text_thread(5), format="text", thresholds=Thresholds(text_rescue_max_kept_chars=0)))) == 2


def test_the_text_net_leaves_a_kept_article_alone():
    text = "An ordinary article\n\n" + "\n\n".join(para(n) for n in range(6)) + "\n\nRelated\nShare\nTop"
    article = clean(text, format="text")
    assert prose_of(article) == [para(n) for n in range(6)]
    assert not any("safety net" in b.reason for b in article.blocks)


def test_the_text_net_leaves_teaser_cards_dropped():
    # One summary per headline, chrome between the cards: no run of prose in a row, no rescue
    # (with rescue_min_sibling_paragraphs at 0 the net keeps all six summaries).
    cards = "\n".join(f"A headline about the {TOPICS[n]} that people read today\n{para(n, 2)}\n{_member_chrome(n)}"
                       for n in range(6))
    article = clean(cards, format="text")
    assert not any("safety net" in b.reason for b in article.blocks)


# --- wcxb article pages that came out (nearly) empty before issue 22 -------------------
WCXB = pathlib.Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "wcxb"
# Each keeps at least this share of its gold shingles; measured 0.88-1.00 (0155: 0.88).
MIN_RECALL = 0.8
LOST_ARTICLES = ["0010", "0097", "0155", "0296", "0384",
                 pytest.param("0175", marks=pytest.mark.xfail(strict=True, reason=(
                     "a press page of headline + summary cards that the gold calls an article; the teaser "
                     "rules drop it as a list on purpose (see test_html's index-page test), recall 0.11")))]


@pytest.mark.skipif(not WCXB.is_dir(), reason=f"wcxb corpus not found at {WCXB} (it lives beside the checkout)")
@pytest.mark.parametrize("name", LOST_ARTICLES)
def test_wcxb_articles_once_lost_keep_their_body(name):
    folder = WCXB / name
    meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    got = clean(gzip.decompress((folder / "source.html.gz").read_bytes()), format="html", url=meta["url"])
    gold = shingles((folder / "expected.txt").read_text(encoding="utf-8"))
    recall = sum((gold & shingles(got.body)).values()) / sum(gold.values())
    assert recall >= MIN_RECALL
