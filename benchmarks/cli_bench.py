"""The command line under load: time and peak memory as the input folder grows.

`cleanarticle FOLDER -o out.jsonl -j N` runs on a folder holding 1, 2, 4, 8 copies of a
corpus (symbolic links, so the folder costs no disk), once per `-j` setting. If memory
stays flat while the input grows 8-fold, it does not depend on corpus size.

Memory is read two ways. The main process records its own high-water mark (VmHWM) as it
exits: exact, but blind to workers. A sampler (`cli_throughput.MemorySampler`) watches the
whole process tree (main, forkserver, workers) from outside: the sum of every process's
VmHWM (each at its own peak, so an upper bound of the tree's peak that sampling cannot
miss), and the largest PSS sum seen (shared pages counted once, but only when sampled).
"""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

from .cli_throughput import MemorySampler
from .corpora import Corpus
from .measure import peak_rss_kb
from .results import CliPoint
from .scoring import ROOT


def _folder(corpus: Corpus, copies: int, root: pathlib.Path) -> None:
    """`copies` copies of the corpus under `root`, as links that keep each file's name."""
    for k in range(copies):
        for i, path in enumerate(corpus.paths):
            link = root / f"copy{k}" / f"{i:05d}" / pathlib.Path(path).name
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(pathlib.Path(path).resolve())


def _pin(cpu: int | None, jobs: int):
    """`-j 1` runs on the one core the library rows use; `-j N` keeps the cores it may use."""
    if cpu is None or jobs != 1 or not hasattr(os, "sched_setaffinity"):
        return None
    return lambda: os.sched_setaffinity(0, {cpu})


def run_cli(corpus: Corpus, copies: int, jobs: int, cpu: int | None, timeout: float) -> CliPoint:
    """One `cleanarticle FOLDER -o OUT -j JOBS` run (via `_child`), with its memory."""
    with tempfile.TemporaryDirectory(prefix="cleanarticle-cli-") as tmp:
        folder, out, report = pathlib.Path(tmp, "in"), pathlib.Path(tmp, "out.jsonl"), pathlib.Path(tmp, "peak.json")
        _folder(corpus, copies, folder)
        cmd = [sys.executable, "-m", "benchmarks.cli_bench", str(report), str(folder), "-o", str(out),
               "-j", str(jobs)]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True, errors="replace", preexec_fn=_pin(cpu, jobs))
        sampler = MemorySampler(proc.pid) if os.path.isdir("/proc") else None
        try:
            _, err = proc.communicate(timeout=timeout)
            said = err.strip().splitlines()[-1:]
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            said = [f"ran past {timeout:.0f} s"]
        finally:
            if sampler:
                sampler.stop()
        seconds = time.perf_counter() - start
        done = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
        records = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
    main_kb = done.get("peak_rss_kb", 0)
    peaks = dict(sampler.peaks_kb) if sampler else {}
    peaks[proc.pid] = max(peaks.get(proc.pid, 0), main_kb)  # the exact figure beats the last sample
    return CliPoint(corpus.name, copies, copies * len(corpus.paths),
                    copies * sum(os.path.getsize(p) for p in corpus.paths), seconds,
                    main_kb, done.get("exit", proc.returncode if proc.returncode is not None else -1), records,
                    " ".join(said)[:200], jobs=jobs, tree_peak_kb=sum(peaks.values()),
                    pss_kb=sampler.total_kb if sampler else 0, processes=len(peaks))


def _child(report: str, argv: list[str]) -> int:
    """Run the command line's `main(argv)` here, then record its exit status and peak RSS.

    A wrapper rather than the console script because a process's exact peak RSS can only
    be read from inside it (see `measure.peak_rss_kb`).
    """
    from cleanarticle.cli import main

    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    pathlib.Path(report).write_text(json.dumps({"exit": code, "peak_rss_kb": peak_rss_kb()}), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1], sys.argv[2:]))
