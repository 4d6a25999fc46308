"""Cheap text normalisation before splitting into lines, and mojibake repair when needed."""

from __future__ import annotations

import re
import unicodedata

import regex

# Line separators of every kind become "\n" so that one line is one block.
_NEWLINES = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Dropped in one pass: invisible characters that only break word matching (zero-width, BOM,
# soft hyphen, bidi marks) and control characters other than tabs and line breaks (NUL and
# friends never belong in text; tabs become spaces below). Classes of code points only: the
# standard library's engine (re) scans them five times faster than regex.
_DROPPED = re.compile(
    r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069"
    r"\x00-\x08\x0e-\x1f\x7f]"
)
_SPACE_LIKE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_LIKE_BUT_TAB = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# UTF-8 read as cp1252/latin-1 leaves tell-tale pairs such as "Ã©", "â€™", "Ä‘".
_MOJIBAKE = regex.compile(
    r"[ÃÂÄÅÆ][\u0080-\u00bf\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
    r"\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]"
    r"|á[º»]|â€"
)  # "á»", "áº": Vietnamese letters; "â€": curly quotes and dashes
# The first characters of those pairs: a text holding none of them (every ASCII page, most
# others) is not scanned. `in` tests run at C speed, many times faster than a `regex` scan.
_MOJIBAKE_LEADS = "ÃÂÄÅÆáâ"
# The characters _NEWLINES replaces: a text without them is not scanned.
_NEWLINE_CHARS = "\r\u2028\u2029\x0b\x0c\x85"
# How many tell-tale pairs make us pay for ftfy (it runs at about 1 MB/s).
MIN_MOJIBAKE_HITS = 2


def has_mojibake(text: str) -> bool:
    if not any(lead in text for lead in _MOJIBAKE_LEADS):
        return False
    hits = 0
    for _ in _MOJIBAKE.finditer(text):
        hits += 1
        if hits >= MIN_MOJIBAKE_HITS:
            return True
    return False


def normalize(text: str, *, keep_tabs: bool = False, collapsed: bool = False) -> tuple[str, bool]:
    """Return (normalised text, whether mojibake was repaired).

    Newlines are unified, invisible and control characters dropped, odd spaces made
    plain, and the text put in NFC so that "ệ" typed two ways matches one lexicon entry.
    `keep_tabs` leaves tabs for the caller (text mode reads table cells from them, then
    makes them spaces as this would have: the text comes out the same). `collapsed` says
    the text's only white space is " " and "\n" (the HTML front-end's blocks, each split and
    joined by `str.split`, which takes every line separator and odd space as white space):
    there is nothing for the newline and space passes to replace, so they are skipped,
    unless ftfy changed the text.
    """
    fixed = False
    if has_mojibake(text):
        import ftfy  # imported lazily: most pages never need it

        # Undo the encoding damage only: ftfy's restyling (straight quotes, half-width forms,
        # split ligatures) would change characters the author wrote and the page kept.
        text = ftfy.fix_text(
            text, normalization="NFC", uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False
        )
        fixed = True
    plain = collapsed and not fixed
    if not plain and any(c in text for c in _NEWLINE_CHARS):
        text = _NEWLINES.sub("\n", text)
    text = _DROPPED.sub("", text)
    if not plain and (not text.isascii() or (not keep_tabs and "\t" in text)):  # ASCII's only odd space: the tab
        text = (_SPACE_LIKE_BUT_TAB if keep_tabs else _SPACE_LIKE).sub(" ", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text, fixed
