"""Raw input (str or bytes) to text, and the guess of whether it is HTML or plain text."""
from __future__ import annotations

import codecs

import regex

FORMATS = ("auto", "text", "html")

# Share of replacement characters a UTF-8 decode may produce before we decide the
# bytes are in a legacy single-byte encoding instead (a few bad bytes in a UTF-8
# crawl are common; a legacy page fails on most of its non-ASCII letters).
MAX_UTF8_ERROR_SHARE = 0.01

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

# Markup means a document start or several real tags; "<3" and "a < b" are text.
_DOC_START = regex.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml|<head[\s>]|<body[\s>])", regex.I)
_TAG = regex.compile(
    r"</?(?:p|div|span|a|br|hr|img|html|head|body|article|section|main|header|footer|nav|aside|"
    r"h[1-6]|ul|ol|li|table|tr|td|th|meta|link|script|style|figure|figcaption|blockquote|em|strong|b|i)"
    r"(?:\s[^<>]{0,500})?/?>", regex.I)
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
    if text.count("\ufffd") <= MAX_UTF8_ERROR_SHARE * max(1, len(text)):
        return text, "utf-8 (invalid bytes replaced)"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


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
