"""An `Article` as the command line writes it: a JSON record (one line), the body as text, or Markdown."""

from __future__ import annotations

import json

from ..model import Article

# Everything a record can hold, in output order; `path` always comes first (resuming a
# JSON-lines run reads it back from the start of each line), `blocks` comes with --explain,
# `markdown` (title and body as Markdown, built only when asked for) and `comments` (the
# page's user comments, a list of strings) with --fields.
FIELDS = (
    "path",
    "title",
    "date",
    "time",
    "byline",
    "authors",
    "date_source",
    "lang",
    "confidence",
    "kind",
    "kind_reason",
    "encoding",
    "format",
    "body",
    "comments",
    "markdown",
    "blocks",
)
DEFAULT_FIELDS = (
    "path",
    "title",
    "date",
    "time",
    "byline",
    "authors",
    "date_source",
    "lang",
    "confidence",
    "kind",
    "body",
)
PATH_PREFIX = '{"path": '


def parse_fields(spec: str) -> tuple[str, ...]:
    """`--fields title,body` to the fields in output order, `path` included; ValueError names unknown ones."""
    asked = {f.strip() for f in spec.split(",") if f.strip()}
    unknown = sorted(asked - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(unknown)}; choose from {', '.join(FIELDS)}")
    return tuple(f for f in FIELDS if f in asked or f == "path")


def json_line(path: str, article: Article, fields: tuple[str, ...]) -> str:
    """One JSON object on one line (JSON escapes newlines, so "\\n" only ends records)."""
    data = article.to_dict(blocks="blocks" in fields)
    data["path"] = path
    if "markdown" in fields:
        data["markdown"] = article.markdown
    return json_object({f: data[f] for f in fields})


def json_object(data: dict) -> str:
    """`data` as one line of JSON. Write it with errors="backslashreplace": a file name
    that is not UTF-8 (Python keeps its bytes as lone surrogates) then comes out as a JSON
    \\udcXX escape, which reads back to the same name."""
    return json.dumps(data, ensure_ascii=False) + "\n"


def body_text(article: Article) -> str:
    """The body alone, one paragraph per line, newline-terminated (empty for no body)."""
    return article.body + "\n" if article.body else ""


def markdown_text(article: Article) -> str:
    """The title and body as Markdown, newline-terminated (empty for no title and no body)."""
    return article.markdown


# What `-o DIR/ --as KIND` writes for each input, instead of a JSON record.
DOCUMENTS = {"txt": body_text, "md": markdown_text}


def record_path(line: str) -> str | None:
    """The `path` of a complete record line written by `json_line` (also with the "," of a
    JSON array after it), or None for anything else: a cut-off or foreign line."""
    line = line.rstrip("\n").rstrip(",")
    if not (line.startswith(PATH_PREFIX) and line.endswith("}")):
        return None
    try:
        path, _ = json.JSONDecoder().raw_decode(line, len(PATH_PREFIX))
    except ValueError:
        return None
    return path if isinstance(path, str) else None
