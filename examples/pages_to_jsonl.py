"""Pack a folder of scraped pages into JSON lines, the input of datatrove's JsonlReader.

    python examples/pages_to_jsonl.py seeds/ pages/seeds.jsonl

One record per .txt/.html file: {"id": path below the folder, "text": the page}. Pages
are decoded like cleanarticle does (UTF-8, else the documented fallback), so that a
legacy page survives the trip through JSON.
"""
from __future__ import annotations

import json
import pathlib
import sys

from cleanarticle.decode import to_text

SUFFIXES = {".txt", ".text", ".html", ".htm"}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder, target = pathlib.Path(argv[0]), pathlib.Path(argv[1])
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as out:
        for path in paths:
            text, _ = to_text(path.read_bytes())
            out.write(json.dumps({"id": str(path.relative_to(folder)), "text": text}, ensure_ascii=False) + "\n")
    print(f"{len(paths)} pages written to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
