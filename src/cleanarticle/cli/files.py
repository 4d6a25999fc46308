"""Finding the inputs of a run: named files, folders walked lazily in a fixed order, globs.

The walk is a generator over `os.scandir`, names sorted folder by folder, so a crawl of
millions of files is never listed in memory at once (only the largest single folder is)
and two runs see the files in the same order.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
from collections.abc import Iterable, Iterator

STDIN = "-"
SUFFIX_FORMATS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}
_MAGIC = re.compile(r"[*?[]")


@dataclasses.dataclass(frozen=True, slots=True)
class Selection:
    """Which files a run takes: `include` globs (empty: the known suffixes), `exclude` globs,
    and a `format` that overrides the guess from the suffix.

    A glob without "/" matches a file or folder name anywhere; with "/" it matches the path
    below the argument it was found under. Exclusions prune whole folders.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    format: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class InputFile:
    """One input: `path` as shown to the user, `rel` below the mirror base (for `-o DIR/`),
    the `format` to clean it with, and `error` when it was found broken (e.g. an unreadable
    folder, a glob with no match)."""

    path: str
    rel: str
    format: str
    error: str | None = None


def guess_format(name: str, sel: Selection) -> str:
    """`--format` if given, else html for .html/.htm, else text (stdin: auto)."""
    if sel.format:
        return sel.format
    if name == STDIN:
        return "auto"
    return SUFFIX_FORMATS.get(os.path.splitext(name)[1].lower(), "text")


def is_glob(arg: str) -> bool:
    """A glob for us to expand: magic characters, and not the name of an existing file."""
    return bool(_MAGIC.search(arg)) and not os.path.lexists(arg)


def mirror_base(args: Iterable[str]) -> str:
    """The deepest folder holding every argument: outputs under `-o DIR/` mirror the tree below it."""
    roots = [os.path.abspath(root_of(a)) for a in args if a != STDIN]
    roots = [r if os.path.isdir(r) else os.path.dirname(r) for r in roots]
    return os.path.commonpath(roots) if roots else os.getcwd()


def root_of(arg: str) -> str:
    """The file or folder an argument covers (for a glob, the folder before its first wildcard)."""
    return split_glob(arg)[0] if is_glob(arg) else arg


def split_glob(arg: str) -> tuple[str, str]:
    """A glob as (the folder before its first wildcard, the pattern below that folder)."""
    parts = arg.split("/")
    first = next(i for i, part in enumerate(parts) if _MAGIC.search(part))
    root = "/".join(parts[:first]) or ("/" if arg.startswith("/") else os.curdir)
    return root, "/".join(parts[first:])


def iter_inputs(args: Iterable[str], sel: Selection, base: str) -> Iterator[InputFile]:
    """Every input of the run, in argument order, each folder's names sorted."""
    for arg in args:
        if arg == STDIN:
            yield InputFile(STDIN, STDIN, guess_format(STDIN, sel))
        elif is_glob(arg):
            yield from _glob(arg, sel, base)
        elif os.path.isdir(arg):
            yield from _walk(arg, "", sel, base, _selects_file)
        else:
            yield InputFile(arg, _rel(arg, base), guess_format(arg, sel))


def selects(args: Iterable[str], sel: Selection, path: str) -> bool:
    """Whether a run over `args` would read `path` (to refuse writing an output onto an input)."""
    real = os.path.realpath(path)
    for arg in args:
        if arg == STDIN:
            continue
        root = os.path.realpath(root_of(arg))
        if not is_glob(arg) and not os.path.isdir(arg):
            if root == real:
                return True
            continue
        below = os.path.relpath(real, root)
        if below.startswith(os.pardir) or below == os.curdir:
            continue
        parts = below.split(os.sep)
        if any(p.startswith(".") or _excluded(p, "/".join(parts[: i + 1]), sel) for i, p in enumerate(parts)):
            continue
        rel = "/".join(parts)
        if is_glob(arg):
            if _glob_regex(split_glob(arg)[1]).fullmatch(rel):
                return True
        elif _selects_file(parts[-1], rel, sel):
            return True
    return False


def _rel(path: str, base: str) -> str:
    return os.path.relpath(os.path.abspath(path), base)


def _selects_file(name: str, rel: str, sel: Selection) -> bool:
    if sel.include:
        return any(fnmatch.fnmatch(rel if "/" in g else name, g) for g in sel.include)
    return os.path.splitext(name)[1].lower() in SUFFIX_FORMATS


def _excluded(name: str, rel: str, sel: Selection) -> bool:
    return any(fnmatch.fnmatch(rel if "/" in g else name, g) for g in sel.exclude)


def _walk(
    folder: str, below: str, sel: Selection, base: str, wanted, max_depth: int | None = None
) -> Iterator[InputFile]:
    """Depth first, names sorted; hidden names skipped; symlinked folders not followed (no loops).

    `wanted(name, rel, sel)` picks files; `below` is the path from the argument to `folder`.
    """
    try:
        with os.scandir(folder) as it:
            entries = sorted((e.name, _kind(e)) for e in it if not e.name.startswith("."))
    except OSError as exc:
        yield InputFile(folder, _rel(folder, base), "text", error=f"cannot list folder: {exc.strerror or exc}")
        return
    for name, kind in entries:
        rel = f"{below}/{name}" if below else name
        if kind is None or _excluded(name, rel, sel):
            continue
        path = name if folder == os.curdir else os.path.join(folder, name)
        if kind == "dir":
            if max_depth is None or rel.count("/") + 1 < max_depth:
                yield from _walk(path, rel, sel, base, wanted, max_depth)
        elif wanted(name, rel, sel):
            yield InputFile(path, _rel(path, base), guess_format(name, sel))


def _kind(entry: os.DirEntry) -> str | None:
    """ "dir" for a real folder, "file" for a file or a link that is not a folder (a broken
    link is an input that will fail to read, and be reported), None for anything else."""
    try:
        if entry.is_dir(follow_symlinks=False):
            return "dir"
        if entry.is_file() or (entry.is_symlink() and not entry.is_dir()):
            return "file"
    except OSError:
        return "file"
    return None


def _glob(arg: str, sel: Selection, base: str) -> Iterator[InputFile]:
    """Files under the glob's fixed folder whose path below it matches the rest of the glob."""
    root, pattern = split_glob(arg)
    regex = _glob_regex(pattern)
    depth = None if "**" in pattern else pattern.count("/") + 1
    found = False
    if os.path.isdir(root):
        for item in _walk(root, "", sel, base, lambda _n, rel, _s: bool(regex.fullmatch(rel)), depth):
            found = True
            yield item
    if not found:
        yield InputFile(arg, arg, "text", error="no file matches this pattern")


def _glob_regex(pattern: str) -> re.Pattern:
    """A shell glob as a regex over "/"-separated paths: `*` and `?` stay within a name,
    `**` spans folders, `[...]` is a character class."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1 : end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))
