"""decode: raw str/bytes to text (never raising on bad bytes), format check, HTML sniffing."""
import codecs

import pytest

from cleanarticle import decode

VI = "Người dân Hà Nội xếp hàng mua bánh trung thu trước ngày rằm tháng tám."
EN = "Shoppers queued outside the bakery before dawn on the last day of the sale."


@pytest.mark.parametrize("text", [VI, EN, "", "<p>markup stays as given</p>"], ids=["vi", "en", "empty", "markup"])
def test_str_passes_through_unchanged_with_no_encoding(text):
    assert decode.to_text(text) == (text, None)


@pytest.mark.parametrize("text", [VI, EN], ids=["vi", "en"])
def test_utf8_bytes_are_decoded_as_utf8(text):
    assert decode.to_text(text.encode("utf-8")) == (text, "utf-8")


@pytest.mark.parametrize("wrap", [bytearray, memoryview], ids=["bytearray", "memoryview"])
def test_bytes_like_inputs_are_accepted(wrap):
    assert decode.to_text(wrap(VI.encode("utf-8"))) == (VI, "utf-8")


@pytest.mark.parametrize("raw,encoding", [
    (codecs.BOM_UTF8 + VI.encode("utf-8"), "utf-8-sig"),
    (VI.encode("utf-16"), "utf-16"),  # native order, with BOM
    (codecs.BOM_UTF16_LE + VI.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + VI.encode("utf-16-be"), "utf-16"),
    (codecs.BOM_UTF32_LE + VI.encode("utf-32-le"), "utf-32"),  # starts with the UTF-16 LE BOM too
], ids=["utf8-bom", "utf16-native", "utf16-le", "utf16-be", "utf32-le"])
def test_byte_order_mark_decides_the_encoding_and_is_dropped(raw, encoding):
    text, used = decode.to_text(raw)
    assert text == VI
    assert used == encoding
    assert not text.startswith("\ufeff")


def test_a_few_bad_bytes_in_utf8_are_replaced_and_reported():
    good = (VI + " " + EN + " ") * 5
    raw = good.encode("utf-8")
    raw = raw[:40] + b"\xff" + raw[40:200] + b"\xfe" + raw[200:]
    text, used = decode.to_text(raw)
    assert used == "utf-8 (invalid bytes replaced)"
    assert text.count("\ufffd") == 2
    assert text.replace("\ufffd", "") == good


@pytest.mark.parametrize("text", ["café naïve résumé", "Crème brûlée – “à la carte” déjà vu"],
                         ids=["latin-letters", "with-cp1252-punctuation"])
def test_legacy_cp1252_bytes_are_decoded_as_cp1252(text):
    assert decode.to_text(text.encode("cp1252")) == (text, "cp1252")


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    raw = "naïve café".encode("latin-1") + b" \x81\x90"  # 0x81 and 0x90 have no cp1252 meaning
    text, used = decode.to_text(raw)
    assert used == "latin-1"
    assert text == "naïve café \x81\x90"


def test_arbitrary_bytes_never_raise():
    text, used = decode.to_text(bytes(range(256)) * 3)
    assert isinstance(text, str) and len(text) > 0
    assert used is not None


@pytest.mark.parametrize("raw", [None, 42, ["a", "b"], {"text": "x"}], ids=["none", "int", "list", "dict"])
def test_non_text_input_raises_type_error_naming_the_type(raw):
    with pytest.raises(TypeError, match=type(raw).__name__):
        decode.to_text(raw)


@pytest.mark.parametrize("fmt", ["auto", "text", "html"])
def test_check_format_returns_allowed_formats(fmt):
    assert decode.check_format(fmt) == fmt


@pytest.mark.parametrize("fmt", ["pdf", "HTML", "", "txt"], ids=["pdf", "upper-case", "empty", "txt"])
def test_check_format_rejects_unknown_format_naming_allowed_values(fmt):
    with pytest.raises(ValueError) as err:
        decode.check_format(fmt)
    message = str(err.value)
    assert all(repr(f) in message for f in ("auto", "text", "html"))
    assert repr(fmt) in message


@pytest.mark.parametrize("text", [
    "<!doctype html><html><head><title>Tin tức</title></head><body>x</body></html>",
    "  \n<!DOCTYPE HTML PUBLIC>\n<p>text</p>",
    "<html lang=\"vi\"><body>Xin chào</body></html>",
    "<?xml version=\"1.0\"?><rss></rss>",
    "<p>First paragraph.</p><p>Second paragraph.</p><div class=\"ad\">Buy now</div>",
    "Intro text <a href=\"/x\">link</a> and <em>emphasis</em> and <br/> a break",
], ids=["doctype", "doctype-after-space", "html-tag", "xml-prolog", "fragment-3-tags", "inline-tags"])
def test_looks_like_html_for_markup(text):
    assert decode.looks_like_html(text) is True


@pytest.mark.parametrize("text", [
    "I <3 you",
    "if a < b and c > d",
    "Giá vàng <tăng> mạnh, lãi suất < 5% và lạm phát > 3%",
    "Only two tags: <b>bold</b> here",
    "Use <widget> and <gadget> and <thing> for fun",
    "",
], ids=["heart", "comparison", "vi-angle-brackets", "two-tags", "unknown-tags", "empty"])
def test_looks_like_html_false_for_plain_text(text):
    assert decode.looks_like_html(text) is False


# -- legacy encodings without a declaration (issue 8) ---------------------------------------

import json  # noqa: E402
import pathlib  # noqa: E402

from article_gen import cp1258_form, utf8_read_as_cp1252  # noqa: E402
from cleanarticle import clean  # noqa: E402

CASES = pathlib.Path(__file__).parent / "cases" / "languages"


# (case file, encoding, the names a right guess may report: GBK bytes decode the same as GB18030)
LEGACY_PAGES = [
    ("vi-ferry-news-page", "cp1258", {"cp1258"}),
    ("fr-ferry-news-page", "cp1252", {"cp1252"}),
    ("de-ferry-news-page", "latin-1", {"cp1252", "latin-1"}),
    ("es-library-no-blanks-most-read", "cp1252", {"cp1252"}),
    ("pt-ferry-news-page", "cp1252", {"cp1252"}),
    ("it-ferry-news-page", "cp1252", {"cp1252"}),
    ("ru-ferry-news-page", "koi8-r", {"koi8-r"}),
    ("ru-library-byline-date-one-line", "cp1251", {"cp1251"}),
    ("uk-ferry-news-page", "cp1251", {"cp1251"}),
    ("ja-ferry-news-page", "shift_jis", {"shift_jis"}),
    ("ja-festival-most-read-after", "euc_jp", {"euc_jp"}),
    ("zh-ferry-news-page", "gb18030", {"gb18030"}),
    ("zh-ferry-news-page", "gbk", {"gb18030"}),
    ("zh-hant-library-byline-date-one-line", "big5", {"big5"}),
    ("ko-ferry-news-page", "euc_kr", {"euc_kr"}),
]


def _legacy_text(case: str, encoding: str, chars: int | None = None) -> tuple[str, bytes]:
    """The case's text in `encoding` (or `chars` of it from just before its first non-ASCII letter)."""
    text = json.loads((CASES / f"{case}.json").read_text(encoding="utf-8"))["text"]
    if chars:
        start = max(0, next(i for i, c in enumerate(text) if not c.isascii()) - 20)
        text = text[start:start + chars]
    text = cp1258_form(text) if encoding == "cp1258" else text
    raw = text.encode(encoding, "replace")
    return raw.decode(encoding), raw


@pytest.mark.parametrize("case,encoding,names", LEGACY_PAGES, ids=[f"{c[:2]}-{e}" for c, e, _ in LEGACY_PAGES])
@pytest.mark.parametrize("chars", [None, 150], ids=["page", "150-chars"])
def test_undeclared_legacy_bytes_are_decoded_and_named(case, encoding, names, chars):
    expected, raw = _legacy_text(case, encoding, chars)
    text, used = decode.to_text(raw)
    assert used in names
    assert text == expected


def test_clean_reads_an_undeclared_windows_1258_page_as_vietnamese():
    raw = cp1258_form((pathlib.Path(__file__).parents[1] / "seeds" / "004_28ba1ad4bae64c1e.txt")
                      .read_text(encoding="utf-8")).encode("cp1258")
    article = clean(raw)
    assert article.encoding == "cp1258"
    assert article.lang == "vi"
    assert article.title.startswith("Rót vốn tỷ đô")  # NFC: the tone marks are recomposed


def test_utf8_read_as_cp1252_and_saved_again_is_repaired():
    """Mojibake: UTF-8 bytes decoded as cp1252 by some earlier tool, then saved as UTF-8."""
    good = (pathlib.Path(__file__).parents[1] / "seeds" / "004_28ba1ad4bae64c1e.txt").read_text(encoding="utf-8")
    mangled = utf8_read_as_cp1252(good).encode("utf-8")
    article = clean(mangled, format="text")
    assert article.encoding == "utf-8"
    assert article.title == clean(good, format="text").title
    assert article.body == clean(good, format="text").body  # curly quotes stay curly


def test_a_bad_byte_in_a_legacy_page_is_replaced_and_said():
    expected, raw = _legacy_text("ja-ferry-news-page", "shift_jis")
    text, used = decode.to_text(raw + b"\x81")  # a lead byte with nothing after it
    assert used == "shift_jis (invalid bytes replaced)"
    assert text == expected + "\ufffd"


def test_legacy_guess_looks_only_at_the_head_of_a_long_page():
    expected, raw = _legacy_text("ru-ferry-news-page", "cp1251")
    long_raw = raw * (decode.SNIFF_BYTES // len(raw) + 3)
    text, used = decode.to_text(long_raw)
    assert used == "cp1251"
    assert text == expected * (decode.SNIFF_BYTES // len(raw) + 3)
