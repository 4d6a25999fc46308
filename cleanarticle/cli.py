"""Command line: `cleanarticle PATH... [-o out.jsonl]` cleans files and folders to JSON lines."""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
import tempfile
from collections.abc import Iterator

from . import __version__
from .pipeline import clean

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}
FIELDS = ("title", "date", "time", "byline", "authors", "date_source", "lang", "confidence", "body")

EXAMPLES = """examples:
  cleanarticle seeds/ -o out.jsonl         clean every .txt/.html file under seeds/ to JSON lines
  cleanarticle page.txt                    print one JSON object to stdout
  cleanarticle page.txt --explain          ... with every line's label and reason
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cleanarticle", description="Clean scraped news articles (text or HTML).",
                                epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    p.add_argument("-o", "--output", metavar="FILE", help="write JSON lines here (default: stdout)")
    p.add_argument("--format", choices=("auto", "text", "html"), default=None,
                   help="input format (default: by file suffix, else auto)")
    p.add_argument("--lang", help="ISO 639-1 language of every input (default: detect)")
    p.add_argument("--explain", action="store_true", help="include every line's label and reason")
    p.add_argument("--version", action="version", version=f"cleanarticle {__version__}")
    return p


def iter_inputs(paths: list[str]) -> Iterator[pathlib.Path]:
    """Files named directly, and files with a known suffix under folders, in sorted order."""
    for name in paths:
        path = pathlib.Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def record(path: pathlib.Path, fmt: str | None, lang: str | None, explain: bool) -> dict:
    """Clean one file into a JSON-ready record."""
    raw = path.read_bytes()
    article = clean(raw, format=fmt or SUFFIXES.get(path.suffix.lower(), "auto"), lang=lang)
    data = article.to_dict(blocks=explain)
    out = {"path": str(path)}
    out.update({k: data[k] for k in FIELDS})
    if explain:
        out["blocks"] = data["blocks"]
    return out


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["clean"]:  # `cleanarticle clean PATH...` reads the same
        argv = argv[1:]
    args = _parser().parse_args(argv)
    inputs = list(iter_inputs(args.paths))
    if args.output:
        target = pathlib.Path(args.output).resolve()
        if any(p.resolve() == target for p in inputs if p.exists()):
            print(f"cleanarticle: refusing to write {args.output}: it is one of the inputs", file=sys.stderr)
            return 2
    failed = 0
    out, tmp_name = (sys.stdout, None)
    if args.output:
        fd, tmp_name = tempfile.mkstemp(prefix=".cleanarticle-", dir=str(target.parent) or ".")
        out = os.fdopen(fd, "w", encoding="utf-8")
    try:
        for path in inputs:
            try:
                rec = record(path, args.format, args.lang, args.explain)
            except (OSError, ValueError, NotImplementedError) as exc:
                failed += 1
                print(f"cleanarticle: skipped {path}: {exc}", file=sys.stderr)
                continue
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        if tmp_name:
            out.close()
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)  # mkstemp makes 0600; give the usual mode
            os.replace(tmp_name, target)
            tmp_name = None
    finally:
        if tmp_name:
            out.close()
            os.unlink(tmp_name)
    print(f"cleanarticle: {len(inputs) - failed} cleaned, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
