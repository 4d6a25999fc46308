"""Clean JSON-lines pages with datatrove: JsonlReader -> cleanarticle -> JsonlWriter.

    pip install "cleanarticle[datatrove]"
    python examples/pages_to_jsonl.py seeds/ pages/seeds.jsonl
    python examples/datatrove_pipeline.py pages/ clean-out/ --tasks 2 --workers 2

Each output record has the article body as its `text`, and `article_title`, `article_date`,
`article_byline`, `article_lang`, ... in its `metadata`; the step's counters (kept,
dropped, failed) are printed at the end and saved in LOGS/stats.json. The same pipeline
list runs unchanged on datatrove's SlurmPipelineExecutor or RayPipelineExecutor.
"""
from __future__ import annotations

import argparse
import sys

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleanarticle.integrations.datatrove import CleanArticleExtractor, CleanArticleTextExtractor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", help="folder of .jsonl(.gz) files with a `text` field")
    parser.add_argument("output", help="folder for the cleaned .jsonl files")
    parser.add_argument("--tasks", type=int, default=2, help="datatrove tasks (shards of the input files)")
    parser.add_argument("--workers", type=int, default=2, help="tasks run at once (processes)")
    parser.add_argument("--logs", default=None, help="datatrove logging folder (default: OUTPUT-logs)")
    parser.add_argument("--text", action="store_true", help="the pages are plain text: never parse them as HTML")
    parser.add_argument("--lang", help="ISO 639-1 language of every page (default: detect per page)")
    parser.add_argument("--on-error", choices=("drop", "keep"), default="drop")
    args = parser.parse_args()

    step_class = CleanArticleTextExtractor if args.text else CleanArticleExtractor
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(args.source),
            step_class(lang=args.lang, on_error=args.on_error),
            JsonlWriter(args.output, compression=None),
        ],
        tasks=args.tasks,
        workers=args.workers,
        logging_dir=args.logs or f"{args.output.rstrip('/')}-logs",
    ).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
