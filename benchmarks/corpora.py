"""Corpora: the files a system reads, in one format, with gold answers where there are any.

Three folder layouts are understood, so `--corpus DIR` takes any of them:

- seeds: `*.txt` pages and `gold/*.json` hand labels (`seeds/`);
- readability: one folder per page with `source.txt` and/or `source.html` (or
  `source.html.gz`, unpacked once to a temporary folder), `expected.txt` and
  `expected-metadata.json` (`../shared/corpus/readability`) -- one corpus per source;
- anything else: its `.txt`/`.text` and `.html`/`.htm` files, timed but not scored.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import pathlib
import tempfile
from dataclasses import dataclass, replace

from .scoring import READABILITY, SEEDS, SHARED_READABILITY, Page, readability_pages, seed_pages

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class Corpus:
    """Files of one format; `pages[i]` is the gold for `paths[i]` (empty: speed only)."""

    name: str
    format: str                      # "text" or "html"
    paths: tuple[str, ...]
    pages: tuple[Page, ...] = ()
    langs: tuple[str | None, ...] = ()

    def __post_init__(self):
        if self.format not in ("text", "html"):
            raise ValueError(f"corpus format must be 'text' or 'html', not {self.format!r}")
        if self.pages and len(self.pages) != len(self.paths):
            raise ValueError(f"{self.name}: {len(self.pages)} gold pages for {len(self.paths)} files")
        if not self.langs:
            object.__setattr__(self, "langs", tuple(p.lang for p in self.pages) or (None,) * len(self.paths))

    @property
    def scored(self) -> bool:
        return bool(self.pages)


def head(corpus: Corpus, n: int) -> Corpus:
    """The first `n` pages (the smoke test and `--pages` use it)."""
    return replace(corpus, paths=corpus.paths[:n], pages=corpus.pages[:n], langs=corpus.langs[:n])


def seeds_corpus(root: pathlib.Path = SEEDS, name: str = "seeds") -> Corpus:
    pages = tuple(seed_pages(root))
    return Corpus(f"{name} (text)", "text", tuple(str(root / p.name) for p in pages), pages)


def _unpacked(gz: pathlib.Path, root: pathlib.Path) -> pathlib.Path:
    """A plain copy of a gzipped source (the committed corpus keeps its HTML so), made once.

    Every system then reads the same plain bytes from disk, as it would a crawl; unpacking
    inside the timed loop would add the same cost to all and blur the ratios.
    """
    key = hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:10]
    out = pathlib.Path(tempfile.gettempdir(), "cleanarticle-bench-corpora", f"{root.name}-{key}",
                       gz.parent.name, gz.name.removesuffix(".gz"))
    if not out.is_file() or out.stat().st_mtime < gz.stat().st_mtime:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        tmp.write_bytes(gzip.decompress(gz.read_bytes()))
        tmp.replace(out)
    return out


def _source(folder: pathlib.Path, source: str, root: pathlib.Path) -> pathlib.Path | None:
    if (folder / source).is_file():
        return folder / source
    gz = folder / f"{source}.gz"
    return _unpacked(gz, root) if gz.is_file() else None


def readability_corpora(root: pathlib.Path, name: str = "readability") -> list[Corpus]:
    """One corpus per source kind that every page folder has (plain, or gzipped: `source.html.gz`)."""
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    out = []
    for source, fmt in (("source.txt", "text"), ("source.html", "html")):
        if not folders or not all((f / source).is_file() or (f / f"{source}.gz").is_file() for f in folders):
            continue
        pages = tuple(readability_pages(root, source))
        paths = tuple(str(_source(root / p.name, source, root)) for p in pages)
        out.append(Corpus(f"{name} ({fmt})", fmt, paths, pages))
    return out


def plain_corpora(root: pathlib.Path) -> list[Corpus]:
    """Every text and HTML file under `root`, without gold: speed rows only."""
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    out = []
    for fmt in ("text", "html"):
        paths = tuple(str(p) for p in files if SUFFIXES[p.suffix.lower()] == fmt)
        if paths:
            out.append(Corpus(f"{root.name} ({fmt})", fmt, paths))
    return out


def folder_corpora(root: str | pathlib.Path) -> list[Corpus]:
    """The corpora in a folder, whichever of the three layouts it has."""
    root = pathlib.Path(root)
    if not root.is_dir():
        raise ValueError(f"--corpus {root}: not a folder")
    if (root / "gold").is_dir():
        return [seeds_corpus(root, root.name)]
    if any((p / "expected.txt").is_file() for p in root.iterdir() if p.is_dir()):
        return readability_corpora(root, root.name)
    found = plain_corpora(root)
    if not found:
        raise ValueError(f"--corpus {root}: no .txt or .html files")
    return found


def default_corpora() -> list[Corpus]:
    """Seeds (text) and the readability pages (text and, from ../shared, HTML)."""
    readability = SHARED_READABILITY if SHARED_READABILITY.is_dir() else READABILITY
    return [seeds_corpus(), *readability_corpora(readability)]
