"""normalize: newline unification, invisible/control removal, plain spaces, NFC, mojibake repair."""
import unicodedata

import pytest

from article_gen import utf8_read_as_cp1252
from cleanarticle.normalize import has_mojibake, normalize


@pytest.mark.parametrize("sep", ["\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85"],
                         ids=["crlf", "cr", "line-sep", "para-sep", "vtab", "formfeed", "nel"])
def test_every_line_separator_becomes_newline(sep):
    text = f"Tiêu đề bài báo{sep}Đoạn văn đầu tiên.{sep}The second paragraph."
    assert normalize(text) == ("Tiêu đề bài báo\nĐoạn văn đầu tiên.\nThe second paragraph.", False)


def test_crlf_is_one_newline_not_two():
    out, _ = normalize("one\r\n\r\ntwo\r\n")
    assert out == "one\n\ntwo\n"


@pytest.mark.parametrize("space", ["\u00a0", "\t", "\u2009", "\u202f", "\u3000"],
                         ids=["nbsp", "tab", "thin", "narrow-nbsp", "ideographic"])
def test_odd_spaces_become_plain_spaces(space):
    out, _ = normalize(f"Ngày{space}17/07/2025 at{space}08:30")
    assert out == "Ngày 17/07/2025 at 08:30"


@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u200e", "\u2066"],
                         ids=["zwsp", "zwnj", "zwj", "bom", "soft-hyphen", "lrm", "lri"])
def test_invisible_characters_are_removed(char):
    out, _ = normalize(f"Bình{char} luận and com{char}ments")
    assert out == "Bình luận and comments"


def test_control_characters_are_removed_but_newlines_kept():
    out, _ = normalize("Hà\x00 Nội\x07\nLondon\x1b\x7f")
    assert out == "Hà Nội\nLondon"


@pytest.mark.parametrize("decomposed,composed", [
    ("Vie\u0323\u0302t Nam", "Việt Nam"),
    ("Nguye\u0302\u0303n", "Nguyễn"),
    ("Đa\u0300 Na\u0306\u0303ng", "Đà Nẵng"),
    ("cafe\u0301 nai\u0308ve", "café naïve"),
], ids=["viet", "nguyen", "da-nang", "en-loanwords"])
def test_text_is_put_in_nfc(decomposed, composed):
    assert decomposed != composed
    out, fixed = normalize(decomposed)
    assert out == composed
    assert unicodedata.is_normalized("NFC", out)
    assert fixed is False


@pytest.mark.parametrize("clean", [
    "Việt Nam và Thái Lan ký kết hiệp định thương mại mới trong tuần này.",
    "Thủ tướng phát biểu tại hội nghị ở Đà Nẵng về chuyển đổi số và kinh tế xanh.",
    "Giá vàng hôm nay tăng mạnh, người mua xếp hàng dài trước các cửa hàng.",
    "It’s a “quiet” week at the café, the owner said — and that’s fine.",
    "Ça coûte 5 € à Zürich; Ærø and Åland are islands.",
], ids=["vi-1", "vi-2", "vi-3", "en-curly-quotes", "accented-european"])
def test_clean_text_does_not_trigger_mojibake_repair(clean):
    assert has_mojibake(clean) is False
    assert normalize(clean) == (clean, False)


@pytest.mark.parametrize("original", [
    "Việt Nam và Thái Lan ký kết hiệp định thương mại",
    "Tiếng Việt có dấu rất đẹp và phong phú",
    "Giá vàng tăng mạnh trong phiên sáng nay",
], ids=["vi-trade", "vi-language", "vi-gold"])
@pytest.mark.parametrize("legacy", ["latin-1", "cp1252"])
def test_utf8_read_as_legacy_encoding_is_repaired(original, legacy):
    garbled = original.encode("utf-8").decode(legacy)
    assert garbled != original and has_mojibake(garbled)
    assert normalize(garbled) == (original, True)


def test_english_mojibake_is_repaired():
    garbled = "The cafÃ© reopened on Monday, and the ownerâ€™s son runs it now."
    assert normalize(garbled) == ("The café reopened on Monday, and the owner’s son runs it now.", True)


def test_mojibake_repair_keeps_what_the_author_wrote():
    """ftfy undoes the encoding damage but is told not to restyle: curly quotes, full-width
    forms and ligatures are what the page printed."""
    original = "“Quoted” ‘text’ – café ＡＢＣ！ ﬁnal. Tiếng Việt có dấu đầy đủ."
    garbled = utf8_read_as_cp1252(original)
    assert garbled != original and has_mojibake(garbled)
    assert normalize(garbled) == (original, True)


def test_single_suspicious_pair_is_not_enough():
    # One "Ã©"-like pair can be a real word in some language; two or more are needed.
    assert has_mojibake("Viá»‡t") is False
    assert has_mojibake("Viá»‡t Nam, Ä‘áº¹p") is True


@pytest.mark.parametrize("clean", [
    "Ông nói: “Giá cả bây giờ cao quá”. Bà đáp: “Đúng là đắt quá”.",
    "Trời hôm nay nóng quá… Ai cũng kêu mệt quá…",
], ids=["vi-quotes-after-qua", "vi-ellipsis-after-qua"])
def test_clean_vietnamese_with_quotes_or_ellipsis_is_left_alone(clean):
    assert normalize(clean) == (clean, False)


def test_ascii_text_is_unchanged():
    text = "The council voted 7-2 on Tuesday.\nMore later."
    assert normalize(text) == (text, False)


def test_empty_text():
    assert normalize("") == ("", False)


_AWKWARD = [
    "Tiêu đề\u00a0bài\u2009báo\u3000x", "one\r\ntwo\u2028three\x85four\x0bfive\x0csix", "tab\tin\tline",
    "zero\u200bwidth\u00adsoft\x07bell\x1fus\x7fdel", "The cafÃ© reopened, the ownerâ€™s son â€” Viá»‡t Ä‘áº¹p",
    "Nam\u00a0cafÃ©\u2028ownerâ€™s", "e\u0301te\u0301 de\u0301compose\u0301", "plain ascii line", "",
]


@pytest.mark.parametrize("text", _AWKWARD)
def test_collapsed_blocks_normalise_as_without_the_hint(text):
    """`collapsed=True` (the HTML front-end's blocks: each `" ".join(text.split())`, joined by
    newlines) skips the newline and space passes: the result is the same as without it."""
    blocks = "\n".join(" ".join(part.split()) for part in (text, text[::-1], text.upper()))
    assert normalize(blocks, collapsed=True) == normalize(blocks)


@pytest.mark.parametrize("text", _AWKWARD)
@pytest.mark.parametrize("keep_tabs", [False, True])
def test_unscanned_texts_normalise_as_the_full_passes_would(text, keep_tabs):
    """The `in` tests that spare a text the newline, space and mojibake scans: the same result
    as the scans themselves."""
    from cleanarticle import normalize as n

    expected = n._NEWLINES.sub("\n", text)
    expected = n._DROPPED.sub("", expected)
    expected = (n._SPACE_LIKE_BUT_TAB if keep_tabs else n._SPACE_LIKE).sub(" ", expected)
    expected = unicodedata.normalize("NFC", expected)
    mojibake = sum(1 for _ in n._MOJIBAKE.finditer(text)) >= n.MIN_MOJIBAKE_HITS
    assert has_mojibake(text) is mojibake
    if not mojibake:
        assert normalize(text, keep_tabs=keep_tabs) == (expected, False)
