"""Run one system over a list of files: outputs for scoring, pass times, peak memory.

`measure()` runs in the calling process (the smoke test uses it so). `measure_isolated()`
runs it in a fresh child process, `python -m benchmarks.measure JOB RESULT`, so that the
peak RSS the child reports is that system's alone, and a peer that crashes or hangs the
interpreter costs its row, not the benchmark.

A page that raises or runs past `page_timeout` counts as empty output, and the reason is
kept per page. The timer is SIGALRM: it interrupts Python code, not a C call in progress;
a C call that never returns is caught by the child's overall timeout instead.
"""
from __future__ import annotations

import json
import os
import pathlib
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from .scoring import ROOT, Extract
from .systems import SYSTEMS, Extractor, NotAvailable, System

OK, NOT_AVAILABLE, CRASHED = "ok", "n/a", "crashed"


@dataclass(frozen=True)
class Job:
    """What a child measures: a system by name over files (each with its page language)."""

    system: str
    paths: tuple[str, ...]
    langs: tuple[str | None, ...]
    reps: int = 3
    page_timeout: float = 30.0
    collect: bool = True       # keep the warm-up outputs (False for scaling runs: memory)
    warmup: int | None = None  # pages in the warm-up pass (None: all)
    cpu: int | None = None     # pin the child to this core


@dataclass(frozen=True)
class Measurement:
    """One system over one list of files."""

    system: str
    status: str                              # OK, NOT_AVAILABLE or CRASHED
    note: str = ""
    outputs: tuple[Extract, ...] = ()        # warm-up pass, one per page (if collected)
    errors: tuple[str | None, ...] = ()      # per page: None, "timeout" or "Type: message"
    times: tuple[float, ...] = ()            # seconds for each timed pass over all pages
    n_docs: int = 0
    n_bytes: int = 0
    peak_rss_kb: int = 0                     # peak RSS of the process at the end
    loaded_rss_kb: int = 0                   # peak RSS once the library was imported

    @property
    def failures(self) -> int:
        return sum(e is not None for e in self.errors)

    def docs_per_s(self, how: str = "best") -> float:
        t = min(self.times) if how == "best" else statistics.median(self.times)
        return self.n_docs / t if t > 0 else float("inf")

    def mb_per_s(self, how: str = "best") -> float:
        t = min(self.times) if how == "best" else statistics.median(self.times)
        return self.n_bytes / 1e6 / t if t > 0 else float("inf")


class _PageTimeout(BaseException):
    """BaseException, so that a peer's own `except Exception` cannot swallow it."""


def _on_alarm(signum, frame):
    raise _PageTimeout


def _run_page(extract: Extractor, path: str, lang: str | None, timeout: float | None) -> tuple[Extract, str | None]:
    if timeout:
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        out = extract(pathlib.Path(path).read_bytes(), lang)
        return (out, None) if isinstance(out, Extract) else (Extract(), f"returned {type(out).__name__}")
    except _PageTimeout:
        return Extract(), "timeout"
    except Exception as exc:  # a peer's bug on one page is that page's failure
        return Extract(), f"{type(exc).__name__}: {str(exc)[:120]}"
    finally:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)


def peak_rss_kb() -> int:
    """This process's peak resident memory in kB.

    On Linux this is VmHWM, the high-water mark of the process's own address space:
    `ru_maxrss` is not used there because exec carries the spawning process's peak
    into it, so a child started by a big parent would report the parent's memory.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(system: System, paths: Sequence[str], langs: Sequence[str | None], *, reps: int = 3,
            page_timeout: float | None = 30.0, collect: bool = True, warmup: int | None = None) -> Measurement:
    """Warm-up pass (its outputs are the ones scored), then `reps` timed passes.

    `warmup` limits the warm-up to the first pages: a scaling run repeats one corpus, and
    warming up on all its copies would only cost time.
    """
    if len(paths) != len(langs):
        raise ValueError("one language (or None) per path")
    try:
        extract = system.load()
    except NotAvailable as exc:
        return Measurement(system.name, NOT_AVAILABLE, str(exc), n_docs=len(paths))
    loaded = peak_rss_kb()
    timeout = page_timeout if threading.current_thread() is threading.main_thread() else None
    previous = signal.signal(signal.SIGALRM, _on_alarm) if timeout else None
    try:
        outputs, errors = [], []
        for path, lang in list(zip(paths, langs))[:warmup]:
            out, err = _run_page(extract, path, lang, timeout)
            errors.append(err)
            if collect:
                outputs.append(out)
        times = []
        for _ in range(reps):
            start = time.perf_counter()
            for path, lang in zip(paths, langs):
                _run_page(extract, path, lang, timeout)
            times.append(time.perf_counter() - start)
    finally:
        if timeout:
            signal.signal(signal.SIGALRM, previous)
    return Measurement(system.name, OK, "", tuple(outputs), tuple(errors), tuple(times), len(paths),
                       sum(os.path.getsize(p) for p in paths), peak_rss_kb(), loaded)


def measure_isolated(job: Job, timeout: float) -> Measurement:
    """`measure()` in a child process; a crash or time-out is a CRASHED row, not an exception."""
    with tempfile.TemporaryDirectory(prefix="cleanarticle-bench-") as tmp:
        job_file, result_file = pathlib.Path(tmp, "job.json"), pathlib.Path(tmp, "result.json")
        job_file.write_text(json.dumps(asdict(job)), encoding="utf-8")
        cmd = [sys.executable, "-m", "benchmarks.measure", str(job_file), str(result_file)]
        try:
            proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
            if proc.returncode == 0 and result_file.exists():
                return from_json(json.loads(result_file.read_text(encoding="utf-8")))
            why = f"child exited {proc.returncode}: {(proc.stderr or '').strip().splitlines()[-1:]}"
        except subprocess.TimeoutExpired:
            why = f"child ran past {timeout:.0f} s"
    return Measurement(job.system, CRASHED, why, tuple(Extract() for _ in job.paths),
                       tuple("crashed" for _ in job.paths), n_docs=len(job.paths))


def from_json(data: dict) -> Measurement:
    data = dict(data)
    data["outputs"] = tuple(Extract(**o) for o in data["outputs"])
    for key in ("errors", "times"):
        data[key] = tuple(data[key])
    return Measurement(**data)


def _child(job_file: str, result_file: str) -> int:
    job = Job(**json.loads(pathlib.Path(job_file).read_text(encoding="utf-8")))
    if job.cpu is not None and hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {job.cpu})
        except OSError:
            pass  # not allowed here: run unpinned, the report says which core was asked for
    result = measure(SYSTEMS[job.system], job.paths, job.langs, reps=job.reps,
                     page_timeout=job.page_timeout, collect=job.collect, warmup=job.warmup)
    pathlib.Path(result_file).write_text(json.dumps(asdict(result)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(_child(*sys.argv[1:3]))
