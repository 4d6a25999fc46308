"""Language identification that costs almost nothing on most pages.

Order of evidence: the caller's `lang=`, then the script the text is written in, then
Vietnamese letters, then overlap with the stopword lists we ship, and only when that
is ambiguous `langdetect` on a bounded sample with a fixed seed (it costs ~65 ms on
a whole page, so it never sees one).
"""
from __future__ import annotations

import functools

import regex

from . import lexicon

# How much text language id looks at, at most (characters).
SAMPLE_CHARS = 2000
# Lines shorter than this (words) are mostly chrome and say little about the language.
SAMPLE_MIN_WORDS = 6
# Stopword vote (each token's vote split among the lists it is on): the winner needs this
# share of the sample's tokens and this lead over the runner-up.
VOTE_MIN_SHARE = 0.10
VOTE_MIN_LEAD = 1.5
# Vietnamese-only letters (with horn, breve, dot below...) per letter above which the text is Vietnamese.
VI_MIN_SHARE = 0.03

_WORD = regex.compile(r"\w+")
_VI_LETTERS = regex.compile(r"[ơưđăạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", regex.I)
_SCRIPTS = (
    ("ko", regex.compile(r"\p{Hangul}")),
    ("ja", regex.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("zh", regex.compile(r"\p{Han}")),
    ("th", regex.compile(r"\p{Thai}")),
    ("ar", regex.compile(r"\p{Arabic}")),
    ("ru", regex.compile(r"\p{Cyrillic}")),
    ("hi", regex.compile(r"\p{Devanagari}")),
    ("he", regex.compile(r"\p{Hebrew}")),
    ("el", regex.compile(r"\p{Greek}")),
)
_LETTER = regex.compile(r"\p{L}")
# Script share of letters above which that script decides.
SCRIPT_MIN_SHARE = 0.3
_PERSIAN = regex.compile(r"[پچژگکی]")
_UKRAINIAN = regex.compile(r"[іїєґ]", regex.I)


def sample(lines: list[str]) -> str:
    """A bounded slice of the document's longest-looking lines."""
    picked, size = [], 0
    for line in lines:
        if line.count(" ") + 1 >= SAMPLE_MIN_WORDS or not line.isascii() and len(line) >= 20:
            picked.append(line)
            size += len(line)
            if size >= SAMPLE_CHARS:
                break
    text = "\n".join(picked) if picked else "\n".join(lines)
    return text[:SAMPLE_CHARS]


@functools.lru_cache(maxsize=1)
def _stopword_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for lang in lexicon.available_stopword_langs():
        for word in lexicon.stopwords(lang):
            index.setdefault(word, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


def _vote(text: str) -> str | None:
    index = _stopword_index()
    counts: dict[str, float] = {}
    tokens = _WORD.findall(text.casefold())
    for token in tokens:
        langs = index.get(token, ())
        for lang in langs:  # a word on many lists ("a", "on") says little: share its vote
            counts[lang] = counts.get(lang, 0.0) + 1.0 / len(langs)
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    best, hits = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0
    if hits >= VOTE_MIN_SHARE * len(tokens) and hits >= VOTE_MIN_LEAD * runner:
        return best
    return None


@functools.lru_cache(maxsize=1)
def _langdetect_factory():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()  # our own instance: the module-level one is global state
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def _langdetect(text: str) -> str | None:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _langdetect_factory().create()
    detector.append(text)
    try:
        lang = detector.detect()
    except LangDetectException:
        return None
    return None if lang == "unknown" else lang.split("-")[0]


def detect(lines: list[str]) -> str | None:
    """The ISO 639-1 code of the document's language, or None when there is no text to tell."""
    text = sample(lines)
    letters = len(_LETTER.findall(text))
    if letters < 20:
        return None
    for lang, pattern in _SCRIPTS:
        if len(pattern.findall(text)) >= SCRIPT_MIN_SHARE * letters:
            if lang == "zh" and regex.search(r"[\p{Hiragana}\p{Katakana}]", text):
                return "ja"
            if lang == "ar" and _PERSIAN.search(text):
                return _vote(text) or "fa"
            if lang == "ru":
                return "uk" if _UKRAINIAN.search(text) else (_vote(text) or "ru")
            return lang
    if len(_VI_LETTERS.findall(text)) >= VI_MIN_SHARE * letters:
        return "vi"
    return _vote(text) or _langdetect(text)
