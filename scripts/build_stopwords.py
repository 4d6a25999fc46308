"""Regenerate cleanarticle/data/stopwords/*.txt from the lists that jusText ships.

Why a script: the lists are third-party data (jusText, BSD-2-Clause, built from
Wikipedia word frequencies); we copy them verbatim, never retype them, and this
script is how anyone can check or refresh the copy.

Usage: pip install justext && python scripts/build_stopwords.py
"""
from __future__ import annotations

import importlib.metadata
import pathlib

import justext

OUT = pathlib.Path(__file__).resolve().parents[1] / "cleanarticle" / "data" / "stopwords"

# ISO 639-1 code -> jusText stoplist name, for the languages a news crawl meets most.
LANGUAGES = {
    "vi": "Vietnamese", "en": "English", "de": "German", "fr": "French",
    "es": "Spanish", "pt": "Portuguese", "it": "Italian", "nl": "Dutch",
    "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "cs": "Czech",
    "tr": "Turkish", "id": "Indonesian", "ar": "Arabic", "fa": "Persian",
    "hi": "Hindi", "ko": "Korean", "sv": "Swedish", "da": "Danish",
    "no": "Norwegian_Bokmal", "fi": "Finnish", "ro": "Romanian",
    "hu": "Hungarian", "el": "Greek", "bg": "Bulgarian", "he": "Hebrew",
    "ms": "Malay", "ca": "Catalan", "hr": "Croatian", "sk": "Slovak",
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    version = importlib.metadata.version("justext")
    for code, name in LANGUAGES.items():
        words = sorted(justext.get_stoplist(name))
        header = (f"# {name} stoplist from jusText {version} (BSD-2-Clause, "
                  "https://github.com/miso-belica/jusText), copied by scripts/build_stopwords.py\n")
        (OUT / f"{code}.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")
        print(f"{code}: {len(words)} words")


if __name__ == "__main__":
    main()
