"""Cheap, context-free features of one line: the evidence every label decision cites."""

from __future__ import annotations

import datetime
import functools
import re
from typing import TYPE_CHECKING, NamedTuple

import regex

from . import dates
from .lexicon import Lexicon, phrase_key

if TYPE_CHECKING:
    from .thresholds import Thresholds

# A headline has at least this many words and no sentence-final full stop.
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 30
# A name line ("Jane Doe", "Hồng Châu") has this many capitalised words (one word is
# a menu item more often than a mononym).
NAME_MIN_WORDS = 2
NAME_MAX_WORDS = 5
# Longer lines get only the cheap text features: no chrome phrase, caption, date or
# byline pattern applies to a line this long (the longest chrome line in the seeds and
# the chrome cases is an inline "Read more: <headline>" link of about 200 characters).
LONG_LINE_CHARS = 300
# A line that is only a date may also carry this many other words ("Updated", "GMT+7").
DATE_LINE_MAX_OTHER_WORDS = 2

# Han and Kana count one word per character (the issue allows characters as the proxy; the
# thresholds below were checked on the Chinese and Japanese readability pages with it).
_TOKEN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]|[\w’'-]+")
# The same tokens in a line without Han or Kana, where the first branch cannot match.
_WORD_TOKEN = regex.compile(r"[\w’'-]+")
# The same tokens in an ASCII line, where the standard library's engine is twice as fast
# (its \w differs from regex's only outside ASCII: it leaves out combining marks).
_ASCII_TOKEN = re.compile(r"[\w'-]+")
# Sentence-final marks of the scripts we meet (Latin, CJK full-width, Arabic and Urdu,
# Devanagari danda, Armenian, Ethiopic), which may be followed by closing quotes or
# brackets. Checked with string methods on the line's end, not a regex: one call per line.
_TERMINAL_MARKS = ".!?…。！？؟।॥։።۔｡．:;：；"
_QUESTION_MARKS = "?!！？؟"
_ELLIPSES = ("...", "…", "⋯")
_CLOSERS = "\"'”’»)]」』）］】〕〉》"
_IMAGE = regex.compile(r"^\S*\.(?:jpe?g|png|gif|webp|svg|bmp|avif|tiff?)(?:\?\S*)?\)?$", regex.I)
_URL = regex.compile(r"^(?:https?://|www\.)\S+$", regex.I)
_WIDE_SCRIPT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
# Every character of those scripts lies in these ranges (Thai, Hangul Jamo, and from CJK
# radicals on; tests/test_features.py checks every code point). Most non-ASCII lines hold only
# curly quotes, dashes or accented letters: the standard library's engine rules them out
# before the Unicode-property search, a `regex` call (which also releases and retakes the GIL).
_MAYBE_WIDE = re.compile("[\u0e00-\u0e7f\u1100-\u11ff\u2e80-\U0010ffff]")
_DENSE_SCRIPT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_HANGUL = regex.compile(r"\p{Hangul}")
_THAI = regex.compile(r"\p{Thai}")
# One Han/Kana character carries about as much as three Latin letters, and one Hangul
# syllable block about two: the same news sentence is 96 characters in English, 32 in
# Chinese, 45 in Japanese and 50 in Korean (tests/test_langid.py DOCS). Thai is
# alphabetic (one character, one letter or mark) and weighs one.
DENSE_CHAR_WEIGHT = 3
HANGUL_CHAR_WEIGHT = 2
# Thai writes no spaces between words (only between phrases): its words are estimated
# from its characters. PyThaiNLP's dictionary segmenter (newmm) finds 4.8 to 5.6
# characters per word, marks included, on Thai news paragraphs (the Thai language case).
THAI_CHARS_PER_WORD = 5
# Thai ends sentences with a space, not a mark: a Thai line of this many (estimated)
# words that ends in a Thai letter is a finished sentence; headlines are shorter.
THAI_SENTENCE_MIN_WORDS = 20
_UPPER = regex.compile(r"\p{Lu}")
_LOWER = regex.compile(r"\p{Ll}")
_DIGIT_OR_NUMBER = re.compile(r"\d")  # Unicode decimal digits, as in regex; re is faster
# Tried only where a token starts: from inside a long digitless word it rescans to the word's end.
# Only lines with Han or Kana need it (see `_digit_words`).
_DIGIT_TOKEN = regex.compile(r"(?<![\w’'-])[\w’'-]*\d[\w’'-]*")
_NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}'’.-]*|[\p{Lu}]\.)$")
# "&" joins two names in any language; the words that do ("and", "von") are lexicon data.
_NAME_SYMBOLS = frozenset({"&"})
# Leading spaces are tried only where their run starts (from each space of a long run: quadratic).
# "｜" is the full-width bar of CJK pages ("记者 张三｜新华社").
_SEPARATORS = regex.compile(r"(?:(?<!\s)\s+)?[|｜•·—–]\s*|(?<!\s)\s+-\s+")
_SEPARATOR_MARK = re.compile(r"[|｜•·—–-]")  # most lines have none: checked first, ten times faster
# Literal characters only: the standard library's engine, a third of a `regex` call's cost
# (which releases and retakes the GIL at every call). Most short lines are searched.
_CREDIT_SEPARATOR = re.compile(r"[:,：，،=＝]")
# What divides the fields of a crowded header line ("Essay - Published: 2025.12.17 | ai | programming").
_FIELD_SEPARATOR = re.compile(r"[|｜•·]")
# A name in a script without case: up to NAME_MAX_WORDS words of caseless letters (and marks).
_CASELESS_NAME = regex.compile(r"^[\p{Lo}\p{M}]{2,12}(?:[\s·・][\p{Lo}\p{M}]+){0,4}$")


class LineFeatures(NamedTuple):
    """Features of one line; `chrome` names the lexicon kind the line matched, if any.

    A named tuple rather than a frozen dataclass: one is made per line, and a tuple is built
    four times faster (benchmarks/profiling.py showed the dataclass's __init__ in the hot path).
    """

    text: str
    size: int  # characters, Han/Kana counted DENSE_CHAR_WEIGHT times, Hangul HANGUL_CHAR_WEIGHT times
    key: str  # casefolded, spaces collapsed: equal keys are the same line printed twice
    chars: int
    words: int
    alpha_words: int  # words with letters and no digit: "21.dez.2018 às 12h55" has two
    stop_density: float
    terminal: bool
    question: bool
    ellipsis: bool
    all_caps: bool
    chrome: str | None
    credit: bool
    image: bool
    url: bool
    source: bool
    date: dates.DateHit | None
    date_only: bool
    weekday: bool
    ago: bool
    name: str | None
    byline_prefix: bool
    # Shaped like a headline: several words (HEADLINE_MIN_WORDS to HEADLINE_MAX_WORDS), no
    # full stop (a question or exclamation is fine), no byline, date, chrome phrase, image
    # or URL. Computed once per line by `line_features`, not at every look.
    headline: bool = False
    # The date stands alone in its field of a line of fields ("Essay - Published: 2025.12.17 | ai | code").
    date_field: bool = False

    @property
    def blank(self) -> bool:
        return not self.text


@functools.lru_cache(maxsize=64)
def _patterns(lex: Lexicon):
    """Regexes built from a lexicon's word lists (cached per lexicon, bounded)."""

    def alt(words):
        return "|".join(regex.escape(w) for w in words) or r"(?!x)x"

    # Colons, commas and brackets in their Latin, full-width (CJK) and Arabic forms;
    # Korean and Japanese credits use "=" ("사진=연합뉴스", "写真＝共同"). A credit may also
    # follow the caption's last sentence ("… Fenster. Bild: Stadt").
    credit = regex.compile(
        rf"(?:^|[-–—|/(\[（【]\s*|[.。]\s+)(?:{alt(lex.credit_words)})\.?\s*[:,：，،=＝]\s*[^:：()（）\[\]]{{1,80}}?"
        rf"[)\]）】]?\s*$",
        regex.I,
    )
    spaced = [w for w in lex.caption_prefixes if not _DENSE_SCRIPT.match(w[-1:])]
    unspaced = [w for w in lex.caption_prefixes if _DENSE_SCRIPT.match(w[-1:])]  # "图为…", "圖說…"
    caption = regex.compile(rf"^(?:(?:{alt(spaced)})(?:\s|[:,：，=]|$)|(?:{alt(unspaced)}))", regex.I)
    source = regex.compile(
        rf"^[(\[（]?\s*(?:{alt(lex.source_words)})(?:\s*[:：]|\s+\S)[^()（）\[\]]{{0,80}}[)\]）]?$|"
        rf"^(?:{alt(lex.source_words)})\s*[:：]?$",
        regex.I,
    )
    # "By Jane Doe", "Por Ana Silva", "Автор: Иван Петров", "文/张三", "글 김철수": a byline word,
    # a colon, slash or space, then a capital letter or a letter of a script without case;
    # or a name followed by a word that ends bylines ("홍길동 기자").
    # (The capital is checked case-sensitively: under regex.I, \p{Lu} matches any cased letter.)
    byline = regex.compile(rf"^(?:{alt(lex.byline_words)})(?:\s*[:：/／]\s*|\s+)(?=(?-i:\p{{Lu}}|\p{{Lo}}))", regex.I)
    byline_after = (
        regex.compile(rf"^(?P<name>[^\d\s]{{2,}}(?:\s+[^\d\s]+){{0,3}}?)\s*(?:{alt(lex.byline_after)})\s*$", regex.I)
        if lex.byline_after
        else None
    )
    # Words that may stand beside a date, punctuation and digits, and CJK time units after a
    # number ("10時30分", "10点30分", "10시 30분").
    other = regex.compile(
        rf"(?:{alt(sorted(lex.date_words | lex.weekdays, key=len, reverse=True))})(?!\w)|[\W\d_]+"
        r"|(?<=\d\s?)[時时點点分秒시분초]",
        regex.I,
    )
    weekday = regex.compile(rf"(?<!\w)(?:{alt(sorted(lex.weekdays, key=len, reverse=True))})(?!\w)", regex.I)
    # "3 hours ago", "13 giờ trước", or the phrase opening the line ("Yesterday, 14:05");
    # "The vote took place yesterday." is a sentence, not a timestamp. A "#" in a phrase
    # stands for the number where the language puts it first ("vor # Stunden", "hace # horas").
    plain = [w for w in lex.ago if "#" not in w]
    numbered = (
        "|".join(r"\s*\d+\s*".join(regex.escape(part.strip()) for part in w.split("#")) for w in lex.ago if "#" in w)
        or r"(?!x)x"
    )
    ago = regex.compile(rf"(?:^|\d\s*)(?:{alt(plain)})(?!\w)|(?<!\w)(?:{numbered})(?!\w)", regex.I)
    return credit, caption, source, byline, byline_after, other, weekday, ago


def byline_start(lex: Lexicon) -> regex.Pattern:
    """The pattern of a line opening with a byline word before a name ("By Jane", "Von Max")."""
    return _patterns(lex)[3]


def name_of(text: str, *, caseless: bool = False, joiners: frozenset[str] = frozenset()) -> str | None:
    """`text` if it reads as a person's name (a few capitalised words, no digits), else None.

    `joiners` are the lowercase words a name may hold (the lexicon's `namejoiner`: "van", "bin", "and").

    With `caseless`, a few words of a script without capitals ("张三", "홍길동", "أحمد علي")
    also count: only after a byline marker, since any short line in those scripts looks so.
    """
    text = text.strip(" ,;:：")
    words = text.split()
    if not 1 <= len(words) <= NAME_MAX_WORDS or _DIGIT_OR_NUMBER.search(text) or len(text) > 60:
        return None
    if caseless and _CASELESS_NAME.match(text):
        return text
    capitalised = 0
    for word in words:
        bare = word.strip(",")
        # Both branches of _NAME_WORD open with \p{Lu}, never a letter str.islower() accepts
        # (tests/test_features.py checks every Lu of regex's newer Unicode tables): a lowercase
        # word, the usual end of a sentence's run, skips the `regex` call.
        if not bare[:1].islower() and _NAME_WORD.match(bare):
            capitalised += 1
        elif bare not in _NAME_SYMBOLS and bare.casefold() not in joiners:
            return None
    return text if capitalised >= NAME_MIN_WORDS and not text.isupper() else None


@functools.lru_cache(maxsize=1)
def default_thresholds() -> Thresholds:
    """The default `Thresholds`, for callers that pass none (imported here, late: thresholds.py
    reads the constants of this module and of the steps that import it; cached, as an import
    statement costs a microsecond per call)."""
    from .thresholds import DEFAULT

    return DEFAULT


def line_features(
    text: str, lex: Lexicon, today: datetime.date, *, month_first: bool = False, t: Thresholds | None = None
) -> LineFeatures:
    """Compute the features of one line of text (already normalised).

    Lines longer than LONG_LINE_CHARS are paragraphs or run-on chrome: only their size,
    words, stopwords and punctuation are computed (the hot path for body text, which
    is most of a page's bytes); the metadata and chrome patterns look at shorter lines.
    `t` holds the thresholds (default: the module constants).
    """
    if t is None:
        t = default_thresholds()
    text = text.strip()
    folded = text.casefold()
    is_ascii = text.isascii()
    # No character of the wide scripts (nor, casefolded, of Han or Kana): the plain token pattern.
    maybe_wide = not is_ascii and _MAYBE_WIDE.search(text) is not None
    tokens = (_ASCII_TOKEN if is_ascii else _TOKEN if maybe_wide else _WORD_TOKEN).findall(folded)
    words = len(tokens)
    stops = lex.stopwords
    stop_hits = sum(map(stops.__contains__, tokens)) if stops else 0
    end = text.rstrip(_CLOSERS)  # the last mark of the line, before closing quotes and brackets
    terminal = bool(end) and end[-1] in _TERMINAL_MARKS
    size = len(text)
    dense = 0
    # CJK, Hangul or Thai: weigh and count otherwise.
    if maybe_wide and _WIDE_SCRIPT.search(text):
        dense = len(_DENSE_SCRIPT.findall(text))
        size += (t.dense_char_weight - 1) * dense
        size += (t.hangul_char_weight - 1) * len(_HANGUL.findall(text))
        thai = len(_THAI.findall(text))
        if thai:
            thai_tokens = sum(1 for token in tokens if _THAI.match(token))
            words += max(0, round(thai / t.thai_chars_per_word) - thai_tokens)
            terminal = terminal or (words >= t.thai_sentence_min_words and bool(_THAI.match(text[-1])))
    has_digit = bool(_DIGIT_OR_NUMBER.search(text))
    key = " ".join(folded.split())
    question = terminal and end[-1] in _QUESTION_MARKS
    chrome = date = name = None
    credit = image = url = source = date_only = date_field = weekday = ago = byline_prefix = False
    if len(text) <= t.long_line_chars and words:
        credit_re, caption_re, source_re, byline_re, after_re, other_re, weekday_re, ago_re = _patterns(lex)
        # Chrome lines are "a few words" long: there two Han/Kana characters make about one word.
        chrome = lex.chrome_kind(phrase_key(key), words - dense // 2, tokens)
        # A credit has a separator after its word ("Photo: X", "사진=X"): most lines have none.
        credit = bool((_CREDIT_SEPARATOR.search(text) and credit_re.search(text)) or caption_re.match(text))
        if " " not in text:  # file names and addresses are one word
            image = bool(_IMAGE.match(text))
            url = bool(_URL.match(text))
        source = bool(words <= 10 and source_re.match(text))
        # Without a digit only the phrase opening the line can match: try there alone.
        ago = bool(words <= 10 and not terminal and (ago_re.search if has_digit else ago_re.match)(text))
        date = dates.find_date(text, lex, today, month_first=month_first) if has_digit else None
        if date is not None:
            rest = other_re.sub(" ", text[: date.start] + " " + text[date.end :]).split()
            date_only = len(rest) <= t.date_line_max_other_words and not any(len(w) > 12 for w in rest)
            weekday = bool(weekday_re.search(text))
            date_field = date_only or _alone_in_field(text, date, other_re, t.date_line_max_other_words)
        # A byline is judged on its part before a separator or date ("By Jane Doe | July 4, 2024").
        sep = _SEPARATORS.search(text) if (date is None or date.start > 0) and _SEPARATOR_MARK.search(text) else None
        part = text[: sep.start()] if sep else text
        if date is not None and date.start > 0 and len(part.split()) > NAME_MAX_WORDS + 3 and byline_re.match(text):
            part = text[: date.start]  # "by Jane Doe January 18, 2017 11:00 PM PST": no separator before the date
        short = len(part.split()) <= NAME_MAX_WORDS + 3
        prefix = byline_re.match(part) if short else None
        after = after_re.match(part) if short and after_re is not None and prefix is None else None
        byline_prefix = bool(prefix or after)
        if short and not terminal and part:
            rest = part[prefix.end() :] if prefix else after["name"] if after else part
            name = name_of(rest, caseless=byline_prefix, joiners=lex.name_joiners)
    alpha_words = words - _digit_words(text, tokens, dense) if has_digit else words
    # Positional, in field order: with keywords the 24-field constructor cost ~3 µs a line
    # (one is made per distinct line), positionally under 1 µs.
    return LineFeatures(
        text,  # text
        size,  # size
        key,  # key
        len(text),  # chars
        words,  # words
        alpha_words,  # alpha_words
        stop_hits / words if words else 0.0,  # stop_density
        terminal,  # terminal
        question,  # question
        terminal and end.endswith(_ELLIPSES),  # ellipsis
        words > 0 and text.isupper() and sum(1 for c in text if c.isupper()) >= 4,  # all_caps
        chrome,  # chrome
        credit,  # credit
        image,  # image
        url,  # url
        source,  # source
        date,  # date
        date_only,  # date_only
        weekday,  # weekday
        ago,  # ago
        name,  # name
        byline_prefix,  # byline_prefix
        # Shaped like a headline (see LineFeatures.headline); "Jane Doe | 4 July 2024" is not, nor
        # a line of fields with a date ("Essay - Published: 2025.12.17 | ai | code").
        # (The word count first: most of a page's distinct lines are paragraphs, too long for one.)
        (  # headline
            words <= t.headline_max_words
            and t.headline_min_words <= alpha_words
            and (not terminal or question)
            and not byline_prefix
            and not (name and date)
            and not chrome
            and not date_field
            and not image
            and not url
        ),
        date_field,  # date_field
    )


def _digit_words(text: str, tokens: list[str], dense: int) -> int:
    """How many of the line's words hold a digit ("21.dez.2018", "12h55").

    Without Han or Kana (`dense` 0) the tokens are the line's runs of [\\w’'-], casefolded:
    casefolding keeps each character's word and digit class and adds no Han or Kana
    (tests/test_features.py checks every code point), so counting the tokens with a digit
    counts _DIGIT_TOKEN's runs without scanning the line again (that `regex` scan of every
    non-ASCII line with a digit was 2 % of an HTML clean). A Han or Kana character is a token
    of its own, so such lines are scanned.
    """
    if dense:
        return len(_DIGIT_TOKEN.findall(text))
    return sum(1 for token in tokens if _DIGIT_OR_NUMBER.search(token))


def _alone_in_field(text: str, date: dates.DateHit, other_re: regex.Pattern[str], max_other: int) -> bool:
    """Whether the date is the only thing (with date words) in its field between "|", "•" or "·"."""
    if not _FIELD_SEPARATOR.search(text):
        return False
    start = max((m.end() for m in _FIELD_SEPARATOR.finditer(text, 0, date.start)), default=0)
    after = _FIELD_SEPARATOR.search(text, date.end)
    end = after.start() if after else len(text)
    rest = other_re.sub(" ", text[start : date.start] + " " + text[date.end : end]).split()
    return len(rest) <= max_other and not any(len(w) > 12 for w in rest)
