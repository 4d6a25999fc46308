"""Render a run's results as Markdown (benchmarks/RESULTS.md): a pure function of the data."""
from __future__ import annotations

import statistics
from collections.abc import Iterable

from .measure import NOT_AVAILABLE, OK
from . import wcxb
from .results import CliPoint, Results, Row, ScalePoint

# The reasons the library exists (the benchmark issue), checked on every run.
TEXT_MB_S = 20.0            # plain-text mode, one core
HTML_VS_TRAFILATURA = 5.0   # HTML mode docs/s over trafilatura's, same run
CLI_RSS_GROWTH = 0.10       # peak RSS at the largest input over the smallest, at most +10 %
YES, NO = "✅", "❌"


def _table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> list[str]:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def _mb(kb: int) -> str:
    return f"{kb / 1024:.0f}"


def _hits(pair: tuple[int, int], produced: bool) -> str:
    right, total = pair
    if not total:
        return "—"
    if not produced:
        return "—"
    return f"{right}/{total}"


def _failures(row: Row) -> str:
    m = row.measurement
    if m.status == NOT_AVAILABLE:
        return "n/a"
    timeouts = sum(e == "timeout" for e in m.errors)
    empty = sum(not o.body.strip() for o, e in zip(m.outputs, m.errors) if e is None)
    parts = [str(m.failures)]
    if timeouts:
        parts.append(f"({timeouts} timeout)")
    if empty:
        parts.append(f"+{empty} empty")
    return " ".join(parts)


def _speed(row: Row) -> tuple[str, str]:
    m = row.measurement
    if not m.times:
        return "n/a", "n/a"
    return (f"{m.docs_per_s():.1f} / {m.docs_per_s('median'):.1f}",
            f"{m.mb_per_s():.2f} / {m.mb_per_s('median'):.2f}")


def _quality_cells(row: Row) -> list[str]:
    q, fields = row.quality, row.system.fields
    if q is None:
        return ["n/a" if row.measurement.status == NOT_AVAILABLE else "—"] * 7
    return [f"{q.f1:.3f}", f"{q.precision:.3f}", f"{q.recall:.3f}", f"{q.shingle_f1:.3f}",
            _hits(q.title, "title" in fields), _hits(q.byline, "byline" in fields), _hits(q.date, "date" in fields)]


def _corpus_section(name: str, rows: list[Row]) -> list[str]:
    m0 = rows[0].measurement
    out = [f"### {name}: {m0.n_docs} pages, {m0.n_bytes / 1e6:.2f} MB", ""]
    body = []
    for row in rows:
        if row.system.kind == "floor":
            continue
        docs, mbs = _speed(row)
        rss = _mb(row.measurement.peak_rss_kb) if row.measurement.peak_rss_kb else "n/a"
        body.append([f"**{row.system.name}**" if row.system.name.startswith("cleanarticle") else row.system.name,
                     *_quality_cells(row), docs, mbs, rss, _failures(row)])
    out += _table(["system", "F1", "P", "R", "shingle F1", "title", "byline", "date",
                   "docs/s best / median", "MB/s best / median", "peak RSS MB", "failures"], body)
    notes = []
    for row in rows:
        m = row.measurement
        if m.status != OK:
            notes.append(f"- {row.system.name}: {m.status} — {m.note}")
        elif m.failures:
            kinds: dict[str, int] = {}
            for e in m.errors:
                if e is not None:
                    kinds[e.split(":")[0]] = kinds.get(e.split(":")[0], 0) + 1
            notes.append(f"- {row.system.name} failed on {m.failures} page(s): "
                         + ", ".join(f"{k} ×{v}" for k, v in sorted(kinds.items())))
    return out + ([""] + notes if notes else []) + [""]


def _find(results: Results, system: str, fmt: str) -> Row | None:
    """The system's row on the biggest corpus of that format."""
    rows = [r for r in results.rows if r.system.name == system and r.format == fmt]
    return max(rows, key=lambda r: r.measurement.n_docs) if rows else None


def _targets(results: Results) -> list[str]:
    rows = []
    text = _find(results, "cleanarticle", "text")
    if text and text.measurement.times:
        mbs = text.measurement.mb_per_s()
        rows.append([f"plain-text mode ≥ {TEXT_MB_S:.0f} MB/s on one core",
                     f"{mbs:.2f} MB/s best pass ({mbs / TEXT_MB_S:.2f}× the target) on {text.corpus}",
                     YES if mbs >= TEXT_MB_S else NO])
    else:
        rows.append([f"plain-text mode ≥ {TEXT_MB_S:.0f} MB/s on one core", "not measured", NO])
    html, traf = _find(results, "cleanarticle-html", "html"), _find(results, "trafilatura", "html")
    goal = f"HTML mode ≥ {HTML_VS_TRAFILATURA:.0f}× trafilatura's docs/s, same run"
    if html and traf and html.measurement.times and traf.measurement.times:
        ratio = html.measurement.docs_per_s() / traf.measurement.docs_per_s()
        med = html.measurement.docs_per_s("median") / traf.measurement.docs_per_s("median")
        rows.append([goal, f"{html.measurement.docs_per_s():.1f} vs {traf.measurement.docs_per_s():.1f} docs/s: "
                     f"{ratio:.2f}× best, {med:.2f}× median, on {html.corpus}",
                     YES if ratio >= HTML_VS_TRAFILATURA else NO])
    else:
        why = html.measurement.note if html and html.measurement.note else "not measured in this run"
        rows.append([goal, f"n/a: {why}", NO])
    rows.append(["CLI peak memory independent of corpus size", *_cli_memory(results.cli)])
    return _table(["target", "measured", ""], rows)


def _cli_memory(points: tuple[CliPoint, ...]) -> list[str]:
    """Per corpus and `-j`: all processes' peak memory at the smallest and the largest input."""
    if not points:
        return ["not measured (--no-cli)", NO]
    verdicts, texts = [], []
    for corpus, jobs in dict.fromkeys((p.corpus, p.jobs) for p in points):
        run = sorted((p for p in points if (p.corpus, p.jobs) == (corpus, jobs)), key=lambda p: p.scale)
        lo, hi = run[0], run[-1]
        growth = hi.tree_peak_kb / lo.tree_peak_kb - 1 if lo.tree_peak_kb else float("inf")
        complete = all(p.complete for p in run)
        verdicts.append(growth <= CLI_RSS_GROWTH and complete and len(run) > 1)
        texts.append(f"`-j {jobs}` on {corpus}: {_mb(lo.tree_peak_kb)} MB at {lo.scale}× → "
                     f"{_mb(hi.tree_peak_kb)} MB at {hi.scale}× ({growth:+.0%})"
                     + ("" if complete else ", but some files failed (see below)"))
    return ["; ".join(texts) + f" (all processes, sum of their peaks; allowed: +{CLI_RSS_GROWTH:.0%})",
            YES if all(verdicts) else NO]


def _floors(results: Results) -> list[str]:
    rows = []
    for floor in (r for r in results.rows if r.system.kind == "floor" and r.measurement.times):
        fm = floor.measurement
        rows.append([floor.corpus, f"**{floor.system.name}**", f"{fm.mb_per_s():.1f}", "100%", _mb(fm.peak_rss_kb)])
        for r in results.rows:
            if r.corpus == floor.corpus and r.system.kind == "cleaner" and r.measurement.times:
                m = r.measurement
                rows.append([r.corpus, r.system.name, f"{m.mb_per_s():.2f}",
                             f"{m.mb_per_s() / fm.mb_per_s():.1%}", _mb(m.peak_rss_kb)])
    if not rows:
        return []
    return ["## Speed floors", "",
            "What reading the input costs at least: for text, read + decode + split lines; for HTML, "
            "read + lexbor parse + whole-page text (`LexborHTMLParser(raw).text()`). For text also the least a "
            "per-line classifier in Python does (`floor:per-line`: casefold, tokenise, count stopwords and keep "
            "a record per line, with cleanarticle's tokeniser). Best passes; the share is "
            "each cleaner's MB/s over the floor's. The floor's peak RSS is the harness's own cost "
            "(interpreter and the measuring code).", "",
            *_table(["corpus", "system", "MB/s", "share of floor speed", "peak RSS MB"], rows), ""]


def _scaling(points: tuple[ScalePoint, ...]) -> list[str]:
    rows = []
    base: dict[tuple[str, str], float] = {}
    for p in points:
        m = p.measurement
        if not m.times:
            rows.append([p.system, p.corpus, f"{p.scale}×", m.n_docs, "n/a", "n/a", "n/a", "n/a", "n/a"])
            continue
        best, med = min(m.times), statistics.median(m.times)
        per_doc = med / m.n_docs
        first = base.setdefault((p.system, p.corpus), per_doc)
        rows.append([p.system, p.corpus, f"{p.scale}×", m.n_docs, f"{best:.2f}", f"{best * 1000 / m.n_docs:.2f}",
                     f"{per_doc * 1000:.2f}", f"{per_doc / first:.2f}", _mb(m.peak_rss_kb)])
    if not rows:
        return []
    scales = ", ".join(str(k) for k in sorted({p.scale for p in points}))
    return ["## Scaling", "",
            f"The corpus repeated {scales} times as one list of documents, in one process: linear cost "
            "means a flat time per document (the last ratio near 1) and a flat peak RSS.", "",
            *_table(["system", "corpus", "input", "docs", "seconds best", "ms/doc best", "ms/doc median",
                     "median vs 1×", "peak RSS MB"], rows), ""]


def _speedup(points: tuple[CliPoint, ...]) -> list[str]:
    """`-j N` over `-j 1` files/s on the largest input of each corpus."""
    out = []
    for corpus in dict.fromkeys(p.corpus for p in points):
        top = max(p.scale for p in points if p.corpus == corpus)
        at = {p.jobs: p for p in points if p.corpus == corpus and p.scale == top and p.complete}
        if 1 in at:
            one = at[1].files / at[1].seconds
            out += [f"- {corpus}, {top}×: `-j {j}` runs at {p.files / p.seconds:.1f} files/s, "
                    f"{p.files / p.seconds / one:.2f}× `-j 1`" for j, p in sorted(at.items()) if j != 1]
    return out


def _cli(results: Results) -> list[str]:
    if not results.cli:
        return []
    rows = [[p.corpus, p.jobs, f"{p.scale}×", p.files, f"{p.n_bytes / 1e6:.1f}", f"{p.seconds:.2f}",
             f"{p.files / p.seconds:.1f}", f"{p.n_bytes / 1e6 / p.seconds:.2f}", _mb(p.peak_rss_kb),
             f"{_mb(p.tree_peak_kb)} ({p.processes})", _mb(p.pss_kb), p.exit_code, p.records] for p in results.cli]
    failed = [f"- {p.corpus} `-j {p.jobs}` {p.scale}×: exit {p.exit_code}, {p.records} of {p.files} records: "
              f"`{p.said.replace('`', chr(39))}`" for p in results.cli if not p.complete]
    speedup = _speedup(results.cli)
    scales = ", ".join(str(k) for k in sorted({p.scale for p in results.cli}))
    return ["## Command line", "",
            "`cleanarticle FOLDER -o out.jsonl -j N` (its `main()` in a child process; `-j 1` pinned to the "
            f"benchmark's core, `-j 2` on the cores it may use) on a folder with {scales} copies of the largest corpus "
            "of each format. One run each, interpreter start-up included. Memory: the main process's own peak "
            "(VmHWM, exact); the sum over all its processes of their peaks (an upper bound of the tree's peak, "
            "process count in brackets); the largest PSS sum sampled every 0.25 s (shared pages counted once). "
            "For 10,000 to 100,000 files, run `python benchmarks/cli_throughput.py`.", "",
            *_table(["corpus", "-j", "input", "files", "MB", "seconds", "files/s", "MB/s", "main peak RSS MB",
                     "all processes MB", "PSS MB", "exit", "records"], rows), "",
            *speedup, *([""] if speedup else []), *failed, *([""] if failed else [])]


def _systems(results: Results) -> list[str]:
    seen: dict[str, Row] = {}
    for r in results.rows:
        seen.setdefault(r.system.name, r)
    rows = [[r.system.name, r.system.package or "python", r.version, r.system.kind, r.system.note]
            for r in seen.values()]
    return ["## Systems", "", *_table(["system", "package", "version", "kind", "what runs"], rows), ""]


METHOD = """## Method

- **Input.** Every system gets each page's bytes as stored and decodes them itself; reading the file is
  inside the timed loop for all systems and floors alike. Peers run on HTML only; on plain text the peers
  are a keep-everything baseline and jusText with each line wrapped in `<p>` (its only notion of a block).
- **Timing.** Each system runs on each corpus in its own child process pinned to one core: one warm-up pass
  (its outputs are the ones scored), then the timed passes; "best" is the fastest pass, "median" the median.
  The machine is shared, so expect a few percent of noise between runs; compare rows of the same run.
- **Repeated pages.** The timed passes, the scaling runs and the command line's copies all see the same
  pages again. A cache keyed by page or line content would make repeats look faster than new pages; today
  cleanarticle keeps only what is per language (lexicons, compiled patterns) from one page to the next (a
  line printed twice within one page has its features computed once), so the numbers hold for unseen pages.
- **Peak RSS** is the child's own high-water mark (`VmHWM` in `/proc/self/status`; `ru_maxrss` is not used
  because exec carries the parent's peak into it): interpreter, library, the page in hand and whatever the
  system keeps. The floors show what the harness itself costs.
- **Failures.** A page that raises or runs past the page time-out counts as empty output and is counted;
  "+N empty" are pages where the system returned no body without an error.
- **Body scores** (`benchmarks/scoring.py`): bag-of-words precision, recall and F1 of lower-cased `\\w+`
  tokens with multiplicity, as `../shared/tools/score_seeds.py`, macro-averaged over pages; shingle F1 is
  the same over runs of 4 consecutive tokens (order-aware).
- **Metadata.** Strings are compared after NFC, `casefold()` and whitespace collapsing. Title: equal.
  Byline: one contains the other. Date: same `YYYY-MM-DD` (readability's `publishedTime`, the seeds' gold
  date). `k/n` counts pages whose gold has the field; "—" where the system does not produce it.
- **The readability corpus** is readability.js's idea of the article, not a hand-made gold: it keeps captions
  and photo credits that cleanarticle drops on purpose, so every system's F1 there is a broad signal.
- **jusText failure modes.** It needs a stoplist (page's declared language, else English): on pages in a
  language without one, or where the language is unknown and not English, it keeps almost nothing; it has no
  title; on short pages it often keeps nothing at all (counted under "empty").
"""


def render(results: Results, chart_file: str | None = None, chart_note: str = "") -> str:
    cfg, m = results.config, results.machine
    out = ["# Benchmark results", "",
           f"Generated by `{cfg.command}` on {m.get('date', '?')} in {results.seconds:.0f} s; do not edit, rerun "
           "the command. Method and definitions at the end.", ""]
    if cfg.quick:
        out += ["**A `--quick` run**: one timed pass, scaling and command line at 1× and 2× only; for "
                "iterating, not for quoting.", ""]
    out += _table(["", ""], [[k, v] for k, v in m.items() if k != "date"]
                  + [["timing", f"warm-up + {cfg.reps} timed pass(es) per system, "
                      + ("each in its own process " if cfg.isolate else "all in one process ")
                      + (f"pinned to core {cfg.cpu}" if cfg.cpu is not None else "unpinned")]])
    out += ["", "## Targets", "", *_targets(results), ""]
    if chart_file:
        out += [f"![F1 against documents per second, one point per system and corpus]({chart_file})", ""]
    elif chart_note:
        out += [f"(No chart: {chart_note}.)", ""]
    out += ["## Quality and speed", ""]
    for corpus in dict.fromkeys(r.corpus for r in results.rows):
        out += _corpus_section(corpus, [r for r in results.rows if r.corpus == corpus])
    if results.wcxb is not None:
        out += wcxb.render(results.wcxb)
    out += _floors(results) + _scaling(results.scaling) + _cli(results) + _systems(results)
    return "\n".join(out) + "\n" + METHOD


def summary(results: Results, report_link: str, chart_link: str | None = None) -> str:
    """The README's copy: targets, and one line per cleaner on each corpus (no floors, no scaling)."""
    m = results.machine
    rows = []
    for r in results.rows:
        if r.system.kind == "floor":
            continue
        q = _quality_cells(r)
        docs, mbs = _speed(r)
        name = f"**{r.system.name}**" if r.system.name.startswith("cleanarticle") else r.system.name
        rows.append([r.corpus, name, q[0], q[3], " · ".join(q[4:]), docs.split(" / ")[0], mbs.split(" / ")[0],
                     _mb(r.measurement.peak_rss_kb) if r.measurement.peak_rss_kb else "n/a"])
    links = f"[{report_link}]({report_link})" + (f", chart [{chart_link}]({chart_link})" if chart_link else "")
    out = [f"Measured {m.get('date', '?')} at revision {m.get('cleanarticle revision', '?')} on "
           f"{m.get('cpu', '?')} (`{results.config.command}`; full report {links}):", "",
           *_targets(results), "",
           *_table(["corpus", "system", "body F1", "shingle F1", "title · byline · date", "docs/s", "MB/s",
                    "peak RSS MB"], rows), ""]
    return "\n".join(out)
