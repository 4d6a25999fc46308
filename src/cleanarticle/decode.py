"""Raw input (str or bytes) to text, and the guess of whether it is HTML or plain text."""

from __future__ import annotations

import codecs

import regex

FORMATS = ("auto", "text", "html")

# Share of replacement characters a UTF-8 decode may produce before we decide the
# bytes are in a legacy single-byte encoding instead (a few bad bytes in a UTF-8
# crawl are common; a legacy page fails on most of its non-ASCII letters).
MAX_UTF8_ERROR_SHARE = 0.01

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Markup means a document start or several real tags; "<3" and "a < b" are text.
_DOC_START = regex.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml|<head[\s>]|<body[\s>])", regex.I)
_TAG = regex.compile(
    r"</?(?:p|div|span|a|br|hr|img|html|head|body|article|section|main|header|footer|nav|aside|"
    r"h[1-6]|ul|ol|li|table|tr|td|th|meta|link|script|style|figure|figcaption|blockquote|em|strong|b|i)"
    r"(?:\s[^<>]{0,500})?/?>",
    regex.I,
)
MIN_TAGS_FOR_HTML = 3


def to_text(raw: str | bytes) -> tuple[str, str | None]:
    """Decode `raw` to str, never raising on bad bytes; returns (text, encoding used)."""
    if isinstance(raw, str):
        return raw, None
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise TypeError(f"clean() takes str or bytes, not {type(raw).__name__}")
    data = bytes(raw)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall back to what the bytes say
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    errors = text.count("\ufffd")
    # UTF-8 with a few bad bytes still has good multi-byte characters; a legacy page has none.
    if errors <= MAX_UTF8_ERROR_SHARE * len(text) and any(c >= "\x80" and c != "\ufffd" for c in text):
        return text, "utf-8 (invalid bytes replaced)"
    name = guess_legacy(data)
    text = data.decode(name, errors="replace")
    return text, name if "\ufffd" not in text else f"{name} (invalid bytes replaced)"


# Legacy encodings tried, in this order, on bytes that are not UTF-8, each with the languages
# whose stopwords vouch for it. The first is the fallback when no decode is plausible.
# Python's codec names, as `codecs.lookup(...).name` gives them (a declared charset is too).
LEGACY = (
    ("cp1252", ("en", "fr", "de", "es", "pt", "it", "nl", "id")),
    ("cp1258", ("vi",)),
    ("cp1251", ("ru", "uk", "bg")),
    ("koi8-r", ("ru",)),
    ("shift_jis", ("ja",)),
    ("euc_jp", ("ja",)),
    ("gb18030", ("zh",)),
    ("big5", ("zh",)),
    ("euc_kr", ("ko",)),
)
# The script each one writes besides ASCII: a decode is plausible when its non-ASCII letters
# are of that script and sit in words that script spells (see _implausible).
_SCRIPT = {
    "cp1252": "Latin",
    "cp1258": "Latin",
    "cp1251": "Cyrillic",
    "koi8-r": "Cyrillic",
    "shift_jis": "ja",
    "euc_jp": "ja",
    "gb18030": "zh",
    "big5": "zh",
    "euc_kr": "ko",
}
_SCRIPT_CHARS = {
    "Latin": regex.compile(r"\p{Latin}"),
    "Cyrillic": regex.compile(r"\p{Cyrillic}"),
    "ja": regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]"),
    "zh": regex.compile(r"\p{Han}"),
    "ko": regex.compile(r"[\p{Hangul}\p{Han}]"),
}
# Bytes enough to judge an encoding by (the head of a page, where its language shows).
SNIFF_BYTES = 32_768
# A decode is plausible when at most this share of its non-ASCII characters is implausible:
# a letter of another script, a letter in a word that mixes case or scripts the way a wrong
# decode does ("ÐÑÐ¸Ð²ÐµÑ", "cafй"), a control, private-use or unassigned character.
MAX_IMPLAUSIBLE_SHARE = 0.1
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_CASE_BREAK = regex.compile(r"\p{Ll}\p{Lu}")  # "пРИВЕТ": KOI8-R read as cp1251 flips case
# Controls, private use, unassigned; half-width kana (GBK read as Shift-JIS); symbols and box
# drawing (what KOI8-R makes of other bytes), but for the few that news text prints.
_BAD_CHAR = regex.compile(
    r"[\p{Cc}\p{Co}\p{Cn}\p{Cs}\uFF61-\uFF9F\uFFFD\p{So}\p{Sm}\p{Sk}--[\x00-\x7f©®°™№±×÷′″]]", regex.V1
)
_UNSPACED = frozenset({"ja", "zh"})
_ASCII_LETTER = regex.compile(r"[A-Za-z]")


def guess_legacy(data: bytes) -> str:
    """The legacy encoding whose decode of `data` is plausible and has the most stopwords.

    Single-byte encodings decode any bytes, and GBK or Big5 most; what tells them apart is
    whether the letters come out in one script, in words that script spells, and whether
    those words are the common words of a language the encoding is used for (Windows-1258
    for Vietnamese, KOI8-R or Windows-1251 for Russian, and so on).
    """
    sample = data[:SNIFF_BYTES]
    best: tuple[float, float] | None = None
    chosen = LEGACY[0][0]
    for name, langs in LEGACY:
        try:  # an incremental decode leaves a character cut at the sample's end undecoded
            text = codecs.getincrementaldecoder(name)(errors="strict").decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        bad = _implausible(text, _SCRIPT[name])
        if bad > MAX_IMPLAUSIBLE_SHARE:
            continue
        score = (_stopword_share(text, langs), -bad)
        if best is None or score > best:
            best, chosen = score, name
    if best is None and chosen == LEGACY[0][0]:
        try:
            data.decode(chosen)
        except UnicodeDecodeError:
            return "latin-1"  # bytes cp1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d)
    return chosen


def _implausible(text: str, script: str) -> float:
    """Share of the non-ASCII characters of `text` that a right decode would not produce."""
    nonascii = sum(1 for c in text if c >= "\x80")
    if not nonascii:
        return 0.0
    bad = len(_BAD_CHAR.findall(text))
    own = _SCRIPT_CHARS[script]
    for m in _WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        if script in ("ja", "zh", "ko"):  # a wrong double-byte decode puts one ideograph between plain letters
            padded = f" {word} "
            bad += sum(
                1
                for k, c in enumerate(word, 1)
                if c >= "\x80"
                and c.isalpha()
                and (not own.match(c) or (_ASCII_LETTER.match(padded[k - 1]) and _ASCII_LETTER.match(padded[k + 1])))
            )
            continue
        if script == "Latin":  # accented letters sit among plain ones, except in short words
            mixed = len(word) > 3 and all(c >= "\x80" for c in word)
        else:  # Cyrillic words have no Latin letter in them
            mixed = bool(_ASCII_LETTER.search(word))
        if mixed or _CASE_BREAK.search(word):
            bad += sum(1 for c in word if c >= "\x80")
        else:
            bad += sum(1 for c in word if c >= "\x80" and c.isalpha() and not own.match(c))
    return min(1.0, bad / nonascii)


def _stopword_share(text: str, langs: tuple[str, ...]) -> float:
    """Share of the letters that are in stopwords of `langs` (words; characters in Chinese and
    Japanese). Letters, not words: a wrong decode makes many one-letter "words" ("и", "в")."""
    from .lexicon import stopwords  # the word lists load only when a legacy page needs them

    stops = frozenset().union(*(stopwords(lang) for lang in langs))
    if set(langs) & _UNSPACED:
        units = [c for c in text if c >= "\u3000"]
    else:
        units = [w.casefold() for w in _WORD.findall(text)]
    total = sum(map(len, units))
    return sum(len(u) for u in units if u in stops) / total if total else 0.0


# An HTML page declares its encoding in <meta charset> or http-equiv near the top.
_CHARSET = regex.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]{2,40})", regex.I)
CHARSET_SCAN_BYTES = 4096


def _declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first bytes, as a Python codec name."""
    m = _CHARSET.search(data[:CHARSET_SCAN_BYTES])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(map(repr, FORMATS))}, not {fmt!r}")
    return fmt


def looks_like_html(text: str) -> bool:
    """True for real markup: a document start, or at least a few known tags near the top."""
    head = text[:20_000]
    if _DOC_START.match(head):
        return True
    count = 0
    for _ in _TAG.finditer(head):
        count += 1
        if count >= MIN_TAGS_FOR_HTML:
            return True
    return False
