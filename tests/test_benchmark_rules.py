"""The per-rule ablation (benchmarks/rules_ablation.py) on the tiny invented wcxb corpus of
tests/test_benchmark_wcxb.py: in HTML every page opens with its headline, which only the
title rule keeps out of the body, so turning that rule off must lower its row's F1. (In text
mode the main-block rule would drop the headline too: no one rule decides there.)"""

import pytest
from test_benchmark_wcxb import make_page

from benchmarks import rules_ablation
from benchmarks.run import main
from cleanarticle import rules

TITLE = "meta.title"
# Every 200th page: the first of each wcxb half (0002, a blog post, and 0001, an article) and
# the first readability page, so that every column is there and the test stays quick.
SAMPLE = "200"


@pytest.fixture
def corpus(tmp_path):
    for page_id, page_type in (("0001", "article"), ("0002", "blog"), ("0003", "forum"), ("0004", "product")):
        make_page(tmp_path, page_id, page_type)
    return tmp_path


def _rows(out: str) -> dict[str, list[str]]:
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in out.splitlines() if line.startswith("| ")]
    return {row[0]: row[1:] for row in cells}


def test_every_rule_but_the_fallbacks_gets_a_row(corpus, capsys):
    assert main(["--rules", "--mode", "text", "--wcxb-dir", str(corpus), "--sample", SAMPLE, "--workers", "1"]) == 0
    rows = _rows(capsys.readouterr().out)
    assert set(rows) - {"rule", "(baseline F1)"} == {r.id for r in rules.RULES} - rules.FALLBACKS
    assert "never fires" in rows["revise.teaser"]  # no teaser on these pages


def test_turning_off_a_rule_that_decides_lines_changes_its_row(corpus, capsys):
    argv = ["--mode", "html", "--wcxb-dir", str(corpus), "--sample", SAMPLE, "--only", f"{TITLE},revise.teaser"]
    assert rules_ablation.main(argv) == 0  # the process pool of the default run
    rows = _rows(capsys.readouterr().out)
    assert rows["(baseline F1)"][1:5] == ["1.000"] * 4  # even/odd articles and all pages
    title, teaser = rows[TITLE], rows["revise.teaser"]
    assert int(title[0]) >= 2  # the headline of both wcxb pages (and of the readability page)
    assert all(float(d) < 0 for d in title[1:5]) and float(title[-1]) < 0
    assert all(float(d) == 0 for d in teaser[1:-1])
    assert list(rows).index(TITLE) < list(rows).index("revise.teaser")  # most useful first


def test_an_absent_corpus_is_skipped_and_a_bad_rule_refused(tmp_path, capsys):
    argv = ["--wcxb-dir", str(tmp_path / "nowhere"), "--sample", SAMPLE, "--only", TITLE, "--workers", "1"]
    assert rules_ablation.main(argv) == 0
    captured = capsys.readouterr()
    assert "wcxb: skipped, the wcxb corpus is not at" in captured.err
    assert "| readability |" in captured.out and "even all" not in captured.out
    assert rules_ablation.main(["--only", "classify.paragraph"]) == 2  # a fallback cannot be turned off
    assert rules_ablation.main(["--only", "no.such.rule"]) == 2
