"""Context rules, each on a small page built to need it (Vietnamese and English)."""
import pytest

from cleanarticle import clean

P = [  # body paragraphs, long enough to be good on their own
    "The regional water authority said on Monday that reservoir levels had fallen to their lowest point in twenty years after a dry winter.",
    "Farmers in the valley have been told to expect cuts of up to a third in the water they can draw for irrigation this summer.",
    "Engineers are studying whether an old canal that was closed in the nineteen-eighties could be reopened to bring water from the north.",
    "The authority will publish its full plan in June, after meeting with farmers, city officials and environmental groups across the region.",
    "Residents have been asked to avoid watering gardens during the day and to report leaks in public pipes as soon as they see them.",
]
V = [
    "Sở Nông nghiệp tỉnh cho biết mực nước tại các hồ chứa đã xuống mức thấp nhất trong hai mươi năm qua sau một mùa khô kéo dài.",
    "Nông dân trong vùng được khuyến cáo chuẩn bị phương án tưới tiết kiệm vì lượng nước cấp cho đồng ruộng có thể giảm một phần ba.",
    "Các kỹ sư đang nghiên cứu khả năng khôi phục một con kênh cũ để dẫn nước từ phía bắc về các huyện đang thiếu nước nghiêm trọng.",
    "Kế hoạch chi tiết sẽ được công bố vào tháng sáu, sau khi cơ quan chức năng họp với nông dân và chính quyền các địa phương.",
    "Người dân được đề nghị hạn chế tưới cây vào ban ngày và báo ngay cho cơ quan cấp nước khi phát hiện đường ống bị rò rỉ.",
]


def labels_of(text, lang):
    article = clean(text, format="text", lang=lang)
    return {b.text: b.label for b in article.blocks if b.text}, article


@pytest.mark.parametrize("lang,paras,heading,item", [
    ("en", P, "Read more", "Drought hits olive harvest across the south of the country"),
    ("vi", V, "Tin liên quan", "Hạn hán khiến vụ lúa đông xuân ở miền Tây giảm năng suất mạnh"),
], ids=["en", "vi"])
def test_related_box_in_the_middle_does_not_end_the_body(lang, paras, heading, item):
    text = "\n\n".join(["Water title line for the test page here"] + paras[:2] + [heading + "\n" + item] + paras[2:])
    labels, article = labels_of(text, lang)
    assert labels[heading] == "related" and labels[item] == "related"
    assert all(labels[p] == "body" for p in paras)


@pytest.mark.parametrize("lang,paras,heading", [("en", P, "WHAT HAPPENS NEXT"), ("vi", V, "Những bước tiếp theo")],
                         ids=["en-caps", "vi"])
def test_section_heading_between_paragraphs_is_body(lang, paras, heading):
    text = "\n".join(["A title line that is long enough here"] + paras[:2] + [heading] + paras[2:])
    labels, _ = labels_of(text, lang)
    assert labels[heading] == "body"


def test_teasers_with_timestamps_after_the_article_are_related():
    teasers = []
    for n in range(3):
        teasers += [f"Storm number {n + 2} is expected to reach the coast on the weekend",
                    f"Forecasters say storm number {n + 2} will bring heavy rain to the central provinces and strong winds at sea.",
                    f"0{n + 1}:30 0{n + 1}/05/2024"]
    text = "\n".join(["Reservoirs reach lowest level in twenty years"] + P + teasers)
    labels, article = labels_of(text, "en")
    assert all(labels[t] == "related" for t in teasers)
    assert article.paragraphs == P


def test_everything_after_the_comments_prompt_is_chrome():
    tail = ["Comments", "Mark: This is terrible news for the farmers in our valley and the government should act.",
            "Anna: We have been saving water for months already, and it is still not enough for my garden."]
    text = "\n".join(["Reservoirs reach lowest level in twenty years"] + P + tail)
    labels, article = labels_of(text, "en")
    assert article.paragraphs == P
    assert labels["Comments"] == "comments"


def test_caption_under_an_image_file_name():
    text = "\n\n".join(["Hồ chứa nước cạn kiệt sau mùa khô kéo dài nhất hai thập kỷ"] + V[:2]
                       + ["ho-chua-can-nuoc.jpg\nMột hồ chứa ở miền Trung trơ đáy trong đợt nắng nóng hồi tháng trước"] + V[2:])
    labels, article = labels_of(text, "vi")
    assert labels["ho-chua-can-nuoc.jpg"] == "image"
    assert labels["Một hồ chứa ở miền Trung trơ đáy trong đợt nắng nóng hồi tháng trước"] == "caption"
    assert article.paragraphs == V


def test_caption_printed_twice_in_a_row():
    caption = "Workers inspect a dry canal near the village, where water has not flowed since the start of spring this year."
    text = "\n\n".join(["Reservoirs reach lowest level in twenty years"] + P[:2] + [caption + "\n" + caption] + P[2:])
    labels, article = labels_of(text, "en")
    assert labels[caption] == "caption"
    assert article.paragraphs == P


def test_title_repeated_at_the_end_is_a_duplicate():
    title = "Reservoirs reach lowest level in twenty years"
    article = clean("\n".join([title] + P + [title]), format="text", lang="en")
    assert article.title == title
    assert [b.label for b in article.blocks][-1] == "duplicate"


def test_another_story_printed_after_the_article_is_related():
    other = ["Provincial officials announce a new plan to build three reservoirs in the northern highlands by the year twenty thirty",
             "The province will spend two billion on three new reservoirs, officials said, to store water from the rainy season for the dry months.",
             "Construction of the first reservoir is due to start next spring, after the environmental review of the site has been completed."]
    title = "Reservoirs reach their lowest level in twenty years as the dry winter leaves the valley short of water"
    text = "\n\n".join([title] + P + other)
    labels, article = labels_of(text, "en")
    assert article.paragraphs == P
    assert all(labels[o] == "related" for o in other)


def test_site_header_date_is_not_the_publication_date():
    text = "\n\n".join(["Thứ Hai, 08/12/2025", "Hồ chứa nước cạn kiệt sau mùa khô kéo dài nhất hai thập kỷ",
                       "Minh Anh", "17/07/2025"] + V)
    labels, article = labels_of(text, "vi")
    assert article.date == "2025-07-17" and article.byline == "Minh Anh"
    assert labels["Thứ Hai, 08/12/2025"] == "header"


def test_navigation_menu_before_the_title_is_dropped():
    menu = ["Home", "World", "Business", "Sport", "Weather", "Sign in"]
    text = "\n".join(menu + ["Reservoirs reach lowest level in twenty years"] + P)
    labels, article = labels_of(text, "en")
    assert article.paragraphs == P
    assert all(labels[m] != "body" for m in menu)


def test_table_of_contents_is_navigation_and_its_headings_stay():
    """Text mode: contents entries printed again, in order, as headings above text."""
    title = "Reservoirs reach lowest level in twenty years"
    sections = ["Why the levels fell", "What farmers can expect", "The plan for the old canal"]
    page = [title, P[0], "Contents", *sections]
    for heading, para in zip(sections, P[1:]):
        page += [heading, para]
    article = clean("\n".join(page), format="text", lang="en")
    blocks = [b for b in article.blocks if b.text in sections]
    assert [(b.label, b.rule) for b in blocks[:3]] == [("nav", "revise.toc")] * 3
    assert [b.label for b in blocks[3:]] == ["body"] * 3
    off = clean("\n".join(page), format="text", lang="en", disabled_rules={"revise.toc"})
    assert [b.label for b in off.blocks if b.text in sections][:3] == ["body"] * 3  # read as text


def test_two_repeated_lines_are_not_a_table_of_contents():
    """Fewer than MIN_TOC_ENTRIES entries, or out of order: the duplicate rule decides as before."""
    title = "Reservoirs reach lowest level in twenty years"
    sections = ["Why the levels fell", "What farmers can expect", "The plan for the old canal"]
    page = [title, P[0], *reversed(sections)]
    for heading, para in zip(sections, P[1:]):
        page += [heading, para]
    article = clean("\n".join(page), format="text", lang="en")
    assert not any(b.rule == "revise.toc" for b in article.blocks)


def test_a_late_headline_does_not_drop_the_text_above_it():
    """Text mode: when most of the body stands above the line taken as the title (an essay of
    short sentences, its first long paragraph at the end), that line is a subheading and the
    lines above it stay body."""
    short = [f"It is the {n} thing that we should say about the water in the valley." for n in (
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")]
    page = [*short, "Build reservoirs that last for a century", P[0]]
    article = clean("\n".join(page), format="text", lang="en")
    assert all(line in article.body for line in short)
    assert P[0] in article.body


def test_text_mode_keeps_a_short_line_the_article_prints_twice():
    """A box heading printed again inside the article is read twice (HTML still drops the repeat)."""
    title = "Reservoirs reach lowest level in twenty years"
    page = [title, P[0], "Did you know?", P[1], P[2], "Did you know?", P[3], P[4]]
    blocks = [b for b in clean("\n".join(page), format="text", lang="en").blocks if b.text == "Did you know?"]
    assert [b.label for b in blocks] == ["body", "body"]


TEASER_HEADLINES = ["Farmers count the cost of the driest winter", "A canal closed for forty years may carry water again",
                    "How the city plans to find its leaking pipes"]
TEASER_CUTS = ["Farmers in the north of the valley say the dry winter has already cost them more than the last two…",
               "Engineers walked the length of the old canal this week to see whether it could be opened to...",
               "The city has hired a company to listen for leaks in its pipes at night, when the streets are […]"]


def test_teasers_cut_short_with_an_ellipsis_are_related():
    """Text mode: a rail of headline + summary cut by its template ("…") after the article."""
    rail = [line for pair in zip(TEASER_HEADLINES, TEASER_CUTS) for line in pair]
    page = ["Reservoirs reach lowest level in twenty years", *P, *rail]
    article = clean("\n".join(page), format="text", lang="en")
    cut = [b for b in article.blocks if b.text in TEASER_CUTS]
    assert [(b.label, b.rule) for b in cut] == [("related", "revise.truncated")] * 3
    assert article.paragraphs == P
    off = clean("\n".join(page), format="text", lang="en", disabled_rules={"revise.truncated"})
    assert any(b.label == "body" for b in off.blocks if b.text in TEASER_CUTS)  # kept without the rule


def test_paragraphs_trailing_off_in_a_row_stay_body():
    """Two of the author's paragraphs that end with "..." one after the other are not teasers
    (a template's cut summaries stand apart, a headline between them)."""
    trailing = [P[1][:-1] + " and then...", P[2][:-1] + " or so they hope..."]
    page = ["Reservoirs reach lowest level in twenty years", P[0], *trailing, P[3], P[4]]
    article = clean("\n".join(page), format="text", lang="en")
    assert all(line in article.paragraphs for line in trailing)


def test_a_listing_of_cut_summaries_keeps_them():
    """When the cut lines are most of the page's good text, the page is a listing of them."""
    rail = [line for pair in zip(TEASER_HEADLINES, TEASER_CUTS) for line in pair]
    page = ["Stories from the valley", *rail]
    article = clean("\n".join(page), format="text", lang="en")
    assert all(cut in article.paragraphs for cut in TEASER_CUTS)


@pytest.mark.parametrize("heading", ["15 Replies to “{t}”", "3 Kommentare zu „{t}“", "244 thoughts on “{t}"],
                         ids=["en", "de", "unclosed"])
def test_a_line_counting_the_replies_to_the_headline_opens_the_thread(heading):
    """Text mode: however long the thread, what follows "N replies to “<headline>”" is comments."""
    title = "Reservoirs reach lowest level in twenty years"
    thread = []
    for name, text in (("Mark", P[1]), ("Anna", P[2]), ("Tom", P[3]), ("Lea", P[4]), ("Sam", P[0])):
        thread += [f"{name} Miller", "December 19, 2025 at 13:01", text.replace("The ", "I think the ", 1), "Reply"]
    page = [title, P[0], P[1], heading.format(t=title), *thread]
    article = clean("\n".join(page), format="text", lang="en")
    assert article.paragraphs == P[:2]
    assert article.blocks[3].rule == "revise.thread_heading"
    assert all(b.label != "body" for b in article.blocks[4:])
    if heading.startswith(("15 Replies", "244 thoughts")):  # English thread headings (lexicon kind `thread`)
        assert len(article.comments) == 5  # read as the page's comments


def test_a_count_before_a_quote_of_no_headline_is_not_a_thread():
    """The quoted text must be a line printed above: "3 words: “…”" in the article stays body."""
    title = "Reservoirs reach lowest level in twenty years"
    quote = "2 farmers told us: “We have never seen the river this low in all our lives here.”"
    page = [title, P[0], quote, P[1], P[2]]
    article = clean("\n".join(page), format="text", lang="en")
    assert not any(b.rule == "revise.thread_heading" for b in article.blocks)
    assert P[2] in article.paragraphs
