"""Command line: `cleanarticle clean PATH...` cleans a crawl, `cleanarticle explain FILE` shows why.

Exit status: 0 all went well, 1 some file failed, 2 usage error, 130 interrupted (Ctrl-C),
143 terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator

from .. import __version__, limits
from ..kind import KINDS
from ..model import Article
from ..options import CleanOptions
from ..pipeline import clean
from . import explain, files, outputs, progress, records, report_html, runner
from .files import STDIN, InputFile, Selection

COMMANDS = ("clean", "explain")
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".json")
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

EXAMPLES = """examples:
  cleanarticle crawl/ -o articles.jsonl           every .txt/.html under crawl/, as JSON lines
  cleanarticle crawl/ -o clean/ --as txt          mirror the tree: clean/a/b.html.txt holds a/b.html's body
  cleanarticle crawl/ -o md/ --as md              md/a/b.html.md: title and body as Markdown
  cleanarticle 'crawl/**/*.htm' -j 4 -o a.json    a quoted glob, 4 processes, one JSON array
  cat page.txt | cleanarticle - --fields title,date,body,markdown
  cleanarticle crawl/ -o articles.jsonl --resume  continue a run that was interrupted
  cleanarticle explain page.txt                   every line with its label and reason
  cleanarticle explain page.txt --html report.html
"""

CLEAN_NOTES = """output:
  no -o          JSON lines on stdout
  -o FILE.jsonl  JSON lines (.ndjson too); -o FILE.json: one JSON array, a record per line
  -o DIR/        one file per input, mirroring the tree below the inputs' common folder,
                 suffix added (a/b.html.json); a trailing / or an existing folder means a folder
  Records always start with "path"; results come in input order whatever -j is.
  Failures are listed in FILE's stem + .errors.jsonl (DIR/errors.jsonl), or on stderr
  without -o; so are pages skipped by --min-confidence/--kinds (stage "confidence"/"kind"),
  which are not failures (exit status 0). Outputs are written to a temporary file and renamed: an interrupted run
  leaves no half-written file (FILE.partial holds its whole records for --resume).
"""


def main(argv: list[str] | None = None, *, cleaner: Callable[..., Article] = clean) -> int:
    """Entry point of the `cleanarticle` command (and of `python -m cleanarticle`).
    `cleaner` stands in for `clean` in `clean` runs (the tests' slow and hanging files)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "clean")  # `cleanarticle PATH...` is `cleanarticle clean PATH...`
    parser = _parser()
    args = parser.parse_args(argv)
    args.cleaner = cleaner
    return args.command(args, args.subparser)


def _parser() -> argparse.ArgumentParser:
    raw = argparse.RawDescriptionHelpFormatter
    top = argparse.ArgumentParser(
        prog="cleanarticle",
        formatter_class=raw,
        epilog=EXAMPLES,
        description="Clean scraped news pages (plain text or HTML) into articles: title, date, byline, body.\n"
        "`cleanarticle PATH...` is short for `cleanarticle clean PATH...`.",
    )
    top.add_argument("--version", action="version", version=f"cleanarticle {__version__}")
    sub = top.add_subparsers(title="commands", metavar="COMMAND", required=True)

    c = sub.add_parser(
        "clean",
        help="clean files, folders and globs",
        formatter_class=raw,
        description="Clean files, folders (recursively) and globs; - reads stdin.",
        epilog=CLEAN_NOTES + "\n" + EXAMPLES,
    )
    c.set_defaults(command=run_clean, subparser=c)
    c.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, glob ('crawl/**/*.html'), or - for stdin")
    c.add_argument("-o", "--output", metavar="OUT", help="FILE.jsonl, FILE.json or DIR/ (default: stdout)")
    c.add_argument(
        "--as",
        dest="as_",
        choices=("json", "txt", "md"),
        default="json",
        help="with -o DIR/: write a .json record, the body alone as .txt, or the title and body "
        "as Markdown (.md) (default: json)",
    )
    c.add_argument("--fields", help=f"comma-separated fields to write (path always): {', '.join(records.FIELDS)}")
    c.add_argument(
        "--explain",
        action="store_true",
        help="add every line's label, reason, rule id and first label (the blocks field)",
    )
    c.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="take files matching GLOB in folders (repeatable; default: *.txt *.text *.html *.htm)",
    )
    c.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip files and folders matching GLOB (repeatable)",
    )
    _add_page_options(c)
    c.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=_cpu_count(),
        metavar="N",
        help=f"processes cleaning in parallel (default: all cores, here {_cpu_count()})",
    )
    c.add_argument(
        "--max-bytes",
        type=_non_negative_int,
        default=limits.MAX_BYTES,
        metavar="N",
        help=f"skip (and list) files larger than N bytes (default {limits.MAX_BYTES:,}; 0: no limit)",
    )
    c.add_argument(
        "--timeout",
        type=_positive_float,
        metavar="SECONDS",
        help="give up on a file after this long; it is listed as failed and the run goes on",
    )
    c.add_argument(
        "--min-confidence",
        type=_unit_float,
        metavar="X",
        help="skip pages whose confidence is below X (0-1; 0.8 keeps real articles); "
        "they are listed in the errors/skips report with stage 'confidence'",
    )
    c.add_argument(
        "--kinds",
        type=_kinds,
        metavar="K[,K...]",
        help=f"keep only pages of these kinds ({', '.join(KINDS)}); others are listed with stage 'kind'",
    )
    c.add_argument(
        "--resume",
        action="store_true",
        help="skip inputs already in the output (DIR/: output file exists; FILE: a complete record)",
    )
    c.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary (failures still listed)")
    c.add_argument("-v", "--verbose", action="store_true", help="also print each failure, with its traceback")

    e = sub.add_parser(
        "explain",
        help="show every line of one page with its label and reason",
        formatter_class=raw,
        description="Show every line of one page with its label and the reason for it: "
        "the fastest way to see why a line was dropped.",
        epilog="examples:\n  cleanarticle explain page.txt | less -R\n"
        "  cleanarticle explain page.html --html report.html",
    )
    e.set_defaults(command=run_explain, subparser=e)
    e.add_argument("file", metavar="FILE", help="the page (- for stdin)")
    e.add_argument("--html", metavar="REPORT", help="write a self-contained HTML page here instead")
    e.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour labels (auto: on a terminal, unless NO_COLOR is set)",
    )
    _add_page_options(e)
    return top


def _add_page_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=("auto", "text", "html"),
        help="input format (default: html for .html/.htm, else text; stdin: auto)",
    )
    p.add_argument("--lang", help="ISO 639-1 language of the input(s) (default: detect per page)")
    p.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="RULE",
        help="turn a labelling rule off by its id, e.g. revise.teaser (repeatable; "
        "the ids are in the README's rule table)",
    )


def _clean_options(args: argparse.Namespace, parser: argparse.ArgumentParser, **fields) -> CleanOptions:
    """The page options of the command line, checked at once (a bad one is a usage error)."""
    try:
        return CleanOptions(lang=args.lang, disabled_rules=frozenset(args.disable), **fields)
    except (TypeError, ValueError) as exc:
        parser.error(str(exc))


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _non_negative_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def _unit_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {text!r}")
    return value


def _kinds(text: str) -> frozenset[str]:
    kinds = frozenset(k.strip() for k in text.split(",") if k.strip())
    unknown = sorted(kinds - set(KINDS))
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(
            f"unknown kind(s) {', '.join(unknown) or repr(text)}; choose from {', '.join(KINDS)}"
        )
    return kinds


def _cpu_count() -> int:
    """Cores this process may use (a container's limit, not the host's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


# --- clean -------------------------------------------------------------------------------


class _Terminated(BaseException):
    """SIGTERM, turned into an exception so that cleanup runs as for Ctrl-C (a BaseException,
    like KeyboardInterrupt, so that the per-file `except Exception` does not swallow it)."""


def run_clean(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """`cleanarticle clean`: check the options (exit 2), then run."""
    sel = Selection(tuple(args.include), tuple(args.exclude), args.format)
    if args.output and files.selects(args.paths, sel, args.output):
        print(f"cleanarticle: refusing to write {args.output}: it is one of the inputs", file=sys.stderr)
        return EXIT_USAGE
    kind = _output_kind(args, parser)
    try:
        fields = records.parse_fields(args.fields) if args.fields else records.DEFAULT_FIELDS
    except ValueError as exc:
        parser.error(str(exc))
    if args.explain:
        fields = tuple(f for f in records.FIELDS if f in fields or f == "blocks")
    options = _clean_options(args, parser, max_bytes=args.max_bytes or None)
    document = args.as_ if kind == "dir" and args.as_ in records.DOCUMENTS else None
    job = runner.Job(
        fields=fields,
        document=document,
        options=options,
        timeout=args.timeout,
        traceback=args.verbose,
        cleaner=args.cleaner,
        min_confidence=args.min_confidence,
        kinds=args.kinds,
    )
    base = files.mirror_base(args.paths)
    problem = _refusal(args, sel, kind)
    if problem:
        print(f"cleanarticle: refusing to write {args.output}: {problem}", file=sys.stderr)
        return EXIT_USAGE
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        return _run(args, sel, job, kind, base)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _output_kind(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str:
    """ "stdout", "file" or "dir", after the checks that make a usage error."""
    out = args.output
    kind = "stdout" if not out else "dir" if out.endswith(("/", os.sep)) or os.path.isdir(out) else "file"
    if kind == "file" and not out.lower().endswith(RECORD_SUFFIXES):
        parser.error(f"-o {out}: name a .jsonl or .json file, or a folder ending in /")
    if args.paths.count(STDIN) > 1:
        parser.error("- (stdin) can be given once")
    if kind == "dir" and STDIN in args.paths:
        parser.error("- (stdin) has no name to mirror: use -o FILE.jsonl or stdout")
    if args.resume and (kind == "stdout" or STDIN in args.paths):
        parser.error("--resume needs -o FILE or -o DIR/ and no - (stdin)")
    if args.as_ in records.DOCUMENTS and kind != "dir":
        parser.error(f"--as {args.as_} needs -o DIR/")
    if args.as_ in records.DOCUMENTS and (args.fields or args.explain):
        parser.error(f"--as {args.as_} writes one document per input: --fields and --explain need json")
    return kind


def _refusal(args: argparse.Namespace, sel: Selection, kind: str) -> str | None:
    """Why writing the output could touch an input (then we refuse), or None."""
    if kind == "file":
        for path in (args.output + ".partial", _errors_path(args.output, kind)):
            if files.selects(args.paths, sel, path):
                return f"{path} is one of the inputs"
    elif kind == "dir":
        out = os.path.realpath(args.output)
        for arg in args.paths:
            root = os.path.realpath(files.root_of(arg))
            if os.path.commonpath([out, root]) in (out, root):
                return f"it overlaps the input {arg} (outputs could overwrite or be read as inputs)"
    return None


def _errors_path(output: str, kind: str) -> str:
    if kind == "dir":
        return os.path.join(output, "errors.jsonl")
    stem, _ = os.path.splitext(output)
    return stem + ".errors.jsonl"


def _raise_terminated(_signum, _frame):
    raise _Terminated


def _run(args: argparse.Namespace, sel: Selection, job: runner.Job, kind: str, base: str) -> int:
    tally = progress.Tally()
    show_bar = not args.quiet and sys.stderr.isatty()
    bar = (
        progress.Bar(sys.stderr, lambda: sum(1 for _ in files.iter_inputs(args.paths, sel, base)))
        if show_bar
        else progress.NoBar(sys.stderr)
    )
    if kind == "file" and not args.resume and os.path.exists(args.output + ".partial") and not args.quiet:
        bar.write(
            f"cleanarticle: starting over: replacing {args.output}.partial left by an interrupted run "
            "(--resume continues it instead)"
        )
    try:
        sink, errors = _open_output(args, kind)
    except OSError as exc:
        print(f"cleanarticle: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    inputs = files.iter_inputs(args.paths, sel, base)
    single = len(args.paths) == 1 and (args.paths[0] == STDIN or os.path.isfile(args.paths[0]))
    jobs = 1 if single else args.jobs
    if args.verbose:
        bar.write(f"cleanarticle: {jobs} process{'es' if jobs > 1 else ''}, writing to {args.output or 'stdout'}")
    status = None
    try:
        tasks = runner.tasks_for(_not_done(inputs, sink, args.resume, tally, bar))
        if jobs == 1:
            _consume(runner.run_here(tasks, job), sink, errors, tally, bar, args.verbose)
        else:
            with runner.Pool(jobs, job) as pool:
                _consume(pool.map(tasks), sink, errors, tally, bar, args.verbose)
        sink.finish()
    except (KeyboardInterrupt, _Terminated) as exc:
        status = 143 if isinstance(exc, _Terminated) else EXIT_INTERRUPTED
        sink.abort()
    except BrokenPipeError:  # `cleanarticle crawl/ | head`: the reader has gone, stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sink.abort()
        status = EXIT_FAILED
    except OSError as exc:  # the output cannot be written (disk full, folder removed): stop, say why
        sink.abort()
        print(f"cleanarticle: cannot write {args.output or 'stdout'}: {exc.strerror or exc}", file=sys.stderr)
        status = EXIT_FAILED
    finally:
        bar.close()
        if errors is not None:
            errors.close()
    if status is not None:
        if status != EXIT_FAILED:
            message = f"cleanarticle: interrupted after {tally.cleaned + tally.failed} files"
            if kind == "file":
                message += f"; {args.output}.partial keeps their records"
            if kind != "stdout":
                message += "; run again with --resume to continue"
            print(message, file=sys.stderr)
        return status
    if not args.quiet:
        where = (
            (
                f"; {'failures' if not tally.filtered else 'skips' if not tally.failed else 'failures and skips'}"
                f" listed in {errors.path}"
            )
            if errors is not None and errors.count
            else ""
        )
        print(f"cleanarticle: {tally.summary()}{where}", file=sys.stderr)
    return EXIT_FAILED if tally.failed else EXIT_OK


def _open_output(args: argparse.Namespace, kind: str):
    """The sink for the results, and the failure log (None: failures go to stderr)."""
    if kind == "stdout":
        return outputs.StdoutSink(sys.stdout.buffer), None
    if kind == "dir":
        os.makedirs(args.output, exist_ok=True)
        sink: outputs.FolderSink | outputs.RecordFileSink = outputs.FolderSink(args.output, "." + args.as_)
    else:
        os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
        sink = outputs.RecordFileSink(args.output, args.resume)
    return sink, outputs.ErrorLog(_errors_path(args.output, kind))


def _not_done(inputs: Iterable[InputFile], sink, resume: bool, tally: progress.Tally, bar) -> Iterator[InputFile]:
    """The inputs left to do: with --resume, those whose output is already complete are counted and skipped."""
    for src in inputs:
        if resume and not src.error and sink.done(src):
            tally.skipped += 1
            bar.update(tally)
            continue
        yield src


def _consume(outcomes: Iterable[runner.Outcome], sink, errors, tally: progress.Tally, bar, verbose: bool) -> None:
    for outcome in outcomes:
        tally.nbytes += outcome.nbytes
        if outcome.error is None:
            sink.write(outcome.source, outcome.payload)
            tally.cleaned += 1
        elif outcome.skipped:  # listed in the report, not a failure
            tally.filtered += 1
            if errors is not None:
                errors.add(outcome.source.path, outcome.stage, outcome.error)
            if errors is None or verbose:
                bar.write(f"cleanarticle: {outcome.source.path}: skipped: {outcome.error}")
        else:
            tally.failed += 1
            if errors is not None:
                errors.add(outcome.source.path, outcome.stage, outcome.error)
            if errors is None or verbose:
                bar.write(f"cleanarticle: {outcome.source.path}: {outcome.stage}: {outcome.error}")
            if verbose and outcome.detail:
                bar.write(outcome.detail.rstrip())
        bar.update(tally)


# --- explain -----------------------------------------------------------------------------


def run_explain(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """`cleanarticle explain FILE [--html REPORT]`."""
    options = _clean_options(args, parser)
    if args.html and args.file != STDIN and os.path.exists(args.html) and os.path.samefile(args.html, args.file):
        print(f"cleanarticle: refusing to write {args.html}: it is the input", file=sys.stderr)
        return EXIT_USAGE
    try:
        raw = sys.stdin.buffer.read() if args.file == STDIN else runner.read_bytes(args.file)
    except OSError as exc:
        print(f"cleanarticle: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    nul = runner.binary_offset(raw)
    if nul is not None:
        print(f"cleanarticle: {args.file} looks binary (NUL byte at offset {nul})", file=sys.stderr)
        return EXIT_FAILED
    try:
        article = clean(raw, options, format=files.guess_format(args.file, Selection(format=args.format)))
    except Exception as exc:  # show the user one line, not a traceback from deep inside
        print(f"cleanarticle: cannot clean {args.file}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if args.html:
        try:
            outputs.write_atomic(args.html, report_html.render(article, args.file))
        except OSError as exc:
            print(f"cleanarticle: cannot write {args.html}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_FAILED
        print(f"cleanarticle: wrote {args.html}", file=sys.stderr)
        return EXIT_OK
    tty = sys.stdout.isatty()
    color = args.color == "always" or (args.color == "auto" and tty and not os.environ.get("NO_COLOR"))
    width = os.get_terminal_size(sys.stdout.fileno()).columns if tty else None
    out = sys.stdout.buffer
    try:
        for line in explain.render(article, args.file, color=color, width=width):
            out.write((line + "\n").encode("utf-8", "backslashreplace"))
        out.flush()
    except BrokenPipeError:  # `cleanarticle explain page.txt | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
