"""Per-language word lists (stopwords, chrome phrases, date words) loaded from package data.

The lists live in `data/` so that adding a language is adding files, not code. Each
language is read once and kept in a bounded cache: a crawl meets a few dozen
languages, never an unbounded number.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.resources
import re
import unicodedata
from collections.abc import Collection

import regex

DATA = importlib.resources.files("cleanarticle") / "data"

# Kinds whose phrases name a chrome line (see data/lexicons/README.md).
LINE_KINDS = ("related", "comments", "share", "promo", "nav", "footer")
# Lexicon kinds naming the buttons of a page that is not an article, and the page kind they show.
PAGE_WORD_KINDS = {"productword": "product", "forumword": "forum"}
# Lexicon kinds of the lines around a comment thread (comments.py, text mode): its heading
# ("12 Comments") and its reply form ("Leave a reply"), which ends a thread already begun.
THREAD_KINDS = ("thread", "threadform")
# A chrome phrase matched as a prefix or substring only counts on a line this short
# (words); longer lines are sentences that merely mention "share" or "comments".
SHORT_CHROME_WORDS = 8
# Chrome phrases are this many words long at most (prefix matching looks no further).
MAX_PHRASE_WORDS = 5
# "Read more: <headline>" / "Xem thêm: <headline>": a related phrase and a separator open an
# inline link however long its headline, up to a headline's length.
INLINE_LINK_MAX_WORDS = 30
_PREFIX_SEPARATORS = ":|-–—»›"
# Without a separator, a multi-word phrase starts a chrome line only when at most this many
# words follow ("Theo dõi Báo X trên", "Follow us on Twitter"); "Chia sẻ kinh nghiệm nuôi con
# nhỏ" is a headline that happens to start with "chia sẻ" (share).
PREFIX_MAX_REST_WORDS = 3

# Languages written without spaces between words. Their stopword lists ship (callers of
# `stopwords()` can use them) but do not feed line quality, which then rests on length and
# sentence punctuation: without a word segmenter, stopword density over characters measured
# worse than punctuation on the Chinese and Japanese readability pages (mean body F1 of those
# six pages 0.72 without the lists, 0.61 with them), and Thai words cannot be counted at all.
UNSPACED_LANGS = frozenset({"zh", "ja", "th"})
# The normaliser drops zero-width characters from the text (normalize._DROPPED), so word
# lists drop them too: Persian "سه‌شنبه" must match the "سهشنبه" the classifier sees.
_ZERO_WIDTH = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
# Separators after a phrase in a line without spaces ("相关阅读：…", "関連記事｜…").
_DENSE_SEPARATORS = r"\s*[:：|｜>＞»›》】]"
_UNSPACED_START = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")

_COMMON_END_MARKS = " \t.,:;!?…)]}\"'”’»0123456789"
# The trailing run is tried only where it starts (from each of its characters: quadratic).
_NON_WORD_EDGES = regex.compile(r"^[\W\d_]+|(?<![\W\d_])[\W\d_]+$")
_SPACES = regex.compile(r"\s+")
# Characters _NON_WORD_EDGES takes (no letter, digits included): ASCII's non-letters and the
# quotes, arrows and marks lines most often start or end with (tests/test_lexicon.py checks them).
_EDGE_MARKS = "".join(chr(c) for c in range(128) if not chr(c).isalpha()) + "“”‘’«»…►©•–—"
# Words as features.py counts them on a line without Han or Kana (`_TOKEN`'s second branch).
_WORDS = regex.compile(r"[\w’'-]+")


def phrase_key(text: str) -> str:
    """Normalise a line or phrase for lexicon lookups: casefold, trim counts and punctuation."""
    folded = text.casefold()
    if "\u0307" in folded:  # Turkish "İ" casefolds to "i" + combining dot: "İlgili" must equal "ilgili"
        folded = folded.replace("\u0307", "")
    if folded[:1].isalpha():  # most lines: trim common end marks without the regexes
        trimmed = folded.rstrip(_COMMON_END_MARKS)
        if trimmed[-1:].isalpha():  # what was trimmed is exactly what _NON_WORD_EDGES would take
            return " ".join(trimmed.split())
    # A fifth of a page's short lines start or end with a digit, bracket, quote or bullet: where
    # stripping _EDGE_MARKS leaves letters at both ends, it took exactly what _NON_WORD_EDGES
    # would (the regexes cost 0.1 ms a page on the readability pages).
    trimmed = folded.strip(_EDGE_MARKS)
    if trimmed[:1].isalpha() and trimmed[-1:].isalpha():
        return _SPACES.sub(" ", trimmed).strip()
    return _SPACES.sub(" ", _NON_WORD_EDGES.sub("", folded)).strip()


def _entry(text: str) -> str:
    """A word-list entry as the classifier's lines will spell it: NFC, casefolded, no zero-width marks."""
    return _ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text.strip().casefold()))


def _entries(texts: list[str]) -> list[str]:
    """`[_entry(t) for t in texts]`, with one casefold, NFC and substitution over them all.

    Each of the three acts within a line (a newline neither composes nor folds with its
    neighbours), so the joined result splits back into the same entries; one call per word
    cost ~0.1 s to read the 34 stopword lists that language identification votes with
    (tests/test_lexicon.py compares the two on every list).
    """
    joined = "\n".join(text.strip() for text in texts)
    return _ZERO_WIDTH.sub("", unicodedata.normalize("NFC", joined.casefold())).split("\n") if texts else []


@dataclasses.dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Everything language-specific the classifier needs, as immutable sets and maps.

    Compared and hashed by identity: `lexicon()` makes one per language and caches it.
    """

    langs: tuple[str, ...]
    stopwords: frozenset[str]
    phrases: dict[str, str]  # whole-line phrase -> chrome kind
    contains: tuple[tuple[str, str], ...]  # (phrase, kind) found anywhere in a short line
    credit_words: tuple[str, ...]
    caption_prefixes: tuple[str, ...]
    source_words: tuple[str, ...]
    byline_words: tuple[str, ...]
    weekdays: frozenset[str]
    months: dict[str, int]
    date_words: frozenset[str]
    ago: tuple[str, ...]
    not_names: frozenset[str]
    byline_after: tuple[str, ...] = ()  # a word that ends a byline ("홍길동 기자", "राम शर्मा द्वारा")
    jalali_months: dict[str, int] = dataclasses.field(default_factory=dict)  # Persian calendar months
    calendars: frozenset[str] = frozenset()  # "buddhist": years past 2400 are Buddhist Era (Thai)
    dense_prefix: regex.Pattern | None = None  # unspaced phrases that open a line before a separator
    phrase_starts: frozenset[str] = frozenset()  # first words of `phrases`: most lines start with none
    # Whole-line phrases that are a shop's or a forum's buttons ("add to cart" -> "product",
    # "reply" -> "forum"), keyed by `phrase_key`: evidence of the page's kind (kind.py).
    page_words: dict[str, str] = dataclasses.field(default_factory=dict)
    # `+` kinds: a phrase anywhere in a line of any length the features look at (page furniture
    # that speaks in whole sentences: "We use cookies to improve ..."), as one alternation.
    sentence_re: re.Pattern | None = None
    sentences: dict[str, str] = dataclasses.field(default_factory=dict)  # phrase -> kind
    # One word of each `+` phrase (its longest that is not a stopword): a line holding none of
    # them skips the alternation, which costs ~3 µs a line against ~0.3 µs for this check.
    sentence_triggers: frozenset[str] = frozenset()
    name_and: tuple[str, ...] = ()  # words that join two authors in a byline ("and", "und", "và")
    name_joiners: frozenset[str] = frozenset()  # lowercase words a name may hold ("van", "von", "bin")
    update_words: tuple[str, ...] = ()  # words before a printed date that make it a modification ("Updated")
    publish_words: tuple[str, ...] = ()  # words before a printed date that make it the publication ("Published")
    # A comment thread's heading or reply-form line, keyed by `phrase_key` -> "thread" or "threadform".
    threads: dict[str, str] = dataclasses.field(default_factory=dict)

    def chrome_kind(self, key: str, words: int, tokens: Collection[str] | None = None) -> str | None:
        """The chrome kind of a line given its `phrase_key`, or None.

        Whole-line matches always count; a short line also matches a phrase it starts
        with when a separator follows the phrase ("Read more: …", "Home | World") or when
        the phrase has two or more words and at most PREFIX_MAX_REST_WORDS follow it
        ("Theo dõi X trên"), and a `*` phrase anywhere in it; a `+` phrase anywhere in any line
        (`tokens`, the line's casefolded words if the caller has them, skip that search when
        no phrase can be there).
        Note `key` has lost its trailing punctuation, so "Đọc thêm:" alone is a whole-line match.
        """
        kind = self.phrases.get(key)
        if kind or not key:
            return kind
        if self.sentence_re is not None and (tokens is None or not self.sentence_triggers.isdisjoint(tokens)):
            m = self.sentence_re.search(key)
            if m:
                return self.sentences[m[0]]
        if words > INLINE_LINK_MAX_WORDS:
            return None
        short = words <= SHORT_CHROME_WORDS
        tokens = key.split(" ")
        # Every phrase a prefix can match starts with the line's first word (or that word without
        # a separator): the prefixes are tried only when some phrase does.
        starts = tokens[0] in self.phrase_starts or tokens[0].rstrip(_PREFIX_SEPARATORS) in self.phrase_starts
        for n in range(1, min(len(tokens), MAX_PHRASE_WORDS + 1) if starts else 1):
            head = " ".join(tokens[:n])
            bare = head.rstrip(_PREFIX_SEPARATORS).rstrip()
            kind = self.phrases.get(bare)
            if not kind or not (short or kind == "related"):
                continue
            separated = bare != head or all(c in _PREFIX_SEPARATORS for c in tokens[n])
            if separated or (short and n > 1 and len(tokens) - n <= PREFIX_MAX_REST_WORDS):
                return kind
        if self.dense_prefix is not None and not key.isascii():
            m = self.dense_prefix.match(key)  # "相关阅读：标题": no space to split the phrase off
            if m:
                kind = self.phrases[m[1]]
                if short or kind == "related":
                    return kind
        if not short:
            return None
        if starts and self._button_row(tokens):
            return "share"
        for phrase, kind in self.contains:
            if phrase in key:
                return kind
        return None

    def _button_row(self, tokens: list[str]) -> bool:
        """A row of share buttons ("Facebook Twitter Email", "Chia sẻ Facebook Zalo"): two or
        more share phrases and separators, nothing else (longest phrase first at each word).

        Share phrases only: a row of nav words ("World Business Sport") reads too much like
        a heading to be decided by the words alone.
        """
        n = found = 0
        while n < len(tokens):
            if all(c in _PREFIX_SEPARATORS for c in tokens[n]):  # "|", "-" between buttons
                n += 1
                continue
            for size in range(min(MAX_PHRASE_WORDS, len(tokens) - n), 0, -1):
                if self.phrases.get(" ".join(tokens[n : n + size]).strip(_PREFIX_SEPARATORS + ",")) == "share":
                    n += size
                    found += 1
                    break
            else:
                return False
        return found >= 2


def _read_lines(path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@functools.lru_cache(maxsize=128)
def stopwords(lang: str) -> frozenset[str]:
    """The stopword set of one language (empty if we ship none)."""
    return frozenset(_entries(_read_lines(DATA / "stopwords" / f"{lang}.txt")))


def available_stopword_langs() -> tuple[str, ...]:
    return tuple(sorted(p.name[:-4] for p in (DATA / "stopwords").iterdir() if p.name.endswith(".txt")))


@functools.lru_cache(maxsize=64)
def lexicon(lang: str | None) -> Lexicon:
    """The merged lexicon for a document in `lang`: its own lists plus English chrome."""
    langs = tuple(dict.fromkeys([lang or "en", "en"]))
    entries: dict[str, list[tuple[str, str]]] = {}
    for code in langs:
        for line in _read_lines(DATA / "lexicons" / f"{code}.tsv"):
            kind, _, rest = line.partition("\t")
            phrase, _, value = rest.partition("\t")
            entries.setdefault(kind.strip(), []).append((_entry(phrase), value.strip()))

    def words(kind: str) -> tuple[str, ...]:
        # Longest first so that "nguồn tin" is tried before "nguồn".
        return tuple(sorted({p for p, _ in entries.get(kind, ())}, key=len, reverse=True))

    phrases: dict[str, str] = {}
    for kind in LINE_KINDS:
        for phrase, _ in entries.get(kind, ()):
            phrases.setdefault(phrase_key(phrase), kind)
    contains = tuple((p, k[1:]) for k in entries if k.startswith("*") for p, _ in entries[k])
    # Spaced as lines are, but not trimmed as phrase_key() trims a line's edges: "copyright ©"
    # must keep its mark (inside a line it is still there), or it would match every "copyright".
    sentences = {
        " ".join(p.split()): k[1:]
        for k in entries
        if k.startswith("+") and k[1:] in LINE_KINDS
        for p, _ in entries[k]
        if p.strip()
    }  # an empty phrase would match every line
    sentence_re = (
        re.compile("|".join(re.escape(p) for p in sorted(sentences, key=len, reverse=True))) if sentences else None
    )
    stops = stopwords(lang) if lang else frozenset()
    triggers = frozenset(
        max(ws, key=lambda w: (w not in stops, len(w))) for ws in (_WORDS.findall(p) for p in sentences) if ws
    )
    unspaced = sorted((p for p in phrases if _UNSPACED_START.match(p)), key=len, reverse=True)
    dense_prefix = (
        regex.compile(f"^({'|'.join(regex.escape(p) for p in unspaced)}){_DENSE_SEPARATORS}") if unspaced else None
    )
    return Lexicon(
        langs=langs,
        stopwords=stopwords(lang) if lang and lang not in UNSPACED_LANGS else frozenset(),
        phrases=dict(sorted(phrases.items(), key=lambda kv: -len(kv[0]))),
        contains=contains,
        credit_words=words("credit"),
        caption_prefixes=words("caption"),
        source_words=words("source"),
        byline_words=words("byline"),
        weekdays=frozenset(words("weekday")),
        months={p: int(v) for p, v in entries.get("month", ()) if v.isdigit()},
        date_words=frozenset(words("dateword")),
        ago=words("ago"),
        not_names=frozenset(words("notname")),
        byline_after=words("bylineafter"),
        jalali_months={p: int(v) for p, v in entries.get("jmonth", ()) if v.isdigit()},
        calendars=frozenset(p for p, _ in entries.get("calendar", ())),
        dense_prefix=dense_prefix,
        phrase_starts=frozenset(p.split(" ")[0] for p in phrases),
        page_words={
            phrase_key(p): kind for source, kind in PAGE_WORD_KINDS.items() for p, _ in entries.get(source, ())
        },
        sentence_re=sentence_re,
        sentences=sentences,
        sentence_triggers=triggers,
        name_and=words("nameand"),
        name_joiners=frozenset(words("namejoiner")),
        update_words=words("updateword"),
        publish_words=words("publishword"),
        threads={phrase_key(p): kind for kind in THREAD_KINDS for p, _ in entries.get(kind, ())},
    )
