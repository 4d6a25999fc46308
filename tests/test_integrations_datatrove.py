"""The datatrove step: a real LocalPipelineExecutor run over the seeds, failures, pickling."""
from __future__ import annotations

import collections
import importlib.util
import json
import pathlib
import pickle
import subprocess
import sys

import pytest

from cleanarticle import clean

pytestmark = pytest.mark.datatrove
needs_datatrove = pytest.mark.skipif(
    importlib.util.find_spec("datatrove") is None or importlib.util.find_spec("orjson") is None,
    reason='needs the datatrove extra: pip install ".[datatrove]" (CI installs it with the test extra)')

SEEDS = pathlib.Path(__file__).resolve().parents[1] / "seeds"
SEED_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def _run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_missing_datatrove_names_the_extra():
    done = _run_python("import sys; sys.modules['datatrove'] = None\n"
                       "import cleanarticle.integrations.datatrove")
    assert done.returncode != 0
    assert 'ImportError: cleanarticle.integrations.datatrove needs datatrove: pip install "cleanarticle[datatrove]"' \
        in done.stderr


def _write_jsonl(path: pathlib.Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _read_jsonl(folder: pathlib.Path) -> list[dict]:
    return [json.loads(line) for f in sorted(folder.glob("*.jsonl")) for line in f.read_text(encoding="utf-8").splitlines()]


def _expected_metadata(text: str) -> dict:
    a = clean(text)
    return {"article_title": a.title, "article_date": a.date, "article_time": a.time, "article_byline": a.byline,
            "article_authors": list(a.authors), "article_date_source": a.date_source, "article_lang": a.lang,
            "article_confidence": a.confidence, "article_kind": a.kind, "article_kind_reason": a.kind_reason,
            "article_comments": list(a.comments), "article_error": None}


@needs_datatrove
def test_local_pipeline_cleans_the_seeds_jsonl(tmp_path):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleanarticle.integrations.datatrove import CleanArticleExtractor

    rows = [{"id": name, "text": text, "url": f"https://example.vn/{name}", "date": "2025-12-08"}
            for name, text in SEED_TEXTS.items()]
    rows.append({"id": "blank", "text": "\n \n\t\n"})  # no body: dropped, and counted so
    _write_jsonl(tmp_path / "in" / "a.jsonl", rows[:3])  # two files, so that both tasks work
    _write_jsonl(tmp_path / "in" / "b.jsonl", rows[3:])
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")), CleanArticleExtractor(),
                  JsonlWriter(str(tmp_path / "out"), compression=None)],
        tasks=2, workers=2, logging_dir=str(tmp_path / "logs"),  # 2 worker processes: the step is pickled
    ).run()

    out = {row["id"]: row for row in _read_jsonl(tmp_path / "out")}
    assert sorted(out) == sorted(SEED_TEXTS)
    for name, text in SEED_TEXTS.items():
        row = out[name]
        assert row["text"] == clean(text).body
        meta = row["metadata"]
        assert {k: meta[k] for k in _expected_metadata(text)} == _expected_metadata(text)
        assert meta["date"] == "2025-12-08" and meta["url"] == f"https://example.vn/{name}"  # the reader's, kept
    assert out["004_28ba1ad4bae64c1e.txt"]["metadata"]["article_date"] == "2025-07-17"

    step_stats = json.loads((tmp_path / "logs" / "stats.json").read_text())[1]["stats"]
    assert step_stats["total"] == 6
    assert step_stats["forwarded"] == 5
    assert step_stats["dropped"] == step_stats["empty_body"] == 1
    assert "failed" not in step_stats


@needs_datatrove
def test_lines_are_counted_by_label_and_rule_and_options_pass_whole():
    """The stats count every cleaned page's lines by final label and by deciding rule;
    a whole CleanOptions (here with a rule turned off and a size limit) reaches the sandbox."""
    from cleanarticle import CleanOptions
    from cleanarticle.integrations.datatrove import CleanArticleExtractor

    texts = [SEED_TEXTS["004_28ba1ad4bae64c1e.txt"], SEED_TEXTS["000_f92f5725a50e2e06.txt"]]
    _, stats = _run_step(CleanArticleExtractor(lang="vi"), texts)
    articles = [clean(t, lang="vi", url="https://example.vn/a") for t in texts]
    labels = collections.Counter(b.label for a in articles for b in a.blocks)
    rules = collections.Counter(b.rule for a in articles for b in a.blocks)
    counted = {k: v.total for k, v in stats.stats.items()}
    assert {k: n for k, n in counted.items() if k.startswith("label:")} == {f"label:{k}": n for k, n in labels.items()}
    assert {k: n for k, n in counted.items() if k.startswith("rule:")} == {f"rule:{k}": n for k, n in rules.items()}
    assert stats["label:body"].n == 2 and counted["rule:meta.header_date"] == 1  # one update per page
    off = CleanOptions(disabled_rules=frozenset({"meta.header_date"}), max_bytes=10**6)
    _, stats = _run_step(CleanArticleExtractor(options=off, lang="vi"), texts)
    assert "rule:meta.header_date" not in stats.stats and stats["rule:meta.title"].total == 2
    out, stats = _run_step(CleanArticleExtractor(options=CleanOptions(max_bytes=100)), texts)
    assert out == [] and stats["clean_error"].total == 2  # engines can set max_bytes now
    with pytest.raises(ValueError, match="unknown rule id"):
        CleanArticleExtractor(disabled_rules={"revise.nope"})


def _run_step(step, texts):
    from datatrove.data import Document

    docs = [Document(text=t, id=str(i), metadata={"url": "https://example.vn/a"}) for i, t in enumerate(texts)]
    return list(step.run(iter(docs))), step.stats


@needs_datatrove
@pytest.mark.parametrize("on_error", ["drop", "keep"])
def test_a_failing_document_is_counted_and_dropped_or_passed_through(on_error):
    from cleanarticle.integrations.datatrove import CleanArticleExtractor

    good = SEED_TEXTS["004_28ba1ad4bae64c1e.txt"]
    out, stats = _run_step(CleanArticleExtractor(on_error=on_error), [None, good, 42])  # clean() raises TypeError
    assert stats["total"].total == 3
    assert stats["failed"].total == stats["clean_error"].total == 2
    assert out[-1 if on_error == "drop" else 1].text == clean(good).body  # the good one still comes through
    if on_error == "drop":
        assert [d.id for d in out] == ["1"]
        assert stats["dropped"].total == 2 and stats["forwarded"].total == 1
    else:
        assert [d.id for d in out] == ["0", "1", "2"]
        assert stats["forwarded"].total == 3
        assert out[0].text is None and out[2].text == 42  # passed through unchanged
        assert out[0].metadata["article_error"].startswith("TypeError: ")
        assert out[0].metadata["article_title"] is None
        assert out[1].metadata["article_error"] is None


@needs_datatrove
def test_a_document_over_the_timeout_fails_and_the_next_one_is_cleaned():
    from cleanarticle.integrations.datatrove import CleanArticleTextExtractor

    # 2,000 pages in one document, every line numbered by its copy: clean() computes the
    # features of a line printed twice only once per document, so plain copies would be cheap.
    # 1,000 such pages take 3 s here; the step waits 1 s (+ the sandbox's 0.1 s grace), so the
    # page still times out after a 5x speed-up. The timeout also bounds the sandbox's start
    # (fork + warm-up), so it is not made tiny.
    lines = "\n".join(SEED_TEXTS.values()).splitlines()
    huge = "\n".join(f"{line} {copy}" for copy in range(400) for line in lines)
    small = SEED_TEXTS["000_f92f5725a50e2e06.txt"]
    out, stats = _run_step(CleanArticleTextExtractor(timeout=1.0, on_error="keep"), [huge, small])
    assert stats["failed"].total == stats["timeout"].total == 1
    assert out[0].text == huge and out[0].metadata["article_error"].startswith("TimeoutError")
    assert out[1].text == clean(small).body


@needs_datatrove
def test_extract_is_the_body_as_datatrove_extractors_return_it():
    from cleanarticle.integrations.datatrove import CleanArticleExtractor

    text = SEED_TEXTS["002_9c1fd24842cc539d.txt"]
    assert CleanArticleExtractor(lang="vi").extract(text) == clean(text, lang="vi").body
    with pytest.raises(TypeError):
        CleanArticleExtractor().extract(None)


@needs_datatrove
def test_markdown_option_writes_the_article_as_markdown():
    from cleanarticle.integrations.datatrove import CleanArticleExtractor, CleanArticleTextExtractor

    text = SEED_TEXTS["002_9c1fd24842cc539d.txt"]
    out, _ = _run_step(CleanArticleExtractor(markdown=True), [text, "\n \n"])
    assert [d.text for d in out] == [clean(text).markdown]  # the page without body is still dropped
    assert out[0].text.startswith("# ")
    assert CleanArticleTextExtractor(markdown=True).extract(text) == clean(text, format="text").markdown


@needs_datatrove
def test_text_variant_never_parses_markup():
    from cleanarticle.integrations.datatrove import CleanArticleTextExtractor

    text = "<html><body><p>Hello</p></body></html>\n" + SEED_TEXTS["000_f92f5725a50e2e06.txt"]
    step = CleanArticleTextExtractor()
    assert step.options.clean.format == "text"
    out, _ = _run_step(step, [text])
    assert out[0].text == clean(text, format="text").body


@needs_datatrove
def test_bad_options_fail_when_the_step_is_built():
    from cleanarticle.integrations.datatrove import CleanArticleExtractor

    with pytest.raises(ValueError, match="on_error"):
        CleanArticleExtractor(on_error="skip")
    with pytest.raises(ValueError, match="format"):
        CleanArticleExtractor(format="pdf")


def _pickler(name: str):
    """(dumps, loads) of a pickler: datatrove's local pool and Slurm use dill, Ray cloudpickle."""
    if name == "pickle":
        return pickle.dumps, pickle.loads
    if name == "dill":
        import dill  # a datatrove dependency: present whenever datatrove is

        return dill.dumps, dill.loads
    cloudpickle = pytest.importorskip("cloudpickle", reason="cloudpickle comes with the dask extra")
    return cloudpickle.dumps, pickle.loads


@needs_datatrove
@pytest.mark.parametrize("pickler", ["pickle", "dill", "cloudpickle"])
def test_steps_survive_pickling(pickler):
    """datatrove's executors ship the pipeline to workers pickled."""
    from cleanarticle.integrations.datatrove import CleanArticleExtractor, CleanArticleTextExtractor

    dumps, loads = _pickler(pickler)
    text = SEED_TEXTS["003_b005bfda91c3ac5c.txt"]
    for step in (CleanArticleExtractor(lang="vi", on_error="keep", timeout=3), CleanArticleTextExtractor()):
        copy = loads(dumps(step))
        assert type(copy) is type(step) and copy.options == step.options and copy.timeout == step.timeout
        out, _ = _run_step(copy, [text])
        assert out[0].text == clean(text).body


@needs_datatrove
def test_what_goes_through_the_sandbox_pipe_pickles():
    """Each page goes to the sandbox process, and its result comes back, through a pipe
    (pickled), whatever the start method; so do a failed page's fields."""
    from cleanarticle.integrations.datatrove import CleanArticleExtractor, _Page

    step = CleanArticleExtractor(lang="vi")
    text = SEED_TEXTS["001_1fc868c1c9641b5a.txt"]
    page = _Page(text, "https://example.vn/a")
    assert pickle.loads(pickle.dumps(page)) == page
    for sent in (page, _Page(None)):
        result = step._clean_page(pickle.loads(pickle.dumps(sent)))
        assert pickle.loads(pickle.dumps(result)) == result
    body, fields, counts = step._clean_page(page)
    assert body == clean(text, lang="vi").body and fields["article_error"] is None
    assert step._clean_page(_Page(None))[1]["article_error"].startswith("TypeError: ")


@needs_datatrove
def test_the_example_pipeline_runs_on_the_seeds(tmp_path):
    """examples/pages_to_jsonl.py then examples/datatrove_pipeline.py, as the README runs them."""
    examples = SEEDS.parent / "examples"
    pack = subprocess.run([sys.executable, str(examples / "pages_to_jsonl.py"), str(SEEDS),
                           str(tmp_path / "pages" / "seeds.jsonl")], capture_output=True, text=True, timeout=120)
    assert pack.returncode == 0, pack.stderr
    run = subprocess.run([sys.executable, str(examples / "datatrove_pipeline.py"), str(tmp_path / "pages"),
                          str(tmp_path / "out"), "--tasks", "1", "--workers", "1"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    out = {row["id"]: row for row in _read_jsonl(tmp_path / "out")}
    assert {name: row["text"] for name, row in out.items()} == {name: clean(t).body for name, t in SEED_TEXTS.items()}
    assert (tmp_path / "out-logs" / "stats.json").is_file()


@needs_datatrove
def test_min_confidence_and_kinds_drop_pages_as_their_own_reason():
    import kind_pages

    from cleanarticle.integrations.datatrove import CleanArticleTextExtractor

    article, shop = kind_pages.as_text(kind_pages.ARTICLE), kind_pages.as_text(kind_pages.PRODUCT)
    out, stats = _run_step(CleanArticleTextExtractor(min_confidence=0.8), [shop, article])
    assert [d.id for d in out] == ["1"] and out[0].metadata["article_kind"] == "article"
    assert stats["dropped"].total == stats["low_confidence"].total == 1
    out, stats = _run_step(CleanArticleTextExtractor(kinds={"product"}), [shop, article])
    assert [d.id for d in out] == ["0"] and out[0].metadata["article_confidence"] < 0.8
    assert stats["dropped"].total == stats["excluded_kind"].total == 1
    out, stats = _run_step(CleanArticleTextExtractor(), [shop, article])
    assert len(out) == 2 and stats["low_confidence"].total == 0


@needs_datatrove
def test_bad_filter_options_fail_when_the_step_is_built():
    from cleanarticle.integrations.datatrove import CleanArticleExtractor

    with pytest.raises(ValueError, match="min_confidence"):
        CleanArticleExtractor(min_confidence=1.5)
    with pytest.raises(ValueError, match="unknown kind"):
        CleanArticleExtractor(kinds={"blog"})
