"""Body F1 per language on the non-English readability pages, text and HTML mode (issue 10).

    python benchmarks/languages_quality.py [--corpus DIR] [--json OUT]
    python benchmarks/languages_quality.py --compare BEFORE.json AFTER.json

It also cleans the 20-language hand-written cases (tests/cases/languages, without `lang=`)
and counts what `tests/test_language_cases.py` checks: language, chrome lines left in the
body, body lines lost, title/byline/date right.

Run as a file, so that `PYTHONPATH=<another checkout>` measures that checkout's
cleanarticle with this script (the first line printed says which one ran):

    git worktree add /tmp/before 2721a53
    PYTHONPATH=/tmp/before python benchmarks/languages_quality.py --json /tmp/before.json

Which language a page is in is decided from its gold body (`expected.txt`), never by
cleanarticle itself: the script of its letters for CJK (any kana: Japanese; else Han:
Chinese; Hangul: Korean), else langdetect (seeded). langdetect alone calls a Traditional
Chinese page Korean. Pages of placeholder text (Lorem ipsum, which langdetect calls
Catalan, or fewer than MIN_GOLD_WORDS words of gold) are in no language and left out.
The `lang` attribute readability read from the page is printed beside it ("declared"; a
third of these pages have none).
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import statistics
import sys

import regex

try:
    from .scoring import ROOT, SHARED_READABILITY, f1, readability_pages, reference_langdetect
except ImportError:  # run as a file: benchmarks/ is sys.path[0]
    from scoring import ROOT, SHARED_READABILITY, f1, readability_pages, reference_langdetect

CASES = ROOT / "tests" / "cases" / "languages"

# A gold body shorter than this (words) is a markup test ("abc def ghi"), not language.
MIN_GOLD_WORDS = 20
# Words, a Han or kana character counting as one (those scripts put no spaces between words).
_WORD = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]|\w+")
# Placeholder Latin, cut anywhere ("Tempor incididunt ut labore et dolore magna aliqua").
_FILLER = regex.compile(r"lorem ipsum|dolor sit amet|dolore magna aliqua", regex.I)
# Share of a page's letters in a script that makes it that script's language.
SCRIPT_SHARE = 0.3
# Any kana at all among Han letters: Japanese (Chinese text has none).
KANA_SHARE = 0.02


def gold_language(gold: str) -> str | None:
    """The language of a gold body, or None for placeholder text."""
    if _FILLER.search(gold) or len(_WORD.findall(gold)) < MIN_GOLD_WORDS:
        return None
    letters = regex.findall(r"\p{L}", gold)
    count = collections.Counter()
    for script in ("Han", "Hiragana", "Katakana", "Hangul"):
        count[script] = sum(1 for c in letters if regex.match(rf"\p{{{script}}}", c))
    n = max(1, len(letters))
    kana = count["Hiragana"] + count["Katakana"]
    if (count["Han"] + kana) / n >= SCRIPT_SHARE:
        return "ja" if kana / n >= KANA_SHARE else "zh"
    if count["Hangul"] / n >= SCRIPT_SHARE:
        return "ko"
    return reference_langdetect()(gold)


def measure(root: pathlib.Path) -> dict:
    """Per non-English page: language, declared lang, and cleanarticle's lang and F1 per mode."""
    import cleanarticle
    from cleanarticle import clean

    pages, every = {}, {}
    for mode, source in (("text", "source.txt"), ("html", "source.html")):
        scores = []
        for page in readability_pages(root, source):
            article = clean(page.text, format=mode)
            score = f1(article.body, page.body)[2]
            scores.append(score)
            lang = gold_language(page.body)
            if lang is None or lang == "en":
                continue
            row = pages.setdefault(page.name, {"lang": lang, "declared": page.lang})
            row[mode] = {"f1": round(score, 4), "detected": article.lang}
        every[mode] = {"pages": len(scores), "f1": round(statistics.mean(scores), 4)}
    return {"cleanarticle": str(pathlib.Path(cleanarticle.__file__).parent), "pages": pages, "every_page": every,
            "cases": measure_cases()}


def measure_cases() -> dict:
    """Per language case: what the case test checks, counted instead of asserted."""
    from cleanarticle import clean

    cases = {}
    for path in sorted(CASES.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        article = clean(case["text"], format="text")
        paragraphs = set(article.body.split("\n"))
        fields = [f for f in ("title", "byline", "date") if f in case]
        cases[case["id"]] = {
            "lang": case["lang"], "detected": article.lang,
            "chrome_kept": sum(line in paragraphs for line in case["chrome"]), "chrome": len(case["chrome"]),
            "body_lost": sum(line not in paragraphs for line in case["body"]), "body": len(case["body"]),
            "meta_right": sum(getattr(article, f) == case[f] for f in fields), "meta": len(fields)}
    return cases


def _cases_table(results: list[dict], labels: list[str]) -> list[str]:
    """Per run: cases passing whole, language right, chrome lines kept, body lines lost, metadata right."""
    out = [f"language cases ({len(results[0]['cases'])}, tests/cases/languages): "
           "passing / lang right / chrome kept in body / body lines lost / title+byline+date right"]
    for label, r in zip(labels, results):
        c = r["cases"].values()
        passing = sum(x["detected"] == x["lang"] and not x["chrome_kept"] and not x["body_lost"]
                      and x["meta_right"] == x["meta"] for x in c)
        out.append(f"  {label:8} {passing:3d} / {sum(x['detected'] == x['lang'] for x in c)} / "
                   f"{sum(x['chrome_kept'] for x in c)} of {sum(x['chrome'] for x in c)} / "
                   f"{sum(x['body_lost'] for x in c)} of {sum(x['body'] for x in c)} / "
                   f"{sum(x['meta_right'] for x in c)} of {sum(x['meta'] for x in c)}")
    return out


def _table(results: list[dict], labels: list[str]) -> list[str]:
    pages = results[0]["pages"]
    out = [f"{'lang':5} {'pages':>5} " + " ".join(f"{label + ' ' + mode:>14}" for mode in ("text", "html")
                                                    for label in labels)]
    by_lang = collections.defaultdict(list)
    for name, row in pages.items():
        by_lang[row["lang"]].append(name)
    for lang in sorted(by_lang, key=lambda k: (-len(by_lang[k]), k)) + ["all"]:
        names = sorted(pages) if lang == "all" else by_lang[lang]
        cells = [statistics.mean(r["pages"][n][mode]["f1"] for n in names) for mode in ("text", "html")
                 for r in results]
        out.append(f"{lang:5} {len(names):5d} " + " ".join(f"{c:14.3f}" for c in cells))
    every = [r["every_page"][mode] for mode in ("text", "html") for r in results]
    out.append(f"{'every':5} {every[0]['pages']:5d} " + " ".join(f"{e['f1']:14.3f}" for e in every)
               + "  (all pages, English and placeholder ones included)")
    out.append("")
    out.append(f"{'page':28} {'lang':4} {'declared':8} " + " ".join(
        f"{label + ' ' + mode:>14}" for mode in ("text", "html") for label in labels) + "  detected (text/html)")
    for name in sorted(pages, key=lambda n: (pages[n]["lang"], n)):
        row = pages[name]
        cells = [r["pages"][name][mode]["f1"] for mode in ("text", "html") for r in results]
        detected = " | ".join("/".join(str(r["pages"][name][m]["detected"]) for m in ("text", "html"))
                              for r in results)
        out.append(f"{name:28} {row['lang']:4} {str(row['declared']):8} " + " ".join(f"{c:14.3f}" for c in cells)
                   + f"  {detected}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=pathlib.Path, default=SHARED_READABILITY,
                        help="readability-style folder (default: ../shared/corpus/readability)")
    parser.add_argument("--json", type=pathlib.Path, help="also write the per-page results here")
    parser.add_argument("--compare", nargs=2, type=pathlib.Path, metavar=("BEFORE", "AFTER"),
                        help="print two saved runs side by side instead of measuring")
    args = parser.parse_args(argv)
    if args.compare:
        results = [json.loads(p.read_text(encoding="utf-8")) for p in args.compare]
        if set(results[0]["pages"]) != set(results[1]["pages"]):
            parser.error("the two runs measured different pages")
        for label, r in zip(("before", "after"), results):
            print(f"{label}: cleanarticle from {r['cleanarticle']}")
        print("\n".join(_table(results, ["before", "after"])))
        print("\n" + "\n".join(_cases_table(results, ["before", "after"])))
        return 0
    if not args.corpus.is_dir():
        parser.error(f"no corpus at {args.corpus}")
    result = measure(args.corpus)
    print(f"cleanarticle from {result['cleanarticle']}")
    print("\n".join(_table([result], ["F1"])))
    print("\n" + "\n".join(_cases_table([result], ["this"])))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
