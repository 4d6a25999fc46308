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
