"""The benchmark harness runs end to end on two pages per corpus, and its report has the
rows it should. No timing is asserted: speed is shown by `python -m benchmarks`, not tested.

Peers that are not installed still get a row ("n/a"); nothing here needs the bench extra.
"""
import gzip
import tempfile
import time

import pytest

from benchmarks import cli_bench, config, profiling, readme, report
from benchmarks.config import BenchConfig
from benchmarks.corpora import Corpus, folder_corpora, head, readability_corpora, seeds_corpus
from benchmarks.measure import CRASHED, NOT_AVAILABLE, OK, Job, measure, measure_isolated
from benchmarks.results import CliPoint, Results
from benchmarks.run import main, run
from benchmarks.scoring import (READABILITY, SHARED_READABILITY, Extract, byline_ok, date_ok, f1, score,
                                shingle_f1, title_ok)
from benchmarks.systems import SYSTEMS, NotAvailable, System


def two_page_corpora() -> list[Corpus]:
    root = SHARED_READABILITY if SHARED_READABILITY.is_dir() else READABILITY
    return [head(seeds_corpus(), 2), *(head(c, 2) for c in readability_corpora(root))]


def test_shingle_f1_sees_order_that_bag_of_words_does_not():
    gold = "one two three four five six\nseven eight nine ten eleven twelve"
    swapped = "seven eight nine ten eleven twelve\none two three four five six"
    assert f1(swapped, gold)[2] == 1.0
    assert shingle_f1(gold, gold) == 1.0
    assert 0 < shingle_f1(swapped, gold) < 1
    assert shingle_f1("short text", "short text") == 1.0  # fewer words than a shingle
    assert shingle_f1("", "") == 1.0 and shingle_f1("", gold) == 0.0


def test_metadata_comparisons_are_normalised():
    assert title_ok("  Cafe\u0301\u00a0Society ", "café society")  # NFC, casefold, whitespace
    assert not title_ok("Café Society | Site", "Café Society")
    assert byline_ok("Hoàng Hà", "By Hoàng Hà") and byline_ok("By JANE DOE, Reuters", "Jane Doe")
    assert not byline_ok(None, "Jane Doe") and not byline_ok("", "Jane Doe")
    assert date_ok("2025-07-17", "2025-07-17T08:00:00Z") and not date_ok(None, "2025-07-17")


def test_score_counts_only_pages_with_gold_metadata():
    pages = list(head(seeds_corpus(), 5).pages)
    right = [Extract(p.body, p.title, p.byline, p.date) for p in pages]
    q = score(right, pages)
    assert (q.f1, q.shingle_f1) == (1.0, 1.0)
    assert q.title == (5, 5) and q.byline[0] == q.byline[1] < 5 and q.date[0] == q.date[1]
    with pytest.raises(ValueError):
        score(right[:1], pages)


def test_failing_and_slow_pages_count_as_empty_output_not_a_crash():
    calls = iter(range(100))

    def extract(raw, lang):
        n = next(calls)
        if n == 0:
            raise ValueError("broken page")
        if n == 1:
            time.sleep(5)
        return Extract("fine")

    corpus = head(seeds_corpus(), 3)
    flaky = System("flaky", ("text",), lambda: extract, "")
    m = measure(flaky, corpus.paths, corpus.langs, reps=1, page_timeout=0.2)
    assert m.status == OK
    assert m.errors[0].startswith("ValueError") and m.errors[1] == "timeout" and m.errors[2] is None
    assert [o.body for o in m.outputs] == ["", "", "fine"]
    assert m.failures == 2 and len(m.times) == 1


def test_unavailable_system_is_a_row_not_an_error():
    def load():
        raise NotAvailable("not here")

    m = measure(System("absent", ("text",), load, ""), ["x"], [None])
    assert m.status == NOT_AVAILABLE and m.note == "not here" and not m.times


def test_child_process_reports_its_own_memory_and_a_crash_is_a_row():
    corpus = head(seeds_corpus(), 2)
    ok = measure_isolated(Job("floor:read+split", corpus.paths, corpus.langs, reps=1), timeout=60)
    assert ok.status == OK and ok.n_docs == 2 and ok.peak_rss_kb > 0 and ok.errors == (None, None)
    crashed = measure_isolated(Job("no-such-system", corpus.paths, corpus.langs, reps=1), timeout=60)
    assert crashed.status == CRASHED and crashed.failures == 2 and "KeyError" in crashed.note


def test_harness_runs_on_two_pages_and_reports_every_row(tmp_path):
    corpora = two_page_corpora()
    cfg = BenchConfig(reps=1, isolate=False, scales=(1, 2), cli=False, out_dir=tmp_path)
    results = run(corpora, cfg)
    text = report.render(results)
    for corpus in corpora:
        assert f"### {corpus.name}: 2 pages" in text
        for system in SYSTEMS.values():
            if corpus.format in system.formats:
                assert any(r.corpus == corpus.name and r.system is system for r in results.rows)
    rows = {(r.corpus, r.system.name): r for r in results.rows}
    seeds = rows[("seeds (text)", "cleanarticle")]
    assert seeds.measurement.status == OK and seeds.quality.f1 > 0.9
    assert "| **cleanarticle** | " in text and "| keep-everything | " in text
    assert rows[("seeds (text)", "floor:read+split")].quality is None  # floors are timed, not scored
    for row in results.rows:  # a peer that is missing here says so in its row
        if row.measurement.status == NOT_AVAILABLE:
            assert "n/a" in text
    assert text.count("✅") + text.count("❌") == 3  # one verdict per target
    assert [p.scale for p in results.scaling if p.system == "cleanarticle"] == [1, 2]
    assert "## Scaling" in text and "## Speed floors" in text and "## Method" in text


def test_cli_run_measures_the_command_and_its_memory():
    corpus = head(seeds_corpus(), 2)
    one = cli_bench.run_cli(corpus, 2, jobs=1, cpu=None, timeout=60)
    assert one.files == 4 and one.peak_rss_kb > 0 and one.tree_peak_kb >= one.peak_rss_kb
    assert (one.exit_code, one.records) == (0, 4) and one.complete, one.said
    two = cli_bench.run_cli(corpus, 1, jobs=2, cpu=None, timeout=60)
    assert (two.exit_code, two.records) == (0, 2), two.said
    # Workers are found by sampling /proc: on an idle machine two pages may be cleaned before a
    # sample sees them, so only what holds whatever the timing is asserted here.
    assert two.processes >= 1 and two.tree_peak_kb >= two.peak_rss_kb > 0


def test_cli_section_and_memory_verdict_come_from_the_points():
    def point(scale, jobs, kb, records=None):
        files = 2 * scale
        return CliPoint("c", scale, files, 1000 * scale, 1.0, kb, 0, files if records is None else records,
                        jobs=jobs, tree_peak_kb=kb * jobs, processes=jobs)

    flat = Results(BenchConfig(), {}, (), cli=(point(1, 1, 100_000), point(8, 1, 104_000),
                                              point(1, 2, 100_000), point(8, 2, 101_000)))
    text = report.render(flat)
    assert "## Command line" in text and "`-j 2` runs at 16.0 files/s, 1.00× `-j 1`" in text
    targets = text.split("## Targets")[1].split("##")[0]
    assert "CLI peak memory independent of corpus size" in targets and "✅" in targets.splitlines()[-2]
    grows = Results(BenchConfig(), {}, (), cli=(point(1, 1, 100_000), point(8, 1, 150_000)))
    lost = Results(BenchConfig(), {}, (), cli=(point(1, 1, 100_000), point(8, 1, 100_000, records=3)))
    for results in (grows, lost):
        line = next(x for x in report.render(results).splitlines() if x.startswith("| CLI peak memory"))
        assert line.endswith("❌ |")


def test_readme_summary_replaces_only_the_text_between_the_markers(tmp_path):
    corpus = head(seeds_corpus(), 2)
    results = run([corpus], BenchConfig(reps=1, isolate=False, systems=("cleanarticle",), scaling=False, cli=False))
    summary = report.summary(results, "benchmarks/RESULTS.md")
    assert "| seeds (text) | **cleanarticle** |" in summary and "[benchmarks/RESULTS.md]" in summary
    page = tmp_path / "README.md"
    page.write_text(f"# x\n\nbefore\n{readme.START}\nold table\n{readme.END}\nafter\n", encoding="utf-8")
    assert readme.update(page, summary)
    text = page.read_text(encoding="utf-8")
    assert "old table" not in text and summary.strip() in text
    assert text.startswith("# x\n\nbefore\n") and text.endswith(f"{readme.END}\nafter\n")
    assert readme.update(page, summary) and page.read_text(encoding="utf-8") == text  # idempotent
    page.write_text("no markers\n", encoding="utf-8")
    assert not readme.update(page, summary) and page.read_text(encoding="utf-8") == "no markers\n"
    assert list(tmp_path.iterdir()) == [page]  # no temporary file left behind


def test_corpus_folders_of_plain_files_are_timed_not_scored(tmp_path):
    (tmp_path / "a.txt").write_text("Title\nSome body text.\n", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Hi</p></body></html>", encoding="utf-8")
    corpora = folder_corpora(tmp_path)
    assert [(c.format, len(c.paths), c.scored) for c in corpora] == [("text", 1, False), ("html", 1, False)]
    with pytest.raises(ValueError):
        folder_corpora(tmp_path / "missing")


def test_command_line_refuses_unknown_systems_and_folders(capsys, tmp_path):
    assert main(["--systems", "nope"]) == 2
    assert main(["--only-corpus", "--corpus", str(tmp_path / "missing")]) == 2
    assert "error" in capsys.readouterr().err


def test_a_partial_run_writes_elsewhere_and_leaves_the_published_report_alone(tmp_path, monkeypatch, capsys):
    published = [config.HERE / "RESULTS.md", readme.README]
    before = [p.read_bytes() if p.exists() else None for p in published]
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert main(["--quick", "--pages", "2", "--systems", "floor:read+split", "--no-scaling", "--no-cli"]) == 0
    assert "## Quality and speed" in (tmp_path / "cleanarticle-bench" / "RESULTS.md").read_text(encoding="utf-8")
    assert [p.read_bytes() if p.exists() else None for p in published] == before
    assert "A `--quick` run" in capsys.readouterr().out


def test_profile_prints_own_time_cumulative_time_and_regex_callers():
    text = profiling.profile(head(seeds_corpus(), 2), top=5)
    assert "2 pages" in text and "ms/page without the profiler" in text
    for view in ("top 5 by tottime", "top 5 by cumulative", "callers of the"):
        assert view in text
    assert "pipeline.py" in text  # the cleaner's own functions, not only the harness


def test_gzipped_html_sources_are_unpacked_once_and_read_plain(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    root = tmp_path / "pages"
    for name in ("a", "b"):
        (root / name).mkdir(parents=True)
        (root / name / "source.txt").write_text(f"Title {name}\nBody {name}.\n", encoding="utf-8")
        (root / name / "source.html.gz").write_bytes(gzip.compress(f"<p>Body {name}.</p>".encode()))
        (root / name / "expected.txt").write_text(f"Body {name}.", encoding="utf-8")
        (root / name / "expected-metadata.json").write_text("{}", encoding="utf-8")
    text, html = folder_corpora(root)
    assert (text.format, html.format) == ("text", "html") and html.scored
    assert [open(p, encoding="utf-8").read() for p in html.paths] == ["<p>Body a.</p>", "<p>Body b.</p>"]
    assert all(p.startswith(str(tmp_path / "tmp")) for p in html.paths)
    assert folder_corpora(root)[1].paths == html.paths  # the second time reuses the copies
