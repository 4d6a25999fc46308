"""Data-driven chrome cases (tests/cases/chrome/*.json): every kind of site chrome is left
out of the body, in Vietnamese and English, while the article's own paragraphs stay.

Each JSON file is one invented page; see tests/cases/chrome/README.md for the fields.
"""
import pathlib

import pytest

from cleanarticle import clean
from casekit import article_problems, form_problems, load_cases, param, report

CASES = load_cases(pathlib.Path(__file__).parent / "cases" / "chrome")


def test_cases_exist_and_are_well_formed():
    assert len(CASES) >= 20
    ids = [c.get("id") for c in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    for case in CASES:
        assert case["lang"] in ("vi", "en"), case["_path"]
        problems = form_problems(case)
        assert not problems, f"{case['_path']}: {problems}"


@pytest.mark.parametrize("case", [param(c) for c in CASES])
def test_chrome_case(case):
    article = clean(case["text"], format="text", lang=case["lang"])
    problems = article_problems(article, case)
    assert not problems, report(case, problems)
