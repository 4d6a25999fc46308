"""Throughput of cleanarticle on each engine, with 1 and 2 workers.

    python benchmarks/engines.py                     # seeds x100 and readability x2, 3 repetitions
    python benchmarks/engines.py --quick             # seeds x10 and readability x1, 1 repetition
    python benchmarks/engines.py --engines loop,datatrove --workers 2

Engines, all over the same documents:

- `loop`: `clean()` in a for loop over texts in memory: the cost of cleaning itself;
- `pool`: `multiprocessing.Pool(W).imap(chunksize=16)` over texts in memory, records back
  to the parent (pool start included);
- `cli`: `cleanarticle DIR -o out.jsonl -j W -q` on one file per document (interpreter
  start, reading and writing included);
- `datatrove`: `LocalPipelineExecutor(JsonlReader -> CleanArticleExtractor -> JsonlWriter,
  tasks=8, workers=W)` on 8 JSON-lines files (executor start included); `--datatrove-tasks 1`
  runs them as one task, to show what each task's new sandbox process costs;
- `dask`: `clean_bag(read_text(8 JSON-lines files))` written with `to_textfiles`, on a
  `LocalCluster(n_workers=W, threads_per_worker=1, processes=True)` started and warmed up
  beforehand (a cluster is long-lived); its start time is reported apart.

Each run is a fresh subprocess (`--one`), so no engine inherits another's state. Printed:
docs/s (median of the repetitions, and the range), speed-up over `loop`, the fixed cost
of a run (its wall time on 8 documents), and the CPU each document costs: the CPU time of
the run's whole process tree (sampled with psutil every 20 ms, so a process loses at most
its last 20 ms) on the big corpus less that on 8 documents, per extra document. Its
excess over `loop`'s is the engine's overhead per document, which wall time cannot show
on a shared machine: there, compare medians, read the range and the load printed with
each table (and the share of a core `loop` got: the CPU it used over its wall time).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
READABILITY = ROOT / "tests" / "corpora" / "readability"
ENGINES = ("loop", "pool", "cli", "datatrove", "dask")
INPUT_FILES = 8      # JSON-lines files = datatrove tasks = dask partitions
FILES_PER_FOLDER = 100
TINY_DOCS = INPUT_FILES  # the "fixed cost" run: one document per input file
CPU_SAMPLE_S = 0.02  # psutil sampling period of the process tree's CPU time


class TreeCPU:
    """CPU seconds used by this process and every descendant while the block runs.

    `RUSAGE_CHILDREN` misses the engines' workers (a forkserver's children are reaped by
    it, and it is never reaped), so the tree is sampled instead: each process's latest
    user+system time, less what it had used when the block started. The sampling thread's
    own CPU is subtracted. Without psutil `seconds` is NaN.
    """

    def __enter__(self) -> "TreeCPU":
        try:
            import psutil
        except ImportError:
            self._psutil, self.seconds = None, float("nan")
            return self
        self._psutil, self._me = psutil, psutil.Process()
        self._start = self._sample()
        self._last = dict(self._start)
        self._stop, self._sampler_cpu = threading.Event(), 0.0
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> dict[tuple[int, float], float]:
        out = {}
        for proc in [self._me, *self._me.children(recursive=True)]:
            try:
                times = proc.cpu_times()
                out[(proc.pid, proc.create_time())] = times.user + times.system
            except self._psutil.Error:  # ended between the listing and the reading
                pass
        return out

    def _poll(self) -> None:
        while not self._stop.wait(CPU_SAMPLE_S):
            self._last.update(self._sample())
        self._sampler_cpu = time.thread_time()

    def __exit__(self, *exc: object) -> None:
        if self._psutil is None:
            return
        self._stop.set()
        self._thread.join()
        self._last.update(self._sample())
        used = sum(cpu - self._start.get(key, 0.0) for key, cpu in self._last.items())
        self.seconds = used - self._sampler_cpu


# --- corpora -------------------------------------------------------------------------

def corpus_texts(name: str, copies: int) -> list[str]:
    if name == "seeds":
        pages = sorted(SEEDS.glob("*.txt"))
    elif name == "readability":
        pages = sorted(READABILITY.glob("*/source.txt"))
    else:
        raise ValueError(f"unknown corpus {name!r}")
    return [p.read_text(encoding="utf-8") for p in pages] * copies


def materialise(texts: list[str], folder: pathlib.Path) -> None:
    """The same documents as JSON-lines files (`jsonl/`) and as one file each (`files/`)."""
    (folder / "jsonl").mkdir(parents=True)
    outs = [(folder / "jsonl" / f"part-{i:02d}.jsonl").open("w", encoding="utf-8") for i in range(INPUT_FILES)]
    for i, text in enumerate(texts):
        outs[i % INPUT_FILES].write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n")
        sub = folder / "files" / f"{i // FILES_PER_FOLDER:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    for out in outs:
        out.close()


def read_jsonl_texts(folder: pathlib.Path) -> list[str]:
    return [json.loads(line)["text"] for f in sorted((folder / "jsonl").glob("*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines()]


# --- one run (in its own process) -----------------------------------------------------

def _record(text: str) -> dict:
    from cleanarticle import CleanOptions
    from cleanarticle.integrations.documents import EngineOptions, clean_document, record_fields

    return record_fields(clean_document(text, EngineOptions(CleanOptions(format="text"))))


def run_loop(folder: pathlib.Path, workers: int, out: pathlib.Path) -> dict:
    texts = read_jsonl_texts(folder)
    start = time.perf_counter()
    with TreeCPU() as cpu:
        for text in texts:
            _record(text)
    return {"docs": len(texts), "wall": time.perf_counter() - start, "cpu": cpu.seconds}


def run_pool(folder: pathlib.Path, workers: int, out: pathlib.Path) -> dict:
    texts = read_jsonl_texts(folder)
    start = time.perf_counter()
    with TreeCPU() as cpu:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            n = sum(1 for _ in pool.imap(_record, texts, chunksize=16))
    return {"docs": n, "wall": time.perf_counter() - start, "cpu": cpu.seconds}


def run_cli(folder: pathlib.Path, workers: int, out: pathlib.Path) -> dict:
    docs = sum(1 for _ in (folder / "files").rglob("*.txt"))
    start = time.perf_counter()
    with TreeCPU() as cpu:
        subprocess.run([sys.executable, "-m", "cleanarticle", str(folder / "files"), "-o", str(out / "out.jsonl"),
                        "-j", str(workers), "-q", "--format", "text"], check=True)
    wall = time.perf_counter() - start
    assert sum(1 for _ in (out / "out.jsonl").open(encoding="utf-8")) == docs
    return {"docs": docs, "wall": wall, "cpu": cpu.seconds}


def run_datatrove(folder: pathlib.Path, workers: int, out: pathlib.Path, tasks: int = INPUT_FILES) -> dict:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleanarticle.integrations.datatrove import CleanArticleTextExtractor

    docs = len(read_jsonl_texts(folder))
    start = time.perf_counter()
    with TreeCPU() as cpu:
        LocalPipelineExecutor(
            pipeline=[JsonlReader(str(folder / "jsonl")), CleanArticleTextExtractor(),
                      JsonlWriter(str(out / "clean"), compression=None)],
            tasks=tasks, workers=workers, logging_dir=str(out / "logs"),
        ).run()
    wall = time.perf_counter() - start
    written = sum(1 for f in (out / "clean").glob("*.jsonl") for _ in f.open(encoding="utf-8"))
    assert written == docs, (written, docs)
    return {"docs": docs, "wall": wall, "cpu": cpu.seconds}


def run_dask(folder: pathlib.Path, workers: int, out: pathlib.Path) -> dict:
    import dask
    import dask.bag as db
    from distributed import Client, LocalCluster

    from cleanarticle.integrations.dask import clean_bag

    docs = len(read_jsonl_texts(folder))
    start = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        warm = clean_bag(db.from_sequence(["Warm up the workers."] * workers, npartitions=workers), format="text")
        warm.compute()  # workers import cleanarticle and dask.bag before the clock starts
        started = time.perf_counter() - start
        start = time.perf_counter()
        with TreeCPU() as cpu:
            bag = db.read_text(str(folder / "jsonl" / "*.jsonl"), blocksize=None).map(json.loads)
            dask.compute(clean_bag(bag, format="text").map(json.dumps, ensure_ascii=False)
                         .to_textfiles(str(out / "clean" / "*.jsonl"), last_endline=True, compute=False))
        wall = time.perf_counter() - start
    written = sum(1 for f in (out / "clean").glob("*.jsonl") for _ in f.open(encoding="utf-8"))
    assert written == docs, (written, docs)
    return {"docs": docs, "wall": wall, "cpu": cpu.seconds, "start": started}


RUNNERS = {"loop": run_loop, "pool": run_pool, "cli": run_cli, "datatrove": run_datatrove, "dask": run_dask}


def one(engine: str, workers: int, folder: pathlib.Path, datatrove_tasks: int = INPUT_FILES) -> dict:
    """One timed run, in a fresh process; its engine's chatter goes to /dev/null."""
    with tempfile.TemporaryDirectory(prefix="engines-out-") as out:
        done = subprocess.run([sys.executable, __file__, "--one", engine, str(workers), str(folder), out,
                               "--datatrove-tasks", str(datatrove_tasks)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    if done.returncode != 0:
        return {"error": f"exit {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the whole benchmark --------------------------------------------------------------

def measure(engine: str, workers: int, big: pathlib.Path, tiny: pathlib.Path, repeat: int,
            datatrove_tasks: int = INPUT_FILES) -> dict:
    runs = [one(engine, workers, big, datatrove_tasks) for _ in range(repeat)]
    fixed = one(engine, workers, tiny, datatrove_tasks)
    if any("error" in r for r in [*runs, fixed]):
        return {"engine": engine, "workers": workers,
                "error": next(r["error"] for r in [*runs, fixed] if "error" in r)}
    rates = [r["docs"] / r["wall"] for r in runs]
    cpu = statistics.median(r["cpu"] for r in runs)
    row = {"engine": engine, "workers": workers, "docs": runs[0]["docs"],
           "docs_per_s": statistics.median(rates), "docs_per_s_min": min(rates), "docs_per_s_max": max(rates),
           "wall_s": statistics.median(r["wall"] for r in runs), "fixed_s": fixed["wall"],
           "cpu_s": cpu, "fixed_cpu_s": fixed["cpu"],
           "cpu_ms_per_doc": 1000 * (cpu - fixed["cpu"]) / (runs[0]["docs"] - fixed["docs"])}
    if "start" in runs[0]:
        row["cluster_start_s"] = statistics.median(r["start"] for r in runs)
    return row


def add_overheads(rows: list[dict]) -> None:
    """Speed-up over `loop`, and CPU per document beyond `loop`'s (the engine's overhead)."""
    loop = next((r for r in rows if r["engine"] == "loop" and "error" not in r), None)
    if loop is None:
        return
    for r in rows:
        if "error" not in r:
            r["speedup"] = r["docs_per_s"] / loop["docs_per_s"]
            r["overhead_ms_per_doc"] = r["cpu_ms_per_doc"] - loop["cpu_ms_per_doc"]


def table(corpus: str, rows: list[dict], load: tuple[float, float]) -> str:
    loop = next((r for r in rows if r["engine"] == "loop" and "error" not in r), None)
    share = f"; loop got {loop['cpu_s'] / loop['wall_s']:.0%} of a core" if loop else ""
    lines = [f"\n{corpus}: {rows[0].get('docs', '?')} documents; load average {load[0]:.1f} before, "
             f"{load[1]:.1f} after (2 cores){share}",
             "| engine | workers | docs/s (median, range) | speed-up vs loop | fixed cost per run | "
             "CPU per doc | overhead per doc (CPU) |",
             "|---|---|---|---|---|---|---|"]
    nan = float("nan")
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['engine']} | {r['workers']} | failed: {r['error']} | | | | |")
            continue
        start = f" (+ cluster start {r['cluster_start_s']:.1f} s)" if "cluster_start_s" in r else ""
        lines.append(f"| {r['engine']} | {r['workers']} | {r['docs_per_s']:.0f} ({r['docs_per_s_min']:.0f}-"
                     f"{r['docs_per_s_max']:.0f}) | {r.get('speedup', nan):.2f}x | {r['fixed_s']:.2f} s{start} | "
                     f"{r['cpu_ms_per_doc']:.1f} ms | {r.get('overhead_ms_per_doc', nan):+.1f} ms |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engines", default=",".join(ENGINES), help=f"comma-separated, of {', '.join(ENGINES)}")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seeds-copies", type=int, default=100)
    parser.add_argument("--readability-copies", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="seeds x10, readability x1, 1 repetition")
    parser.add_argument("--datatrove-tasks", type=int, default=INPUT_FILES,
                        help=f"datatrove tasks (default {INPUT_FILES}, one per input file; fewer tasks share files)")
    parser.add_argument("--one", nargs=4, metavar=("ENGINE", "WORKERS", "CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        engine, workers, folder, out = args.one
        extra = {"tasks": args.datatrove_tasks} if engine == "datatrove" else {}
        print(json.dumps(RUNNERS[engine](pathlib.Path(folder), int(workers), pathlib.Path(out), **extra)))
        return 0
    if args.quick:
        args.seeds_copies, args.readability_copies, args.repeat = 10, 1, 1
    engines = [e for e in args.engines.split(",") if e]
    unknown = sorted(set(engines) - set(ENGINES))
    if unknown:
        parser.error(f"unknown engine(s) {', '.join(unknown)}")
    print(f"machine: {os.cpu_count()} cores; {args.repeat} repetition(s); timings on a shared machine are noisy",
          file=sys.stderr)
    results = {}
    for corpus, copies in (("seeds", args.seeds_copies), ("readability", args.readability_copies)):
        texts = corpus_texts(corpus, copies)
        with tempfile.TemporaryDirectory(prefix=f"engines-{corpus}-") as tmp:
            big, tiny = pathlib.Path(tmp, "big"), pathlib.Path(tmp, "tiny")
            materialise(texts, big)
            materialise(texts[:TINY_DOCS], tiny)
            rows, load_before = [], os.getloadavg()[0]
            for engine in engines:
                for workers in ([1] if engine == "loop" else args.workers):
                    rows.append(measure(engine, workers, big, tiny, args.repeat, args.datatrove_tasks))
                    print(f"  {corpus} {engine} x{workers}: {rows[-1].get('docs_per_s', rows[-1].get('error'))}",
                          file=sys.stderr)
        add_overheads(rows)
        load = (load_before, os.getloadavg()[0])
        results[corpus] = {"load_average": load, "rows": rows}
        print(table(corpus, rows, load), file=sys.stderr)
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
