"""The five seed pages against their hand labels (seeds/gold/*.json)."""
import os
import pathlib
import subprocess
import sys

import pytest

import json

from benchmarks.scoring import SEEDS, f1, seed_pages
from cleanarticle import clean
from cleanarticle.model import CHROME

PAGES = list(seed_pages())
MIN_F1 = 0.97  # the acceptance floor of the seed scorer
# Chrome kinds are interchangeable for the body; a chrome line must stay chrome.
EQUIVALENT = CHROME | {"source"}


@pytest.mark.parametrize("page", PAGES, ids=[p.name[:3] for p in PAGES])
def test_body_and_metadata(page):
    article = clean(page.text, format="text")
    assert f1(article.body, page.body)[2] >= MIN_F1
    assert (article.title, article.byline, article.date) == (page.title, page.byline, page.date)


@pytest.mark.parametrize("page", PAGES, ids=[p.name[:3] for p in PAGES])
def test_line_labels(page):
    gold = json.loads((SEEDS / "gold" / (page.name[:-4] + ".json")).read_text(encoding="utf-8"))
    article = clean(page.text, format="text")
    assert len(article.blocks) == len(gold["labels"])
    wrong = [(b.index + 1, want, b.label, b.reason) for b, want in zip(article.blocks, gold["labels"])
             if b.label != want and not {b.label, want} <= EQUIVALENT]
    assert not wrong


SCORER = pathlib.Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_seeds.py"


@pytest.mark.skipif(not SCORER.exists(), reason="the shared seed scorer is not beside this checkout")
def test_shared_seed_scorer_passes():
    env = dict(os.environ, PYTHONPATH=str(pathlib.Path(__file__).resolve().parents[1]))
    run = subprocess.run([sys.executable, str(SCORER)], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
