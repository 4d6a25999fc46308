"""Data-driven chrome cases (tests/cases/chrome/*.json): every kind of site chrome is left
out of the body, in Vietnamese and English, while the article's own paragraphs stay.

Each JSON file is one invented page; see tests/cases/chrome/README.md for the fields.
"""
import json
import pathlib

import pytest

from cleanarticle import clean

CASES_DIR = pathlib.Path(__file__).parent / "cases" / "chrome"
REQUIRED = {"id", "lang", "description", "text", "chrome", "body"}
OPTIONAL = {"title", "byline", "date", "xfail"}


def load_cases():
    cases = []
    for path in sorted(CASES_DIR.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        case["_path"] = path.name
        cases.append(case)
    return cases


CASES = load_cases()


def _param(case):
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
    return pytest.param(case, id=case["id"], marks=marks)


def _where(article, line):
    """Every block holding `line`, with its label and reason, for assertion messages."""
    hits = [b for b in article.blocks if b.text.strip() == line.strip()]
    if not hits:
        return "not found among the blocks"
    return "; ".join(f"line {b.index + 1}: {b.label} ({b.reason})" for b in hits)


def test_cases_exist_and_are_well_formed():
    assert len(CASES) >= 20
    ids = [c.get("id") for c in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    for case in CASES:
        keys = set(case) - {"_path"}
        assert REQUIRED <= keys, f"{case['_path']}: missing {REQUIRED - keys}"
        assert keys <= REQUIRED | OPTIONAL, f"{case['_path']}: unknown fields {keys - REQUIRED - OPTIONAL}"
        assert case["lang"] in ("vi", "en"), case["_path"]
        assert case["body"] and case["chrome"], f"{case['_path']}: needs body and chrome lines"
        lines = case["text"].split("\n")
        for line in case["body"] + case["chrome"]:
            assert line in lines, f"{case['_path']}: {line!r} is not a line of the text"
        overlap = set(case["body"]) & set(case["chrome"])
        assert not overlap, f"{case['_path']}: lines both body and chrome: {overlap}"


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_chrome_case(case):
    article = clean(case["text"], format="text", lang=case["lang"])
    paragraphs = article.body.split("\n")
    problems = []
    for line in case["chrome"]:
        if line in paragraphs:
            problems.append(f"chrome kept in body: {line!r} -> {_where(article, line)}")
    for line in case["body"]:
        if line not in paragraphs:
            problems.append(f"body line dropped: {line[:80]!r} -> {_where(article, line)}")
    for field in ("title", "byline", "date"):
        if field in case and getattr(article, field) != case[field]:
            problems.append(f"{field}: expected {case[field]!r}, got {getattr(article, field)!r}")
    assert not problems, f"{case['id']} ({case['description']}):\n  " + "\n  ".join(problems)
