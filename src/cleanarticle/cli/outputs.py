"""Where a run's results go, written so that an interrupted run never leaves a half-written file.

- stdout: JSON lines.
- `-o FILE.jsonl` / `-o FILE.json`: records are appended to the journal `FILE.partial`
  (whole lines only) and the journal becomes FILE by an atomic rename at the end. A run that
  is interrupted leaves FILE as it was and the journal behind; `--resume` continues it.
- `-o DIR/`: one file per input mirroring the input tree, each written to a temporary
  file and renamed; `--resume` skips inputs whose output exists.
"""

from __future__ import annotations

import array
import bisect
import contextlib
import hashlib
import itertools
import os
from collections.abc import Iterable
from typing import BinaryIO, Protocol

from . import records
from .files import InputFile

_tmp_counter = itertools.count()


def write_atomic(path: str, text: str) -> None:
    """Write `text` (UTF-8) to `path` through a temporary file in the same folder and a rename."""
    tmp = _temp_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies, as for open()
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise


def _temp_name(path: str) -> str:
    """A hidden sibling of `path` (hidden, so a later walk of that folder skips it)."""
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.{os.getpid()}-{next(_tmp_counter)}.tmp")


def _unlink(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


class PathSet:
    """The paths already done (for --resume) as sorted 64-bit hashes: 8 bytes a path, so
    resuming a run over millions of files stays small."""

    def __init__(self, hashes: Iterable[int] = ()):
        self._hashes = array.array("Q", sorted(set(hashes)))

    @staticmethod
    def hash(path: str) -> int:
        return int.from_bytes(hashlib.blake2b(path.encode("utf-8", "surrogateescape"), digest_size=8).digest(), "big")

    def __contains__(self, path: str) -> bool:
        h = self.hash(path)
        i = bisect.bisect_left(self._hashes, h)
        return i < len(self._hashes) and self._hashes[i] == h

    def __len__(self) -> int:
        return len(self._hashes)


class Sink(Protocol):
    """An output target: `done` (already written, for --resume), `write`, then `finish` or `abort`."""

    def done(self, src: InputFile) -> bool: ...
    def write(self, src: InputFile, payload: str) -> None: ...
    def finish(self) -> None: ...
    def abort(self) -> None: ...


class StdoutSink:
    """JSON lines on stdout (UTF-8 whatever the locale), flushed as they come so a pipe sees them."""

    def __init__(self, stream: BinaryIO):
        self._out = stream

    def done(self, src: InputFile) -> bool:
        return False

    def write(self, src: InputFile, payload: str) -> None:
        self._out.write(payload.encode("utf-8", "backslashreplace"))
        self._out.flush()

    def finish(self) -> None:
        self._out.flush()

    def abort(self) -> None:
        pass


class RecordFileSink:
    """`-o FILE.jsonl` or `-o FILE.json` through the journal `FILE.partial` (see module doc)."""

    def __init__(self, path: str, resume: bool):
        self.path = path
        self.journal = path + ".partial"
        self.as_array = path.lower().endswith(".json")
        self.resumed = PathSet()
        if resume:
            self.resumed = PathSet(self._reopen_journal())
        # Open for the whole run (closed by close()/abort()), so no context manager here.
        self._out = open(  # noqa: SIM115
            self.journal, "a" if resume else "w", encoding="utf-8", errors="backslashreplace", newline=""
        )

    def done(self, src: InputFile) -> bool:
        return src.path in self.resumed

    def write(self, src: InputFile, payload: str) -> None:
        self._out.write(payload)
        self._out.flush()  # each finished record reaches the file: a killed run keeps it

    def finish(self) -> None:
        self._out.close()
        if not self.as_array:
            os.replace(self.journal, self.path)
            return
        tmp = _temp_name(self.path)
        try:
            with open(self.journal, "rb") as src, open(tmp, "xb") as out:
                out.write(b"[")
                for i, line in enumerate(src):
                    out.write((b"\n" if i == 0 else b",\n") + line.rstrip(b"\n"))
                out.write(b"\n]\n")
            os.replace(tmp, self.path)
        except BaseException:
            _unlink(tmp)
            raise
        os.unlink(self.journal)

    def abort(self) -> None:
        """Keep the journal (whole records only) for --resume."""
        self._out.close()

    def _reopen_journal(self) -> array.array:
        """The path hashes of the complete records of the interrupted run's journal, which is cut
        back to its last complete record; with no journal, one is started from a finished
        FILE (so --resume after a completed run adds only what is new)."""
        source = self.journal if os.path.exists(self.journal) else self.path
        hashes = array.array("Q")
        if not os.path.exists(source):
            return hashes
        tmp = _temp_name(self.journal)
        try:
            with open(source, "rb") as f, open(tmp, "xb") as out:
                for raw in f:
                    if not raw.endswith(b"\n"):
                        break  # cut off by the interruption
                    line = raw.rstrip(b"\r\n").rstrip(b",")
                    if line in (b"[", b"]", b""):  # a finished .json array's frame
                        continue
                    path = records.record_path(line.decode("utf-8", "surrogateescape"))
                    if path is None:
                        break
                    hashes.append(PathSet.hash(path))
                    out.write(line + b"\n")
            os.replace(tmp, self.journal)
        except BaseException:
            _unlink(tmp)
            raise
        return hashes


class FolderSink:
    """`-o DIR/`: each input's output at DIR/<its path below the mirror base> + .json or .txt.

    The suffix is added, never swapped: a/b.html becomes a/b.html.json. Adding is one-to-one,
    so two inputs can never write the same output (swapping would map a/b.txt and a/b.html,
    or two globs over one folder, onto one name and silently lose one of them).
    """

    def __init__(self, root: str, ext: str):
        self.root, self.ext = root, ext
        self._made: str | None = None

    def target(self, src: InputFile) -> str:
        return os.path.join(self.root, src.rel + self.ext)

    def done(self, src: InputFile) -> bool:
        return os.path.isfile(self.target(src))

    def write(self, src: InputFile, payload: str) -> None:
        target = self.target(src)
        folder = os.path.dirname(target)
        if folder != self._made:
            os.makedirs(folder, exist_ok=True)
            self._made = folder
        write_atomic(target, payload)

    def finish(self) -> None:
        pass

    def abort(self) -> None:
        pass


class ErrorLog:
    """Failures and skips as JSON lines ({"path", "stage", "error"}), in a temporary file renamed to
    `path` when the run ends; a run without failures removes an older log at `path`."""

    def __init__(self, path: str):
        self.path = path
        self.count = 0
        self._tmp = _temp_name(path)
        self._out = open(self._tmp, "x", encoding="utf-8", errors="backslashreplace", newline="")  # noqa: SIM115 (held for the run)

    def add(self, path: str, stage: str, error: str) -> None:
        self.count += 1
        self._out.write(records.json_object({"path": path, "stage": stage, "error": error}))

    def close(self) -> None:
        self._out.close()
        if self.count:
            os.replace(self._tmp, self.path)
        else:
            _unlink(self._tmp)
            _unlink(self.path)
