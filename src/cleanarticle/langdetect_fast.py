"""langdetect's `Detector` with its per-character and per-sample loops made cheaper, same answers.

langid falls back to langdetect on pages no stoplist claims (lorem ipsum: 32 of the 130
readability pages), and there langdetect cost about a tenth of the whole HTML clean: its
n-gram extraction calls two Python methods per character, and every sampled n-gram
multiplies ~55 language probabilities in a Python loop. `FastDetector` overrides three
methods of langdetect 1.0.9 with code that does the same operations on the same values
in the same order (so the same floats, the same random draws and the same answer:
tests/test_langid.py compares the two on every readability page), with less interpreter
work per step. Should a langdetect release rename these private methods, the overrides
go unused: slower, never wrong. Imported lazily, with langdetect.

`load_profiles` replaces `DetectorFactory.load_profile`, which built a list of 55
probabilities for each of the profiles' ~88,000 n-grams (about half a second, and lists
the garbage collector then walked at every full collection for the life of the process):
it reads the same JSON files and makes an n-gram's probabilities the first time a
detector asks for them, by the same expression, so the same floats
(tests/test_langid.py compares every n-gram with langdetect's own table).
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Collection, Iterator, Mapping

from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

# Detector.append keeps one space of each run of ASCII spaces.
_SPACE_RUN = re.compile(" {2,}")


@functools.lru_cache(maxsize=4096)
def _normalized(ch: str) -> str:
    """`NGram.normalize(ch)` (a pure function of the character: cached, as a page repeats its letters)."""
    return NGram.normalize(ch)


class GramProbabilities(Mapping[str, tuple[float, ...]]):
    """langdetect's `word_lang_prob_map` (n-gram -> its probability in each language), each
    n-gram's tuple made when first read (a cache that only grows, up to the profiles' size)."""

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]], size: int) -> None:
        self._profiles = profiles  # per language, in load order: (n-gram counts, n-grams of length 1, 2, 3)
        self._size = size  # langdetect sizes the lists by the directory's files, read or not
        self.grams: frozenset[str] = frozenset().union(*(counts for counts, _ in profiles))
        self._made: dict[str, tuple[float, ...]] = {}

    def __getitem__(self, gram: str) -> tuple[float, ...]:
        probs = self._made.get(gram)
        if probs is None:
            if gram not in self.grams:
                raise KeyError(gram)
            values = [0.0] * self._size
            length = len(gram)
            if 1 <= length <= 3:  # DetectorFactory.add_profile's rule and expression
                for index, (counts, n_words) in enumerate(self._profiles):
                    if gram in counts:
                        values[index] = 1.0 * counts[gram] / n_words[length - 1]
            probs = self._made[gram] = tuple(values)
        return probs

    def __contains__(self, gram: object) -> bool:
        return gram in self.grams

    def __iter__(self) -> Iterator[str]:
        return iter(self.grams)

    def __len__(self) -> int:
        return len(self.grams)


def load_profiles(directory: str) -> tuple[list[str], GramProbabilities]:
    """(langlist, word_lang_prob_map) as `DetectorFactory.load_profile(directory)` sets them:
    the files in `os.listdir` order, hidden files and folders skipped."""
    names = os.listdir(directory)
    langs: list[str] = []
    profiles: list[tuple[dict[str, int], list[int]]] = []
    for name in names:
        path = os.path.join(directory, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        langs.append(data["name"])
        profiles.append((data["freq"], data["n_words"]))
    return langs, GramProbabilities(profiles, len(names))


class FastDetector(Detector):
    """`Detector` with `append`, `_extract_ngrams` and `_detect_block` rewritten."""

    def __init__(self, factory) -> None:
        super().__init__(factory)
        # Membership at C speed: the n-gram set of a lazily made table, else the table itself.
        table = self.word_lang_prob_map
        self._grams: Collection[str] = table.grams if isinstance(table, GramProbabilities) else table

    def append(self, text: str) -> None:
        # The original copies the text character by character and drops a space that follows
        # a space: each run of spaces becomes one.
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        self.text += _SPACE_RUN.sub(" ", text[: self.max_text_length])

    def _extract_ngrams(self) -> list[str]:
        # NGram.add_char and the 1- to 3-gram lookups of the original, inlined.
        known = self._grams
        result = []
        grams, capital = " ", False
        for ch in self.text:
            ch = _normalized(ch)
            last = grams[-1]
            if last == " ":
                grams, capital = " ", False
                if ch == " ":
                    continue  # the buffer is " ": no n-gram
            elif len(grams) >= 3:
                grams = grams[1:]
            grams += ch
            if ch.isupper():
                if last.isupper():
                    capital = True
            else:
                capital = False
            if capital:
                continue
            if ch != " " and ch in known:  # the 1-gram is the last character
                result.append(ch)
            if len(grams) >= 2:
                w = grams[-2:]
                if w in known:
                    result.append(w)
                if len(grams) >= 3:
                    w = grams[-3:]
                    if w in known:
                        result.append(w)
        return result

    def _detect_block(self) -> None:
        # The original's trials with its per-iteration method calls (_update_lang_prob,
        # _normalize_prob) inlined and each new list bound instead of copied into the old one:
        # the same draws, the same float operations in the same order. (The probabilities
        # are products of positive factors, never NaN: max() is the original's running
        # maximum from 0.0. Its `verbose` printing is left out.)
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        self.langprob = [0.0] * len(self.langlist)
        rnd = self.random
        rnd.seed(self.seed)
        choice, table = rnd.choice, self.word_lang_prob_map
        for _ in range(self.n_trial):
            prob = self._init_probability()
            alpha = self.alpha + rnd.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            i = 0
            while True:
                prob = [p * (weight + q) for p, q in zip(prob, table[choice(ngrams)])]
                if i % 5 == 0:
                    sump = sum(prob)
                    prob = [p / sump for p in prob]
                    if max(prob) > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                        break
                i += 1
            for j in range(len(self.langprob)):
                self.langprob[j] += prob[j] / self.n_trial
