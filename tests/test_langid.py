"""langid.detect: script first, then Vietnamese letters, stopword vote, langdetect; None without text."""
import pathlib

import pytest

from cleanarticle import langid

DOCS = {
    "vi": ["Chính phủ vừa thông qua kế hoạch nâng cấp tuyến đường sắt nối thủ đô với các tỉnh phía bắc.",
           "Người dân mong chờ tuyến tàu mới sẽ giúp giảm ùn tắc trên quốc lộ trong mùa lễ hội."],
    "en": ["The city council voted on Tuesday to expand the bus network to the northern suburbs by spring.",
           "Officials said the plan would cut commuting times for thousands of residents who drive to work."],
    "zh": ["市政府周二宣布，将在明年春季前扩建通往北部郊区的公交网络。",
           "官员表示，该计划将为数千名居民缩短通勤时间。"],
    "ja": ["市議会は火曜日、来年の春までに北部の郊外へのバス路線を拡大することを決めました。",
           "当局者によると、この計画で多くの住民の通勤時間が短くなるということです。"],
    "ko": ["시의회는 화요일 내년 봄까지 북부 교외로 가는 버스 노선을 확대하기로 결정했습니다.",
           "관계자들은 이 계획으로 수천 명의 주민들의 출퇴근 시간이 줄어들 것이라고 말했습니다."],
    "ru": ["Городской совет во вторник проголосовал за расширение автобусной сети в северные пригороды.",
           "Чиновники заявили, что этот план сократит время в пути для тысяч жителей города."],
    "uk": ["Міська рада у вівторок проголосувала за розширення автобусної мережі до північних передмість.",
           "Посадовці заявили, що цей план скоротить час у дорозі для тисяч мешканців міста."],
    "fr": ["Le conseil municipal a voté mardi pour étendre le réseau de bus vers les banlieues du nord.",
           "Les responsables ont déclaré que ce plan réduirait le temps de trajet de milliers d'habitants."],
    "th": ["สภาเมืองลงมติเมื่อวันอังคารให้ขยายเครือข่ายรถประจำทางไปยังชานเมืองทางตอนเหนือ"],
}


@pytest.mark.parametrize("lang", list(DOCS), ids=list(DOCS))
def test_detects_language_of_a_few_sentences(lang):
    assert langid.detect(DOCS[lang]) == lang


@pytest.mark.parametrize("lang", ["vi", "en", "zh", "ja", "ru", "uk"])
def test_one_sentence_is_enough(lang):
    assert langid.detect(DOCS[lang][:1]) == lang


def test_japanese_with_kanji_is_not_chinese():
    # Mostly Han characters, but any kana means Japanese.
    assert langid.detect(["東京都知事選挙の投票率は前回を上回った。政府関係者が発表しました。"]) == "ja"


def test_chrome_lines_in_another_language_do_not_decide():
    lines = ["Trang chủ", "Đăng nhập", "Menu", "Thời sự", DOCS["en"][0], DOCS["en"][1]]
    assert langid.detect(lines) == "en"


def test_english_article_quoting_a_vietnamese_name_stays_english():
    lines = ["Prime Minister Phạm Minh Chính met business leaders in Washington on Tuesday to discuss "
             "trade and investment between the two countries."]
    assert langid.detect(lines) == "en"


@pytest.mark.parametrize("lines", [[], [""], ["Hi there"], ["Home", "Menu", "Login"], ["12345 678 910 / 2025"],
                                   ["Xin chào các bạn"], ["你好"]],
                         ids=["no-lines", "empty-line", "en-two-words", "en-menu", "digits", "vi-short", "zh-short"])
def test_too_little_text_gives_none(lines):
    assert langid.detect(lines) is None


@pytest.mark.parametrize("lang", ["vi", "en", "fr"])
def test_detection_is_deterministic(lang):
    results = {langid.detect(DOCS[lang]) for _ in range(5)}
    assert results == {lang}


def test_langdetect_fallback_is_deterministic_and_not_affected_by_global_seed():
    # Lithuanian has no stopword list here, so langdetect decides.
    lines = ["Miesto taryba antradienį nubalsavo išplėsti autobusų tinklą į šiaurinius priemiesčius iki pavasario."]
    from langdetect import DetectorFactory
    first = langid.detect(lines)
    old_seed = DetectorFactory.seed
    DetectorFactory.seed = 12345  # someone else's global langdetect state
    try:
        assert [langid.detect(lines) for _ in range(3)] == [first] * 3
    finally:
        DetectorFactory.seed = old_seed
    assert first == "lt"


def test_sample_prefers_sentence_lines_and_is_bounded():
    lines = ["Home", "Menu", DOCS["en"][0]]
    assert langid.sample(lines) == DOCS["en"][0]
    assert langid.sample(["Home", "Menu"]) == "Home\nMenu"  # nothing long: use what there is
    assert len(langid.sample(["word " * 2000])) == langid.SAMPLE_CHARS


MORE = {
    "de": ["Der Stadtrat hat am Mittwoch beschlossen, das Busnetz bis zum Frühjahr in die nördlichen Vororte zu erweitern."],
    "es": ["El ayuntamiento aprobó el miércoles ampliar la red de autobuses hacia los barrios del norte antes de la primavera."],
    "pt": ["A prefeitura aprovou na quarta-feira a ampliação da rede de ônibus para os bairros do norte até a primavera."],
    "it": ["Il consiglio comunale ha deciso mercoledì di estendere la rete degli autobus verso i quartieri a nord entro la primavera."],
    "nl": ["De gemeenteraad heeft woensdag besloten het busnet voor het voorjaar uit te breiden naar de noordelijke wijken."],
    "pl": ["Rada miasta zdecydowała w środę o rozbudowie sieci autobusowej do północnych dzielnic jeszcze przed wiosną."],
    "tr": ["Belediye meclisi çarşamba günü otobüs ağının ilkbahardan önce kuzeydeki mahallelere genişletilmesine karar verdi."],
    "id": ["Dewan kota pada hari Rabu memutuskan untuk memperluas jaringan bus ke pinggiran utara sebelum musim hujan tiba."],
    "ar": ["قرر المجلس البلدي يوم الأربعاء توسيع شبكة الحافلات لتصل إلى الضواحي الشمالية قبل حلول فصل الربيع المقبل."],
    "fa": ["شورای شهر روز چهارشنبه تصمیم گرفت شبکه اتوبوس را پیش از بهار به محله های شمالی شهر گسترش دهد."],
    "hi": ["नगर परिषद ने बुधवार को वसंत से पहले बस नेटवर्क को उत्तरी उपनगरों तक बढ़ाने का फैसला किया है।"],
    "el": ["Το δημοτικό συμβούλιο αποφάσισε την Τετάρτη να επεκτείνει το δίκτυο λεωφορείων στα βόρεια προάστια."],
    "he": ["מועצת העיר החליטה ביום רביעי להרחיב את רשת האוטובוסים לפרברים הצפוניים לפני האביב."],
}


@pytest.mark.parametrize("lang", list(MORE), ids=list(MORE))
def test_more_languages_from_one_sentence(lang):
    assert langid.detect(MORE[lang]) == lang


@pytest.mark.parametrize("lang,evidence", [("zh", "script"), ("ja", "script"), ("ko", "script"), ("th", "script"),
                                           ("vi", "letters"), ("uk", "letters"), ("ru", "letters"),
                                           ("en", "stopwords"), ("fr", "stopwords")])
def test_evidence_is_the_cheapest_that_decides(lang, evidence):
    assert langid.identify(DOCS[lang]) == langid.Detection(lang, evidence)


def test_arabic_and_persian_are_told_apart_by_letters():
    assert langid.identify(MORE["ar"]) == langid.Detection("ar", "letters")
    assert langid.identify(MORE["fa"]) == langid.Detection("fa", "letters")


def test_russian_text_quoting_a_ukrainian_place_name_stays_russian():
    lines = ["Делегация прибыла в Київ во вторник, чтобы обсудить строительство нового моста через реку и сроки работ."]
    assert langid.detect(lines) == "ru"


def test_chinese_page_with_one_kana_brand_name_stays_chinese():
    lines = ["市政府周二宣布，将在明年春季前扩建通往北部郊区的公交网络，新线路将经过「の」字形的商业街区，官员表示该计划将为数千名居民缩短通勤时间。"]
    assert langid.detect(lines) == "zh"


def test_english_page_is_decided_by_stopwords_despite_english_words_in_other_lists():
    # jusText's Finnish list holds about a hundred English words: the exclusive-word vote settles it.
    lines = ["The new phone has a bigger screen and a faster chip, and the company says the battery will last "
             "all day for most people who use it for email, photos and video calls at work or at home."] * 3
    assert langid.identify(lines) == langid.Detection("en", "stopwords")


@pytest.mark.parametrize("tag,code", [("pt-BR", "pt"), ("zh_Hant_TW", "zh"), ("EN-us", "en"), ("iw", "he"), ("in", "id"),
                                      ("nb-NO", "no"), ("vi", "vi"), ("", None), (None, None), ("und", None),
                                      ("x-default", None), ("  fr  ", "fr"), ("123", None)])
def test_from_tag(tag, code):
    assert langid.from_tag(tag) == code


def _langdetect_run(detector_class, text: str, trials: int):
    factory = langid._langdetect_factory()
    detector = detector_class(factory)
    detector.n_trial = trials
    detector.append(text)
    try:
        return [(x.lang, x.prob) for x in detector.get_probabilities()], detector.langprob, detector.text
    except Exception as exc:  # both must fail alike
        return type(exc).__name__, str(exc), detector.text


def _readability_samples() -> list[str]:
    root = pathlib.Path(__file__).parent / "corpora" / "readability"
    return [langid.sample((d / "source.txt").read_text(encoding="utf-8").split("\n"))[:1000]
            for d in sorted(root.iterdir()) if (d / "source.txt").is_file()]


@pytest.mark.parametrize("trials", [1, 7])
def test_fast_langdetect_gives_the_same_floats_as_langdetect(trials):
    """langdetect_fast.FastDetector only rewrites loops: same probabilities to the last bit,
    same cleaned text, same failures (readability samples and awkward hand-made strings)."""
    from langdetect.detector import Detector

    from cleanarticle.langdetect_fast import FastDetector

    texts = [
        *_readability_samples(),
        "", " ", "   ", "12345 !!! ...", "Lorem ipsum  dolor   sit amet, CONSECTETUR adipiscing ELIT.",
        " leading  and trailing  ", "see https://example.org/a?b=c and mail me@example.org now",
        "Tiếng Việt có dấu: người, được, Tiếng Việt có dấu", "Ti\u0301e\u0302\u0301ng Vie\u0323\u0302t",
        "ひらがな カタカナ 漢字 한국어 ㄅㄆㄇ", "Şi ţara și țara", "فارسی یک", "ABC DEF GHI jkl",
    ]
    for text in texts:
        assert _langdetect_run(FastDetector, text, trials) == _langdetect_run(Detector, text, trials), text[:60]


def test_lazy_profiles_equal_langdetects_own_table():
    """langdetect_fast.load_profiles makes, n-gram by n-gram, the table DetectorFactory.load_profile
    builds at once: the same languages in the same order, the same n-grams, the same floats."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from cleanarticle.langdetect_fast import load_profiles

    eager = DetectorFactory()
    eager.load_profile(PROFILES_DIRECTORY)
    langs, lazy = load_profiles(PROFILES_DIRECTORY)
    assert langs == eager.langlist
    assert lazy.grams == eager.word_lang_prob_map.keys()
    assert all(lazy[gram] == tuple(probs) for gram, probs in eager.word_lang_prob_map.items())
    assert "not an n-gram" not in lazy
    with pytest.raises(KeyError):
        lazy["not an n-gram"]


def test_fast_langdetect_on_lazy_profiles_agrees_with_langdetect_itself():
    """The detector langid runs (FastDetector on the lazily made table) against langdetect's own
    Detector on langdetect's own factory: the same probabilities on every readability sample."""
    from langdetect.detector import Detector
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from cleanarticle.langdetect_fast import FastDetector

    eager = DetectorFactory()
    eager.load_profile(PROFILES_DIRECTORY)
    eager.set_seed(0)
    for text in _readability_samples():
        ours, theirs = FastDetector(langid._langdetect_factory()), Detector(eager)
        for detector in (ours, theirs):
            detector.n_trial = langid.LANGDETECT_TRIALS
            detector.append(text)
        assert ours.get_probabilities() and [(x.lang, x.prob) for x in ours.get_probabilities()] == [
            (x.lang, x.prob) for x in theirs.get_probabilities()
        ], text[:60]


def test_stopword_index_lists_every_language_of_every_stopword_in_order():
    from cleanarticle import lexicon

    expected: dict[str, list[str]] = {}
    for lang in lexicon.available_stopword_langs():
        for word in lexicon.stopwords(lang):
            expected.setdefault(word, []).append(lang)
    assert langid._stopword_index() == {word: tuple(langs) for word, langs in expected.items()}
