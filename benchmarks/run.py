"""`python -m benchmarks`: quality and speed of cleanarticle and its peers, in one run.

Every applicable system runs on every corpus, each in its own child process pinned to
one core; then cleanarticle alone on 1x..8x the corpus (scaling), then the command line
with `-j 1` and `-j 2` on the same 1x..8x folders. The default run (no option but
`--reps`/`--page-timeout`) is the published one: it writes benchmarks/RESULTS.md and
benchmarks/results.png and copies its summary into README.md. Any other run (`--quick`,
a subset, an extra `--corpus`) writes to a temporary folder unless `--out` says where,
so that trying something out never replaces the published report.

`python -m benchmarks --profile [--top N]` prints a cProfile of cleanarticle on each
corpus instead (benchmarks/profiling.py).

The development corpus (`../shared/corpus/wcxb`, benchmarks/wcxb.py) is scored in the
full run; `python -m benchmarks --only wcxb [--half even|odd]` scores it alone (a few
minutes), skipped with its reason when the corpus is not beside the checkout.

`python -m benchmarks --rules [--mode html|text] [--half ...] [--sample N] [--only RULE,...]`
turns each labelling rule off in turn and prints its effect on body F1 (benchmarks/rules_ablation.py).
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import tempfile
import time
from collections.abc import Callable, Sequence

from . import chart, cli_bench, profiling, readme, report, wcxb
from .config import HERE, BenchConfig
from .corpora import Corpus, default_corpora, folder_corpora, head
from .machine import machine_info
from .measure import NOT_AVAILABLE, Job, Measurement, measure, measure_isolated
from .results import CliPoint, Results, Row, ScalePoint
from .scoring import score
from .systems import SYSTEMS, System, version

CLEANARTICLE = {"text": "cleanarticle", "html": "cleanarticle-html"}

Log = Callable[[str], None]


def _measure(system: System, corpus: Corpus, cfg: BenchConfig, *, scale: int = 1) -> Measurement:
    paths, langs = corpus.paths * scale, corpus.langs * scale
    warmup = len(corpus.paths) if scale > 1 else None
    if not cfg.isolate:
        return measure(system, paths, langs, reps=cfg.reps, page_timeout=cfg.page_timeout,
                       collect=scale == 1, warmup=warmup)
    job = Job(system.name, paths, langs, cfg.reps, cfg.page_timeout, scale == 1, warmup, cfg.cpu)
    return measure_isolated(job, cfg.system_timeout)


def systems_for(corpus: Corpus, cfg: BenchConfig) -> list[System]:
    return [s for s in SYSTEMS.values()
            if corpus.format in s.formats and (not cfg.systems or s.name in cfg.systems)]


def measure_rows(corpora: Sequence[Corpus], cfg: BenchConfig, log: Log) -> list[Row]:
    rows = []
    for corpus in corpora:
        for system in systems_for(corpus, cfg):
            log(f"  {corpus.name:24} {system.name:20} ...")
            m = _measure(system, corpus, cfg)
            scored = corpus.scored and system.kind != "floor" and m.status != NOT_AVAILABLE
            quality = score(m.outputs, corpus.pages) if scored else None
            rows.append(Row(corpus.name, corpus.format, system, version(system), m, quality))
            log(f"    {m.status} {_brief(m, quality)}")
    return rows


def _brief(m: Measurement, quality) -> str:
    if not m.times:
        return m.note
    f1 = f"F1 {quality.f1:.3f} " if quality else ""
    return f"{f1}{m.docs_per_s():.1f} docs/s {m.mb_per_s():.2f} MB/s, {m.failures} failures"


def _largest(corpora: Sequence[Corpus], fmt: str) -> Corpus | None:
    """The scaling and CLI runs use the biggest corpus of each format."""
    of_format = [c for c in corpora if c.format == fmt]
    return max(of_format, key=lambda c: len(c.paths)) if of_format else None


def measure_scaling(corpora: Sequence[Corpus], cfg: BenchConfig, log: Log) -> list[ScalePoint]:
    points = []
    for fmt, name in CLEANARTICLE.items():
        corpus = _largest(corpora, fmt)
        if corpus is None or (cfg.systems and name not in cfg.systems):
            continue
        for k in cfg.scales:
            log(f"  scaling {name} on {corpus.name} x{k} ...")
            m = _measure(SYSTEMS[name], corpus, cfg, scale=k)
            points.append(ScalePoint(corpus.name, name, k, m))
            if m.status == NOT_AVAILABLE:
                break
    return points


def measure_cli(corpora: Sequence[Corpus], cfg: BenchConfig, log: Log) -> list[CliPoint]:
    points = []
    for fmt in ("text", "html"):
        corpus = _largest(corpora, fmt)
        if corpus is None:
            continue
        for jobs in cfg.cli_jobs:
            for k in cfg.scales:
                log(f"  cli -j {jobs} on {corpus.name} x{k} ...")
                points.append(cli_bench.run_cli(corpus, k, jobs, cfg.cpu, cfg.system_timeout))
                p = points[-1]
                log(f"    exit {p.exit_code}, {p.records}/{p.files} records, {p.files / p.seconds:.1f} files/s")
    return points


def run(corpora: Sequence[Corpus], cfg: BenchConfig, log: Log = lambda s: None) -> Results:
    """Measure everything the config asks for; returns the data the report renders."""
    start = time.perf_counter()
    if cfg.pages:
        corpora = [head(c, cfg.pages) for c in corpora]
    rows = measure_rows(corpora, cfg, log)
    scaling = measure_scaling(corpora, cfg, log) if cfg.scaling else []
    cli = measure_cli(corpora, cfg, log) if cfg.cli else []
    dev = wcxb.run(cfg.wcxb_root or wcxb.WCXB, halves=cfg.wcxb_halves, systems=cfg.systems, pages=cfg.pages, log=log) if cfg.wcxb else None
    return Results(cfg, machine_info(), tuple(rows), tuple(scaling), tuple(cli), time.perf_counter() - start, dev)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true",
                   help="for iterating: one timed pass instead of three, scaling and CLI at 1x and 2x only")
    p.add_argument("--reps", type=int, help="timed passes after the warm-up (default 3)")
    p.add_argument("--corpus", action="append", default=[], metavar="DIR",
                   help="add a corpus folder (seeds layout, readability layout, or plain files)")
    p.add_argument("--only-corpus", action="store_true", help="skip the default corpora, use --corpus only")
    p.add_argument("--systems", help=f"comma-separated subset of: {', '.join(SYSTEMS)}")
    p.add_argument("--pages", type=int, help="only the first N pages of each corpus")
    p.add_argument("--no-scaling", action="store_true", help="skip the 1x..8x scaling runs")
    p.add_argument("--no-cli", action="store_true", help="skip the command-line runs")
    p.add_argument("--in-process", action="store_true",
                   help="no child processes (debugging; peak RSS is then the whole run's)")
    p.add_argument("--page-timeout", type=float, default=30.0, help="seconds per page (default 30)")
    p.add_argument("--out", type=pathlib.Path,
                   help="folder for RESULTS.md and results.png (default: benchmarks/ for the published "
                        "run, else a temporary folder)")
    p.add_argument("--only", choices=("wcxb",),
                   help="run one part alone: 'wcxb' scores the development corpus (../shared/corpus/wcxb) only")
    p.add_argument("--half", choices=("even", "odd", "both"), default="both",
                   help="halves of the wcxb corpus to score (default both; tune on even, check on odd)")
    p.add_argument("--no-wcxb", action="store_true", help="skip the wcxb development corpus")
    p.add_argument("--wcxb-dir", type=pathlib.Path, metavar="DIR",
                   help=f"where the wcxb corpus is (default {wcxb.WCXB})")
    p.add_argument("--profile", action="store_true",
                   help="instead of the benchmark, print the top of a cProfile of cleanarticle per corpus")
    p.add_argument("--top", type=int, default=25, help="rows of the profile to print (default 25)")
    return p


def _partial(args: argparse.Namespace) -> bool:
    """Whether the run leaves out or adds rows, so that it must not replace the published report."""
    return bool(args.quick or args.corpus or args.only_corpus or args.systems or args.pages
                or args.no_scaling or args.no_cli or args.in_process or args.only or args.no_wcxb
                or args.half != "both" or args.wcxb_dir)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--rules" in argv:  # the per-rule ablation has options of its own
        from . import rules_ablation

        return rules_ablation.main([a for a in argv if a != "--rules"])
    args = _parser().parse_args(argv)
    systems = tuple(s.strip() for s in (args.systems or "").split(",") if s.strip())
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        print(f"unknown system(s): {', '.join(unknown)}; known: {', '.join(SYSTEMS)}", file=sys.stderr)
        return 2
    published = not _partial(args)
    halves = ("even", "odd") if args.half == "both" else (args.half,)
    if args.only == "wcxb":
        return _wcxb_only(args, systems, halves)
    out_dir = args.out or (HERE if published else pathlib.Path(tempfile.gettempdir(), "cleanarticle-bench"))
    try:
        corpora = [] if args.only_corpus else default_corpora()
        for folder in args.corpus:
            corpora.extend(folder_corpora(folder))
        cfg = BenchConfig(reps=args.reps or (1 if args.quick else 3), quick=args.quick,
                          page_timeout=args.page_timeout, systems=systems, pages=args.pages,
                          scales=(1, 2) if args.quick else BenchConfig.scales,
                          scaling=not args.no_scaling, cli=not args.no_cli, isolate=not args.in_process,
                          wcxb=not args.no_wcxb, wcxb_halves=halves, wcxb_root=args.wcxb_dir,
                          out_dir=out_dir, command=" ".join(["python -m benchmarks", *argv]))
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not corpora:
        print("error: no corpus (give --corpus DIR)", file=sys.stderr)
        return 2
    if args.profile:
        for corpus in corpora:
            print(profiling.profile(head(corpus, args.pages) if args.pages else corpus, args.top), flush=True)
        return 0
    log = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731
    log(f"benchmark: {len(corpora)} corpora, {cfg.reps} timed pass(es), pinned to core {cfg.cpu}; "
        f"report to {out_dir}/")
    results = run(corpora, cfg, log)
    out_dir.mkdir(parents=True, exist_ok=True)
    png = out_dir / "results.png"
    drawn = chart.draw(results, png)
    why = "" if drawn else (chart.why_not() or "no scored row with timings")
    text = report.render(results, chart_file=png.name if drawn else None, chart_note=why)
    readme.write_atomically(out_dir / "RESULTS.md", text)  # an interrupted run leaves the old report whole
    print(text)
    log(f"wrote {out_dir / 'RESULTS.md'}" + (f" and {png}" if drawn else f" (no chart: {why})"))
    if published and out_dir == HERE:
        summary = report.summary(results, "benchmarks/RESULTS.md", "benchmarks/results.png" if drawn else None)
        log("updated the README's benchmark summary" if readme.update(readme.README, summary)
            else f"README.md has no {readme.START} ... {readme.END} markers: summary not copied")
    return 0


def _wcxb_only(args: argparse.Namespace, systems: tuple[str, ...], halves: tuple[str, ...]) -> int:
    """`--only wcxb`: the development corpus alone, printed (and written to --out if given)."""
    unknown = [s for s in systems if s not in wcxb.LOADERS]
    if unknown:
        print(f"--only wcxb runs {', '.join(wcxb.LOADERS)}; not {', '.join(unknown)}", file=sys.stderr)
        return 2
    log = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731
    results = wcxb.run(args.wcxb_dir or wcxb.WCXB, halves=halves, systems=systems, pages=args.pages, log=log)
    text = "\n".join(wcxb.render(results))
    print(text)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        readme.write_atomically(args.out / "WCXB.md", text)
    return 0
