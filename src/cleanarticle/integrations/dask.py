"""cleanarticle on Dask (`pip install "cleanarticle[dask]"`): clean a bag or a dataframe column.

    import dask.bag as db
    from cleanarticle.integrations.dask import clean_bag, clean_dataframe

    records = clean_bag(db.read_text("pages/*.jsonl").map(json.loads), lang="vi")
    frame = clean_dataframe(dd.read_parquet("pages/"), column="html")

Both work partition by partition (`map_partitions`): the partitioning is kept, nothing is
shuffled, and each worker needs only cleanarticle installed. The output has the input's
fields plus `article_body`, `article_title`, `article_date`, `article_time`,
`article_byline`, `article_authors`, `article_date_source`, `article_lang`,
`article_confidence`, `article_kind`, `article_kind_reason`, `article_comments` (the page's
user comments, a list of strings) and `article_error`. A page that
cannot be cleaned never fails its partition: by default (`on_error="keep"`) it stays, with
`article_error` saying why and the other `article_*` fields empty, so failures can be
counted; `on_error="drop"` removes it.
`min_confidence=0.8` and/or `kinds={"article"}` drop cleaned pages under that confidence or
of other kinds (a failure is kept or dropped by `on_error` alone). `markdown=True` adds
`article_markdown`: the title and body as Markdown (headings, lists, tables; with links and
images when `links=True` / `images=True` keep them), built only when asked for.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError('cleanarticle.integrations.dask needs dask: pip install "cleanarticle[dask]"') from exc

from .documents import (
    BODY_KEY,
    DROP,
    KEEP,
    MARKDOWN_KEY,
    PREFIX,
    EngineOptions,
    Outcome,
    clean_document,
    engine_options,
    record_fields,
)

# The columns `clean_dataframe` adds, with their dtypes (declared as `meta`, and given to
# every partition's output, so that the two always agree).
_TEXT = "string"
COLUMN_DTYPES: dict[str, Any] = {
    BODY_KEY: _TEXT,
    PREFIX + "title": _TEXT,
    PREFIX + "date": _TEXT,
    PREFIX + "time": _TEXT,
    PREFIX + "byline": _TEXT,
    PREFIX + "authors": object,  # a list of names per row
    PREFIX + "date_source": _TEXT,
    PREFIX + "lang": _TEXT,
    PREFIX + "confidence": "float64",
    PREFIX + "kind": _TEXT,
    PREFIX + "kind_reason": _TEXT,
    PREFIX + "comments": object,  # a list of comments per row
    PREFIX + "error": _TEXT,
}
# The column `markdown=True` adds.
MARKDOWN_DTYPES: dict[str, Any] = {MARKDOWN_KEY: _TEXT}


def _columns(options: EngineOptions) -> dict[str, Any]:
    """The columns a dataframe gets (with their dtypes): the Markdown only when asked for."""
    return {**COLUMN_DTYPES, **MARKDOWN_DTYPES} if options.markdown else COLUMN_DTYPES


def clean_bag(
    bag: db.Bag,
    *,
    key: str = "text",
    on_error: str = KEEP,
    min_confidence: float | None = None,
    kinds: Collection[str] | None = None,
    markdown: bool = False,
    **clean_options: Any,
) -> db.Bag:
    """Clean a bag of pages: each item a `str`/`bytes` page, or a record (dict) with the page under `key`.

    A page becomes a dict of the `article_*` fields; a record becomes a copy of itself plus
    those fields (a record's own `article_*` keys are replaced). `clean_options` are
    `CleanOptions` fields (`format`, `lang`, `max_bytes`, `disabled_rules`, ...) or a whole
    `options=CleanOptions(...)`; `min_confidence` and
    `kinds` drop the pages they filter out; `markdown=True` adds `article_markdown`.
    """
    options = engine_options("clean_bag", on_error, clean_options, min_confidence, kinds, markdown=markdown)
    return bag.map_partitions(clean_items, key, options)


def clean_dataframe(
    df: dd.DataFrame,
    column: str = "text",
    *,
    on_error: str = KEEP,
    min_confidence: float | None = None,
    kinds: Collection[str] | None = None,
    markdown: bool = False,
    **clean_options: Any,
) -> dd.DataFrame:
    """Clean the pages in `df[column]`: the same frame (column and partitions kept) plus the
    `article_*` columns of `COLUMN_DTYPES` (and `article_markdown` with `markdown=True`).
    `clean_options` as for `clean_bag`; `min_confidence` and `kinds` drop the rows they filter out."""
    options = engine_options("clean_dataframe", on_error, clean_options, min_confidence, kinds, markdown=markdown)
    if column not in df.columns:
        raise KeyError(f"clean_dataframe: no column {column!r}; the frame has {', '.join(map(str, df.columns))}")
    columns = _columns(options)
    taken = [name for name in columns if name in df.columns]
    if taken:
        raise ValueError(
            f"clean_dataframe: the frame already has {', '.join(taken)}; "
            "rename or drop them first (they would be overwritten)"
        )
    meta = list(df.dtypes.items()) + list(columns.items())
    return df.map_partitions(clean_partition, column, options, meta=meta)


def clean_items(items: Iterable[Any], key: str, options: EngineOptions) -> list[dict[str, Any]]:
    """One bag partition: each page or record to its output record (failures kept or dropped)."""
    out = []
    for item in items:
        if isinstance(item, Mapping):
            outcome = (
                clean_document(item[key], options, url=_url(item))
                if key in item
                else Outcome(None, f"KeyError: the record has no {key!r}")
            )
            record = dict(item)
        else:
            outcome, record = clean_document(item, options), {}
        if not _kept(outcome, options):
            continue
        record.update(record_fields(outcome, options))
        out.append(record)
    return out


def clean_partition(part: pd.DataFrame, column: str, options: EngineOptions) -> pd.DataFrame:
    """One dataframe partition: the `article_*` columns added, failed rows kept or dropped."""
    urls = part["url"].tolist() if "url" in part.columns else [None] * len(part)
    outcomes = [
        clean_document(raw, options, url=url if isinstance(url, str) else None)
        for raw, url in zip(part[column].tolist(), urls)
    ]
    if options.on_error == DROP or options.min_confidence is not None or options.kinds is not None:
        ok = [_kept(o, options) for o in outcomes]
        part = part[ok]
        outcomes = [o for o, good in zip(outcomes, ok) if good]
    rows = [record_fields(o, options) for o in outcomes]
    columns = {
        name: pd.Series([row[name] for row in rows], index=part.index, dtype=dtype)
        for name, dtype in _columns(options).items()
    }
    return part.assign(**columns)


def _kept(outcome: Outcome, options: EngineOptions) -> bool:
    """Whether a page stays: a failure by `on_error`, a cleaned page by the confidence/kind filter."""
    if outcome.error is not None:
        return options.on_error != DROP
    return options.skip_reason(record_fields(outcome)) is None


def _url(record: Mapping[str, Any]) -> str | None:
    """The page address, when a record has one (crawl exports call it `url`)."""
    url = record.get("url")
    return url if isinstance(url, str) else None
