"""langdetect's `Detector` with its per-character and per-sample loops made cheaper, same answers.

langid falls back to langdetect on pages no stoplist claims (lorem ipsum: 32 of the 130
readability pages), and there langdetect cost about a tenth of the whole HTML clean: its
n-gram extraction calls two Python methods per character, and every sampled n-gram
multiplies ~55 language probabilities in a Python loop. `FastDetector` overrides four
methods of langdetect 1.0.9 with code that does the same operations on the same values
in the same order (so the same floats, the same random draws and the same answer:
tests/test_langid.py compares the two on every readability page), with less interpreter
work per step. Should a langdetect release rename these private methods, the overrides
go unused: slower, never wrong. Imported lazily, with langdetect.
"""

from __future__ import annotations

import functools
import re

from langdetect.detector import Detector
from langdetect.utils.ngram import NGram

# Detector.append keeps one space of each run of ASCII spaces.
_SPACE_RUN = re.compile(" {2,}")


@functools.lru_cache(maxsize=4096)
def _normalized(ch: str) -> str:
    """`NGram.normalize(ch)` (a pure function of the character: cached, as a page repeats its letters)."""
    return NGram.normalize(ch)


class FastDetector(Detector):
    """`Detector` with `append`, `_extract_ngrams`, `_update_lang_prob` and `_normalize_prob` rewritten."""

    def append(self, text: str) -> None:
        # The original copies the text character by character and drops a space that follows
        # a space: each run of spaces becomes one.
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        self.text += _SPACE_RUN.sub(" ", text[: self.max_text_length])

    def _extract_ngrams(self) -> list[str]:
        # NGram.add_char and the 1- to 3-gram lookups of the original, inlined.
        known = self.word_lang_prob_map
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

    def _update_lang_prob(self, prob: list[float], word: str, alpha: float) -> bool:
        if word is None or word not in self.word_lang_prob_map:
            return False
        weight = alpha / self.BASE_FREQ
        prob[:] = [p * (weight + q) for p, q in zip(prob, self.word_lang_prob_map[word])]
        return True

    def _normalize_prob(self, prob: list[float]) -> float:
        sump = sum(prob)
        prob[:] = [p / sump for p in prob]
        # The probabilities are products of positive factors (never NaN): max() from 0.0 is
        # the original's running maximum.
        return max(0.0, *prob)
