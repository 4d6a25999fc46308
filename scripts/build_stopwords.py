"""Regenerate src/cleanarticle/data/stopwords/*.txt from lists that well-kept packages ship.

Why a script: the lists are third-party data; we copy them, never retype them, and this
script is how anyone can check or refresh the copy. Two sources:

- jusText's stoplists (BSD-2-Clause, built from Wikipedia word frequencies), copied
  verbatim, for every language jusText has;
- stopwords-iso (MIT, package `stopwordsiso`) for the languages jusText lacks (Chinese,
  Japanese, Thai). Its CJK lists also hold punctuation and digits, which no word token
  can equal: those entries (no letter in them) are left out, nothing else is changed.
  Its Chinese list is in simplified characters; Taiwan and Hong Kong pages write the
  same words in traditional ones (這 for 这, 們 for 们), so the list also gets each word's
  traditional forms as OpenCC converts them (package opencc-python-reimplemented,
  Apache-2.0; configurations s2t, s2tw, s2hk).

Usage: pip install ".[data]" && python scripts/build_stopwords.py
"""
from __future__ import annotations

import importlib.metadata
import pathlib
import unicodedata

import justext
import stopwordsiso
from opencc import OpenCC

OUT = pathlib.Path(__file__).resolve().parents[1] / "src" / "cleanarticle" / "data" / "stopwords"

# ISO 639-1 code -> jusText stoplist name, for the languages a news crawl meets most.
JUSTEXT = {
    "vi": "Vietnamese", "en": "English", "de": "German", "fr": "French",
    "es": "Spanish", "pt": "Portuguese", "it": "Italian", "nl": "Dutch",
    "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "cs": "Czech",
    "tr": "Turkish", "id": "Indonesian", "ar": "Arabic", "fa": "Persian",
    "hi": "Hindi", "ko": "Korean", "sv": "Swedish", "da": "Danish",
    "no": "Norwegian_Bokmal", "fi": "Finnish", "ro": "Romanian",
    "hu": "Hungarian", "el": "Greek", "bg": "Bulgarian", "he": "Hebrew",
    "ms": "Malay", "ca": "Catalan", "hr": "Croatian", "sk": "Slovak",
}
# Languages jusText has no list for, taken from stopwords-iso (ISO 639-1 codes there too).
STOPWORDS_ISO = ("zh", "ja", "th")
# OpenCC configurations whose output is added to the (simplified) Chinese list.
TRADITIONAL = ("s2t", "s2tw", "s2hk")


def _has_letter(word: str) -> bool:
    return any(unicodedata.category(c).startswith("L") for c in word)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    version = importlib.metadata.version("justext")
    for code, name in JUSTEXT.items():
        words = sorted(justext.get_stoplist(name))
        header = (f"# {name} stoplist from jusText {version} (BSD-2-Clause, "
                  "https://github.com/miso-belica/jusText), copied by scripts/build_stopwords.py\n")
        (OUT / f"{code}.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")
        print(f"{code}: {len(words)} words (jusText)")
    iso_version = importlib.metadata.version("stopwordsiso")
    for code in STOPWORDS_ISO:
        words = {w for w in stopwordsiso.stopwords(code) if _has_letter(w)}
        note = ""
        if code == "zh":
            words |= {OpenCC(config).convert(w) for config in TRADITIONAL for w in words}
            note = f" plus traditional forms by OpenCC ({', '.join(TRADITIONAL)})"
        words = sorted(words)
        header = (f"# {code} list from stopwords-iso (package stopwordsiso {iso_version}, MIT, "
                  f"https://github.com/stopwords-iso), entries without a letter left out{note}, "
                  "copied by scripts/build_stopwords.py\n")
        (OUT / f"{code}.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")
        print(f"{code}: {len(words)} words (stopwords-iso)")


if __name__ == "__main__":
    main()
