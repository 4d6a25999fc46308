"""Cleaning many files: one at a time in this process, or in worker processes that stream.

Results always come back in input order (a bounded reorder window), so `-j 1` and `-j N`
write the same bytes. A file that runs past `timeout` is stopped by SIGALRM inside the
process that cleans it (Python code and the `regex` engine both check signals); a worker
that still does not answer `KILL_GRACE` seconds later (stuck in native code) is killed
and replaced. A worker that dies fails only its current file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import multiprocessing.connection
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator

from .. import confidence
from ..model import Article
from ..options import DEFAULT as DEFAULT_OPTIONS
from ..options import CleanOptions
from ..pipeline import clean
from . import records
from .files import STDIN, InputFile

# Files each worker may be ahead of the oldest unfinished one: bounds memory while a
# slow file holds up the ordered output, and keeps every worker busy meanwhile.
WINDOW_PER_WORKER = 8
# A worker that ignores SIGALRM this long after its timeout is killed.
KILL_GRACE = 1.0
# A NUL byte this early means a binary file (image, archive, PDF), not a page.
BINARY_SNIFF_BYTES = 8192
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclasses.dataclass(frozen=True, slots=True)
class Job:
    """What to do with every file of a run: the same for all of them."""

    fields: tuple[str, ...] = records.DEFAULT_FIELDS
    document: str | None = None  # "txt" (the body) or "md" (Markdown) alone, for `-o DIR/ --as txt|md`
    # How to clean every page (lang, rules turned off, ...); its max_bytes refuses larger
    # files before they are read whole. Each file's format comes from its name.
    options: CleanOptions = DEFAULT_OPTIONS
    timeout: float | None = None  # seconds per file
    traceback: bool = False  # keep the traceback of a failure (-v)
    min_confidence: float | None = None  # pages below it are skipped (listed, not written)
    kinds: frozenset[str] | None = None  # pages of other kinds are skipped
    # What cleans one page: `clean`, or a module-level stand-in (picklable, for the workers)
    # that the tests pass to make a slow or hanging file. Nothing outside the code chooses it.
    cleaner: Callable[..., Article] = clean


@dataclasses.dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: its output text, or the stage and error it failed with."""

    source: InputFile
    payload: str | None = None
    stage: str | None = None  # "read", "size", "binary", "clean", "timeout", "worker"; skips:
    error: str | None = None  # "confidence", "kind" (a cleaned page the filters leave out)
    skipped: bool = False  # a skip, not a failure: listed in the report, not counted as failed
    nbytes: int = 0
    detail: str | None = None  # the traceback, with -v


@dataclasses.dataclass(frozen=True, slots=True)
class Task:
    """An input to clean; stdin's bytes travel with it (a worker cannot read our stdin)."""

    source: InputFile
    data: bytes | None = None


class FileTimeout(Exception):
    """Raised by SIGALRM inside `clean()` when a file runs past its time."""


def tasks_for(inputs: Iterable[InputFile]) -> Iterator[Task]:
    """Tasks for the inputs; stdin is read here, in the process that owns it."""
    for src in inputs:
        if src.path != STDIN or src.error:
            yield Task(src)
            continue
        try:
            data = sys.stdin.buffer.read()
        except OSError as exc:
            yield Task(dataclasses.replace(src, error=exc.strerror or str(exc)))
            continue
        yield Task(src, data)


def process(task: Task, job: Job) -> Outcome:
    """Read, clean and render one input; every failure becomes an `Outcome`, never an exception."""
    src, max_bytes = task.source, job.options.max_bytes
    if src.error:
        return Outcome(src, stage="read", error=src.error)
    try:
        raw = task.data if task.data is not None else read_bytes(src.path, max_bytes)
    except OSError as exc:
        return Outcome(src, stage="read", error=exc.strerror or str(exc))
    if max_bytes is not None and len(raw) > max_bytes:
        return Outcome(src, stage="size", error=f"larger than --max-bytes {max_bytes:,}", nbytes=len(raw))
    nul = binary_offset(raw)
    if nul is not None:
        return Outcome(src, stage="binary", error=f"looks binary (NUL byte at offset {nul})", nbytes=len(raw))
    try:
        with _deadline(job.timeout):
            article = job.cleaner(raw, job.options, format=src.format, max_bytes=None)  # size checked above
    except FileTimeout:
        return Outcome(src, stage="timeout", error=f"took longer than {job.timeout:g} s", nbytes=len(raw))
    except Exception as exc:  # any bug or bad input in one file must not stop the run
        detail = traceback.format_exc() if job.traceback else None
        return Outcome(src, stage="clean", error=f"{type(exc).__name__}: {exc}", nbytes=len(raw), detail=detail)
    skip = confidence.skip_reason(article.confidence, article.kind, min_confidence=job.min_confidence, kinds=job.kinds)
    if skip is not None:
        return Outcome(src, stage=skip[0], error=skip[1], nbytes=len(raw), skipped=True)
    payload = (
        records.DOCUMENTS[job.document](article) if job.document else records.json_line(src.path, article, job.fields)
    )
    return Outcome(src, payload=payload, nbytes=len(raw))


def binary_offset(raw: bytes) -> int | None:
    """Where an early NUL byte shows `raw` is binary (image, archive, PDF), else None.
    UTF-16/32 text (with its BOM) has NULs and is text."""
    nul = raw.find(b"\0", 0, BINARY_SNIFF_BYTES)
    return nul if nul >= 0 and not raw.startswith(_UTF16_32_BOMS) else None


def run_here(tasks: Iterable[Task], job: Job) -> Iterator[Outcome]:
    """One file after another in this process: no start-up cost, plain tracebacks."""
    for task in tasks:
        yield process(task, job)


def read_bytes(path: str, limit: int | None = None) -> bytes:
    """The file's bytes, or its first `limit` + 1 when it is longer: enough to refuse it
    without holding a huge file (or an endless device) in memory."""
    with open(path, "rb") as f:
        return f.read() if limit is None else f.read(limit + 1)


@contextlib.contextmanager
def _deadline(seconds: float | None):
    """Raise FileTimeout in this (main) thread after `seconds`, where SIGALRM exists."""
    if not seconds or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum, _frame):
        raise FileTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _worker_main(conn, job: Job) -> None:
    """A worker: clean the tasks it is sent until told to stop (None) or the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(process(task, job))


class _Worker:
    """One worker process, its pipe, and the file it is cleaning (with its kill time)."""

    def __init__(self, ctx, job: Job):
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, job), daemon=True)
        self.proc.start()
        child.close()
        self.seq: int | None = None
        self.task: Task | None = None
        self.kill_at = float("inf")

    def send(self, seq: int, task: Task, timeout: float | None) -> None:
        self.conn.send(task)
        self.seq, self.task = seq, task
        self.kill_at = time.monotonic() + timeout + KILL_GRACE if timeout else float("inf")

    def stop(self, kill: bool) -> None:
        if kill:
            self.proc.kill()
        else:
            with contextlib.suppress(OSError):
                self.conn.send(None)
        self.proc.join(timeout=None if kill else 2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def _context():
    """forkserver where there is one (fork is unsafe once our progress threads run), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["cleanarticle.cli.runner"])
        return ctx
    return multiprocessing.get_context("spawn")


class Pool:
    """`jobs` worker processes, started as work arrives; use as a context manager so that
    leaving it (normally, by Ctrl-C or by an error) stops every worker."""

    def __init__(self, jobs: int, job: Job):
        self.jobs, self.job = jobs, job
        self._ctx = _context()
        self._workers: list[_Worker] = []

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, exc_type, *_):
        for w in self._workers:
            w.stop(kill=exc_type is not None or w.task is not None)
        self._workers = []

    def map(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Outcomes in the order of `tasks`, reading `tasks` only as workers free up."""
        pending = iter(tasks)
        window = self.jobs * WINDOW_PER_WORKER
        done: dict[int, Outcome] = {}
        sent = emitted = 0
        exhausted = False
        while True:
            while emitted in done:
                yield done.pop(emitted)
                emitted += 1
            while not exhausted and sent - emitted < window and self._has_room():
                task = next(pending, None)
                if task is None:
                    exhausted = True
                    break
                self._send(self._idle_worker(), sent, task)
                sent += 1
            busy = [w for w in self._workers if w.task is not None]
            if not busy:
                if exhausted and emitted == sent:
                    return
                continue
            for seq, outcome in self._collect(busy):
                done[seq] = outcome

    def _has_room(self) -> bool:
        return len(self._workers) < self.jobs or any(w.task is None for w in self._workers)

    def _idle_worker(self) -> _Worker:
        """An idle worker, started now if there is room for one more (see `_has_room`)."""
        for w in self._workers:
            if w.task is None:
                return w
        self._workers.append(_Worker(self._ctx, self.job))
        return self._workers[-1]

    def _send(self, worker: _Worker, seq: int, task: Task) -> None:
        try:
            worker.send(seq, task, self.job.timeout)
        except OSError:  # the worker died while idle: replace it and send again
            self._replace(worker).send(seq, task, self.job.timeout)

    def _collect(self, busy: list[_Worker]) -> Iterator[tuple[int, Outcome]]:
        """Wait for the first answer, death or kill time among busy workers."""
        wait = max(0.0, min(w.kill_at for w in busy) - time.monotonic())
        ready = set(
            multiprocessing.connection.wait(
                [w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=None if wait == float("inf") else wait
            )
        )
        now = time.monotonic()
        for w in busy:
            seq, task = w.seq, w.task
            assert seq is not None and task is not None  # busy workers have both
            if w.conn in ready:
                try:
                    outcome = w.conn.recv()
                except (EOFError, OSError):
                    outcome = None
                if outcome is not None:
                    w.seq = w.task = None
                    yield seq, outcome
                    continue
            if w.conn in ready or w.proc.sentinel in ready:
                code = w.proc.exitcode
                self._replace(w)
                yield seq, Outcome(task.source, stage="worker", error=f"worker process died (exit code {code})")
            elif now >= w.kill_at:
                self._replace(w)
                yield (
                    seq,
                    Outcome(
                        task.source, stage="timeout", error=f"took longer than {self.job.timeout:g} s (worker killed)"
                    ),
                )

    def _replace(self, worker: _Worker) -> _Worker:
        worker.stop(kill=True)
        fresh = _Worker(self._ctx, self.job)
        self._workers[self._workers.index(worker)] = fresh
        return fresh
