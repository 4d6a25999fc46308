"""lexicon: phrase keys, chrome-phrase matching rules, merged per-language lists, stopwords."""
import pytest
import regex

from cleanarticle import lexicon as lx
from cleanarticle.features import _DENSE_SCRIPT, _TOKEN
from cleanarticle.lexicon import SHORT_CHROME_WORDS, lexicon, phrase_key, stopwords

VI = lexicon("vi")
EN = lexicon("en")


def kind(lex, line):
    """chrome_kind of a raw line, with the word count line_features would give it (two Han/Kana make a word)."""
    words = len(_TOKEN.findall(line.casefold())) - len(_DENSE_SCRIPT.findall(line)) // 2
    return lex.chrome_kind(phrase_key(line), words)


@pytest.mark.parametrize("text,key", [
    ("(0) Bình luận", "bình luận"),
    ("Bình luận (12)", "bình luận"),
    ("  Đọc thêm:  ", "đọc thêm"),
    ("» Xem thêm", "xem thêm"),
    ("12 Comments", "comments"),
    ("SHARE   THIS!!", "share this"),
    ("Read   more →", "read more"),
    ("Tin\tliên  quan", "tin liên quan"),
    ("", ""),
    ("123 --- !!", ""),
], ids=["vi-count-before", "vi-count-after", "vi-colon-spaces", "vi-arrow", "en-count", "en-caps-bang",
        "en-arrow", "inner-whitespace", "empty", "no-letters"])
def test_phrase_key_strips_counts_punctuation_and_case(text, key):
    assert phrase_key(text) == key


@pytest.mark.parametrize("line,expected", [
    ("Tin liên quan", "related"),
    ("Đọc thêm:", "related"),
    ("(3) Bình luận", "comments"),
    ("Chia sẻ", "share"),
    ("Trang chủ", "nav"),
    ("Quảng cáo", "promo"),
    ("Chính sách bảo mật", "footer"),
    ("Read more", "related"),
    ("Comments (24)", "comments"),
    ("Share this article", "share"),
    ("Skip to main content", "nav"),
    ("Advertisement", "promo"),
    ("Privacy Policy", "footer"),
], ids=["vi-related", "vi-read-more-colon", "vi-comments-count", "vi-share", "vi-nav", "vi-promo",
        "vi-footer", "en-related", "en-comments", "en-share", "en-nav", "en-promo", "en-footer"])
def test_whole_line_phrases(line, expected):
    assert kind(VI, line) == expected


@pytest.mark.parametrize("line,expected", [
    ("Read more: Storm hits the northern coast", "related"),
    ("Xem thêm: Bão số 3 đổ bộ", "related"),
    ("Tin liên quan bão số 3", "related"),  # multi-word phrase as prefix
    ("Theo dõi VnExpress trên Facebook", "share"),
    ("Share this story with friends", "share"),
    ("Home: World news", "nav"),  # single-word phrase followed by a separator
    ("Home sales rise for third month", None),  # single word, no separator: a headline
    ("Share prices fall sharply in Asia", None),
    ("Comments from the minister drew criticism", None),
], ids=["en-read-more-colon", "vi-xem-them-colon", "vi-multiword-prefix", "vi-follow-us", "en-multiword-prefix",
        "en-home-colon", "en-home-headline", "en-share-headline", "en-comments-headline"])
def test_prefix_match_only_for_multiword_phrase_or_separator(line, expected):
    assert kind(VI, line) == expected


@pytest.mark.parametrize("line", ["Chia sẻ kinh nghiệm nuôi con nhỏ", "Bình luận viên nổi tiếng qua đời",
                                  "Tìm kiếm nạn nhân vụ sạt lở"],
                         ids=["vi-chia-se-headline", "vi-binh-luan-vien-headline", "vi-tim-kiem-headline"])
def test_vietnamese_headline_starting_with_a_chrome_word_is_not_chrome(line):
    assert kind(VI, line) is None


@pytest.mark.parametrize("line", ["Home | World", "Home » World » Asia", "Menu › Thời sự › Pháp luật"],
                         ids=["en-pipe", "en-guillemet", "vi-chevron"])
def test_single_word_phrase_followed_by_spaced_separator_matches(line):
    assert kind(VI, line) == "nav"


@pytest.mark.parametrize("line,expected", [
    ("© 2025 Báo Điện tử. All rights reserved", "footer"),
    ("Báo điện tử, giấy phép số 45/GP", "footer"),
    ("Sign up for our morning briefing", "promo"),
    ("Like our fanpage for daily news", "promo"),
], ids=["en-all-rights", "vi-license-number", "en-sign-up-for", "vi-fanpage"])
def test_star_phrases_match_anywhere_in_a_short_line(line, expected):
    assert kind(VI, line) == expected


@pytest.mark.parametrize("line", [
    "Read more about how the storm changed the coastline of the northern provinces this year",
    "Xem thêm về những thay đổi của bờ biển miền Bắc sau cơn bão lịch sử năm nay",
    "The company said all rights reserved by the former owner would pass to the new buyers",
], ids=["en-read-more-sentence", "vi-xem-them-sentence", "en-all-rights-sentence"])
def test_long_lines_never_match_by_prefix_or_substring(line):
    assert len(_TOKEN.findall(line.casefold())) > SHORT_CHROME_WORDS
    assert kind(VI, line) is None


@pytest.mark.parametrize("line,expected", [
    ("Facebook Twitter Email", "share"),
    ("Facebook | Twitter | LinkedIn", "share"),
    ("Tweet Share Email Print", "share"),
    ("Chia sẻ Facebook Zalo", "share"),
    ("Thích Chia sẻ", "share"),
    ("Save the date", None),  # one share word and other words: a heading
    ("Email Print Save and share", None),
    ("Facebook", "share"),  # one button is a whole-line phrase, not a row
    ("Home World Business Sport", None),  # nav words alone do not make a row
], ids=["en-three-buttons", "en-separated", "en-four-buttons", "vi-chia-se-zalo", "vi-thich-chia-se",
        "en-heading-with-save", "en-words-between", "en-one-button", "en-nav-words"])
def test_a_row_of_share_buttons_is_share(line, expected):
    assert kind(VI, line) == expected


def test_long_line_equal_to_a_phrase_key_still_matches_whole_line():
    # The whole-line lookup ignores the word count: a phrase is a phrase.
    assert VI.chrome_kind("read more", 99) == "related"


def test_empty_key_is_not_chrome():
    assert VI.chrome_kind("", 0) is None


def test_vietnamese_lexicon_includes_english_chrome_and_lists():
    assert VI.langs == ("vi", "en")
    assert kind(VI, "Read more") == "related" and kind(VI, "Đọc thêm") == "related"
    assert VI.months["july"] == 7 and VI.months["tháng 7"] == 7 and VI.months["tháng mười hai"] == 12
    assert {"by", "bởi", "theo"} <= set(VI.byline_words)
    assert {"reuters", "ttxvn"} <= VI.not_names
    assert {"monday", "thứ hai", "chủ nhật"} <= VI.weekdays


def test_english_lexicon_has_no_vietnamese_phrases():
    assert EN.langs == ("en",)
    assert kind(EN, "Đọc thêm") is None
    assert "tháng 7" not in EN.months
    assert "ttxvn" not in EN.not_names


def test_none_language_means_english():
    assert lexicon(None).langs == ("en",)
    assert lexicon(None).stopwords == frozenset()


def test_word_lists_are_longest_first():
    for words in (VI.byline_words, VI.source_words, VI.credit_words, VI.caption_prefixes, VI.ago):
        lengths = [len(w) for w in words]
        assert lengths == sorted(lengths, reverse=True)
    assert VI.source_words.index("nguồn tin") < VI.source_words.index("nguồn")


@pytest.mark.parametrize("lang,present,absent", [
    ("vi", {"và", "của", "những", "được"}, {"the", "chính phủ"}),
    ("en", {"the", "and", "of", "which"}, {"và", "của"}),
], ids=["vi", "en"])
def test_stopwords_are_loaded(lang, present, absent):
    words = stopwords(lang)
    assert len(words) > 100
    assert present <= words
    assert not absent & words
    assert lexicon(lang).stopwords == words


def test_unknown_language_has_no_stopwords_but_english_chrome():
    assert stopwords("xx") == frozenset()
    lex = lexicon("xx")
    assert lex.stopwords == frozenset()
    assert lex.langs == ("xx", "en")
    assert kind(lex, "Read more") == "related"


def test_lexicon_is_cached_per_language():
    assert lexicon("vi") is lexicon("vi")
    assert lexicon("vi") is not lexicon("en")


def test_available_stopword_langs_lists_shipped_files():
    langs = lx.available_stopword_langs()
    assert {"vi", "en", "ru", "uk"} <= set(langs)
    assert list(langs) == sorted(langs)


KINDS = {"related", "comments", "share", "promo", "nav", "footer", "*related", "*comments", "*share", "*promo", "*nav",
         "*footer", "+related", "+comments", "+share", "+promo", "+nav", "+footer", "credit", "caption", "source",
         "byline", "bylineafter", "weekday", "month", "jmonth", "calendar", "dateword", "ago", "notname", "nameand",
         "namejoiner", "productword", "forumword", "thread", "threadform", "updateword", "publishword"}
LEXICON_FILES = sorted((lx.DATA / "lexicons").iterdir(), key=lambda p: p.name)


@pytest.mark.parametrize("path", [p for p in LEXICON_FILES if p.suffix == ".tsv"], ids=lambda p: p.stem)
def test_every_language_says_how_it_joins_two_authors(path):
    assert lx.lexicon(path.stem).name_and[-1:], f"{path.name}: no `nameand` word"
    assert set(lx.lexicon(path.stem).name_and) - set(lx.lexicon("en").name_and) or path.stem == "en", \
        f"{path.name}: only English's `nameand` words"


@pytest.mark.parametrize("path", [p for p in LEXICON_FILES if p.suffix == ".tsv"], ids=lambda p: p.stem)
def test_lexicon_files_are_well_formed(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#"), "each lexicon opens with a comment saying where it came from"
    seen = set()
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert 2 <= len(cols) <= 3 and cols[0] in KINDS and cols[1].strip(), f"{path.name}:{n}: {line!r}"
        if cols[0] in ("month", "jmonth"):
            assert len(cols) == 3 and 1 <= int(cols[2]) <= 12, f"{path.name}:{n}: month needs its number"
        assert (cols[0], cols[1]) not in seen, f"{path.name}:{n}: duplicate entry"
        seen.add((cols[0], cols[1]))
        assert "\u200c" not in line, f"{path.name}:{n}: the normaliser drops zero-width non-joiners from text"


@pytest.mark.parametrize("lang", ["vi", "en", "zh", "ja", "ko", "ru", "de", "fr", "es", "pt", "it", "id", "th", "ar",
                                  "tr", "pl", "nl", "uk", "hi", "fa"])
def test_every_language_has_each_kind_of_chrome(lang):
    lex = lexicon(lang)
    own = {kind for kind in lx.LINE_KINDS
           if any(kind == k for p, k in lex.phrases.items() if lang == "en" or p not in EN.phrases)}
    assert {"related", "comments", "share", "nav", "footer"} <= own
    assert lex.byline_words or lex.byline_after
    assert set(lex.byline_words) - set(EN.byline_words) or lex.byline_after or lang == "en"


@pytest.mark.parametrize("lang,line,expected", [
    ("de", "Lesen Sie auch: Brücke bleibt gesperrt", "related"),
    ("fr", "Lire aussi : Le pont reste fermé", "related"),
    ("es", "Comentarios (12)", "comments"),
    ("pt", "Leia também", "related"),
    ("ru", "Читайте также", "related"),
    ("uk", "Поділитися", "share"),
    ("pl", "Wszelkie prawa zastrzeżone", "footer"),
    ("tr", "İLGİLİ HABERLER", "related"),
    ("id", "Baca juga: Jembatan ditutup lagi", "related"),
    ("nl", "Reacties (3)", "comments"),
    ("it", "Articoli correlati", "related"),
    ("ar", "اقرأ أيضا", "related"),
    ("fa", "اخبار مرتبط", "related"),
    ("hi", "ये भी पढ़ें", "related"),
    ("th", "ข่าวที่เกี่ยวข้อง", "related"),
    ("ko", "관련기사: 다리 보수 공사 또다시 연기", "related"),
    ("ja", "関連記事：橋の補修工事、再び遅れる", "related"),
    ("zh", "相关阅读：大桥维修工程再次延期", "related"),
    ("zh", "分享到：", "share"),
    ("zh", "版权所有 © 2025 港城日报", "footer"),
], ids=lambda v: v if isinstance(v, str) and len(v) == 2 else None)
def test_chrome_phrases_in_other_languages(lang, line, expected):
    assert kind(lexicon(lang), line) == expected


@pytest.mark.parametrize("lang,line", [
    ("zh", "相关部门表示将在明年春季前完成改造"),  # starts with "相关", a headline
    ("ja", "コメントの受け付けは終了しました。この記事についての意見は編集部までお寄せください。"),
    ("de", "Kommentare von Lesern haben die Debatte über die Brücke in dieser Woche neu entfacht"),
], ids=["zh-headline", "ja-sentence", "de-sentence"])
def test_headlines_and_sentences_in_other_languages_are_not_chrome(lang, line):
    assert kind(lexicon(lang), line) is None


def test_unspaced_languages_ship_stopwords_but_not_for_line_quality():
    for lang in lx.UNSPACED_LANGS:
        assert len(stopwords(lang)) >= 100
        assert lexicon(lang).stopwords == frozenset()
    assert {"的", "了", "這", "們"} <= stopwords("zh")  # simplified and traditional forms


def test_stopword_files_say_where_they_came_from():
    for path in (lx.DATA / "stopwords").glob("*.txt"):
        head = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert head.startswith("#") and ("jusText" in head or "stopwords-iso" in head), path.name


def test_zero_width_characters_are_dropped_from_entries():
    # Persian writes "سه‌شنبه" with a zero-width non-joiner, which the normaliser removes from text.
    assert "سهشنبه" in lexicon("fa").weekdays
    assert not any("\u200c" in w for w in stopwords("fa"))


def test_turkish_dotted_capital_i_matches():
    assert phrase_key("İlgili Haberler") == "ilgili haberler"


def test_new_kinds_are_loaded():
    assert lexicon("ko").byline_after == ("특파원", "기자")
    assert lexicon("fa").jalali_months["تیر"] == 4
    assert lexicon("th").calendars == frozenset({"buddhist"})
    assert EN.byline_after == () and EN.jalali_months == {} and EN.calendars == frozenset()


def test_edge_marks_are_what_the_edge_regex_takes():
    """phrase_key's str fast path is exact only if every _EDGE_MARKS character is one that
    _NON_WORD_EDGES removes (no letter, digit or not)."""
    from cleanarticle import lexicon as lx

    assert all(regex.fullmatch(r"[\W\d_]", c) and not c.isalpha() for c in lx._EDGE_MARKS)


def _phrase_key_by_regex(text: str) -> str:
    """phrase_key as the regexes define it (the fast paths must agree)."""
    from cleanarticle import lexicon as lx

    return lx._SPACES.sub(" ", lx._NON_WORD_EDGES.sub("", text.casefold().replace("\u0307", ""))).strip()


@pytest.mark.parametrize("text", [
    "► Read more (12)", "“Quoted headline”", "[1] Reference", "12 comments", "(Photo)", "„Zitat“ – Quelle",
    "1st place", "© 2024 Example Inc.", "• Item •", "  spaced   out  ", "\"Share\"", "#tag", "50%", "4...4",
    "...", "", "– Home —", "«Accueil»", "1 İlgili 2", "x\u0301y.", "100 ℃", "a_b", "_a_",
])
def test_phrase_key_fast_paths_agree_with_the_regexes(text):
    assert phrase_key(text) == _phrase_key_by_regex(text)


def test_entries_of_a_whole_list_equal_entries_one_by_one():
    """lexicon._entries (one casefold, NFC and substitution over a joined list) gives what
    _entry gives per word, on every shipped word list and on strings where folding or
    composition could reach across a line: a combining mark opening a line, final sigma,
    "ß", Turkish "İ", zero-width joiners, spaces around entries."""
    lists = [lx._read_lines(path) for folder in ("stopwords", "lexicons") for path in (lx.DATA / folder).iterdir()]
    lists.append(["\u0301e", "e", "\u0307i", "ΣΊΣΥΦΟΣ", "STRASSE ß", "İstanbul", "سه\u200cشنبه", "  a  ", "\ufeffx", ""])
    assert sum(map(len, lists)) > 60_000
    for lines in lists:
        assert lx._entries(lines) == [lx._entry(line) for line in lines]
    assert lx._entries([]) == []
