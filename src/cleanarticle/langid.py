"""Language identification that costs almost nothing on most pages.

Order of evidence: the caller's `lang=` (and an HTML page's `lang` attribute; both are
handled by the pipeline, `from_tag` normalises them), then the script the text is written
in, then letters only one language of that script uses (Vietnamese ơ/ư/đ, Ukrainian і/ї/є,
Persian پ/چ/ی), then overlap with the stopword lists we ship, and only when all that is
ambiguous `langdetect` on a bounded sample with a fixed seed (it costs ~65 ms on a whole
page, so it never sees one). `benchmarks/langid_cost.py` measures the cost per document
and the agreement with langdetect.
"""

from __future__ import annotations

import collections
import dataclasses
import functools

import regex

from . import lexicon

# How much text language id looks at, at most (characters).
SAMPLE_CHARS = 2000
# langdetect, when it runs, reads at most this much of the sample and makes this many
# random trials (its default is 7). One trial costs about as much whatever the text: on
# text in no language (lorem ipsum, lists of names) it runs for hundreds of iterations for
# an answer that is noise anyway. On the 132 real documents of the language cases and the
# readability pages (forced through langdetect), one trial on 1,000 characters agrees with
# langdetect's default on the whole text for 131, as three trials do, at 1.8 ms a document
# instead of 2.3 (seven: 6.0 ms); 500 characters agree for only 126.
LANGDETECT_CHARS = 1000
LANGDETECT_TRIALS = 1
# Lines shorter than this (words) are mostly chrome and say little about the language.
SAMPLE_MIN_WORDS = 6
# Fewer letters than this in the sample: no language.
MIN_LETTERS = 20
# Stopword vote (each token's vote split among the lists it is on): the winner needs this
# share of the sample's tokens and this lead over the runner-up.
VOTE_MIN_SHARE = 0.10
VOTE_MIN_LEAD = 1.5
# ... or, when that lead is short, this share of tokens found on its list alone (and the same lead there).
VOTE_MIN_EXCLUSIVE = 0.05
# Vietnamese-only letters (with horn, breve, dot below...) per letter above which the text is Vietnamese.
VI_MIN_SHARE = 0.03
# Script share of letters above which that script decides.
SCRIPT_MIN_SHARE = 0.3
# Kana per Han-or-Kana character above which Han text is Japanese: Japanese prose is
# about 40% hiragana, while a Chinese page may print a brand name with "の".
KANA_MIN_SHARE = 0.05

_WORD = regex.compile(r"\w+")
_NOT_LETTERS = regex.compile(r"\P{L}+")
_VI_LETTERS = regex.compile(r"[ơưđăạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", regex.I)
# One pass over the sample: every run of a non-Latin script we tell apart, by group name.
_SCRIPT_RUNS = regex.compile(
    r"(?P<ko>\p{Hangul}+)|(?P<kana>[\p{Hiragana}\p{Katakana}]+)|(?P<han>\p{Han}+)|(?P<th>\p{Thai}+)"
    r"|(?P<arabic>\p{Arabic}+)|(?P<cyrillic>\p{Cyrillic}+)|(?P<hi>\p{Devanagari}+)|(?P<he>\p{Hebrew}+)"
    r"|(?P<el>\p{Greek}+)"
)
# Letters that tell apart languages sharing a script (counted only in that script's text).
_UKRAINIAN = regex.compile(r"[іїєґ]", regex.I)
_RUSSIAN = regex.compile(r"[ыэёъ]", regex.I)
_PERSIAN = regex.compile(r"[پچژگیک]")  # Persian keheh and farsi yeh, and letters Arabic lacks
_ARABIC = regex.compile(r"[يكةى]")  # Arabic yeh, kaf, teh marbuta, alef maksura
_URDU = regex.compile(r"[ٹڈڑںےۓھ]")
# Stopword lists allowed to vote inside one script (the others cannot match its words anyway,
# except loanwords and junk entries that jusText's lists carry).
_CYRILLIC_LANGS = ("ru", "uk", "bg")


@dataclasses.dataclass(frozen=True, slots=True)
class Detection:
    """A language and the evidence that decided it (for benchmarks and explanations)."""

    lang: str | None
    evidence: str  # "too little text", "script", "letters", "stopwords", "langdetect", "undecided"


def sample(lines: list[str]) -> str:
    """A bounded slice of the document's longest-looking lines."""
    picked, size = [], 0
    for line in lines:
        if line.count(" ") + 1 >= SAMPLE_MIN_WORDS or (not line.isascii() and len(line) >= 20):
            picked.append(line)
            size += len(line)
            if size >= SAMPLE_CHARS:
                break
    text = "\n".join(picked) if picked else "\n".join(lines)
    return text[:SAMPLE_CHARS]


# Tags that are not ISO 639-1 codes of a language, and old or alternative codes.
_TAG_ALIASES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "nb": "no", "nn": "no", "fil": "tl"}
_TAG = regex.compile(r"^([a-z]{2,3})(?:$|[-_])", regex.I)


def from_tag(tag: str | None) -> str | None:
    """The ISO 639-1 code in a language tag ("pt-BR", "zh_Hant_TW", "iw"), or None ("", "und", "x-default")."""
    m = _TAG.match((tag or "").strip())
    if not m:
        return None
    code = m[1].lower()
    code = _TAG_ALIASES.get(code, code)
    return code if len(code) == 2 else None


@functools.lru_cache(maxsize=1)
def _stopword_index() -> dict[str, tuple[str, ...]]:
    """Stopword -> the languages whose lists hold it, in `available_stopword_langs` order.

    Built a list at a time by set operations: only the words already on an earlier list are
    visited one by one (word by word, the ~67,000 entries of the 34 lists cost ~0.05 s more,
    once per process, on the first page without a declared language).
    """
    index: dict[str, tuple[str, ...]] = {}
    for lang in lexicon.available_stopword_langs():
        words = lexicon.stopwords(lang)
        shared = words & index.keys()
        for word in shared:
            index[word] += (lang,)
        index.update(dict.fromkeys(words - shared, (lang,)))
    return index


def _leader(counts: dict[str, float]) -> tuple[str | None, float, float]:
    """(best language, its count, the runner-up's count)."""
    if not counts:
        return None, 0.0, 0.0
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[0][0], ranked[0][1], ranked[1][1] if len(ranked) > 1 else 0.0


def _vote(text: str, among: tuple[str, ...] | None = None) -> str | None:
    """The language whose stopwords the text uses, if one clearly leads.

    jusText's lists carry foreign words (the Finnish one holds a hundred English
    stopwords), so a clear lead among words on one list only also decides.
    """
    index = _stopword_index()
    shared: dict[str, float] = {}
    exclusive: dict[str, float] = {}
    tokens = _WORD.findall(text.casefold())
    # Each distinct stopword once, weighted by its count: a sample repeats its stopwords.
    for token, count in collections.Counter(t for t in tokens if t in index).items():
        langs = index[token]
        if among is not None:
            langs = tuple(lang for lang in langs if lang in among)
        for lang in langs:  # a word on many lists ("a", "on") says little: share its vote
            shared[lang] = shared.get(lang, 0.0) + count / len(langs)
        if len(langs) == 1:
            exclusive[langs[0]] = exclusive.get(langs[0], 0.0) + count
    best, hits, runner = _leader(shared)
    if best is None or hits < VOTE_MIN_SHARE * len(tokens):
        return None
    if hits >= VOTE_MIN_LEAD * runner:
        return best
    only, only_hits, only_runner = _leader(exclusive)
    if only == best and only_hits >= VOTE_MIN_EXCLUSIVE * len(tokens) and only_hits >= VOTE_MIN_LEAD * only_runner:
        return best
    return None


@functools.lru_cache(maxsize=1)
def _langdetect_factory():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from .langdetect_fast import load_profiles

    factory = DetectorFactory()  # our own instance: the module-level one is global state
    # What factory.load_profile(PROFILES_DIRECTORY) sets, each n-gram's probabilities made
    # when a page first needs them (see langdetect_fast.load_profiles).
    factory.langlist, factory.word_lang_prob_map = load_profiles(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def _langdetect(text: str) -> str | None:
    from langdetect.lang_detect_exception import LangDetectException

    from .langdetect_fast import FastDetector

    detector = FastDetector(_langdetect_factory())  # what DetectorFactory.create() makes, faster
    detector.n_trial = LANGDETECT_TRIALS
    detector.append(text[:LANGDETECT_CHARS])
    try:
        lang = detector.detect()
    except LangDetectException:
        return None
    return None if lang == "unknown" else lang.split("-")[0]


def _script_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in _SCRIPT_RUNS.finditer(text):
        counts[m.lastgroup] = counts.get(m.lastgroup, 0) + len(m[0])
    return counts


def _by_script(text: str, script: str, counts: dict[str, int]) -> Detection:
    """Which language of a script the text is in, from letters only that language uses."""
    if script in ("han", "kana"):
        kana = counts.get("kana", 0)
        return Detection("ja" if kana >= KANA_MIN_SHARE * (kana + counts.get("han", 0)) else "zh", "script")
    if script == "cyrillic":
        uk, ru = len(_UKRAINIAN.findall(text)), len(_RUSSIAN.findall(text))
        if uk > ru:
            return Detection("uk", "letters")
        if ru:
            return Detection("ru", "letters")
        return Detection(_vote(text, _CYRILLIC_LANGS) or "ru", "stopwords")
    if script == "arabic":
        fa, ar, ur = len(_PERSIAN.findall(text)), len(_ARABIC.findall(text)), len(_URDU.findall(text))
        if ur > fa / 4 and ur > ar:
            return Detection("ur", "letters")
        return Detection("fa" if fa > ar else "ar", "letters")
    return Detection(script, "script")


def identify(lines: list[str]) -> Detection:
    """The document's language (ISO 639-1) and the evidence for it; None when there is no text to tell."""
    text = sample(lines)
    letters = len(_NOT_LETTERS.sub("", text))
    if letters < MIN_LETTERS:
        return Detection(None, "too little text")
    if not text.isascii():
        counts = _script_counts(text)
        if counts:
            han_kana = counts.get("han", 0) + counts.get("kana", 0)
            script, size = max(
                ((s, n) for s, n in counts.items() if s not in ("han", "kana")),
                key=lambda kv: kv[1],
                default=("han", 0),
            )
            if han_kana > size:
                script, size = "han", han_kana
            if size >= SCRIPT_MIN_SHARE * letters:
                return _by_script(text, script, counts)
        if len(_VI_LETTERS.findall(text)) >= VI_MIN_SHARE * letters:
            return Detection("vi", "letters")
    lang = _vote(text)
    if lang:
        return Detection(lang, "stopwords")
    lang = _langdetect(text)
    return Detection(lang, "langdetect" if lang else "undecided")


def detect(lines: list[str]) -> str | None:
    """The ISO 639-1 code of the document's language, or None when there is no text to tell."""
    return identify(lines).lang
