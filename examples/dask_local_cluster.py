"""Clean a folder of pages, or JSON lines of pages, on a Dask cluster of worker processes.

    pip install "cleanarticle[dask]"
    python examples/dask_local_cluster.py seeds/ clean-out/              # a folder of .txt/.html files
    python examples/dask_local_cluster.py 'crawl/*.jsonl' clean-out/     # records with a "text" field
    python examples/dask_local_cluster.py seeds/ clean-out/ --scheduler tcp://host:8786   # a running cluster

Writes clean-out/part-*.jsonl, one record per page: the input's `path` (or every field of
the JSON record but its text) plus the `article_*` fields, and prints how many pages failed
(with --on-error drop, the failed pages are counted and left out of the output).
Without --scheduler it starts a `distributed.LocalCluster` of --workers processes with one
thread each (cleanarticle is pure Python, so threads would share one core).
"""
from __future__ import annotations

import argparse
import glob
import json
import pathlib
import sys

import dask
import dask.bag as db
from distributed import Client, LocalCluster

from cleanarticle.integrations.dask import clean_bag

SUFFIXES = {".txt", ".text", ".html", ".htm"}


def read_page(path: str) -> dict:
    """A page as a record; bytes, so that cleanarticle detects the encoding."""
    return {"path": path, "text": pathlib.Path(path).read_bytes()}


def pages(source: str, partition_mb: int) -> db.Bag:
    """A bag of records from a folder of pages, or from JSON-lines files (a path or a glob)."""
    folder = pathlib.Path(source)
    if folder.is_dir():
        paths = sorted(str(p) for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not paths:
            sys.exit(f"no .txt/.html pages under {source}")
        return db.from_sequence(paths, npartitions=min(len(paths), 64)).map(read_page)
    if not glob.glob(source):
        sys.exit(f"{source}: no such folder or JSON-lines file")
    return db.read_text(source, blocksize=partition_mb * 2**20).map(json.loads)


def without_text(record: dict) -> dict:
    """What is written: everything but the raw page, which can be large (and bytes)."""
    return {k: v for k, v in record.items() if k != "text"}


def failed(record: dict) -> bool:
    return record["article_error"] is not None


def json_lines(records: list[dict]) -> list[str]:
    """A partition as one string of JSON lines. (`to_textfiles(last_endline=True)` would
    write a lone blank line for a partition left empty by --on-error drop.)"""
    return ["".join(json.dumps(without_text(r), ensure_ascii=False) + "\n" for r in records)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", help="a folder of .txt/.html pages, or JSON-lines file(s) (a path or a glob)")
    parser.add_argument("output", help="folder for part-*.jsonl")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster (default 2)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler, instead of a local cluster")
    parser.add_argument("--lang", help="ISO 639-1 language of every page (default: detect per page)")
    parser.add_argument("--on-error", choices=("keep", "drop"), default="keep")
    parser.add_argument("--partition-mb", type=int, default=16, help="JSON-lines partition size (default 16)")
    args = parser.parse_args()

    # Failed pages are kept here, so that they can be counted, and dropped from what is
    # written when --on-error drop says so.
    cleaned = clean_bag(pages(args.source, args.partition_mb), lang=args.lang, on_error="keep")
    kept = cleaned if args.on_error == "keep" else cleaned.remove(failed)
    out = pathlib.Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    writes = kept.map_partitions(json_lines).to_textfiles(str(out / "part-*.jsonl"), compute=False)
    if args.scheduler:
        client, cluster = Client(args.scheduler), None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    with client:
        # One pass: the three results share the cleaned partitions, so each page is cleaned once.
        _, total, failures = dask.compute(writes, cleaned.count(), cleaned.filter(failed).count())
    if cluster is not None:
        cluster.close()
    dropped = " (not written)" if args.on_error == "drop" else ""
    print(f"{total} pages, {failures} failed{dropped}; written to {out}/part-*.jsonl", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
