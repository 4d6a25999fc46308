"""How often does `decode.guess_legacy` name the right encoding of undeclared legacy bytes?

Texts in 14 languages are encoded in the legacy encodings their sites used (Windows-1252 and
Latin-1, Windows-1258 for Vietnamese, Windows-1251 and KOI8-R, Shift-JIS and EUC-JP, GB18030
and GBK, Big5, EUC-KR), cut into pieces of 60 to 1,500 characters, and guessed. A guess is
right when it decodes the bytes to the same text as the true encoding (GBK bytes decode the
same as GB18030; Latin-1 text the same as Windows-1252). Pieces that happen to be valid
UTF-8 (plain ASCII) never reach the guesser and are skipped.

- "cases": the hand-written pages of tests/cases/languages and the seeds, which the
  guesser's rules were written against;
- "held out": the readability pages' reference texts in French, Spanish, German,
  Portuguese, Japanese and Chinese, and generated English and Vietnamese pages.

charset-normalizer, when installed, is scored on the same bytes for comparison.

    python benchmarks/encodings.py
"""
from __future__ import annotations

import collections
import json
import pathlib
import random
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from article_gen import cp1258_form  # noqa: E402  (tests/article_gen.py)
from cleanarticle import decode  # noqa: E402

ENCODINGS = {"en": ["cp1252", "latin-1"], "fr": ["cp1252", "latin-1"], "de": ["cp1252", "latin-1"],
             "es": ["cp1252"], "pt": ["cp1252"], "it": ["cp1252"], "nl": ["cp1252"], "vi": ["cp1258"],
             "ru": ["cp1251", "koi8-r"], "uk": ["cp1251"], "ja": ["shift_jis", "euc-jp"], "zh": ["gb18030", "gbk"],
             "zh-hant": ["big5"], "ko": ["euc-kr"]}
LENGTHS = (60, 150, 400, 1500)


def case_texts() -> list[tuple[str, str]]:
    texts = []
    for path in sorted((ROOT / "tests/cases/languages").glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        texts.append(("zh-hant" if "zh-hant" in path.name else case["lang"], case["text"]))
    texts += [("vi", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return texts


def held_out_texts() -> list[tuple[str, str]]:
    import article_gen  # tests/article_gen.py: generated pages

    texts = []
    for meta in sorted((ROOT / "tests/corpora/readability").glob("*/expected-metadata.json")):
        lang = (json.loads(meta.read_text(encoding="utf-8")).get("lang") or "")[:2]
        if lang in ("fr", "es", "de", "pt", "ja", "zh"):
            texts.append((lang, meta.with_name("expected.txt").read_text(encoding="utf-8")))
    for seed in range(30):
        texts += [(lang, article_gen.page(random.Random(seed), lang=lang).text) for lang in ("en", "vi")]
    return texts


def pieces(texts: list[tuple[str, str]]):
    """(lang, encoding, bytes) of pieces of every text in each of its language's encodings."""
    for lang, text in texts:
        for encoding in ENCODINGS.get(lang, []):
            for length in LENGTHS:
                for start in range(0, max(1, len(text) - length), max(1, len(text) // 6)):
                    piece = text[start:start + length]
                    raw = (cp1258_form(piece) if encoding == "cp1258" else piece).encode(encoding, "replace")
                    try:
                        raw.decode("utf-8")
                        continue  # valid UTF-8: the guesser never sees it
                    except UnicodeDecodeError:
                        yield lang, encoding, raw


def score(name: str, guess, texts) -> None:
    right = total = 0
    seconds = 0.0
    wrong = collections.Counter()
    for lang, encoding, raw in pieces(texts):
        start = time.perf_counter()
        got = guess(raw)
        seconds += time.perf_counter() - start
        total += 1
        if got and raw.decode(got, "replace") == raw.decode(encoding, "replace"):
            right += 1
        else:
            wrong[f"{lang}/{encoding}->{got}"] += 1
    print(f"  {name:20} {right}/{total} right ({right / total:.1%}), {seconds / total * 1000:.2f} ms each"
          + (f"; wrong: {dict(wrong.most_common(5))}" if wrong else ""))


def main() -> int:
    guessers = {"cleanarticle": decode.guess_legacy}
    try:
        import charset_normalizer

        guessers["charset-normalizer"] = lambda raw: getattr(charset_normalizer.from_bytes(raw).best(), "encoding", None)
    except ImportError:
        print("(charset-normalizer is not installed: not compared)")
    for label, texts in (("cases", case_texts()), ("held out", held_out_texts())):
        print(label)
        for name, guess in guessers.items():
            score(name, guess, texts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
