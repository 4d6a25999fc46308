"""Does a change alter any output? `clean()` of two git revisions, page by page.

    python -m benchmarks.compare_revisions main HEAD            # both modes, every corpus
    python -m benchmarks.compare_revisions 641c16d WORKTREE --mode html --corpus readability

Each revision is checked out with `git worktree add` into a temporary directory (the
special name WORKTREE means this checkout's files as they are, uncommitted edits
included) and run in its own subprocess with its `src/` first on PYTHONPATH, so the two
never share an import. Pages: the seeds, the 130 readability pages and the 999 pages of
`../shared/corpus/wcxb` (skipped, with a message, when absent), in text mode
(`source.txt`) and HTML mode (`source.html`). For every page the fields below and every
block's label and reason must be equal; fields added later (a block's `rule` and
`first_label`) are outside the comparison, so a refactor that only adds them compares
equal. Exit status 1 when any page differs, 2 when a revision fails to run.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import pathlib
import subprocess
import sys
import tempfile
from collections.abc import Iterator

ROOT = pathlib.Path(__file__).resolve().parents[1]
WCXB = ROOT.parent / "shared" / "corpus" / "wcxb"
WORKTREE = "WORKTREE"
FIELDS = ("title", "body", "date", "time", "byline", "authors", "date_source", "lang", "confidence",
          "encoding", "format")
CORPORA = ("seeds", "readability", "wcxb")
MODES = ("text", "html")

# Runs inside each revision's subprocess: it must work on any revision (it only uses
# `clean()`, `Article`'s fields and `Block.label`/`reason`), so it lives here, not there.
_DUMPER = r'''
import gzip, json, pathlib, sys
from cleanarticle import clean
fields, jobs = json.loads(sys.argv[1]), json.loads(pathlib.Path(sys.argv[2]).read_text(encoding="utf-8"))
out = open(sys.argv[3], "w", encoding="utf-8")
for name, path, mode in jobs:
    p = pathlib.Path(path)
    raw = gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
    text = raw.decode("utf-8", "replace")
    try:
        a = clean(text, format=mode)
        rec = {f: getattr(a, f) for f in fields}
        rec["authors"] = list(a.authors)
        rec["blocks"] = [[b.label, b.reason] for b in a.blocks]
    except Exception as exc:
        rec = {"error": f"{type(exc).__name__}: {exc}"}
    out.write(json.dumps([name, mode, rec], ensure_ascii=False) + "\n")
out.close()
'''


def pages(corpora: tuple[str, ...], modes: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    """(name, path, mode) of every page to compare; a missing corpus is reported and skipped."""
    for corpus in corpora:
        if corpus == "seeds":
            if "text" in modes:
                for gold in sorted((ROOT / "seeds" / "gold").glob("*.json")):
                    file = json.loads(gold.read_text(encoding="utf-8"))["file"]
                    yield f"seeds/{file}", str(ROOT / "seeds" / file), "text"
            continue
        root = ROOT / "tests" / "corpora" / "readability" if corpus == "readability" else WCXB
        if not root.is_dir():
            print(f"skipping {corpus}: {root} is absent", file=sys.stderr)
            continue
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            for mode in modes:
                source = folder / ("source.txt" if mode == "text" else "source.html")
                if not source.exists():
                    source = source.with_name(source.name + ".gz")
                if source.exists():
                    yield f"{corpus}/{folder.name}", str(source), mode


@contextlib.contextmanager
def checkout(rev: str, tmp: pathlib.Path) -> Iterator[pathlib.Path]:
    """The `src/` directory of `rev`, checked out in `tmp` for as long as it is needed."""
    if rev == WORKTREE:
        yield ROOT / "src"
        return
    where = tmp / rev.replace("/", "_")
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(where), rev], check=True)
    try:
        yield where / "src"
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(where)], check=False)


def run(rev: str, jobs: list[tuple[str, str, str]], tmp: pathlib.Path) -> dict[tuple[str, str], dict]:
    """Every page's record as `rev` cleans it."""
    out = tmp / f"{rev.replace('/', '_')}.jsonl"
    pages_file = tmp / "pages.json"  # the list is too long for a command line
    pages_file.write_text(json.dumps(jobs), encoding="utf-8")
    with checkout(rev, tmp) as src:
        env = {**os.environ, "PYTHONPATH": str(src)}
        subprocess.run([sys.executable, "-c", _DUMPER, json.dumps(FIELDS), str(pages_file), str(out)],
                       env=env, check=True, cwd=tmp)
    records = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        name, mode, rec = json.loads(line)
        records[name, mode] = rec
    return records


def differences(a: dict, b: dict) -> list[str]:
    """What differs between two records of one page, in words (empty: identical)."""
    if "error" in a or "error" in b:
        return [] if a == b else [f"error: {a.get('error')!r} vs {b.get('error')!r}"]
    out = [f"{f}: {a[f]!r} vs {b[f]!r}" for f in FIELDS if a[f] != b[f] and f != "body"]
    if a["body"] != b["body"]:
        out.append("body differs")
    if len(a["blocks"]) != len(b["blocks"]):
        out.append(f"{len(a['blocks'])} vs {len(b['blocks'])} blocks")
    else:
        for i, (x, y) in enumerate(zip(a["blocks"], b["blocks"])):
            if x != y:
                out.append(f"line {i + 1}: {x[0]} ({x[1]}) vs {y[0]} ({y[1]})")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("old", help="a git revision (or WORKTREE)")
    ap.add_argument("new", help="a git revision (or WORKTREE)")
    ap.add_argument("--mode", choices=MODES, action="append", help="text or html (default: both)")
    ap.add_argument("--corpus", choices=CORPORA, action="append", help="default: all three")
    ap.add_argument("--show", type=int, default=5, help="differences printed per page")
    args = ap.parse_args(argv)
    jobs = list(pages(tuple(args.corpus or CORPORA), tuple(args.mode or MODES)))
    revs = [args.old, args.new]
    shas = [rev if rev == WORKTREE else subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", rev],
                                                        capture_output=True, text=True).stdout.strip() or rev
            for rev in revs]
    with tempfile.TemporaryDirectory(prefix="compare-") as tmp:
        try:
            old, new = (run(rev, jobs, pathlib.Path(tmp)) for rev in revs)
        except subprocess.CalledProcessError as exc:
            print(f"a revision failed to run: {exc}", file=sys.stderr)
            return 2
    changed = 0
    for name, _, mode in jobs:
        diff = differences(old[name, mode], new[name, mode])
        if diff:
            changed += 1
            print(f"{name} [{mode}]: " + "; ".join(diff[:args.show]) + (" ..." if len(diff) > args.show else ""))
    counts = {m: sum(1 for *_, mode in jobs if mode == m) for m in MODES}
    print(f"{shas[0]} vs {shas[1]}: {len(jobs)} page runs ({counts['text']} text, {counts['html']} html), "
          f"{changed} differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
