"""The wcxb part of the benchmark (benchmarks/wcxb.py) on a tiny invented corpus in its layout.

The real corpus lives beside the checkout and is never copied here; these pages are made up.
"""
import gzip
import json

import pytest

from benchmarks import wcxb
from benchmarks.run import main

BODY = ("The harbour board met on Tuesday evening to discuss the new ferry timetable for the winter months, "
        "which will add two early crossings on weekdays.")
CHROME = "Sign up for our newsletter"
TITLE = "Harbour board adds two early ferry crossings for the winter"


def make_page(root, page_id: str, page_type: str, body: str = BODY) -> None:
    folder = root / page_id
    folder.mkdir(parents=True)
    html = (f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1><p>{body}</p></article>"
            f"<p>{CHROME}</p></body></html>")
    (folder / "source.html.gz").write_bytes(gzip.compress(html.encode()))
    (folder / "source.txt").write_text(f"{TITLE}\n{body}\n{CHROME}\n", encoding="utf-8")
    (folder / "expected.txt").write_text(body + "\n", encoding="utf-8")
    (folder / "expected-metadata.json").write_text(json.dumps({"url": "https://example.org/a", "page_type": page_type}),
                                                   encoding="utf-8")


@pytest.fixture
def corpus(tmp_path):
    for page_id, page_type in (("0001", "article"), ("0002", "blog"), ("0003", "forum"), ("0004", "product")):
        make_page(tmp_path, page_id, page_type)
    return tmp_path


def test_the_corpus_metric_is_shingle_f1_of_mean_precision_and_recall():
    gold = "one two three four five"
    assert wcxb.triple(gold, gold) == (2, 0, 0)
    assert wcxb.triple("one two three four six", gold) == (1, 1, 1)
    assert wcxb.triple("", gold) == (0, 0, 2)
    assert wcxb.triple("Short", "short") == (0, 1, 1)  # case kept, as the corpus's scorer does
    p, r, f = wcxb.prf([(2, 0, 0), (0, 0, 2)])  # an empty output: no precision, recall 0
    assert (p, r) == (1.0, 0.5) and f == pytest.approx(2 / 3)


def test_halves_split_by_id_parity(corpus):
    assert [p.id for p in wcxb.load(corpus, ("even",))] == ["0002", "0004"]
    assert [p.id for p in wcxb.load(corpus, ("odd",))] == ["0001", "0003"]
    assert [p.is_article for p in wcxb.load(corpus)] == [True, True, False, False]


def test_an_absent_corpus_is_skipped_with_its_reason(tmp_path):
    results = wcxb.run(tmp_path / "nowhere")
    assert "not at" in results.skipped and not results.runs
    assert "Skipped: the wcxb corpus is not at" in "\n".join(wcxb.render(results))


def test_the_report_keeps_page_types_and_halves_apart(corpus):
    results = wcxb.run(corpus, systems=("cleanarticle", "cleanarticle-html"))
    text = "\n".join(wcxb.render(results))
    assert "even and odd halves" in text and "each cell even / odd / all" in text
    for row in ("| article | 1 |", "| blog | 1 |", "| forum | 1 |", "| **articles** | 2 |", "| **all** | 4 |"):
        assert row in text
    html = next(r for r in results.runs if r.system == "cleanarticle-html")
    assert wcxb.corpus_f1(html.triples) == 1.0  # the newsletter line is dropped, the paragraph kept


def test_only_wcxb_from_the_command_line(corpus, capsys):
    assert main(["--only", "wcxb", "--wcxb-dir", str(corpus), "--half", "odd", "--systems", "cleanarticle"]) == 0
    out = capsys.readouterr().out
    assert "(odd half)" in out and "| **all** | 2 |" in out
    assert main(["--only", "wcxb", "--systems", "justext"]) == 2
