"""features.line_features / name_of: the per-line evidence (punctuation, shape, images, credits, dates, names)."""
import datetime

import pytest

from cleanarticle.features import line_features, name_of
from cleanarticle.lexicon import lexicon

TODAY = datetime.date(2026, 1, 1)
VI = lexicon("vi")
EN = lexicon("en")


def F(text, lex=VI, **kw):
    return line_features(text, lex, TODAY, **kw)


@pytest.mark.parametrize("text,terminal,question,ellipsis", [
    ("Giá vàng tăng mạnh trong phiên sáng nay.", True, False, False),
    ("Giá vàng tăng mạnh trong phiên sáng nay", False, False, False),
    ("Vì sao giá vàng tăng mạnh?", True, True, False),
    ("Ông nói: “Chúng tôi sẽ cố gắng.”", True, False, False),
    ("Còn tiếp…", True, False, True),
    ("The council voted on Tuesday.", True, False, False),
    ("What happens next for the bus network?", True, True, False),
    ("Prices rose sharply (see chart).", True, False, False),
    ("“We will not give up!”", True, True, False),
    ("To be continued...", True, False, True),
    ("Fuel prices expected to climb again", False, False, False),
    ("Cả nước cùng hướng về Đại lễ; 市政府宣布扩建公交网络。", True, False, False),
], ids=["vi-full-stop", "vi-none", "vi-question", "vi-quote-closing", "vi-ellipsis", "en-full-stop", "en-question",
        "en-paren", "en-exclaim-in-quotes", "en-three-dots", "en-none", "cjk-full-stop"])
def test_terminal_punctuation(text, terminal, question, ellipsis):
    f = F(text, EN if text.isascii() else VI)
    assert (f.terminal, f.question, f.ellipsis) == (terminal, question, ellipsis)


@pytest.mark.parametrize("text,lex,headline", [
    ("Chính phủ họp bàn về giá xăng dầu trong tháng tới", VI, True),
    ("Vì sao giá vàng tăng mạnh trong tuần qua?", VI, True),
    ("Council votes to expand bus network north", EN, True),
    ("Five things to know about the new tax rules!", EN, True),
    ("BREAKING NEWS FROM THE CAPITAL TODAY", EN, True),
    ("Giá vàng tăng mạnh trong phiên sáng nay.", VI, False),
    ("The council voted on Tuesday to expand the network.", EN, False),
    ("Thời sự", VI, False),
    ("Bus fares rise", EN, False),
    ("Sign up for our morning briefing today", EN, False),
    ("Thứ năm, 17/07/2025 08:30 (GMT+7)", VI, False),
    ("hinh-anh-hien-truong-vu-chay.jpg", VI, False),
    ("https://example.com/news/council-votes-to-expand-bus-network", EN, False),
    (" ".join(["word"] * 31), EN, False),
], ids=["vi", "vi-question", "en", "en-exclaim", "en-all-caps", "vi-full-stop", "en-full-stop", "vi-two-words",
        "en-three-words", "en-chrome", "vi-date-only", "image", "url", "too-long"])
def test_headline_property(text, lex, headline):
    assert F(text, lex).headline is headline


@pytest.mark.parametrize("text,image", [
    ("IMG_2024.jpg", True),
    ("hinh-anh-bao-so-3.png)", True),
    ("abc-def.png", True),
    ("photo.JPEG?w=800", True),
    ("anh-minh-hoa.webp", True),
    ("https://cdn.example.com/2025/07/storm.jpg", True),
    ("Ảnh chụp màn hình.png", False),
    ("Read the full report.pdf", False),
    ("The photo was saved as storm.jpg", False),
    ("report.pdf", False),
], ids=["camera-name", "closing-paren", "dashed", "query-string", "webp", "url-to-image", "vi-spaces",
        "pdf-sentence", "en-sentence", "pdf"])
def test_image_file_names(text, image):
    assert F(text).image is image


@pytest.mark.parametrize("text,url", [
    ("https://vnexpress.net/bao-so-3-do-bo-4512345.html", True),
    ("http://example.com", True),
    ("www.example.com/news", True),
    ("Visit https://example.com for more", False),
    ("example.com", False),
], ids=["https", "http", "www", "in-sentence", "bare-domain"])
def test_bare_urls(text, url):
    assert F(text).url is url


@pytest.mark.parametrize("text,lex", [
    ("Lực lượng cứu hộ tìm kiếm nạn nhân tại hiện trường - Ảnh: Reuters", VI),
    ("Quang cảnh buổi lễ khai mạc. (Ảnh: TTXVN)", VI),
    ("Ảnh: Ngọc Thắng", VI),
    ("Ảnh minh họa", VI),
    ("Rescue workers search the rubble (Photo: AP)", EN),
    ("Firefighters at the scene - Photo: Getty Images", EN),
    ("Photo: Jane Doe/Reuters", EN),
    ("Flooded streets in the old town | Image: Reuters", EN),
], ids=["vi-dash-anh", "vi-paren-anh", "vi-anh-prefix", "vi-anh-minh-hoa", "en-paren-photo", "en-dash-photo",
        "en-photo-prefix", "en-pipe-image"])
def test_credit_lines(text, lex):
    assert F(text, lex).credit is True


@pytest.mark.parametrize("text,lex", [
    ("He said the photo: was fake, and nobody in the room believed him at all", EN),
    ("Nhiều người dân đã chụp ảnh kỷ niệm tại quảng trường trong ngày lễ.", VI),
    ("Photographers gathered outside the court on Monday.", EN),
], ids=["en-photo-mid-sentence", "vi-anh-in-sentence", "en-photographers"])
def test_sentences_mentioning_photos_are_not_credits(text, lex):
    assert F(text, lex).credit is False


def test_image_caption_prefix_with_colon_is_a_credit_line():
    assert F("Image caption: Workers on the flooded site", EN).credit is True


@pytest.mark.parametrize("text,lex,source", [
    ("(Theo SCMP)", VI, True),
    ("Theo Reuters", VI, True),
    ("Nguồn: Bộ Y tế", VI, True),
    ("Source: AP", EN, True),
    ("Via The Verge", EN, True),
    ("Theo các chuyên gia, giá vàng sẽ còn tăng trong thời gian tới do nhu cầu tích trữ lớn.", VI, False),
    ("According to officials, the new routes will open next spring and fares will stay the same.", EN, False),
], ids=["vi-paren-theo", "vi-theo-agency", "vi-nguon", "en-source", "en-via", "vi-sentence", "en-sentence"])
def test_source_lines(text, lex, source):
    assert F(text, lex).source is source


@pytest.mark.parametrize("text,lex,date,weekday", [
    ("17/07/2025", VI, "2025-07-17", False),
    ("Cập nhật 08:30 17/07/2025", VI, "2025-07-17", False),
    ("Thứ năm, 17/7/2025, 08:30 (GMT+7)", VI, "2025-07-17", True),
    ("17 tháng 7 năm 2025", VI, "2025-07-17", False),
    ("Updated July 24, 2025 at 9:05 pm EDT", EN, "2025-07-24", False),
    ("Published on 24 July 2025", EN, "2025-07-24", False),
    ("Monday, July 14, 2025", EN, "2025-07-14", True),
], ids=["vi-bare", "vi-updated-time", "vi-weekday-gmt", "vi-words", "en-updated", "en-published", "en-weekday"])
def test_date_only_lines(text, lex, date, weekday):
    f = F(text, lex)
    assert f.date is not None and f.date.date == date
    assert f.date_only is True
    assert f.weekday is weekday


@pytest.mark.parametrize("text,lex", [
    ("Hôm nay giá vàng ngày 17/07/2025 tăng mạnh so với tuần trước", VI),
    ("The council on July 14, 2025 voted to expand the bus network", EN),
], ids=["vi-sentence", "en-sentence"])
def test_dates_inside_sentences_are_not_date_only(text, lex):
    f = F(text, lex)
    assert f.date is not None
    assert f.date_only is False


def test_line_without_date():
    f = F("Giá vàng tăng mạnh trong phiên sáng nay")
    assert f.date is None and f.date_only is False and f.weekday is False


def test_month_first_is_passed_to_date_parsing():
    assert F("07/04/2025", EN).date.date == "2025-04-07"
    assert F("07/04/2025", EN, month_first=True).date.date == "2025-07-04"


@pytest.mark.parametrize("text,lex,name,byline_prefix", [
    ("Hồng Châu", VI, "Hồng Châu", False),
    ("Nguyễn Văn An", VI, "Nguyễn Văn An", False),
    ("By Jane Doe", EN, "Jane Doe", True),
    ("Bởi Nguyễn Văn An", VI, "Nguyễn Văn An", True),
    ("Theo Minh Anh", VI, "Minh Anh", True),
    ("Jane Doe and John Smith", EN, "Jane Doe and John Smith", False),
    ("Jean de la Fontaine", EN, "Jean de la Fontaine", False),
    ("Hồng Châu | 17/07/2025, 08:30", VI, "Hồng Châu", False),
    ("By Jane Doe | July 4, 2024", EN, "Jane Doe", True),
    ("Minh Anh - TTXVN", VI, "Minh Anh", False),
], ids=["vi-two-words", "vi-three-words", "en-by", "vi-boi", "vi-theo", "en-and", "en-particles",
        "vi-name-date", "en-by-date", "vi-name-agency"])
def test_name_lines(text, lex, name, byline_prefix):
    f = F(text, lex)
    assert f.name == name
    assert f.byline_prefix is byline_prefix


@pytest.mark.parametrize("text,lex,name", [
    ("By Jane Doe | July 4, 2024, 9:05 pm", EN, "Jane Doe"),
    ("Nguyễn Văn An | Thứ năm, 17/7/2025, 08:30 (GMT+7)", VI, "Nguyễn Văn An"),
], ids=["en-by-date-time", "vi-name-weekday-date-time"])
def test_name_line_with_long_date_and_time(text, lex, name):
    f = F(text, lex)
    assert f.name == name
    assert f.headline is False


@pytest.mark.parametrize("text,lex", [
    ("Thời sự", VI),          # one capital: a menu item
    ("Home", EN),
    ("HỒNG CHÂU", VI),       # all caps: a heading, not a byline
    ("Jane Doe.", EN),       # a sentence
    ("Agent 007 Bond", EN),  # digits
    ("Giá vàng tăng mạnh", VI),
    ("the new bus routes", EN),
    ("Nguyễn Văn An Trần Thị Bình Lê", VI),  # six capitalised words
], ids=["vi-menu", "en-menu", "vi-caps", "en-full-stop", "en-digits", "vi-lowercase", "en-lowercase", "too-many-words"])
def test_not_name_lines(text, lex):
    assert F(text, lex).name is None


@pytest.mark.parametrize("text,expected", [
    ("  Hồng Châu, ", "Hồng Châu"),
    ("J. R. Smith", "J. R. Smith"),
    ("Reuters", None),
    ("Minh Anh và Hồng Châu", "Minh Anh và Hồng Châu"),
    ("Trần Văn " + "A" * 60, None),
], ids=["strip-punct", "initials", "one-word", "vi-and", "too-long"])
def test_name_of(text, expected):
    assert name_of(text) == expected


def test_cjk_characters_weigh_more_in_size():
    # One Han character weighs like three Latin letters.
    zh = F("市政府周二宣布将扩建公交网络")
    assert zh.chars == 14
    assert zh.size == 42
    en = F("The city said it will expand buses", EN)
    assert en.size == en.chars
    vi = F("Thành phố sẽ mở rộng mạng lưới xe buýt")
    assert vi.size == vi.chars  # Vietnamese is Latin script: no weighting


def test_mixed_cjk_and_latin_weights_only_the_dense_characters():
    f = F("iPhone 16 发布")
    assert f.size == f.chars + 2 * 2


@pytest.mark.parametrize("text,lex,low,high", [
    ("Chính phủ đã quyết định rằng các tỉnh sẽ được hỗ trợ thêm kinh phí.", VI, 0.4, 1.0),
    ("The government said that it will help the provinces with more money.", EN, 0.5, 1.0),
    ("Apple Microsoft Google Amazon Netflix Tesla Nvidia", EN, 0.0, 0.0),
    ("The government said that it will help the provinces with more money.", VI, 0.0, 0.0),
], ids=["vi-sentence", "en-sentence", "en-brand-list", "en-text-vi-stoplist"])
def test_stop_density(text, lex, low, high):
    assert low <= F(text, lex).stop_density <= high


def test_stop_density_of_a_sentence_beats_a_menu():
    sentence = F("Người dân được khuyến cáo không nên ra đường khi mưa lớn.")
    menu = F("Hà Nội Đà Nẵng Huế Cần Thơ Hải Phòng Nha Trang")  # a list of city links
    assert sentence.stop_density > 0.3 > menu.stop_density


def test_without_stopwords_density_is_zero():
    f = line_features("Le conseil municipal a voté mardi.", lexicon("xx"), TODAY)
    assert f.stop_density == 0.0


@pytest.mark.parametrize("text,lex,chrome", [
    ("Tin liên quan", VI, "related"),
    ("Bình luận (12)", VI, "comments"),
    ("Read more: Storm hits the coast", EN, "related"),
    ("Giá vàng tăng mạnh trong phiên sáng nay", VI, None),
], ids=["vi-related", "vi-comments", "en-read-more", "vi-headline"])
def test_chrome_kind_is_carried_in_features(text, lex, chrome):
    assert F(text, lex).chrome == chrome


@pytest.mark.parametrize("text,lex", [("3 giờ trước", VI), ("Cập nhật 2 giờ trước", VI), ("5 hours ago", EN),
                                      ("Yesterday", EN), ("Vừa xong", VI)],
                         ids=["vi-hours", "vi-updated-hours", "en-hours", "en-yesterday", "vi-just-now"])
def test_relative_timestamps(text, lex):
    assert F(text, lex).ago is True


@pytest.mark.parametrize("text,lex", [("The vote took place yesterday.", EN),
                                      ("Hôm nay, Hà Nội mưa rất to.", VI)], ids=["en", "vi"])
def test_short_sentence_mentioning_today_or_yesterday_is_not_a_timestamp(text, lex):
    assert F(text, lex).ago is False


def test_key_is_casefolded_with_collapsed_spaces_and_text_stripped():
    f = F("  Giá VÀNG   tăng  ")
    assert f.text == "Giá VÀNG   tăng"
    assert f.key == "giá vàng tăng"
    assert f.key == F("giá vàng TĂNG").key


def test_words_and_alpha_words():
    f = F("21/07/2025 lúc 12h55 giá vàng tăng")
    assert f.words == 8  # 21, 07, 2025, lúc, 12h55, giá, vàng, tăng
    assert f.alpha_words == 4


@pytest.mark.parametrize("text,caps", [("BREAKING NEWS FROM THE CAPITAL", True), ("TIN NÓNG HÔM NAY", True),
                                       ("Breaking News", False), ("USA", False)],
                         ids=["en-caps", "vi-caps", "title-case", "short-acronym"])
def test_all_caps(text, caps):
    assert F(text).all_caps is caps


def test_blank_line():
    f = F("   ")
    assert f.blank and f.words == 0 and f.stop_density == 0.0 and f.chrome is None and f.name is None
