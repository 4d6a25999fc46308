"""Shared harness for the data-driven page cases (tests/cases/chrome, tests/cases/languages).

One JSON file per invented page; the fields are described in each folder's README.
"""
import json
import pathlib

import pytest

REQUIRED = {"id", "lang", "description", "text", "chrome", "body"}
OPTIONAL = {"title", "byline", "date", "xfail"}


def load_cases(folder: pathlib.Path) -> list[dict]:
    cases = []
    for path in sorted(folder.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        case["_path"] = path.name
        cases.append(case)
    return cases


def param(case: dict):
    """A pytest parameter named by the case id; a case with `xfail` is a strict known failure."""
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
    return pytest.param(case, id=case["id"], marks=marks)


def form_problems(case: dict) -> list[str]:
    """What is wrong with a case file itself (fields, lines that are not lines of its text)."""
    keys = set(case) - {"_path"}
    problems = []
    if not REQUIRED <= keys:
        problems.append(f"missing {REQUIRED - keys}")
    if not keys <= REQUIRED | OPTIONAL:
        problems.append(f"unknown fields {keys - REQUIRED - OPTIONAL}")
    if not (case.get("body") and case.get("chrome")):
        return problems + ["needs body and chrome lines"]
    lines = case["text"].split("\n")
    problems += [f"{line!r} is not a line of the text" for line in case["body"] + case["chrome"] if line not in lines]
    overlap = set(case["body"]) & set(case["chrome"])
    if overlap:
        problems.append(f"lines both body and chrome: {overlap}")
    return problems


def _where(article, line: str) -> str:
    """Every block holding `line`, with its label and reason, for assertion messages."""
    hits = [b for b in article.blocks if b.text.strip() == line.strip()]
    if not hits:
        return "not found among the blocks"
    return "; ".join(f"line {b.index + 1}: {b.label} ({b.reason})" for b in hits)


def article_problems(article, case: dict) -> list[str]:
    """Chrome kept, body dropped, and metadata that differs from the case's."""
    paragraphs = article.body.split("\n")
    problems = [f"chrome kept in body: {line!r} -> {_where(article, line)}"
                for line in case["chrome"] if line in paragraphs]
    problems += [f"body line dropped: {line[:80]!r} -> {_where(article, line)}"
                 for line in case["body"] if line not in paragraphs]
    for field in ("title", "byline", "date"):
        if field in case and getattr(article, field) != case[field]:
            problems.append(f"{field}: expected {case[field]!r}, got {getattr(article, field)!r}")
    return problems


def report(case: dict, problems: list[str]) -> str:
    return f"{case['id']} ({case['description']}):\n  " + "\n  ".join(problems)
