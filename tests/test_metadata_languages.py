"""Title, date and authors on invented pages in many languages (cases as data: cases/metadata/).

Each case builds one small article page from a language's headline and paragraphs
(`pages.json`) and the markup the case adds (head, JSON-LD, byline and date lines), and
checks the fields it expects. See cases/metadata/README.md.
"""

import json
import pathlib

import pytest

from cleanarticle import clean

HERE = pathlib.Path(__file__).parent / "cases" / "metadata"
PAGES = json.loads((HERE / "pages.json").read_text(encoding="utf-8"))
CASES = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))


def build(case: dict) -> str:
    lang = case["lang"]
    headline, (p1, p2) = PAGES[lang]["headline"], PAGES[lang]["paragraphs"]
    head = case.get("head", "").replace("{h}", headline)
    if "title_tag" in case:
        head += f"<title>{case['title_tag'].replace('{h}', headline)}</title>"
    if "ld" in case:
        head += (
            "<script type='application/ld+json'>"
            + json.dumps(case["ld"], ensure_ascii=False).replace("{h}", headline)
            + "</script>"
        )
    if "ld_raw" in case:
        head += f"<script type='application/ld+json'>{case['ld_raw']}</script>"
    h1 = case.get("h1", "{h}").replace("{h}", headline)
    return (
        f"<html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{h1}</h1>{case.get('header', '')}<p>{p1}</p><p>{p2}</p><p>{p1}</p>"
        f"{case.get('after', '')}</article><footer>© 2025</footer></body></html>"
    )


def _param(case: dict):
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
    return pytest.param(case, id=case["id"], marks=marks)


def test_case_ids_are_unique():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_metadata_case(case):
    article = clean(build(case), format="html", url=case.get("url"))
    headline = PAGES[case["lang"]]["headline"]
    got = {"title": article.title, "date": article.date, "authors": list(article.authors)}
    want = {k: (v.replace("{h}", headline) if k == "title" and v else v) for k, v in case["expect"].items()}
    assert {k: got[k] for k in want} == want
