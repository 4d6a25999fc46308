"""The command line under load: time and peak memory as the input folder grows.

The command line's `main()` is run on a folder holding 1, 2, 4, 8 copies of a corpus
(symbolic links, so the folder costs no disk). If its peak RSS stays flat while the input
grows 8-fold, memory does not depend on corpus size. The `-j 1`/`-j 2` throughput table
comes from `benchmarks/cli_throughput.py`, written separately, when it is there.
"""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

from .corpora import Corpus
from .measure import peak_rss_kb
from .results import CliPoint
from .scoring import ROOT

USAGE_ERROR = 2
CLI_THROUGHPUT = pathlib.Path(__file__).resolve().parent / "cli_throughput.py"


def _folder(corpus: Corpus, copies: int, root: pathlib.Path) -> None:
    """`copies` copies of the corpus under `root`, as links that keep each file's name."""
    for k in range(copies):
        for i, path in enumerate(corpus.paths):
            link = root / f"copy{k}" / f"{i:05d}" / pathlib.Path(path).name
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(pathlib.Path(path).resolve())


def run_cli(corpus: Corpus, copies: int, cpu: int | None, timeout: float) -> CliPoint:
    """One `cleanarticle FOLDER -o OUT -j 1` run (via `_child`), with its own peak RSS.

    `-j 1` because the peak RSS read is one process's: the memory of `-j 2` (workers and
    all) is cli_throughput.py's to show.
    """
    with tempfile.TemporaryDirectory(prefix="cleanarticle-cli-") as tmp:
        folder, out, report = pathlib.Path(tmp, "in"), pathlib.Path(tmp, "out.jsonl"), pathlib.Path(tmp, "peak.json")
        _folder(corpus, copies, folder)
        pin = (lambda: os.sched_setaffinity(0, {cpu})) if cpu is not None and hasattr(os, "sched_setaffinity") else None
        for jobs in (["-j", "1"], []):  # one process; a CLI without -j (older) gets the plain command
            cmd = [sys.executable, "-m", "benchmarks.cli_bench", str(report), str(folder), "-o", str(out), *jobs]
            start = time.perf_counter()
            try:
                proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      text=True, errors="replace", preexec_fn=pin, timeout=timeout)
                done = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
                said = proc.stderr.strip().splitlines()[-1:] if proc.stderr.strip() else []
            except subprocess.TimeoutExpired:
                done, said = {}, [f"ran past {timeout:.0f} s"]
            seconds = time.perf_counter() - start
            if done.get("exit") != USAGE_ERROR:
                break
        records = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
    return CliPoint(corpus.name, copies, copies * len(corpus.paths),
                    copies * sum(os.path.getsize(p) for p in corpus.paths), seconds,
                    done.get("peak_rss_kb", 0), done.get("exit", -1), records, " ".join(said)[:200])


def _child(report: str, argv: list[str]) -> int:
    """Run the command line's `main(argv)` here, then record its exit status and peak RSS.

    A wrapper rather than the console script because a process's peak RSS can only be
    read from inside it (see `measure.peak_rss_kb`).
    """
    from cleanarticle.cli import main

    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    pathlib.Path(report).write_text(json.dumps({"exit": code, "peak_rss_kb": peak_rss_kb()}), encoding="utf-8")
    return code


def cli_throughput(timeout: float, quick: bool = False) -> str:
    """What `benchmarks/cli_throughput.py [--quick]` prints on stdout (JSON rows), or why nothing."""
    if not CLI_THROUGHPUT.is_file():
        return "skipped: benchmarks/cli_throughput.py does not exist yet"
    try:
        proc = subprocess.run([sys.executable, str(CLI_THROUGHPUT), *(["--quick"] if quick else [])], cwd=ROOT,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"skipped: benchmarks/cli_throughput.py ran past {timeout:.0f} s"
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:]
        return f"skipped: benchmarks/cli_throughput.py exited {proc.returncode}: {tail}"
    return proc.stdout.strip()


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1], sys.argv[2:]))
