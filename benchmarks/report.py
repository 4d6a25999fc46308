"""Render a run's results as Markdown (benchmarks/RESULTS.md): a pure function of the data."""
from __future__ import annotations

import json
import statistics
from collections.abc import Iterable

from .measure import NOT_AVAILABLE, OK
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
    rows.append(["CLI peak memory independent of corpus size", *_cli_memory(results.cli, results.cli_throughput)])
    return _table(["target", "measured", ""], rows)


def throughput_rows(text: str) -> list[dict]:
    """cli_throughput.py's JSON rows (a list of objects), or [] if it printed something else."""
    try:
        data = json.loads(text.strip().splitlines()[-1]) if text.strip() else None
    except ValueError:
        return []
    data = [data] if isinstance(data, dict) else data
    return data if isinstance(data, list) and all(isinstance(d, dict) for d in data) else []


def _growth_of_throughput_rows(rows: list[dict]) -> list[tuple[bool, str]]:
    """Per -j value run at two input sizes: (flat?, text) for its all-process peak memory."""
    out = []
    for jobs in dict.fromkeys(r.get("jobs") for r in rows):
        run = sorted((r for r in rows if r.get("jobs") == jobs and r.get("peak_pss_mb_total")),
                     key=lambda r: r.get("files", 0))
        if len(run) < 2 or run[0].get("files") == run[-1].get("files"):
            continue
        lo, hi = run[0], run[-1]
        growth = hi["peak_pss_mb_total"] / lo["peak_pss_mb_total"] - 1
        out.append((growth <= CLI_RSS_GROWTH, f"cli_throughput.py -j {jobs}, all processes (PSS): "
                    f"{lo['peak_pss_mb_total']:.0f} MB at {lo['files']} files → {hi['peak_pss_mb_total']:.0f} MB "
                    f"at {hi['files']} files ({growth:+.0%})"))
    return out


def _cli_memory(points: tuple[CliPoint, ...], throughput: str) -> list[str]:
    if not points:
        return ["not measured (--no-cli)", NO]
    verdicts, texts = [], []
    for corpus in dict.fromkeys(p.corpus for p in points):
        run = sorted((p for p in points if p.corpus == corpus), key=lambda p: p.scale)
        lo, hi = run[0], run[-1]
        growth = hi.peak_rss_kb / lo.peak_rss_kb - 1 if lo.peak_rss_kb else float("inf")
        complete = all(p.exit_code == 0 and p.records == p.files for p in run)
        verdicts.append(growth <= CLI_RSS_GROWTH and complete)
        texts.append(f"`-j 1` on {corpus}: {_mb(lo.peak_rss_kb)} MB at {lo.scale}× → {_mb(hi.peak_rss_kb)} MB at "
                     f"{hi.scale}× ({growth:+.0%})" + ("" if complete else ", but some files failed (see below)"))
    for ok, text in _growth_of_throughput_rows(throughput_rows(throughput)):
        verdicts.append(ok)
        texts.append(text)
    return ["; ".join(texts) + f" (allowed: +{CLI_RSS_GROWTH:.0%})", YES if all(verdicts) else NO]


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
            "read + lexbor parse + whole-page text (`LexborHTMLParser(raw).text()`). Best passes; the share is "
            "each cleaner's MB/s over the floor's. The floor's peak RSS is the harness's own cost "
            "(interpreter and the measuring code).", "",
            *_table(["corpus", "system", "MB/s", "share of floor speed", "peak RSS MB"], rows), ""]


def _scaling(points: tuple[ScalePoint, ...]) -> list[str]:
    rows = []
    for p in points:
        m = p.measurement
        if not m.times:
            rows.append([p.system, p.corpus, f"{p.scale}×", m.n_docs, "n/a", "n/a", "n/a"])
            continue
        best, med = min(m.times), statistics.median(m.times)
        rows.append([p.system, p.corpus, f"{p.scale}×", m.n_docs, f"{best * 1000 / m.n_docs:.2f}",
                     f"{med * 1000 / m.n_docs:.2f}", _mb(m.peak_rss_kb)])
    if not rows:
        return []
    return ["## Scaling", "",
            "The corpus repeated 1, 2, 4, 8 times as one list of documents, in one process: linear cost "
            "means a flat time per document.", "",
            *_table(["system", "corpus", "input", "docs", "ms/doc best", "ms/doc median", "peak RSS MB"], rows), ""]


def _throughput(text: str) -> list[str]:
    if not text:
        return []
    if text.startswith("skipped:"):
        return ["`-j 1` / `-j 2` throughput: " + text.removeprefix("skipped: "), ""]
    head = ["`-j 1` / `-j 2` throughput and memory of all processes, from `benchmarks/cli_throughput.py` "
            "(its own corpus and method: see that file):", ""]
    rows = throughput_rows(text)
    if not rows:
        return [*head, "```", text, "```", ""]
    keys = list(dict.fromkeys(k for d in rows for k in d))
    return [*head, *_table(keys, ([d.get(k, "") for k in keys] for d in rows)), ""]


def _cli(results: Results) -> list[str]:
    if not results.cli and not results.cli_throughput:
        return []
    rows = [[p.corpus, f"{p.scale}×", p.files, f"{p.n_bytes / 1e6:.1f}", f"{p.seconds:.2f}",
             f"{p.files / p.seconds:.1f}", f"{p.n_bytes / 1e6 / p.seconds:.2f}", _mb(p.peak_rss_kb),
             p.exit_code, p.records] for p in results.cli]
    failed = [f"- {p.corpus} {p.scale}×: exit {p.exit_code}, {p.records} of {p.files} records: "
              f"`{p.said.replace('`', chr(39))}`" for p in results.cli if p.exit_code != 0 or p.records != p.files]
    out = ["## Command line", ""]
    if rows:
        out += ["`cleanarticle FOLDER -o out.jsonl -j 1` (its `main()`, in a child pinned to one core) on a "
                "folder with 1..8 copies of the corpus; peak RSS is that process's own high-water mark "
                "(VmHWM). One run each, start-up included.", "",
                *_table(["corpus", "input", "files", "MB", "seconds", "files/s", "MB/s", "peak RSS MB", "exit",
                         "records"], rows), "", *failed, *([""] if failed else [])]
    return out + _throughput(results.cli_throughput)


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
    out += _floors(results) + _scaling(results.scaling) + _cli(results) + _systems(results)
    return "\n".join(out) + "\n" + METHOD
