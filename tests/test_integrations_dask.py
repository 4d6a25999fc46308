"""The Dask helpers: bag and dataframe, failures, pickling, and a real 2-process LocalCluster."""
from __future__ import annotations

import importlib.util
import json
import pathlib
import pickle
import subprocess
import sys
import time

import pytest

from cleanarticle import clean

pytestmark = pytest.mark.dask
needs_dask = pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None for m in ("dask", "distributed", "pandas")),
    reason='needs the dask extra: pip install ".[dask]" (CI installs it with the test extra)')

SEEDS = pathlib.Path(__file__).resolve().parents[1] / "seeds"
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
ARTICLE_KEYS = {"article_body", "article_title", "article_date", "article_time", "article_byline",
                "article_authors", "article_date_source", "article_lang", "article_confidence", "article_kind",
                "article_kind_reason", "article_comments", "article_error"}


def _run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_missing_dask_names_the_extra():
    done = _run_python("import sys; sys.modules['dask'] = None\nimport cleanarticle.integrations.dask")
    assert done.returncode != 0
    assert 'ImportError: cleanarticle.integrations.dask needs dask: pip install "cleanarticle[dask]"' in done.stderr


def _expected(text: str) -> dict:
    a = clean(text)
    return {"article_body": a.body, "article_title": a.title, "article_date": a.date, "article_time": a.time,
            "article_byline": a.byline, "article_authors": list(a.authors), "article_date_source": a.date_source,
            "article_lang": a.lang, "article_confidence": a.confidence, "article_kind": a.kind, "article_kind_reason": a.kind_reason,
            "article_comments": list(a.comments), "article_error": None}


@needs_dask
def test_clean_bag_turns_pages_and_records_into_records():
    import dask.bag as db

    from cleanarticle.integrations.dask import clean_bag

    records = [{"id": i, "text": t, "title": "the crawler's own title"} for i, t in enumerate(SEED_TEXTS)]
    out = clean_bag(db.from_sequence(SEED_TEXTS + records, npartitions=3)).compute(scheduler="sync")
    assert out[:5] == [_expected(t) for t in SEED_TEXTS]
    for rec, got in zip(records, out[5:]):
        assert got == {**rec, **_expected(rec["text"])}  # the record's own fields, untouched


@needs_dask
def test_clean_bag_keeps_or_drops_failures_without_failing_the_partition():
    import dask.bag as db

    from cleanarticle.integrations.dask import clean_bag

    items = [None, SEED_TEXTS[0], {"id": "no text"}, 3.5]
    bag = db.from_sequence(items, npartitions=1)  # every failure in the same partition as the good page
    kept = clean_bag(bag).compute(scheduler="sync")
    assert [r["article_error"] is None for r in kept] == [False, True, False, False]
    assert kept[0]["article_error"].startswith("TypeError: ") and kept[0]["article_body"] is None
    assert kept[2] == {"id": "no text", **{k: None for k in ARTICLE_KEYS},
                       "article_error": "KeyError: the record has no 'text'"}
    assert clean_bag(bag, on_error="drop").compute(scheduler="sync") == [_expected(SEED_TEXTS[0])]


@needs_dask
def test_clean_bag_passes_clean_options_and_a_custom_key():
    import dask.bag as db

    from cleanarticle.integrations.dask import clean_bag

    bag = db.from_sequence([{"page": SEED_TEXTS[1]}], npartitions=1)
    out = clean_bag(bag, key="page", lang="en", format="text").compute(scheduler="sync")
    assert out[0]["article_lang"] == "en"
    assert out[0]["article_body"] == clean(SEED_TEXTS[1], lang="en", format="text").body
    with pytest.raises(TypeError, match=r"clean_bag\(\) got unknown clean option\(s\) langauge"):
        clean_bag(bag, langauge="vi")
    with pytest.raises(ValueError, match="on_error"):
        clean_bag(bag, on_error="ignore")
    with pytest.raises(ValueError, match="format"):
        clean_bag(bag, format="pdf")


def _frame(npartitions: int = 2):
    import dask.dataframe as dd
    import pandas as pd

    texts = SEED_TEXTS + [None]
    return dd.from_pandas(pd.DataFrame({"page_id": range(len(texts)), "text": texts}), npartitions=npartitions)


@needs_dask
def test_clean_dataframe_adds_the_columns_and_keeps_partitions():
    import pandas as pd

    from cleanarticle.integrations.dask import COLUMN_DTYPES, clean_dataframe

    df = _frame(npartitions=3)
    cleaned = clean_dataframe(df)
    assert cleaned.npartitions == df.npartitions
    assert list(cleaned.columns) == ["page_id", "text", *COLUMN_DTYPES]
    result = cleaned.compute(scheduler="sync")
    assert result.dtypes.to_dict() == cleaned.dtypes.to_dict()  # the declared meta is what comes out
    assert list(result["page_id"]) == list(range(6))
    for i, text in enumerate(SEED_TEXTS):
        row = result.iloc[i]
        got = {k: (list(row[k]) if k == "article_authors" else None if row[k] is pd.NA else row[k])
               for k in ARTICLE_KEYS if k != "article_error"}
        want = _expected(text)
        assert got == {k: want[k] for k in got}
    assert result["article_error"].isna().tolist() == [True] * 5 + [False]
    assert result["article_error"].iloc[5].startswith("TypeError: ")


@needs_dask
def test_clean_dataframe_drop_and_bad_calls():
    from cleanarticle.integrations.dask import clean_dataframe

    df = _frame()
    dropped = clean_dataframe(df, on_error="drop")
    assert dropped.npartitions == df.npartitions
    assert list(dropped.compute(scheduler="sync")["page_id"]) == list(range(5))
    with pytest.raises(KeyError, match="no column 'html'"):
        clean_dataframe(df, column="html")
    with pytest.raises(ValueError, match="already has article_body"):
        clean_dataframe(df.assign(article_body="x"))
    with pytest.raises(TypeError, match="unknown clean option"):
        clean_dataframe(df, url="https://example.vn")


@needs_dask
def test_everything_sent_to_workers_pickles():
    cloudpickle = pytest.importorskip("cloudpickle")
    import dask.bag as db

    from cleanarticle.integrations import dask as cd
    from cleanarticle import CleanOptions
    from cleanarticle.integrations.documents import EngineOptions

    options = EngineOptions(CleanOptions(format="text", lang="vi"), on_error="drop")
    for dumps in (pickle.dumps, cloudpickle.dumps):
        assert pickle.loads(dumps(options)) == options
        for fn in (cd.clean_items, cd.clean_partition):
            assert pickle.loads(dumps(fn)) is fn  # module functions: sent by reference
    part = _frame().partitions[0].compute(scheduler="sync")
    copy = pickle.loads(pickle.dumps(cd.clean_partition(part, "text", options)))  # results come back pickled
    assert copy["article_body"].tolist() == [clean(t, format="text", lang="vi").body for t in part["text"]]
    bag = cd.clean_bag(db.from_sequence(SEED_TEXTS[:2], npartitions=1), lang="vi")
    assert cloudpickle.loads(cloudpickle.dumps(bag)).compute(scheduler="sync") == bag.compute(scheduler="sync")


def _children() -> set[int]:
    """Our child processes, less multiprocessing's resource tracker: one per interpreter,
    started on first use and ending with it, so it is not the cluster's to stop."""
    import psutil

    out = set()
    for child in psutil.Process().children(recursive=True):
        try:
            if not any("resource_tracker" in part for part in child.cmdline()):
                out.add(child.pid)
        except psutil.NoSuchProcess:
            pass
    return out


@needs_dask
def test_local_cluster_with_two_worker_processes_matches_clean(tmp_path):
    import dask.bag as db
    import psutil
    from distributed import Client, LocalCluster

    from cleanarticle.integrations.dask import clean_bag, clean_dataframe

    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                             for i, t in enumerate(SEED_TEXTS * 4)), encoding="utf-8")
    before = _children()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        worker_pids = set(client.run(lambda: __import__("os").getpid()).values())
        assert len(worker_pids) == 2 and not worker_pids & {psutil.Process().pid}
        bag = db.read_text(str(jsonl), blocksize=4096).map(json.loads)  # several partitions
        records = client.compute(clean_bag(bag)).result(timeout=60)
        frame = client.compute(clean_dataframe(_frame())).result(timeout=60)
    assert [r["id"] for r in records] == list(range(20))
    assert [r["article_body"] for r in records] == [clean(t).body for t in SEED_TEXTS * 4]
    assert frame["article_body"].tolist()[:5] == [clean(t).body for t in SEED_TEXTS]
    deadline = time.monotonic() + 10  # the workers exit asynchronously after close
    while _children() - before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not (_children() - before), "LocalCluster left processes behind"


@needs_dask
def test_the_example_script_runs_on_a_folder_and_on_jsonl(tmp_path):
    """examples/dask_local_cluster.py (a LocalCluster of worker processes), as the README runs it."""
    script = SEEDS.parent / "examples" / "dask_local_cluster.py"
    pages = tmp_path / "pages.jsonl"
    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(SEED_TEXTS)]
    pages.write_text("\n".join(lines) + '\n{"id": 5, "text": null}\n', encoding="utf-8")
    for source, extra in ((SEEDS, []), (pages, ["--on-error", "drop"])):
        out = tmp_path / ("out-" + source.name)
        done = subprocess.run([sys.executable, str(script), str(source), str(out), "--workers", "1", *extra],
                              capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr[-2000:]
        rows = [json.loads(line) for f in sorted(out.glob("part-*.jsonl"))
                for line in f.read_text(encoding="utf-8").splitlines()]
        assert [r["article_body"] for r in rows] == [clean(t).body for t in SEED_TEXTS]
        assert all("text" not in r for r in rows)
    assert "6 pages, 1 failed (not written)" in done.stderr


@needs_dask
def test_min_confidence_and_kinds_drop_cleaned_pages_but_not_failures():
    import dask.bag as db

    import kind_pages
    from cleanarticle.integrations.dask import clean_bag, clean_dataframe

    # As HTML: from its lines alone the shop reads as a shop category (a known gap, tests/test_kind.py).
    article, shop = kind_pages.as_html("article"), kind_pages.as_html("product")
    bag = db.from_sequence([shop, None, article], npartitions=1)
    kept = clean_bag(bag, min_confidence=0.8, format="html").compute(scheduler="sync")
    assert [r["article_kind"] for r in kept] == [None, "article"]  # the failure stays (on_error="keep")
    assert [r["article_kind"] for r in clean_bag(bag, kinds=["product"], on_error="drop", format="html")
            .compute(scheduler="sync")] == ["product"]
    import dask.dataframe as dd
    import pandas as pd
    df = dd.from_pandas(pd.DataFrame({"page_id": [0, 1, 2], "text": [shop, None, article]}), npartitions=2)
    result = clean_dataframe(df, min_confidence=0.8, format="html").compute(scheduler="sync")
    assert list(result["page_id"]) == [1, 2] and result["article_kind"].iloc[1] == "article"
    with pytest.raises(ValueError, match=r"clean_bag\(\): min_confidence"):
        clean_bag(bag, min_confidence=2)
    with pytest.raises(ValueError, match=r"clean_dataframe\(\): unknown kind"):
        clean_dataframe(df, kinds={"blog"})


# An invented page with a heading, a list and a table, and an image (for `images=True`).
MARKDOWN_PAGE = (
    "<html><body><article><h1>Standings after round 3</h1><p>The committee met on Tuesday and agreed that the "
    "results of the season should be published in full, with every team and its points.</p>"
    "<h2>How it stands</h2><ul><li>Alpha won twice</li><li>Beta lost</li></ul><img src='/chart.png' alt='Chart'>"
    "<table><tr><th>Team</th><th>Pts</th></tr><tr><td>Alpha</td><td>12</td></tr></table>"
    "<p>The next round is played on Saturday, when the two teams at the top of the table meet again at home.</p>"
    "</article></body></html>")


@needs_dask
def test_clean_bag_and_dataframe_write_markdown_when_asked_for():
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from cleanarticle.integrations.dask import COLUMN_DTYPES, clean_bag, clean_dataframe
    from cleanarticle.markdown import to_markdown

    pages = [MARKDOWN_PAGE, SEED_TEXTS[0], None]
    out = clean_bag(db.from_sequence(pages, npartitions=2), markdown=True).compute(scheduler="sync")
    assert out[0]["article_markdown"] == clean(MARKDOWN_PAGE).markdown
    assert "## How it stands\n\n- Alpha won twice\n- Beta lost" in out[0]["article_markdown"]
    assert "| Team | Pts |" in out[0]["article_markdown"]
    assert out[1]["article_markdown"] == clean(SEED_TEXTS[0]).markdown
    assert out[2]["article_markdown"] is None and out[2]["article_error"]
    assert "article_markdown" not in clean_bag(db.from_sequence(pages[:1])).compute(scheduler="sync")[0]
    with_images = clean_bag(db.from_sequence(pages[:1]), markdown=True, images=True).compute(scheduler="sync")
    assert with_images[0]["article_markdown"] == to_markdown(clean(MARKDOWN_PAGE, images=True), images=True)
    assert "![Chart](/chart.png)" in with_images[0]["article_markdown"]

    df = dd.from_pandas(pd.DataFrame({"text": pages}), npartitions=2)
    assert "article_markdown" not in clean_dataframe(df).columns
    cleaned = clean_dataframe(df, markdown=True)
    assert list(cleaned.columns) == ["text", *COLUMN_DTYPES, "article_markdown"]
    result = cleaned.compute(scheduler="sync")
    assert result.dtypes.to_dict() == cleaned.dtypes.to_dict()
    assert result["article_markdown"].iloc[0] == clean(MARKDOWN_PAGE).markdown
    assert result["article_markdown"].iloc[2] is pd.NA
    with pytest.raises(ValueError, match="article_markdown"):
        clean_dataframe(df.assign(article_markdown="x"), markdown=True)
