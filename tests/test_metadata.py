"""metadata: title above the first good paragraph, byline and date around it, author names."""
import datetime

import pytest

from cleanarticle import classify as labels
from cleanarticle.features import line_features
from cleanarticle.lexicon import lexicon
from cleanarticle.metadata import Meta, authors, find_byline_and_date, find_title

TODAY = datetime.date(2026, 1, 1)
VI = lexicon("vi")
EN = lexicon("en")

V = ["Chính phủ vừa thông qua kế hoạch nâng cấp hệ thống đường sắt nối Hà Nội với các tỉnh phía bắc, dự kiến "
     "hoàn thành trong năm năm tới.",
     "Theo Bộ Giao thông, dự án sẽ giúp giảm thời gian đi lại giữa thủ đô và các tỉnh miền núi xuống còn một nửa "
     "so với hiện nay.",
     "Nhiều người dân bày tỏ sự vui mừng khi biết tin, bởi họ đã phải chờ đợi tuyến đường sắt mới trong suốt nhiều "
     "năm qua."]
E = ["The city council voted on Tuesday to expand the bus network to the northern suburbs, a plan that officials "
     "say will take three years.",
     "Residents of the northern districts have complained for years that they have to drive to work because buses "
     "come only once an hour.",
     "The council will hold public meetings in every district before the first new routes open to passengers next "
     "spring."]
VI_TITLE = "Hà Nội nâng cấp tuyến đường sắt lên phía bắc"
EN_TITLE = "Council votes to expand bus network north"


def page(lines, lang):
    lex = lexicon(lang)
    feats = [line_features(line, lex, TODAY, month_first=lang == "en") for line in lines]
    guesses = [labels.classify(f, True) for f in feats]
    nonblank = [i for i, f in enumerate(feats) if f.text]
    return feats, guesses, nonblank


def title_of(lines, lang):
    return find_title(*page(lines, lang))


def meta_of(lines, lang):
    feats, guesses, nonblank = page(lines, lang)
    return find_byline_and_date(feats, guesses, nonblank, find_title(feats, guesses, nonblank))


@pytest.mark.parametrize("lines,lang,expected", [
    (["Trang chủ", "Thời sự", VI_TITLE, "Hồng Châu | 17/07/2025, 08:30", *V], "vi", 2),
    (["Home", "World", EN_TITLE, "By Jane Doe", "July 17, 2025", *E], "en", 2),
    (["", VI_TITLE, "", "Hồng Châu", "", V[0], "", V[1]], "vi", 1),
    ([EN_TITLE, *E], "en", 0),
], ids=["vi-menu-above", "en-menu-above", "vi-blank-separated", "en-title-first"])
def test_title_is_the_headline_above_the_first_good_paragraph(lines, lang, expected):
    assert title_of(lines, lang) == expected


@pytest.mark.parametrize("between", [
    "October 11, 2023 by Jane Doe",
    "Posted by Daily Example on Tuesday, August 29, 2023",
    "Written by Jane Doe, John Roe, Mary Major, and Richard Miles",
], ids=["date-by-name", "posted-by-on-date", "written-by-many-names"])
def test_a_byline_or_date_line_reading_like_a_headline_is_not_the_title(between):
    lex = EN
    feats, guesses, nonblank = page(["Home", EN_TITLE, between, *E], "en")
    assert find_title(feats, guesses, nonblank, lex) == 1


def test_nearest_headline_wins_over_an_earlier_one():
    lines = ["Tin nóng trong ngày về giao thông cả nước", "Trang chủ", VI_TITLE, *V]
    assert title_of(lines, "vi") == 2


def test_title_with_a_lead_printed_before_it():
    # Some pages print the lead (a good paragraph) above the headline.
    assert title_of([E[0], EN_TITLE, E[1], E[2]], "en") == 1
    assert title_of([V[0], VI_TITLE, V[1], V[2]], "vi") == 1


def test_headline_after_the_lead_needs_a_good_paragraph_under_it():
    lines = [E[0], EN_TITLE, "Home", "Menu", "Search", "Login", "Contact"]
    assert title_of(lines, "en") is None


def test_title_printed_twice_returns_the_first_copy():
    lines = [EN_TITLE, "Menu", "Search", EN_TITLE, *E]
    assert title_of(lines, "en") == 0
    lines = [VI_TITLE, "Trang chủ", VI_TITLE.upper(), *V]  # same key, other case
    assert title_of(lines, "vi") == 0


@pytest.mark.parametrize("lines,lang", [
    (["Home", EN_TITLE, "Short line here."], "en"),
    (["Nguyễn Văn An", *V], "vi"),  # a name line is not a title
    (["Trang chủ", "Thời sự", *V], "vi"),  # menu items are too short
    ([], "en"),
], ids=["en-no-good-paragraph", "vi-name-not-title", "vi-only-menu", "empty"])
def test_no_title(lines, lang):
    assert title_of(lines, lang) is None


def test_title_too_far_above_the_body_is_not_taken():
    filler = ["Thời sự", "Thế giới", "Kinh doanh", "Giải trí", "Thể thao", "Pháp luật", "Giáo dục", "Sức khỏe",
              "Đời sống"]
    assert title_of([VI_TITLE, *filler, *V], "vi") is None
    assert title_of([VI_TITLE, *filler[:5], *V], "vi") == 0


@pytest.mark.parametrize("lines,lang,expected", [
    (["Trang chủ", VI_TITLE, "Hồng Châu | 17/07/2025, 08:30", *V], "vi",
     Meta(title=1, byline=2, byline_text="Hồng Châu", date_line=2)),
    (["Trang chủ", VI_TITLE, "Minh Anh", "Thứ Năm, 17/07/2025 08:30 (GMT+7)", *V], "vi",
     Meta(title=1, byline=2, byline_text="Minh Anh", date_line=3)),
    (["Home", EN_TITLE, "By Jane Doe", "July 17, 2025", *E], "en",
     Meta(title=1, byline=2, byline_text="By Jane Doe", date_line=3)),
    (["Home", EN_TITLE, "By Jane Doe | July 4, 2024", *E], "en",
     Meta(title=1, byline=2, byline_text="By Jane Doe", date_line=2)),
    ([VI_TITLE, "17/07/2025", *V], "vi", Meta(title=0, date_line=1)),
    # A date alone in its field of a crowded header line.
    (["Home", EN_TITLE, "Essay - Published: 2025.07.17 | transport | city council | buses", *E], "en",
     Meta(title=1, date_line=2)),
], ids=["vi-name-pipe-date", "vi-name-then-weekday-date", "en-by-then-date", "en-by-pipe-date", "vi-date-only",
        "en-date-field"])
def test_byline_and_date_below_the_title(lines, lang, expected):
    assert meta_of(lines, lang) == expected


@pytest.mark.parametrize("line", ["By Jane Doe ／ July 4, 2024", "By Jane Doe｜July 4, 2024",
                                  "By Jane Doe / July 4, 2024", "By Jane Doe － July 4, 2024",
                                  "By Jane Doe, July 4, 2024"])
def test_byline_ends_at_a_separator_before_its_date(line):
    """Full-width separators end the name too (Chinese and Japanese sites print '記者 林怡君／2025年3月8日')."""
    assert meta_of(["Home", EN_TITLE, line, *E], "en") == Meta(title=1, byline=2, byline_text="By Jane Doe",
                                                                 date_line=2)


def test_byline_and_date_blank_separated():
    lines = ["", VI_TITLE, "", "Hồng Châu | 17/07/2025, 08:30", "", V[0], "", V[1]]
    assert meta_of(lines, "vi") == Meta(title=1, byline=3, byline_text="Hồng Châu", date_line=3)


def test_weekday_date_at_the_top_of_the_page_is_a_site_header():
    lines = ["Thứ Năm, 17/07/2025", "Trang chủ", VI_TITLE, "Minh Anh", "16/07/2025 08:30", *V]
    assert meta_of(lines, "vi") == Meta(title=2, byline=3, byline_text="Minh Anh", date_line=4, header_dates=(0,))


def test_a_date_inside_a_field_with_other_words_is_no_date_line():
    line = "Tags: transport 2025.07.17 city council buses | more"
    assert meta_of(["Home", EN_TITLE, line, *E], "en").date_line is None


def test_name_below_the_body_start_is_not_a_byline():
    assert meta_of([VI_TITLE, V[0], "Minh Anh", V[1]], "vi") == Meta(title=0)


def test_chrome_lines_are_not_bylines():
    meta = meta_of([EN_TITLE, "Read More", "Share This", *E], "en")
    assert meta.byline is None


def test_no_title_means_no_metadata():
    feats, guesses, nonblank = page(["Home", "Menu"], "en")
    assert find_byline_and_date(feats, guesses, nonblank, None) == Meta()


@pytest.mark.parametrize("lines,lang,expected", [
    (["Home", EN_TITLE, "By Jane Doe | July 4, 2024, 9:05 pm", *E], "en",
     Meta(title=1, byline=2, byline_text="By Jane Doe", date_line=2)),
    (["Trang chủ", VI_TITLE, "Nguyễn Văn An | Thứ năm, 17/7/2025, 08:30 (GMT+7)", *V], "vi",
     Meta(title=1, byline=2, byline_text="Nguyễn Văn An", date_line=2)),
], ids=["en-by-date-time", "vi-name-weekday-date-time"])
def test_long_byline_with_date_and_time_is_not_the_title(lines, lang, expected):
    assert meta_of(lines, lang) == expected


@pytest.mark.parametrize("lines,lang,expected", [
    (["By Jane Doe", EN_TITLE, *E], "en", Meta(title=1, byline=0, byline_text="By Jane Doe")),
    (["Trang chủ", "17/07/2025", VI_TITLE, *V], "vi", Meta(title=2, date_line=1)),
], ids=["en-by-above-title", "vi-date-above-title"])
def test_byline_or_date_just_above_the_title(lines, lang, expected):
    assert meta_of(lines, lang) == expected


@pytest.mark.parametrize("byline,expected", [
    ("By Jane Doe", ("Jane Doe",)),
    ("By: Jane Doe", ("Jane Doe",)),
    ("Written by Jane Doe", ("Jane Doe",)),
    ("Bởi Nguyễn Văn An", ("Nguyễn Văn An",)),
    ("Theo Minh Anh", ("Minh Anh",)),
    ("Tác giả: Lê Văn Tám", ("Lê Văn Tám",)),
    ("Bài và ảnh: Hồng Châu", ("Hồng Châu",)),
    ("Hồng Châu", ("Hồng Châu",)),
    ("By Jane Doe and John Smith", ("Jane Doe", "John Smith")),
    ("Jane Doe & John Smith", ("Jane Doe", "John Smith")),
    ("Jane Doe with John Smith", ("Jane Doe", "John Smith")),
    ("Minh Anh và Hồng Châu", ("Minh Anh", "Hồng Châu")),
    ("Minh Anh, Hồng Châu, Quốc Tuấn", ("Minh Anh", "Hồng Châu", "Quốc Tuấn")),
    ("By Jane Doe; John Smith; Jane Doe", ("Jane Doe", "John Smith")),
    ("Jane Doe, Reuters", ("Jane Doe",)),
    ("By Jane Doe and Associated Press", ("Jane Doe",)),
    ("By Jane Doe, Staff Writer", ("Jane Doe",)),
    ("Minh Anh, TTXVN", ("Minh Anh",)),
    ("Associated Press", ()),
    ("Reuters", ()),
    ("Nhóm phóng viên", ()),
    ("", ()),
    (None, ()),
], ids=["en-by", "en-by-colon", "en-written-by", "vi-boi", "vi-theo", "vi-tac-gia", "vi-bai-va-anh", "vi-bare",
        "en-and", "en-ampersand", "en-with", "vi-va", "vi-commas", "dedupe", "en-drop-reuters", "en-drop-ap",
        "en-drop-role", "vi-drop-ttxvn", "en-agency-only", "en-one-word-agency", "vi-role-only", "empty", "none"])
def test_authors(byline, expected):
    assert authors(byline, VI) == expected


def test_vietnamese_prefixes_need_the_vietnamese_lexicon():
    assert authors("Tác giả: Lê Văn Tám", EN) == ()
    assert authors("By Jane Doe", EN) == ("Jane Doe",)


@pytest.mark.parametrize("byline,expected", [("Minh Anh - TTXVN", ("Minh Anh",)), ("Jane Doe - Reuters", ("Jane Doe",))],
                         ids=["vi", "en"])
def test_name_dash_agency_keeps_the_name(byline, expected):
    assert authors(byline, VI) == expected
