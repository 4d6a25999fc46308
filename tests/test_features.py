"""features.line_features / name_of: the per-line evidence (punctuation, shape, images, credits, dates, names)."""
import datetime

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

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


# The definition the line-end checks implement with string methods (features reads the
# line's end once instead of running three regexes): a run of marks, then only closers.
_MARKS = ".!?…。！？؟।॥։።۔｡．:;：；"
_CLOSERS = "\"'”’»)]」』）］】〕〉》"
_TERMINAL_DEF = regex.compile(rf"[{regex.escape(_MARKS)}]+[{regex.escape(_CLOSERS)}]*$")
_QUESTION_DEF = regex.compile(rf"[?!！？؟]+[{regex.escape(_CLOSERS)}]*$")
_ELLIPSIS_DEF = regex.compile(rf"(?:\.\.\.|…|⋯)[{regex.escape(_CLOSERS)}]*$")


@given(st.text(alphabet=_MARKS + _CLOSERS + "⋯\\ ab(", max_size=12))
def test_line_end_marks_follow_their_definition(text):
    f = F("word " + text, EN)
    line = f.text
    assert f.terminal == bool(_TERMINAL_DEF.search(line))
    assert f.question == (f.terminal and bool(_QUESTION_DEF.search(line)))
    assert f.ellipsis == (f.terminal and bool(_ELLIPSIS_DEF.search(line)))


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
    assert name_of(text, joiners=lexicon("vi").name_joiners) == expected


def test_name_joiners_are_lexicon_data():
    # "và" joins names on Vietnamese pages; English has no such word, so there it is no name.
    assert name_of("Minh Anh và Hồng Châu", joiners=lexicon("en").name_joiners) is None
    assert name_of("Ursula von der Leyen", joiners=lexicon("de").name_joiners) == "Ursula von der Leyen"


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


@pytest.mark.parametrize("text,terminal,question", [
    ("市議会は水曜日、新しい航路を決めました。", True, False),
    ("「来年の春には乗船できる」と話しました。」", True, False),
    ("港口节时隔两年再度举办", False, False),
    ("这条航线什么时候开通？", True, True),
    ("وافق المجلس البلدي على تشغيل العبارة.", True, False),
    ("هل ستنطلق العبارة في الربيع؟", True, True),
    ("नगर परिषद ने नई सेवा को मंजूरी दी।", True, False),
    ("Հանդիպումը կայացավ երեկ։", True, False),
], ids=["ja-maru", "ja-closing-bracket", "zh-headline", "zh-question", "ar-full-stop", "ar-question",
        "hi-danda", "hy-full-stop"])
def test_terminal_punctuation_of_other_scripts(text, terminal, question):
    f = F(text)
    assert (f.terminal, f.question) == (terminal, question)


def test_thai_words_are_estimated_from_characters_and_long_lines_end_sentences():
    th = lexicon("th")
    body = ("สภาเมืองลงมติเมื่อวันพุธให้เปิดเส้นทางเรือโดยสารระหว่างตลาดปลาเก่ากับหมู่บ้านจัดสรรแห่งใหม่ทางฝั่งตะวันออก "
            "ชาวบ้านเรียกร้องเส้นทางนี้มาตั้งแต่สะพานถูกปิดซ่อมเมื่อสองปีก่อน")
    f = F(body, th)
    assert 25 <= f.words <= 45  # PyThaiNLP's segmenter finds 35 words here
    assert f.terminal and f.size == len(body)  # Thai is alphabetic: one character weighs one
    title = F("สภาเมืองอนุมัติเส้นทางเรือข้ามฟากสายใหม่ในท่าเรือ", th)
    assert 6 <= title.words <= 12 and not title.terminal and title.headline


def test_hangul_weighs_two_latin_letters():
    f = F("시의회는 화요일 버스 노선을 확대하기로 결정했다.")
    hangul = sum(1 for c in f.text if "\uac00" <= c <= "\ud7a3")
    assert f.size == len(f.text) + hangul


@pytest.mark.parametrize("lang,text,rest", [
    ("de", "Von Katharina Weber", "Katharina Weber"),
    ("es", "Por Lucía Fernández", "Lucía Fernández"),
    ("ru", "Автор: Ирина Соколова", "Ирина Соколова"),
    ("zh", "记者 王海燕", "王海燕"),
    ("zh", "文/王海燕", "王海燕"),
    ("zh", "记者 王海燕｜新华社", "王海燕"),  # the full-width bar ends the byline as "|" does
    ("ko", "김민준 기자｜연합뉴스", "김민준"),
    ("ja", "文：佐藤美咲", "佐藤美咲"),
    ("ko", "글 김민준", "김민준"),
    ("ko", "김민준 기자", "김민준"),
    ("ar", "بقلم: أحمد المصري", "أحمد المصري"),
    ("hi", "राहुल शर्मा द्वारा", "राहुल शर्मा"),
    ("th", "โดย สมชาย ใจดี", "สมชาย ใจดี"),
], ids=lambda v: v if isinstance(v, str) and len(v) == 2 else None)
def test_byline_markers_in_other_languages(lang, text, rest):
    f = F(text, lexicon(lang))
    assert f.byline_prefix and f.name == rest


@pytest.mark.parametrize("lang,text", [
    ("es", "Por qué sube el precio del pan"),
    ("de", "Von der Leyen reist nach Kiew"),
    ("zh", "文化中心下月开放"),
    ("ko", "기자회견 열려"),
], ids=["es-por-que", "de-von-der-leyen", "zh-wenhua", "ko-press-conference"])
def test_headlines_starting_with_a_byline_word_are_not_bylines(lang, text):
    assert not F(text, lexicon(lang)).byline_prefix


def test_caseless_names_only_count_after_a_byline_marker():
    assert F("王海燕", lexicon("zh")).name is None
    assert name_of("王海燕") is None and name_of("王海燕", caseless=True) == "王海燕"
    assert name_of("Jane Doe", caseless=True) == "Jane Doe"


@pytest.mark.parametrize("lang,text", [
    ("zh", "老鱼市码头正在重建。（图片来源：新华社）"),
    ("ja", "魚市場の桟橋は建て替えが進んでいる。（写真：共同）"),
    ("ko", "수산시장 선착장이 다시 지어지고 있다. (사진=연합뉴스)"),
    ("pl", "Przystań przy targu jest przebudowywana. (Fot.: PAP)"),
    ("ar", "رصيف سوق السمك قيد إعادة البناء. (صورة: رويترز)"),
    ("zh", "图为老鱼市码头的施工现场"),
], ids=["zh-fullwidth", "ja-fullwidth", "ko-equals", "pl-fot-dot", "ar", "zh-tuwei-prefix"])
def test_credits_and_captions_in_other_languages(lang, text):
    assert F(text, lexicon(lang)).credit


@pytest.mark.parametrize("lang,text", [("zh", "来源：新华社"), ("ja", "出典：共同通信"), ("de", "Quelle: dpa"),
                                       ("ko", "출처: 연합뉴스")], ids=["zh", "ja", "de", "ko"])
def test_source_lines_with_full_width_colons(lang, text):
    assert F(text, lexicon(lang)).source


@pytest.mark.parametrize("lang,text", [
    ("de", "vor 3 Stunden"), ("fr", "il y a 5 min"), ("es", "Hace 2 horas"), ("pt", "há 10 minutos"),
    ("it", "3 ore fa"), ("ru", "5 минут назад"), ("zh", "3小时前"), ("ja", "5分前"), ("ko", "3시간 전"),
    ("ar", "منذ 3 ساعات"), ("tr", "2 saat önce"), ("th", "3 ชั่วโมงที่แล้ว"),
], ids=lambda v: v if isinstance(v, str) and len(v) == 2 else None)
def test_relative_timestamps_in_other_languages(lang, text):
    assert F(text, lexicon(lang)).ago


@pytest.mark.parametrize("lang,text", [("de", "Vor dem Gericht"), ("fr", "Il y a des jours comme ça"),
                                       ("es", "Hace falta más agua")], ids=["de", "fr", "es"])
def test_phrases_with_a_number_slot_need_the_number(lang, text):
    assert not F(text, lexicon(lang)).ago


@pytest.mark.parametrize("lang,text", [("ja", "2025年7月17日 10時30分"), ("zh", "发布时间：2025年07月17日 10:30"),
                                       ("ko", "입력 2025.07.17 10:30"), ("th", "17 กรกฎาคม 2568 10:30 น."),
                                       ("fa", "۲۶ تیر ۱۴۰۴ - ۱۰:۳۰")], ids=["ja", "zh", "ko", "th", "fa"])
def test_locale_date_lines_are_date_only(lang, text):
    f = F(text, lexicon(lang))
    assert f.date is not None and f.date_only


def test_wide_prefilter_covers_every_wide_character():
    """features._MAYBE_WIDE only skips the script search: it must hold every Han, Kana, Hangul
    and Thai code point, or a CJK line would be weighed as Latin."""
    from cleanarticle import features

    every = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    wide = features._WIDE_SCRIPT.findall(every)
    assert wide
    assert all(features._MAYBE_WIDE.match(ch) for ch in wide)


def test_every_uppercase_letter_passes_the_name_prefilter():
    """name_of skips _NAME_WORD on words whose first character str.islower() accepts: that
    must be false of every \\p{Lu} (the first character of both its branches), including
    letters regex's Unicode tables know and Python's do not yet."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    upper = regex.findall(r"\p{Lu}", every)
    assert upper
    assert not any(ch.islower() for ch in upper)


def test_casefolding_keeps_word_and_digit_classes():
    """features._digit_words counts digit words on the casefolded tokens instead of the line:
    casefolding must map each character to characters of its own class (in a token or not,
    digit or not) and make no Han or Kana. Digits are Python's (features._DIGIT_OR_NUMBER);
    a digit of a script newer than Python's Unicode tables is not one, as for `has_digit`."""
    from cleanarticle import features

    word = regex.compile(r"[\w’'-]")
    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    changed = [ch for ch in every if ch.casefold() != ch]
    assert changed
    for ch in changed:
        folded = ch.casefold()
        in_token = bool(word.match(ch))
        assert all(bool(word.match(f)) == in_token for f in folded), hex(ord(ch))
        assert bool(features._DIGIT_OR_NUMBER.search(folded)) == ch.isdecimal(), hex(ord(ch))
        assert not features._DENSE_SCRIPT.search(folded) or features._DENSE_SCRIPT.match(ch), hex(ord(ch))
